/**
 * The footprint, recomputed BY HAND from the reference figures of templates/footprint-factors.json
 * (version 2), written out below as plain arithmetic, not through the code's helpers.
 *
 * Constants used throughout (France):
 *   electricity 0.0461 kg CO2e/kWh (ADEME Base Empreinte 2025); low end 0.044179085 (Ember 2024)
 *   minerals 4.85798e-8 kg Sb eq/kWh, fossil and nuclear 9.31353 MJ/kWh (ADEME 2011 via Boavizta)
 *   working profile: 220 working days; 8,760 hours a year
 *   standby 2 W (low 0.5 W), off 0.5 W (low 0 W): EU ecodesign ceilings
 */
import { computeFootprint, inventoryFromAnswers, resolveElectricity } from './footprint.js';
import { loadFootprintFactors } from './footprint-factors.loader.js';
import type { DeviceFootprint, FootprintItem, FootprintResult, Inventory } from './footprint.types.js';

const factors = loadFootprintFactors();
const FR = 0.0461;
const FR_LOW = 0.044179085;
const FR_MINERALS = 4.85798e-8;
const FR_FOSSIL = 9.31353;

/** Relative closeness, so that tiny figures (kg Sb eq) are checked as strictly as large ones. */
function expectClose(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  const diff = Math.abs((actual as number) - expected);
  if (diff > 1e-9 * Math.abs(expected) + 1e-12) {
    throw new Error(`expected ${expected}, got ${String(actual)}`);
  }
}

function device(result: FootprintResult, type: FootprintItem): DeviceFootprint {
  const d = result.devices.find((x) => x.device === type);
  if (d === undefined) throw new Error(`${type} missing from the result`);
  return d;
}

