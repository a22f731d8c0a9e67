/**
 * The factors file (version 2) holds the corrected figures of REFERENCE-DATA.md, each with its
 * source, year and dataset row; a malformed file is refused with a message naming the file and the field.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFootprintFactors } from './footprint-factors.loader.js';
import { FootprintFactorsError, validateFootprintFactors } from './footprint-factors.validate.js';
import { formatFigure, formatForDisplay, formatRange, formatSignificant, roundForDisplay } from './footprint.display.js';
import { CARBON_ZONES, DEVICE_TYPES, type SourcedFigure } from './footprint.types.js';

const factors = loadFootprintFactors();
const raw = JSON.parse(readFileSync('templates/footprint-factors.json', 'utf8')) as unknown;

/** Every object of the file with a `value` and a `source`: the figures. */
function figures(node: unknown, path = ''): Array<{ path: string; figure: Record<string, unknown> }> {
  if (Array.isArray(node)) return node.flatMap((x, i) => figures(x, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  const obj = node as Record<string, unknown>;
  const here = 'value' in obj && 'source' in obj ? [{ path, figure: obj }] : [];
  return [...here, ...Object.entries(obj).flatMap(([k, v]) => figures(v, path ? `${path}.${k}` : k))];
}

describe('templates/footprint-factors.json, version 2', () => {
  it('every figure has a listed source with a year, and the dataset row, rule or page it comes from', () => {
    const all = figures(raw);
    expect(all.length).toBeGreaterThan(80);
    for (const { path, figure } of all) {
      const source = factors.sources[figure.source as string];
      if (source === undefined) throw new Error(`${path}: source ${String(figure.source)} is not listed`);
      expect(Number.isInteger(source.year)).toBe(true);
      expect(source.year).toBeGreaterThanOrEqual(2011);
      if (typeof figure.row !== 'string' || figure.row.trim().length < 5) throw new Error(`${path}: no row`);
    }
    // Other sourced entries (refurbished ranges, behaviours, levers) name a listed source too
    for (const d of DEVICE_TYPES) {
      const r = factors.devices[d].refurbishedAvoided;
      if (r) expect(factors.sources[r.source].year).toBe(2022);
    }
    for (const p of Object.values(factors.usePolicies)) expect(factors.sources[p.source]).toBeDefined();
    expect(factors.sources[factors.levers.source]).toBeDefined();
  });

  it('every country factor comes from the stated source and year, France excepted and saying why', () => {
    const { carbonSource, carbon } = factors.electricity;
    expect(carbonSource).toEqual({ source: 'E_EMBER', year: 2024, exceptions: ['FR'] });
    expect(factors.sources.E_EMBER.year).toBe(2024);
    for (const zone of CARBON_ZONES) {
      const z = carbon[zone];
      if (zone === 'FR') {
        expect(z).toMatchObject({ kgCo2ePerKwh: 0.0461, source: 'E_FR', year: 2025 });
        expect(z.exception?.en).toContain('better national source');
        // Ember 2024 for France is kept as the low end: 44.179085 g/kWh
        expect(z.alternatives).toEqual([expect.objectContaining({ value: 0.044179085, source: 'E_EMBER' })]);
        continue;
      }
      expect(z.source).toBe('E_EMBER');
      expect(z.year).toBe(2024);
      // The row quotes the dataset line: "<entity>,<code>,2024,<gCO2/kWh>", and the factor is that value / 1000
      const m = /,(\d{4}),([\d.]+)$/.exec(z.row);
      if (m === null) throw new Error(`${zone}: row "${z.row}" does not quote the dataset line`);
      expect(Number(m[1])).toBe(2024);
      expect(z.kgCo2ePerKwh).toBeCloseTo(Number(m[2]) / 1000, 12);
    }
    // The figures of the expert review, in kg CO2e/kWh
    const rounded = Object.fromEntries(CARBON_ZONES.map((z) => [z, Number(carbon[z].kgCo2ePerKwh.toPrecision(3))]));
    expect(rounded).toEqual({
      FR: 0.0461,
      EU27: 0.213,
      WORLD: 0.473,
      DE: 0.344,
      ES: 0.146,
      IT: 0.288,
      BE: 0.118,
      GB: 0.211,
      PL: 0.615,
      SE: 0.0358,
      US: 0.384,
      CN: 0.56,
    });
  });

  it('names the criteria for what they are', () => {
    expect(factors.criteria.fossil.label.en).toBe('Non-renewable energy resources (fossil and nuclear)');
    expect(factors.criteria.fossil.indicator.en).toContain('uranium');
    expect(factors.criteria.water.indicator.en).toContain('not a volume of water drawn');
    expect(factors.criteria.water.indicator.en).toContain('end of life, which ADEME calls unreliable');
    expect(factors.criteria.rawMaterial.label.en).toBe('Material input (total mass)');
    expect(factors.criteria.minerals.unit).toBe('kg Sb eq');
  });

  it('sums the climate phases of [A], and keeps [B]’s whole-life figure as the other end of the range', () => {
    // laptop 170 + 12.3 + 2.79; desktop 203 + 1.85 + 6.61; monitor 64.6 + 1.29 + 3.95; ...
    const expected: Record<string, [number, number]> = {
      laptop: [185.09, 181],
      desktop: [211.46, 277],
      monitor: [69.84, 64.7],
      smartphone: [79.516, 84],
      tablet: [84.294, 75.9],
      network_box: [63.04, 36.1],
    };
    for (const [device, [a, b]] of Object.entries(expected)) {
      const climate = factors.devices[device as keyof typeof factors.devices].embodied.climate as SourcedFigure;
      expect(climate.value).toBe(a);
      expect(climate.source).toBe('A');
      expect(climate.alternatives).toEqual([expect.objectContaining({ value: b, source: 'B' })]);
    }
  });

  it('one device, one source for the meeting-room screen: the professional television row of [B]', () => {
    const e = factors.devices.meeting_screen.embodied;
    expect([e.climate?.value, e.minerals?.value, e.fossil?.value, e.rawMaterial?.value]).toEqual([152, 0.0249, 3030, 1000]);
    for (const c of ['climate', 'minerals', 'fossil', 'rawMaterial'] as const) {
      expect(e[c]?.source).toBe('B');
      expect(e[c]?.row).toContain('Television,pro');
    }
    expect(e.water).toBeNull();
  });

  it('servers: the multi-criteria Server row of [B], and a PUE', () => {
    const s = factors.devices.server;
    expect([s.embodied.climate?.value, s.embodied.minerals?.value, s.embodied.fossil?.value, s.embodied.rawMaterial?.value]).toEqual([
      3660, 0.0378, 51500, 10600,
    ]);
    expect(s.embodied.climate?.row).toContain('line 15, Server');
    expect(s.pue).toMatchObject({ value: 1.8, low: 1.5, high: 2.1, source: 'PUE_LBNL' });
    expect(s.pue?.alternatives?.[0]).toMatchObject({ value: 1.56, source: 'PUE_UPTIME' });
    expect(factors.sources.PUE_UPTIME.year).toBe(2024);
  });

  it('refurbished ranges of NegaOctet for ADEME 2022: desktops 36-99 %, not the laptop range', () => {
    expect(factors.devices.laptop.refurbishedAvoided).toMatchObject({ low: 0.43, high: 0.97, source: 'D' });
    expect(factors.devices.desktop.refurbishedAvoided).toMatchObject({ low: 0.36, high: 0.99, source: 'D' });
    expect(factors.devices.smartphone.refurbishedAvoided).toMatchObject({ low: 0.64, high: 0.87, source: 'D' });
    expect(factors.devices.tablet.refurbishedAvoided).toMatchObject({ low: 0.46, high: 0.8, source: 'D' });
    for (const d of ['monitor', 'meeting_screen', 'server', 'network_box'] as const)
      expect(factors.devices[d].refurbishedAvoided).toBeNull();
  });

  it('monitor power from the EU energy label (20 W, 15-25 W), standby and off from the EU ecodesign ceilings', () => {
    expect(factors.devices.monitor.power.active).toMatchObject({ value: 20, low: 15, high: 25, source: 'EU_LABEL' });
    expect(factors.devices.desktop.power.standby).toMatchObject({ value: 2, low: 0.5, source: 'EU_STANDBY' });
    expect(factors.devices.desktop.power.off).toMatchObject({ value: 0.5, low: 0, source: 'EU_STANDBY' });
  });

  it('states the working profile and the switch-off behaviours', () => {
    expect(factors.profile.workingDaysPerYear.value).toBe(220);
    const hours = Object.fromEntries(
      DEVICE_TYPES.map((d) => [d, factors.devices[d].use.activeHoursPerDay?.value ?? factors.devices[d].use.kind]),
    );
    expect(hours).toEqual({
      laptop: 8,
      desktop: 8,
      monitor: 8,
      smartphone: 3,
      tablet: 3,
      meeting_screen: 2,
      printer: 'none',
      network_box: 'always_on',
      network_switch: 'none',
      server: 'always_on',
    });
    expect(Object.keys(factors.usePolicies.workstation.answers)).toEqual(['left_on', 'guidance', 'power_settings', 'scheduled_shutdown']);
    expect(factors.usePolicies.workstation.target).toBe('scheduled_shutdown');
    expect(Object.keys(factors.usePolicies.meeting_room.answers)).toEqual(['true', 'false']);
  });

  it('keeps a changelog that covers this version', () => {
    expect(factors.version).toBe(2);
    const v2 = factors.changelog.find((c) => c.version === 2);
    expect(v2?.changes.join(' ')).toContain('Ember / Our World in Data 2024');
    expect(v2?.changes.join(' ')).toContain('36-99 %');
  });
});

describe('loading a malformed factors file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'footprint-factors-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, content: string): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }

  it('names the file and the missing field', () => {
    const broken = structuredClone(factors) as unknown as { devices: { laptop: { embodied: Record<string, unknown> } } };
    delete broken.devices.laptop.embodied.fossil;
    const path = write('missing.json', JSON.stringify(broken));
    expect(() => loadFootprintFactors(path)).toThrow(FootprintFactorsError);
    expect(() => loadFootprintFactors(path)).toThrow(`${path}: devices.laptop.embodied.fossil: is missing`);
  });

  it('refuses a figure whose source is not listed, or that does not say where it comes from', () => {
    const broken = structuredClone(factors);
    broken.devices.tablet.power.active = { value: 20, source: 'Z', row: 'x' };
    expect(() => validateFootprintFactors(broken, 'f.json')).toThrow('f.json: devices.tablet.power.active.source: names source "Z"');
    const noRow = structuredClone(factors) as unknown as { devices: { tablet: { power: { active: Record<string, unknown> } } } };
    delete noRow.devices.tablet.power.active.row;
    expect(() => validateFootprintFactors(noRow, 'f.json')).toThrow('devices.tablet.power.active.row: is missing');
  });

  it('refuses a source without a year', () => {
    const broken = structuredClone(factors) as unknown as { sources: Record<string, Record<string, unknown>> };
    broken.sources.A.year = null;
    expect(() => validateFootprintFactors(broken, 'f.json')).toThrow('sources.A.year: must be a year (integer)');
  });

  it('refuses a country factor from another source or year than the stated one', () => {
    const broken = structuredClone(factors);
    broken.electricity.carbon.DE.year = 2019;
    expect(() => validateFootprintFactors(broken, 'f.json')).toThrow('electricity.carbon.DE: must come from E_EMBER 2024');
  });

  it('refuses a climate figure that is not the sum of its phases, and a range that leaves out its value', () => {
    const sum = structuredClone(factors);
    (sum.devices.laptop.embodied.climate as SourcedFigure).value = 186;
    expect(() => validateFootprintFactors(sum, 'f.json')).toThrow('devices.laptop.embodied.climate.value: must be the sum of climateParts');
    const range = structuredClone(factors);
    (range.devices.monitor.power.active as SourcedFigure).low = 30;
    expect(() => validateFootprintFactors(range, 'f.json')).toThrow(
      'devices.monitor.power.active.low: must be a number >= 0, at most the value (20)',
    );
  });

  it('refuses behaviour shares that do not add up to 1, and a changelog without this version', () => {
    const shares = structuredClone(factors);
    shares.usePolicies.workstation.answers.guidance.central = { off: 0.5, standby: 0.4 };
    expect(() => validateFootprintFactors(shares, 'f.json')).toThrow(
      'usePolicies.workstation.answers.guidance.central: shares must add up to 1',
    );
    const log = structuredClone(factors);
    log.changelog = log.changelog.filter((c) => c.version !== 2);
    expect(() => validateFootprintFactors(log, 'f.json')).toThrow('changelog: has no entry for version 2');
  });

  it('refuses a negative figure and a country mapped to an unknown zone', () => {
    const negative = structuredClone(factors);
    negative.devices.monitor.embodied.water = { value: -1, source: 'A', row: 'x' };
    expect(() => validateFootprintFactors(negative, 'f.json')).toThrow('devices.monitor.embodied.water.value: must be a number >= 0');
    const zone = structuredClone(factors) as unknown as { electricity: { countries: Record<string, unknown> } };
    zone.electricity.countries.JP = { carbon: 'JP', resources: 'WORLD' };
    expect(() => validateFootprintFactors(zone, 'f.json')).toThrow('electricity.countries.JP.carbon: "JP" is not one of');
  });

  it('refuses a file that is not JSON, or cannot be read', () => {
    const path = write('bad.json', '{ "version": 2,');
    expect(() => loadFootprintFactors(path)).toThrow(`${path}: (file): is not valid JSON`);
    expect(() => loadFootprintFactors(join(dir, 'absent.json'))).toThrow('cannot be read');
  });
});

