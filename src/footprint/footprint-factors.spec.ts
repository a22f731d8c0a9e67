/**
 * The factors file holds the figures of REFERENCE-DATA.md, each with its source, and a
 * malformed file is refused with a message naming the file and the field.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFootprintFactors } from './footprint-factors.loader.js';
import { FootprintFactorsError, validateFootprintFactors } from './footprint-factors.validate.js';
import { formatForDisplay, roundForDisplay } from './footprint.display.js';
import { DEVICE_TYPES, type DeviceType } from './footprint.types.js';

const factors = loadFootprintFactors();

describe('templates/footprint-factors.json', () => {
  // REFERENCE-DATA.md section 1, copied by hand:
  // manufacturing, distribution, end of life, minerals, fossil, raw material, water, lifespan, power, ADEME hours a day
  const table: Record<DeviceType, Array<number | null>> = {
    laptop: [170, 12.3, 2.79, 0.0086, 2410, 680, 194000, 5, 26.5, 3],
    desktop: [203, 1.85, 6.61, 0.00852, 5110, 1460, 66200, 6, 70, 6],
    monitor: [64.6, 1.29, 3.95, 0.0108, 1300, 423, 58300, 6, 50, 4],
    smartphone: [77.0, 2.27, 0.246, 0.00205, 1110, 250, 75100, 2.5, 4.5, 3],
    tablet: [80.5, 3.43, 0.364, 0.00375, 1000, 279, 110000, 3, 20, 2.5],
    meeting_screen: [325, 3.26, 11.9, 0.0249, 3030, 1000, 869000, 8, 65, 3],
    server: [748, null, null, null, null, null, null, 5, 400, 24],
  };
  const keys = [
    'manufacturingKgCo2e',
    'distributionKgCo2e',
    'endOfLifeKgCo2e',
    'mineralsKgSbEq',
    'fossilMj',
    'rawMaterialKg',
    'waterL',
    'defaultLifespanYears',
    'powerW',
    'ademeHoursPerDay',
  ] as const;

  it.each(DEVICE_TYPES)('%s carries the reference figures, a missing one as null (never 0)', (device) => {
    const d = factors.devices[device];
    keys.forEach((key, i) => {
      const expected = table[device][i];
      const actual = d[key];
      if (expected === null) expect(actual).toBeNull();
      else expect(actual?.value).toBe(expected);
    });
  });

  it('takes climate from [A] (server from [C]) and minerals, fossil, raw material from [B]', () => {
    for (const device of DEVICE_TYPES) {
      const d = factors.devices[device];
      expect(d.manufacturingKgCo2e?.source).toBe(device === 'server' ? 'C' : 'A');
      if (d.mineralsKgSbEq) expect(d.mineralsKgSbEq.source).toBe('B');
      if (d.fossilMj) expect(d.fossilMj.source).toBe('B');
      if (d.rawMaterialKg) expect(d.rawMaterialKg.source).toBe('B');
      if (d.waterL) expect(d.waterL.source).toBe('A');
    }
  });

  it('states the working profile: 220 days, 8 h for computers and monitors, 3 h phones and tablets, 2 h meeting screens, servers 24 h x 365', () => {
    const hours = Object.fromEntries(
      DEVICE_TYPES.map((d) => [d, [factors.devices[d].hoursPerDay.value, factors.devices[d].daysPerYear.value]]),
    );
    expect(hours).toEqual({
      laptop: [8, 220],
      desktop: [8, 220],
      monitor: [8, 220],
      smartphone: [3, 220],
      tablet: [3, 220],
      meeting_screen: [2, 220],
      server: [24, 365],
    });
    expect(factors.sources[factors.workingProfile.source].title).toContain('Working profile assumed by this product');
  });

  it('has the refurbished ranges of NegaOctet for ADEME 2022, and none for monitors, meeting screens and servers', () => {
    expect(factors.devices.laptop.refurbishedAvoided).toEqual({ low: 0.43, high: 0.97, source: 'D' });
    expect(factors.devices.desktop.refurbishedAvoided).toEqual({ low: 0.43, high: 0.97, source: 'D' });
    expect(factors.devices.smartphone.refurbishedAvoided).toEqual({ low: 0.64, high: 0.87, source: 'D' });
    expect(factors.devices.tablet.refurbishedAvoided).toEqual({ low: 0.46, high: 0.8, source: 'D' });
    expect(factors.devices.monitor.refurbishedAvoided).toBeNull();
    expect(factors.devices.meeting_screen.refurbishedAvoided).toBeNull();
    expect(factors.devices.server.refurbishedAvoided).toBeNull();
    expect(factors.sources.D.year).toBe(2022);
  });

  it('has the electricity figures of section 2, each with a source', () => {
    const carbon = Object.fromEntries(Object.entries(factors.electricity.carbon).map(([k, v]) => [k, v.kgCo2ePerKwh]));
    expect(carbon).toEqual({
      FR: 0.0461,
      EU27: 0.2375,
      WORLD: 0.473,
      DE: 0.422,
      ES: 0.279,
      IT: 0.356,
      BE: 0.23,
      GB: 0.246,
      PL: 0.805,
      SE: 0.04,
      US: 0.5472,
      CN: 0.8712,
    });
    expect(factors.electricity.carbon.FR.year).toBe(2025);
    expect(factors.electricity.carbon.EU27.year).toBe(2023);
    expect(factors.electricity.carbon.WORLD.year).toBe(2024);
    expect(factors.electricity.resources.FR).toMatchObject({ mineralsKgSbEqPerKwh: 4.86e-8, fossilMjPerKwh: 9.31 });
    expect(factors.electricity.resources.EUROPE).toMatchObject({ mineralsKgSbEqPerKwh: 6.42e-8, fossilMjPerKwh: 8.55 });
    expect(factors.electricity.resources.WORLD).toMatchObject({ mineralsKgSbEqPerKwh: 7.38e-8, fossilMjPerKwh: 6.47 });
    expect(factors.electricity.waterLPerKwh).toBeNull();
    for (const zone of Object.values(factors.electricity.carbon)) expect(factors.sources[zone.source]).toBeDefined();
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
    const broken = structuredClone(factors) as unknown as { devices: { laptop: Record<string, unknown> } };
    delete broken.devices.laptop.fossilMj;
    const path = write('missing.json', JSON.stringify(broken));
    expect(() => loadFootprintFactors(path)).toThrow(FootprintFactorsError);
    expect(() => loadFootprintFactors(path)).toThrow(`${path}: devices.laptop.fossilMj: is missing`);
  });

  it('refuses a figure whose source is not listed', () => {
    const broken = structuredClone(factors);
    broken.devices.tablet.powerW = { value: 20, source: 'Z' };
    expect(() => validateFootprintFactors(broken, 'f.json')).toThrow('f.json: devices.tablet.powerW.source: names source "Z"');
  });

  it('refuses a negative figure and a country mapped to an unknown zone', () => {
    const negative = structuredClone(factors);
    negative.devices.monitor.waterL = { value: -1, source: 'A' };
    expect(() => validateFootprintFactors(negative, 'f.json')).toThrow('devices.monitor.waterL.value: must be a number >= 0');
    const zone = structuredClone(factors) as unknown as { electricity: { countries: Record<string, unknown> } };
    zone.electricity.countries.JP = { carbon: 'JP', resources: 'WORLD' };
    expect(() => validateFootprintFactors(zone, 'f.json')).toThrow('electricity.countries.JP.carbon: "JP" is not one of');
  });

  it('refuses a file that is not JSON, or cannot be read', () => {
    const path = write('bad.json', '{ "version": 1,');
    expect(() => loadFootprintFactors(path)).toThrow(`${path}: (file): is not valid JSON`);
    expect(() => loadFootprintFactors(join(dir, 'absent.json'))).toThrow('cannot be read');
  });
});

describe('roundForDisplay', () => {
  it('keeps 3 significant digits, for every criterion', () => {
    expect(roundForDisplay(4627.25, 'climate')).toBe(4630);
    expect(roundForDisplay(215.0104, 'climate')).toBe(215);
    expect(roundForDisplay(0.0086, 'minerals')).toBe(0.0086);
    expect(roundForDisplay(2.266704e-4, 'minerals')).toBe(0.000227);
    expect(roundForDisplay(4850000, 'water')).toBe(4850000);
    expect(roundForDisplay(43421.84, 'fossil')).toBe(43400);
    expect(roundForDisplay(0, 'rawMaterial')).toBe(0);
    expect(roundForDisplay(null, 'water')).toBeNull();
  });

  it('formats with the unit, or "not estimated"', () => {
    expect(formatForDisplay(4627.25, 'climate', 'en')).toBe('4,630 kg CO2e');
    expect(formatForDisplay(4627.25, 'climate', 'fr')).toBe('4\u00a0630 kg CO2e');
    expect(formatForDisplay(null, 'water', 'en')).toBe('not estimated');
    expect(formatForDisplay(null, 'water', 'fr')).toBe('non estimé');
  });
});