describe('a made-up 250-staff company in France with every device type, the cloud and refurbished laptops', () => {
  // Not the priorities fixture (company-250-fr.json, worked by hand in footprint.company-250-fr.spec.ts): this
  // inventory was made up to cover what that file does not answer: printers, boxes, switches, the cloud, a
  // refurbished share above 0, an answered server lifespan and the "automatic sleep" switch-off answer.
  // The answers as the questionnaire stores them (stable question ids).
  const answers = {
    'organisation.country': 'FR',
    'organisation.employees': 250,
    'organisation.kind': 'company',
    'inventory.laptop.count': 200,
    'inventory.laptop.lifespan_years': 4,
    'inventory.laptop.refurbished_share': 10,
    'inventory.desktop.count': 40,
    'inventory.monitor.count': 260,
    'inventory.smartphone.count': 150,
    'inventory.smartphone.lifespan_years': 3,
    'inventory.tablet.count': 10,
    'inventory.meeting_screen.count': 12,
    'inventory.printer.count': 14,
    'inventory.network_box.count': 3,
    'inventory.network_switch.count': 25,
    'inventory.server.count': 6,
    'inventory.server.lifespan_years': 6,
    'inventory.cloud.vcpu_count': 48,
    'inventory.cloud.storage_tb': 4,
    'usage.switch_off_policy': 'power_settings',
    'usage.meeting_room_standby': false,
  };
  const result = computeFootprint(inventoryFromAnswers(answers), factors);

  it('lists every device type answered, the cloud last, in a fixed order', () => {
    expect(result.devices.map((d) => [d.device, d.count])).toEqual([
      ['laptop', 200],
      ['desktop', 40],
      ['monitor', 260],
      ['smartphone', 150],
      ['tablet', 10],
      ['meeting_screen', 12],
      ['printer', 14],
      ['network_box', 3],
      ['network_switch', 25],
      ['server', 6],
      ['cloud', 48],
    ]);
    expect(result.notInventoried).toEqual([]);
    expect(result.factorsVersion).toBe(2);
  });

  it('laptops: 4 years, 10 % refurbished, asleep outside working hours', () => {
    const laptop = device(result, 'laptop');
    // Embodied: 200 x (170 + 12.3 + 2.79) / 4 x (1 - 0.10 x 0.43) = 9,254.5 x 0.957 = 8,856.5565 kg CO2e
    expectClose(laptop.perCriterion.climate.embodied, 8856.5565);
    // Low: [B]'s 181 kg and the high end of the refurbished range: 200 x 181 / 4 x (1 - 0.10 x 0.97) = 8,172.15
    expectClose(laptop.perCriterion.climate.low.embodied, 8172.15);
    // High: the higher source is [A]'s 185.09, with the low end of the refurbished range: 8,856.5565
    expectClose(laptop.perCriterion.climate.high.embodied, 8856.5565);
    // Use: 8 h x 220 days = 1,760 active hours at 26.5 W, then 8,760 - 1,760 = 7,000 hours asleep at 2 W
    //   per laptop (26.5 x 1,760 + 2 x 7,000) / 1000 = (46,640 + 14,000) / 1000 = 60.64 kWh; x 200 = 12,128 kWh
    expect(laptop.use?.hours).toEqual({ active: 1760, on: 0, standby: 7000, off: 0 });
    expect(laptop.use?.policy).toEqual({ group: 'workstation', answer: 'power_settings', source: 'answered' });
    expectClose(laptop.kWhPerYear, 12128);
    // 12,128 x 0.0461 = 559.1008 kg CO2e
    expectClose(laptop.perCriterion.climate.use, 559.1008);
    // Low: standby 0.5 W: 200 x (46,640 + 0.5 x 7,000) / 1000 = 10,028 kWh, x 0.044179085 = 443.02786438
    expectClose(laptop.use?.kWhLow, 10028);
    expectClose(laptop.perCriterion.climate.low.use, 443.02786438);
    // Minerals 200 x 0.0086 / 4 x 0.957 = 0.41151; use 12,128 x 4.85798e-8
    expectClose(laptop.perCriterion.minerals.embodied, 0.41151);
    expectClose(laptop.perCriterion.minerals.use, 12128 * 4.85798e-8);
    // Non-renewable energy: 200 x 2,410 / 4 x 0.957 = 115,318.5 MJ; use 12,128 x 9.31353 = 112,954.49184 MJ
    expectClose(laptop.perCriterion.fossil.embodied, 115318.5);
    expectClose(laptop.perCriterion.fossil.use, 112954.49184);
    // Material input: 200 x 680 / 4 x 0.957 = 32,538 kg; water of manufacture: 200 x 194,000 / 4 x 0.957 = 9,282,900 L
    expectClose(laptop.perCriterion.rawMaterial.embodied, 32538);
    expectClose(laptop.perCriterion.water.embodied, 9282900);
    expect(laptop.perCriterion.water.use).toBeNull();
    expect(laptop.perCriterion.rawMaterial.use).toBeNull();
  });

  it('desktops (default 6 years), monitors (20 W) and smartphones (3 years)', () => {
    const desktop = device(result, 'desktop');
    // 40 x (203 + 1.85 + 6.61) / 6 = 40 x 211.46 / 6 = 1,409.7333 kg CO2e; high with [B]'s 277 kg: 1,846.6667
    expectClose(desktop.perCriterion.climate.embodied, (40 * 211.46) / 6);
    expectClose(desktop.perCriterion.climate.high.embodied, (40 * 277) / 6);
    // 40 x (70 x 1,760 + 2 x 7,000) / 1000 = 40 x 137.2 = 5,488 kWh; x 0.0461 = 252.9968
    expectClose(desktop.kWhPerYear, 5488);
    expectClose(desktop.perCriterion.climate.use, 252.9968);

    const monitor = device(result, 'monitor');
    // 260 x (64.6 + 1.29 + 3.95) / 6 = 260 x 69.84 / 6 = 3,026.4; low with [B]'s 64.7: 2,803.6667
    expectClose(monitor.perCriterion.climate.embodied, 3026.4);
    expectClose(monitor.perCriterion.climate.low.embodied, (260 * 64.7) / 6);
    // 260 x (20 x 1,760 + 2 x 7,000) / 1000 = 260 x 49.2 = 12,792 kWh; x 0.0461 = 589.7112
    expectClose(monitor.kWhPerYear, 12792);
    expectClose(monitor.perCriterion.climate.use, 589.7112);
    // Low 15 W and 0.5 W: 260 x (26,400 + 3,500) / 1000 = 7,774; high 25 W and 2 W: 260 x (44,000 + 14,000) / 1000 = 15,080
    expectClose(monitor.use?.kWhLow, 7774);
    expectClose(monitor.use?.kWhHigh, 15080);

    const phone = device(result, 'smartphone');
    // 150 x (77 + 2.27 + 0.246) / 3 = 150 x 79.516 / 3 = 3,975.8; high with [B]'s 84: 4,200
    expectClose(phone.perCriterion.climate.embodied, 3975.8);
    expectClose(phone.perCriterion.climate.high.embodied, 4200);
    // Battery device, active hours only: 150 x 4.5 W x 3 h x 220 d / 1000 = 445.5 kWh; x 0.0461 = 20.53755
    expect(phone.use?.kind).toBe('active_only');
    expectClose(phone.perCriterion.climate.use, 20.53755);
  });

  it('meeting-room screens: the professional television row [B] for every criterion, left asleep', () => {
    const screen = device(result, 'meeting_screen');
    // 12 x 152 / 8 = 228 kg CO2e; minerals 12 x 0.0249 / 8 = 0.03735; energy 12 x 3,030 / 8 = 4,545 MJ; material 12 x 1,000 / 8 = 1,500 kg
    expectClose(screen.perCriterion.climate.embodied, 228);
    expectClose(screen.perCriterion.minerals.embodied, 0.03735);
    expectClose(screen.perCriterion.fossil.embodied, 4545);
    expectClose(screen.perCriterion.rawMaterial.embodied, 1500);
    // No water figure for this device (the row's value is negative): not estimated, never 0
    expect(screen.perCriterion.water.embodied).toBeNull();
    // 2 h x 220 d = 440 active hours at 65 W, 8,320 hours asleep at 2 W ("no automatic switch-off"):
    //   12 x (65 x 440 + 2 x 8,320) / 1000 = 12 x 45.24 = 542.88 kWh; x 0.0461 = 25.026768
    expectClose(screen.kWhPerYear, 542.88);
    expectClose(screen.perCriterion.climate.use, 25.026768);
    // High end: left on all the time: 12 x 65 x 8,760 / 1000 = 6,832.8 kWh
    expectClose(screen.use?.kWhHigh, 6832.8);
  });

  it('counts printers and network switches but does not estimate them, and says why', () => {
    for (const type of ['printer', 'network_switch'] as const) {
      const d = device(result, type);
      expect(d.estimated).toBe(false);
      expect(d.kWhPerYear).toBeNull();
      for (const c of ['climate', 'minerals', 'fossil', 'rawMaterial', 'water'] as const) {
        expect(d.perCriterion[c]).toMatchObject({ embodied: null, use: null, total: null });
      }
    }
    expect(result.scope.notEstimated.map((e) => e.id)).toEqual(expect.arrayContaining(['device.printer', 'device.network_switch']));
    expect(result.scope.notEstimated.find((e) => e.id === 'device.printer')?.detail.en).toContain('14 printers counted, not estimated');
  });

  it('network boxes, servers with the room PUE, and the cloud', () => {
    const box = device(result, 'network_box');
    // 3 x (60.8 + 0.61 + 1.63) / 5 = 3 x 63.04 / 5 = 37.824; low [B] 36.1: 21.66
    expectClose(box.perCriterion.climate.embodied, 37.824);
    expectClose(box.perCriterion.climate.low.embodied, 21.66);
    // Always on: 3 x 8 W x 8,760 h / 1000 = 210.24 kWh
    expectClose(box.kWhPerYear, 210.24);

    const server = device(result, 'server');
    // 6 x 3,660 / 6 years = 3,660 kg CO2e; minerals 6 x 0.0378 / 6 = 0.0378; energy 51,500 MJ; material 10,600 kg
    expectClose(server.perCriterion.climate.embodied, 3660);
    expectClose(server.perCriterion.minerals.embodied, 0.0378);
    expectClose(server.perCriterion.fossil.embodied, 51500);
    expectClose(server.perCriterion.rawMaterial.embodied, 10600);
    // 6 x 367 W x 8,760 h x PUE 1.8 / 1000 = 34,721.136 kWh; x 0.0461 = 1,600.6443696
    expectClose(server.kWhPerYear, 34721.136);
    expectClose(server.perCriterion.climate.use, 1600.6443696);
    // Low 203.52 W (CCF) x PUE 1.5: 16,045.5168 kWh; high 367 W x 2.1: 40,507.992 kWh
    expectClose(server.use?.kWhLow, 16045.5168);
    expectClose(server.use?.kWhHigh, 40507.992);
    expect(server.use?.pue).toBe(1.8);

    const cloud = device(result, 'cloud');
    // Embodied: 48 vCPU x 3,660 kg / 4 years / 96 vCPU a server = 457.5 kg CO2e
    //   low 48 x 3,660 / 6 / 192 = 152.5; high 48 x 3,660 / 4 / 64 = 686.25
    expectClose(cloud.perCriterion.climate.embodied, 457.5);
    expectClose(cloud.perCriterion.climate.low.embodied, 152.5);
    expectClose(cloud.perCriterion.climate.high.embodied, 686.25);
    // Compute: 48 x 2.12 W x 8,760 h x 1.135 / 1000 = 1,011.758976 kWh
    // Storage: 4 TB x 1.2 Wh/TB-h x 2 copies x 8,760 h x 1.135 / 1000 = 95.44896 kWh
    expectClose(cloud.cloud?.kWhCompute, 1011.758976);
    expectClose(cloud.cloud?.kWhStorage, 95.44896);
    expectClose(cloud.perCriterion.climate.use, (1011.758976 + 95.44896) * FR);
  });

  it('adds it up, with the range, and per employee', () => {
    // Embodied climate: 8,856.5565 + 1,409.7333 + 3,026.4 + 3,975.8 + 280.98 + 228 + 37.824 + 3,660 + 457.5 = 21,932.7938
    const embodied = 8856.5565 + (40 * 211.46) / 6 + 3026.4 + 3975.8 + (10 * 84.294) / 3 + 228 + 37.824 + 3660 + 457.5;
    expectClose(result.totals.climate.embodied, embodied);
    // Use: 67,566.963936 kWh in all (12,128 + 5,488 + 12,792 + 445.5 + 132 + 542.88 + 210.24 + 34,721.136 + 1,107.207936) x 0.0461
    const kWh = 12128 + 5488 + 12792 + 445.5 + 132 + 542.88 + 210.24 + 34721.136 + 1011.758976 + 95.44896;
    expectClose(kWh, 67566.963936);
    expectClose(result.totals.climate.use, kWh * FR);
    // Total 21,932.7938 + 3,114.8370 = 25,047.6309 kg CO2e; per employee / 250 = 100.19
    expectClose(result.totals.climate.total, embodied + kWh * FR);
    expect(result.totals.climate.low.total as number).toBeLessThan(result.totals.climate.total as number);
    expect(result.totals.climate.high.total as number).toBeGreaterThan(result.totals.climate.total as number);
    expectClose(result.perPerson?.values.climate?.value, (embodied + kWh * FR) / 250);
    expect(result.perPerson?.person.one).toEqual({ fr: 'salarié', en: 'employee' });
    // Two significant digits and the range, in both languages
    expect(result.display.totals.climate.en).toMatch(/^25,000\u00a0kg CO2e \(\d{2},000–\d{2},000\)$/);
    expect(result.display.perPerson?.climate.en).toMatch(/^100\u00a0kg CO2e/);
    expect(result.display.perPersonLabel).toEqual({ fr: 'par salarié', en: 'per employee' });
    // The not-estimated printers and switches are named in the totals, never counted as 0
    expect(result.totals.climate.notEstimated).toEqual([
      { device: 'printer', part: 'embodied' },
      { device: 'printer', part: 'use' },
      { device: 'network_switch', part: 'embodied' },
      { device: 'network_switch', part: 'use' },
    ]);
    expect(result.display.leavesOut.en).toMatch(
      /^Leaves out: printer and multifunction printer, network switch and Wi-Fi access point, cloud parts not counted, telecom networks/,
    );
  });
});