describe('display: two significant digits and the range', () => {
  it('rounds to 2 significant digits, for every criterion', () => {
    // The figures the version-1 report printed in full
    expect(roundForDisplay(13947, 'climate')).toBe(14000);
    expect(roundForDisplay(495471, 'fossil')).toBe(500000);
    expect(roundForDisplay(12089442, 'water')).toBe(12000000);
    expect(roundForDisplay(0.0086, 'minerals')).toBe(0.0086);
    expect(roundForDisplay(2.266704e-4, 'minerals')).toBe(0.00023);
    expect(roundForDisplay(0, 'rawMaterial')).toBe(0);
    expect(roundForDisplay(null, 'water')).toBeNull();
  });

  it('formats a figure with its unit and range, in French and English, or "not estimated"', () => {
    expect(formatFigure(13947, 'climate', 'en', { low: 12180, high: 16620 })).toBe('14,000\u00a0kg CO2e (12,000–17,000)');
    expect(formatFigure(13947, 'climate', 'fr', { low: 12180, high: 16620 })).toBe('14\u00a0000\u00a0kg CO2e (12\u00a0000–17\u00a0000)');
    // A range that rounds to the value itself is not shown
    expect(formatFigure(12089442, 'water', 'en', { low: 12089442, high: 12089442 })).toBe('12,000,000\u00a0L');
    expect(formatFigure(0.004, 'minerals', 'fr', { low: 0.0039, high: 0.0041 })).toBe('0,0040\u00a0kg Sb eq (0,0039–0,0041)');
    expect(formatFigure(null, 'water', 'en')).toBe('not estimated');
    expect(formatForDisplay(null, 'water', 'fr')).toBe('non estimé');
    expect(formatSignificant(76.4, 'en')).toBe('76');
    expect(formatRange(4414.8, 4680.7, 'en')).toBe('4,400–4,700');
  });
});