describe('one device of each new type, in France', () => {
  const one = (type: 'printer' | 'network_box' | 'network_switch' | 'server', extra: Partial<Inventory> = {}) =>
    computeFootprint(
      { country: 'FR', employees: null, devices: { [type]: { count: 1, lifespanYears: null, refurbishedShare: null } }, ...extra },
      factors,
    );

  it('a printer is counted and named, not estimated (ADEME’s 10.5 kg looks too low)', () => {
    const r = one('printer');
    const d = device(r, 'printer');
    expect(d.estimated).toBe(false);
    expect(r.totals.climate.total).toBeNull();
    expect(d.notes.map((n) => n.code)).toEqual(['not_estimated_device']);
    expect(d.notes[0].text.en).toContain('10.5 kg');
    expect(factors.devices.printer.reference?.manufacturingKgCo2e.value).toBe(10.5);
  });

  it('a network switch or Wi-Fi access point is counted and named, not estimated', () => {
    const r = one('network_switch');
    expect(device(r, 'network_switch').estimated).toBe(false);
    expect(r.scope.notEstimated.find((e) => e.id === 'device.network_switch')?.detail.fr).toContain('1 commutateur ou borne wifi');
    expect(r.totals.climate.total).toBeNull();
  });

  it('an internet box: [A] climate, [B] other criteria, always on', () => {
    const d = device(one('network_box'), 'network_box');
    // (60.8 + 0.61 + 1.63) / 5 = 12.608 kg CO2e a year; minerals 0.0000441 / 5 = 8.82e-6; energy 525 / 5 = 105 MJ; material 257 / 5 = 51.4 kg
    expectClose(d.perCriterion.climate.embodied, 12.608);
    expectClose(d.perCriterion.minerals.embodied, 8.82e-6);
    expectClose(d.perCriterion.fossil.embodied, 105);
    expectClose(d.perCriterion.rawMaterial.embodied, 51.4);
    // Water of manufacture 21,600 / 5 = 4,320 L
    expectClose(d.perCriterion.water.embodied, 4320);
    // 8 W x 8,760 h = 70.08 kWh; x 0.0461 = 3.230688; energy 70.08 x 9.31353 = 652.6921824 MJ
    expectClose(d.kWhPerYear, 70.08);
    expectClose(d.perCriterion.climate.use, 3.230688);
    expectClose(d.perCriterion.fossil.use, 652.6921824);
  });

  it('a server: the multi-criteria [B] row over 5 years, 367 W x PUE 1.8 all year', () => {
    const r = one('server');
    const d = device(r, 'server');
    // 3,660 / 5 = 732 kg CO2e; 0.0378 / 5 = 0.00756 kg Sb eq; 51,500 / 5 = 10,300 MJ; 10,600 / 5 = 2,120 kg
    expectClose(d.perCriterion.climate.embodied, 732);
    expectClose(d.perCriterion.minerals.embodied, 0.00756);
    expectClose(d.perCriterion.fossil.embodied, 10300);
    expectClose(d.perCriterion.rawMaterial.embodied, 2120);
    expect(d.perCriterion.water.embodied).toBeNull();
    // 367 W x 8,760 h x 1.8 / 1000 = 5,786.856 kWh; x 0.0461 = 266.7740616 kg CO2e; x 4.85798e-8 kg Sb eq
    expectClose(d.kWhPerYear, 5786.856);
    expectClose(d.perCriterion.climate.use, 266.7740616);
    expectClose(d.perCriterion.minerals.use, 5786.856 * FR_MINERALS);
    expectClose(d.perCriterion.fossil.use, 5786.856 * FR_FOSSIL);
    // A PUE the organisation knows replaces the default: 367 x 8,760 x 1.4 / 1000 = 4,500.888 kWh
    const own = device(one('server', { serverPue: 1.4 }), 'server');
    expectClose(own.kWhPerYear, 4500.888);
    expect(own.use?.pueSource).toBe('answered');
    // The PUE's range goes; the power's stays: low 203.52 W x 8,760 h x 1.4 / 1000 = 2,495.96928 kWh
    expectClose(own.use?.kWhLow, 2495.96928);
  });
});

describe('the cloud estimate: vCPU and storage', () => {
  it('10 vCPUs and 2 TB in Germany, by hand', () => {
    const r = computeFootprint({ country: 'DE', employees: null, devices: {}, cloud: { vcpus: 10, storageTb: 2 } }, factors);
    const cloud = device(r, 'cloud');
    // Embodied: 10 x 3,660 / 4 / 96 = 95.3125 kg CO2e; minerals 10 x 0.0378 / 4 / 96 = 9.84375e-4; material 10 x 10,600 / 384 = 276.0417 kg
    expectClose(cloud.perCriterion.climate.embodied, 95.3125);
    expectClose(cloud.perCriterion.minerals.embodied, 9.84375e-4);
    expectClose(cloud.perCriterion.rawMaterial.embodied, (10 * 10600) / 384);
    expect(cloud.perCriterion.water.embodied).toBeNull();
    // Compute 10 x 2.12 x 8,760 x 1.135 / 1000 = 210.78312 kWh; storage 2 x 1.2 x 2 x 8,760 x 1.135 / 1000 = 47.72448 kWh
    expectClose(cloud.cloud?.kWhCompute, 210.78312);
    expectClose(cloud.cloud?.kWhStorage, 47.72448);
    expectClose(cloud.kWhPerYear, 258.5076);
    // Germany, Ember 2024: 0.34413992 kg CO2e/kWh -> 258.5076 x 0.34413992 = 88.96278 kg CO2e
    expectClose(cloud.perCriterion.climate.use, 258.5076 * 0.34413992);
    // Low: 0.74 W, PUE 1.1, HDD 0.65 Wh/TB-h: 10 x 0.74 x 8,760 x 1.1 / 1000 + 2 x 0.65 x 2 x 8,760 x 1.1 / 1000 = 71.3064 + 25.0536 = 96.36 kWh
    expectClose(cloud.use?.kWhLow, 96.36);
    // High: 3.5 W, PUE 1.185, SSD x 3 copies: 10 x 3.5 x 8,760 x 1.185 / 1000 + 2 x 1.2 x 3 x 8,760 x 1.185 / 1000 = 363.321 + 74.74032 = 438.06132 kWh
    expectClose(cloud.use?.kWhHigh, 438.06132);
    expect(r.scope.estimated.find((e) => e.id === 'cloud')?.detail.en).toContain('10 vCPUs and 2 TB of storage');
  });

  it('not answered: named as not estimated, never 0', () => {
    const r = computeFootprint(
      { country: 'FR', employees: null, devices: { laptop: { count: 1, lifespanYears: null, refurbishedShare: null } } },
      factors,
    );
    expect(r.devices.map((d) => d.device)).toEqual(['laptop']);
    expect(r.scope.notEstimated.find((e) => e.id === 'cloud')?.detail.en).toBe('no vCPU or storage answered: not estimated.');
  });
});

describe('use-phase modes: the switch-off answers move the figure', () => {
  const desktop = (answer: string | null) =>
    device(
      computeFootprint(
        {
          country: 'FR',
          employees: null,
          devices: { desktop: { count: 1, lifespanYears: null, refurbishedShare: null } },
          policies: { workstation: answer },
        },
        factors,
      ),
      'desktop',
    );

  it('one desktop (70 W, 1,760 active hours, 7,000 other hours), answer by answer', () => {
    // Active part: 70 W x 8 h x 220 d = 123.2 kWh, whatever the answer
    // "They stay on": 123.2 + 70 x 7,000 / 1000 = 123.2 + 490 = 613.2 kWh
    expectClose(desktop('left_on').kWhPerYear, 613.2);
    // "Guidance": half off (0.5 W), half asleep (2 W): 123.2 + 7,000 x (0.5 x 0.5 + 0.5 x 2) / 1000 = 123.2 + 8.75 = 131.95 kWh
    expectClose(desktop('guidance').kWhPerYear, 131.95);
    // "Automatic sleep": 123.2 + 2 x 7,000 / 1000 = 137.2 kWh
    expectClose(desktop('power_settings').kWhPerYear, 137.2);
    // "Scheduled shutdown": 123.2 + 0.5 x 7,000 / 1000 = 126.7 kWh
    expectClose(desktop('scheduled_shutdown').kWhPerYear, 126.7);
    // Not answered: asleep (137.2), from all off (low: 123.2 + 0 = 123.2) to left on (high: 613.2)
    const unknown = desktop(null);
    expectClose(unknown.kWhPerYear, 137.2);
    expectClose(unknown.use?.kWhLow, 123.2);
    expectClose(unknown.use?.kWhHigh, 613.2);
    expect(unknown.use?.policy).toEqual({ group: 'workstation', answer: null, source: 'default' });
    // Climate of the use phase: 613.2 x 0.0461 = 28.26852 kg CO2e left on, 126.7 x 0.0461 = 5.84087 switched off
    expectClose(desktop('left_on').perCriterion.climate.use, 28.26852);
    expectClose(desktop('scheduled_shutdown').perCriterion.climate.use, 5.84087);
    // The embodied part does not move
    expect(desktop('left_on').perCriterion.climate.embodied).toBe(desktop('scheduled_shutdown').perCriterion.climate.embodied);
  });

  it('an answer the factors do not know is noted and the default used', () => {
    const d = desktop('sometimes');
    expectClose(d.kWhPerYear, 137.2);
    expect(d.notes.map((n) => n.code)).toEqual(['unknown_policy_answer']);
  });

  it('meeting-room screens: automatic switch-off or not', () => {
    const screen = (answer: string | null) =>
      device(
        computeFootprint(
          {
            country: 'FR',
            employees: null,
            devices: { meeting_screen: { count: 1, lifespanYears: null, refurbishedShare: null } },
            policies: { meeting_room: answer },
          },
          factors,
        ),
        'meeting_screen',
      );
    // 65 W x 2 h x 220 d = 28.6 kWh active; 8,320 other hours
    // Switched off automatically: 28.6 + 0.5 x 8,320 / 1000 = 32.76 kWh
    expectClose(screen('true').kWhPerYear, 32.76);
    // Not switched off: asleep, 28.6 + 2 x 8,320 / 1000 = 45.24 kWh; high end left on: 65 x 8,760 / 1000 = 569.4
    expectClose(screen('false').kWhPerYear, 45.24);
    expectClose(screen('false').use?.kWhHigh, 569.4);
  });

  it('hours of use answered replace the working profile (questionnaire version 2)', () => {
    const r = computeFootprint(
      {
        country: 'FR',
        employees: null,
        devices: { monitor: { count: 10, lifespanYears: 6, refurbishedShare: 0, hoursPerDay: 10 } },
        policies: { workstation: 'scheduled_shutdown' },
      },
      factors,
    );
    const monitor = r.devices[0];
    expect(monitor.hoursSource).toBe('answered');
    // 10 h x 220 d = 2,200 active hours; 6,560 off: 10 x (20 x 2,200 + 0.5 x 6,560) / 1000 = 10 x 47.28 = 472.8 kWh
    expectClose(monitor.kWhPerYear, 472.8);
  });
});

describe('electricity zone by country: one source and year (Ember / OWID 2024), France excepted', () => {
  const e = factors.electricity;
  it.each([
    ['FR', 'FR', 'FR', 0.0461, 'answered'],
    ['fr', 'FR', 'FR', 0.0461, 'answered'],
    ['ES', 'ES', 'EUROPE', 0.14615356, 'answered'],
    ['SE', 'SE', 'EUROPE', 0.035823833, 'answered'],
    ['GB', 'GB', 'EUROPE', 0.21089114, 'answered'],
    ['UK', 'GB', 'EUROPE', 0.21089114, 'answered'],
    ['NL', 'EU27', 'EUROPE', 0.2133101, 'answered'], // EU member without its own figure
    ['OTHER_EU', 'EU27', 'EUROPE', 0.2133101, 'answered'],
    ['US', 'US', 'WORLD', 0.3835492, 'answered'],
    ['CN', 'CN', 'WORLD', 0.5595517, 'answered'],
    ['CH', 'WORLD', 'WORLD', 0.4730065, 'answered'], // not in the EU: World
    ['OTHER', 'WORLD', 'WORLD', 0.4730065, 'answered'],
    [null, 'WORLD', 'WORLD', 0.4730065, 'default'],
  ] as const)('%s -> carbon %s, resources %s', (country, carbonZone, resourceZone, factor, source) => {
    const used = resolveElectricity(country, e);
    expect(used.carbonZone).toBe(carbonZone);
    expect(used.resourceZone).toBe(resourceZone);
    expect(used.kgCo2ePerKwh).toBe(factor);
    expect(used.countrySource).toBe(source);
    expect(used.waterLPerKwh).toBeNull();
    expect(used.carbonYear).toBe(carbonZone === 'FR' ? 2025 : 2024);
  });

  it('France: ADEME 0.0461, with Ember 2024 (0.0442) as the low end', () => {
    const used = resolveElectricity('FR', e);
    expect(used.kgCo2ePerKwhLow).toBe(FR_LOW);
    expect(used.kgCo2ePerKwhHigh).toBe(FR);
  });

  it('changes only the use phase: 1 laptop in Poland vs France', () => {
    const one = (country: string) =>
      computeFootprint(
        {
          country,
          employees: null,
          devices: { laptop: { count: 1, lifespanYears: 5, refurbishedShare: 0 } },
          policies: { workstation: 'scheduled_shutdown' },
        },
        factors,
      );
    const pl = one('PL');
    const fr = one('FR');
    // (26.5 x 1,760 + 0.5 x 7,000) / 1000 = 50.14 kWh; Poland 0.61498236 -> 30.835215 kg CO2e
    expectClose(pl.devices[0].kWhPerYear, 50.14);
    expectClose(pl.devices[0].perCriterion.climate.use, 50.14 * 0.61498236);
    expectClose(fr.devices[0].perCriterion.climate.use, 50.14 * FR);
    expect(pl.devices[0].perCriterion.climate.embodied).toBe(fr.devices[0].perCriterion.climate.embodied);
  });
});

describe('an empty inventory', () => {
  const result = computeFootprint({ country: 'FR', employees: 10, devices: {} }, factors);
  it('estimates nothing, and says so, rather than returning zeros', () => {
    expect(result.devices).toEqual([]);
    expect(result.notInventoried).toHaveLength(10);
    for (const t of Object.values(result.totals)) {
      expect(t.embodied).toBeNull();
      expect(t.use).toBeNull();
      expect(t.total).toBeNull();
    }
    expect(result.display.totals.climate).toEqual({ fr: 'non estimé', en: 'not estimated' });
    expect(result.scope.estimated).toEqual([]);
  });
});

describe('invalid values', () => {
  it('out of range hours, lifespan or share are ignored with a note', () => {
    const result = computeFootprint(
      { country: 'FR', employees: null, devices: { laptop: { count: 1, lifespanYears: -2, refurbishedShare: 30, hoursPerDay: 30 } } },
      factors,
    );
    const laptop = result.devices[0];
    expect(laptop.lifespanYears).toBe(5);
    expect(laptop.lifespanSource).toBe('default');
    expect(laptop.refurbishedShare).toBe(0);
    expect(laptop.hoursPerDay).toBe(8);
    expect(laptop.notes.map((n) => n.code).sort()).toEqual([
      'invalid_hours_ignored',
      'invalid_lifespan_ignored',
      'invalid_refurbished_share_ignored',
    ]);
  });

  it('a PUE outside 1 to 5 is ignored with a note', () => {
    const r = computeFootprint(
      { country: 'FR', employees: null, devices: { server: { count: 1, lifespanYears: null, refurbishedShare: null } }, serverPue: 0.5 },
      factors,
    );
    expect(r.devices[0].use?.pue).toBe(1.8);
    expect(r.devices[0].notes.map((n) => n.code)).toEqual(['invalid_pue_ignored']);
  });
});

describe('method notes', () => {
  it('state the refurbished ranges from the factors file and how the low end is applied', () => {
    const r = computeFootprint({ country: 'FR', employees: null, devices: {} }, factors);
    const note = r.assumptions.notes.find((n) => n.en.startsWith('Refurbished'));
    expect(note?.en).toContain('desktops 36-99');
    expect(note?.en).toContain('The low end is applied to every criterion');
    expect(r.criteria.fossil.label.en).toBe('Non-renewable energy resources (fossil and nuclear)');
  });
});

describe('the person of per-person figures', () => {
  const per = (kind: string | null) =>
    computeFootprint(
      {
        country: 'FR',
        employees: 10,
        organisationKind: kind,
        devices: { laptop: { count: 10, lifespanYears: null, refurbishedShare: null } },
      },
      factors,
    );
  it.each([
    ['company', 'per employee', 'par salarié'],
    ['public_body', 'per agent', 'par agent'],
    ['association', 'per staff member or volunteer', 'par salarié ou bénévole'],
    [null, 'per employee or equipment user', 'par salarié ou utilisateur du parc'],
  ] as const)('%s -> "%s"', (kind, en, fr) => {
    expect(per(kind).display.perPersonLabel).toEqual({ fr, en });
    expect(per(kind).perPerson?.basis).toBe('organisation.employees');
  });
});

describe('inventoryFromAnswers', () => {
  it('reads the stable answer ids and turns the refurbished percent into a fraction', () => {
    const inventory = inventoryFromAnswers({
      'inventory.laptop.count': 120,
      'inventory.laptop.lifespan_years': 4,
      'inventory.laptop.refurbished_share': 25,
      'inventory.smartphone.count': 0,
      'inventory.monitor.count': 'many', // wrong type: not answered
      'inventory.monitor.lifespan_years': 0, // not a lifespan: not answered
      'inventory.tablet.count': 5,
      'inventory.tablet.refurbished_share': 150, // out of range: not answered
      'inventory.desktop.hours_per_day': 10,
      'inventory.cloud.vcpu_count': 16,
      'organisation.country': ' de ',
      'organisation.employees': 150,
      'usage.switch_off_policy': 'guidance',
      'usage.meeting_room_standby': true,
      'procurement.lifespan_policy': 'yes',
    });
    expect(inventory.country).toBe('DE');
    expect(inventory.employees).toBe(150);
    expect(inventory.devices.laptop).toEqual({ count: 120, lifespanYears: 4, refurbishedShare: 0.25, hoursPerDay: null });
    expect(inventory.devices.smartphone?.count).toBe(0);
    expect(inventory.devices.monitor).toEqual({ count: null, lifespanYears: null, refurbishedShare: null, hoursPerDay: null });
    expect(inventory.devices.tablet?.refurbishedShare).toBeNull();
    expect(inventory.devices.desktop?.hoursPerDay).toBe(10);
    expect(inventory.devices.server?.count).toBeNull();
    expect(inventory.policies).toEqual({ workstation: 'guidance', meeting_room: 'true' });
    expect(inventory.cloud).toEqual({ vcpus: 16, storageTb: null });
  });

  it('with no country answered, World figures are used and it says so', () => {
    const result = computeFootprint(inventoryFromAnswers({ 'inventory.laptop.count': 1 }), factors);
    expect(result.electricity.countrySource).toBe('default');
    expect(result.electricity.carbonZone).toBe('WORLD');
  });
});
