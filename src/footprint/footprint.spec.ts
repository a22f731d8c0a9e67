/**
 * The footprint of small organisations, recomputed BY HAND from the reference figures
 * of REFERENCE-DATA.md (written out below as plain arithmetic, not through the code's helpers).
 */
import { computeFootprint, inventoryFromAnswers, resolveElectricity } from './footprint.js';
import { loadFootprintFactors } from './footprint-factors.loader.js';
import type { FootprintResult, Inventory } from './footprint.types.js';

const factors = loadFootprintFactors();

/** Relative closeness, so that tiny figures (kg Sb eq) are checked as strictly as large ones. */
function expectClose(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  const diff = Math.abs((actual as number) - expected);
  if (diff > 1e-9 * Math.abs(expected) + 1e-15) {
    throw new Error(`expected ${expected}, got ${String(actual)}`);
  }
}

function device(result: FootprintResult, type: string) {
  const d = result.devices.find((x) => x.device === type);
  if (d === undefined) throw new Error(`${type} missing from the result`);
  return d;
}

describe('a French organisation with 100 laptops kept 4 years, 50 monitors and 2 servers', () => {
  const inventory: Inventory = {
    country: 'FR',
    employees: 120,
    devices: {
      laptop: { count: 100, lifespanYears: 4, refurbishedShare: null },
      monitor: { count: 50, lifespanYears: null, refurbishedShare: null }, // default lifespan 6
      server: { count: 2, lifespanYears: null, refurbishedShare: 0.5 }, // no refurbished figure for servers
      tablet: { count: 0, lifespanYears: null, refurbishedShare: null },
      // smartphone, desktop, meeting_screen: not answered
    },
  };
  const result = computeFootprint(inventory, factors);

  it('uses the French electricity figures', () => {
    expect(result.electricity.carbonZone).toBe('FR');
    expect(result.electricity.kgCo2ePerKwh).toBe(0.0461);
    expect(result.electricity.resourceZone).toBe('FR');
    expect(result.electricity.mineralsKgSbEqPerKwh).toBe(4.86e-8);
    expect(result.electricity.fossilMjPerKwh).toBe(9.31);
    expect(result.electricity.carbonYear).toBe(2025);
  });

  it('computes the laptops by hand, criterion by criterion', () => {
    const laptop = device(result, 'laptop');
    expect(laptop.lifespanYears).toBe(4);
    expect(laptop.lifespanSource).toBe('answered');
    expect(laptop.refurbishedShare).toBe(0);
    expect(laptop.refurbishedShareSource).toBe('default');
    // Electricity: 100 x 26.5 W x 8 h x 220 days / 1000 = 4,664 kWh a year
    expectClose(laptop.kWhPerYear, (100 * 26.5 * 8 * 220) / 1000);
    expectClose(laptop.kWhPerYear, 4664);
    // Climate embodied: 100 x (170 + 12.3 + 2.79) / 4 = 4,627.25 kg CO2e a year
    expectClose(laptop.perCriterion.climate.embodied, 4627.25);
    // Climate use: 4,664 kWh x 0.0461 = 215.0104 kg CO2e a year
    expectClose(laptop.perCriterion.climate.use, 215.0104);
    expectClose(laptop.perCriterion.climate.total, 4627.25 + 215.0104);
    // Minerals: 100 x 0.0086 / 4 = 0.215 kg Sb eq; use 4,664 x 4.86e-8 = 2.266704e-4
    expectClose(laptop.perCriterion.minerals.embodied, 0.215);
    expectClose(laptop.perCriterion.minerals.use, 2.266704e-4);
    // Fossil: 100 x 2410 / 4 = 60,250 MJ; use 4,664 x 9.31 = 43,421.84 MJ
    expectClose(laptop.perCriterion.fossil.embodied, 60250);
    expectClose(laptop.perCriterion.fossil.use, 43421.84);
    // Raw material: 100 x 680 / 4 = 17,000 kg; use: no factor
    expectClose(laptop.perCriterion.rawMaterial.embodied, 17000);
    expect(laptop.perCriterion.rawMaterial.use).toBeNull();
    expectClose(laptop.perCriterion.rawMaterial.total, 17000);
    // Water: 100 x 194,000 / 4 = 4,850,000 L of manufacture; use: not estimated
    expectClose(laptop.perCriterion.water.embodied, 4850000);
    expect(laptop.perCriterion.water.use).toBeNull();
  });

  it('uses the default lifespan (6 years) for monitors whose lifespan is not answered', () => {
    const monitor = device(result, 'monitor');
    expect(monitor.lifespanYears).toBe(6);
    expect(monitor.lifespanSource).toBe('default');
    // 50 x (64.6 + 1.29 + 3.95) / 6 = 50 x 69.84 / 6 = 582 kg CO2e
    expectClose(monitor.perCriterion.climate.embodied, 582);
    // 50 x 50 W x 8 h x 220 d / 1000 = 4,400 kWh; x 0.0461 = 202.84 kg CO2e
    expectClose(monitor.kWhPerYear, 4400);
    expectClose(monitor.perCriterion.climate.use, 202.84);
    // 50 x 58,300 / 6 L of water
    expectClose(monitor.perCriterion.water.embodied, (50 * 58300) / 6);
    expectClose(monitor.perCriterion.fossil.embodied, (50 * 1300) / 6);
  });

  it('estimates servers on climate only (manufacturing) and leaves the other embodied criteria "not estimated"', () => {
    const server = device(result, 'server');
    // 2 x 748 / 5 = 299.2 kg CO2e
    expectClose(server.perCriterion.climate.embodied, 299.2);
    // 2 x 400 W x 24 h x 365 d / 1000 = 7,008 kWh; x 0.0461 = 323.0688 kg CO2e
    expectClose(server.kWhPerYear, 7008);
    expectClose(server.perCriterion.climate.use, 323.0688);
    // Electricity still gives minerals and fossil: 7,008 x 4.86e-8 and 7,008 x 9.31
    expectClose(server.perCriterion.minerals.use, 3.405888e-4);
    expectClose(server.perCriterion.fossil.use, 65244.48);
    for (const criterion of ['minerals', 'fossil', 'rawMaterial', 'water'] as const) {
      expect(server.perCriterion[criterion].embodied).toBeNull();
    }
    expect(server.perCriterion.rawMaterial.total).toBeNull();
    expect(server.perCriterion.water.total).toBeNull();
    // The refurbished share answered for servers does not reduce anything: no figure
    expect(server.refurbishedAvoided).toBeNull();
    expect(server.embodiedFactor).toBe(1);
    expect(server.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['climate_embodied_manufacturing_only', 'refurbished_no_avoided_figure']),
    );
  });

  it('adds only the estimated parts in the totals and lists what they leave out', () => {
    // Climate: 4,627.25 + 582 + 299.2 = 5,508.45 embodied; 215.0104 + 202.84 + 323.0688 = 740.9192 use
    expectClose(result.totals.climate.embodied, 5508.45);
    expectClose(result.totals.climate.use, 740.9192);
    expectClose(result.totals.climate.total, 6249.3692);
    expect(result.totals.climate.notEstimated).toEqual([]);
    // Minerals: 0.215 + 50 x 0.0108 / 6 (= 0.09); the servers' embodied part is left out
    expectClose(result.totals.minerals.embodied, 0.305);
    // Minerals use: (4,664 + 4,400 + 7,008) kWh x 4.86e-8
    expectClose(result.totals.minerals.use, 16072 * 4.86e-8);
    expect(result.totals.minerals.notEstimated).toEqual([{ device: 'server', part: 'embodied' }]);
    // Water: embodied only; every use part and the servers' embodied part are not estimated
    expectClose(result.totals.water.embodied, 4850000 + (50 * 58300) / 6);
    expect(result.totals.water.use).toBeNull();
    expectClose(result.totals.water.total, 4850000 + (50 * 58300) / 6);
    expect(result.totals.water.notEstimated).toEqual([
      { device: 'laptop', part: 'use' },
      { device: 'monitor', part: 'use' },
      { device: 'server', part: 'embodied' },
      { device: 'server', part: 'use' },
    ]);
    expect(result.totals.rawMaterial.notEstimated).toEqual([
      { device: 'laptop', part: 'use' },
      { device: 'monitor', part: 'use' },
      { device: 'server', part: 'embodied' },
      { device: 'server', part: 'use' },
    ]);
  });

  it('lists the device types not inventoried and those declared absent', () => {
    expect(result.devices.map((d) => d.device)).toEqual(['laptop', 'monitor', 'server']);
    expect(result.notInventoried).toEqual(['desktop', 'smartphone', 'meeting_screen']);
    expect(result.declaredNone).toEqual(['tablet']);
  });

  it('gives the totals per employee', () => {
    expectClose(result.perEmployee?.climate, 6249.3692 / 120);
  });

  it('states its assumptions and the sources it used', () => {
    const laptop = result.assumptions.devices.find((a) => a.device === 'laptop');
    expect(laptop).toMatchObject({
      lifespanYears: 4,
      lifespanSource: 'answered',
      defaultLifespanYears: 5,
      hoursPerDay: 8,
      daysPerYear: 220,
    });
    const server = result.assumptions.devices.find((a) => a.device === 'server');
    expect(server).toMatchObject({ hoursPerDay: 24, daysPerYear: 365, lifespanSource: 'default' });
    expect(result.assumptions.workingProfile.text.en).toContain('220 working days');
    const keys = result.sources.map((s) => s.key);
    expect(keys).toEqual(expect.arrayContaining(['A', 'B', 'C', 'E_FR', 'E_RES', 'P']));
    expect(keys).not.toContain('E_IEA');
    for (const s of result.sources) expect(s.title.length).toBeGreaterThan(0);
    expect(result.units).toEqual({ climate: 'kg CO2e', minerals: 'kg Sb eq', fossil: 'MJ', rawMaterial: 'kg', water: 'L' });
  });
});

describe('a German organisation with desktops and smartphones partly refurbished, and two meeting-room screens', () => {
  const inventory: Inventory = {
    country: 'DE',
    employees: null,
    devices: {
      desktop: { count: 40, lifespanYears: 5, refurbishedShare: 0.25 },
      smartphone: { count: 10, lifespanYears: null, refurbishedShare: 0.5 },
      meeting_screen: { count: 2, lifespanYears: 8, refurbishedShare: null },
    },
  };
  const result = computeFootprint(inventory, factors);

  it('uses the German carbon figure and the Europe resource figures', () => {
    expect(result.electricity.carbonZone).toBe('DE');
    expect(result.electricity.kgCo2ePerKwh).toBe(0.422);
    expect(result.electricity.resourceZone).toBe('EUROPE');
  });

  it("reduces the desktops' embodied impact by the refurbished share x the low end of the range (43 %)", () => {
    const desktop = device(result, 'desktop');
    // factor = 1 - 0.25 x 0.43 = 0.8925
    expectClose(desktop.embodiedFactor, 0.8925);
    // 40 x (203 + 1.85 + 6.61) / 5 x 0.8925 = 1,691.68 x 0.8925 = 1,509.8244 kg CO2e
    expectClose(desktop.perCriterion.climate.embodied, 1509.8244);
    // 40 x 0.00852 / 5 = 0.06816; x 0.8925 = 0.0608328 kg Sb eq
    expectClose(desktop.perCriterion.minerals.embodied, 0.0608328);
    // 40 x 70 W x 8 h x 220 d / 1000 = 4,928 kWh; x 0.422 = 2,079.616 kg CO2e
    expectClose(desktop.kWhPerYear, 4928);
    expectClose(desktop.perCriterion.climate.use, 2079.616);
    // Europe figures: 4,928 x 6.42e-8 kg Sb eq and 4,928 x 8.55 = 42,134.4 MJ
    expectClose(desktop.perCriterion.minerals.use, 3.163776e-4);
    expectClose(desktop.perCriterion.fossil.use, 42134.4);
  });

  it('uses the default smartphone lifespan (2.5 years) and the smartphone range (64 %)', () => {
    const phone = device(result, 'smartphone');
    expect(phone.lifespanYears).toBe(2.5);
    expect(phone.lifespanSource).toBe('default');
    // factor = 1 - 0.5 x 0.64 = 0.68; 10 x (77 + 2.27 + 0.246) / 2.5 x 0.68 = 318.064 x 0.68 = 216.28352
    expectClose(phone.perCriterion.climate.embodied, 216.28352);
    // 10 x 250 kg / 2.5 x 0.68 = 680 kg of raw material
    expectClose(phone.perCriterion.rawMaterial.embodied, 680);
    // 10 x 4.5 W x 3 h x 220 d / 1000 = 29.7 kWh; x 0.422 = 12.5334
    expectClose(phone.kWhPerYear, 29.7);
    expectClose(phone.perCriterion.climate.use, 12.5334);
  });

  it('computes the meeting-room screens by hand', () => {
    const screen = device(result, 'meeting_screen');
    // 2 x (325 + 3.26 + 11.9) / 8 = 85.04 kg CO2e; 2 x 65 W x 2 h x 220 d / 1000 = 57.2 kWh x 0.422 = 24.1384
    expectClose(screen.perCriterion.climate.embodied, 85.04);
    expectClose(screen.perCriterion.climate.use, 24.1384);
    // 2 x 869,000 / 8 = 217,250 L
    expectClose(screen.perCriterion.water.embodied, 217250);
  });

  it('adds them up', () => {
    expectClose(result.totals.climate.embodied, 1509.8244 + 216.28352 + 85.04);
    expectClose(result.totals.climate.use, 2079.616 + 12.5334 + 24.1384);
    expect(result.perEmployee).toBeNull();
    expect(result.sources.map((s) => s.key)).toEqual(expect.arrayContaining(['D', 'E_BOAVIZTA']));
  });
});

describe('electricity zone by country', () => {
  const e = factors.electricity;
  it.each([
    ['FR', 'FR', 'FR', 0.0461, 'answered'],
    ['fr', 'FR', 'FR', 0.0461, 'answered'],
    ['ES', 'ES', 'EUROPE', 0.279, 'answered'],
    ['SE', 'SE', 'EUROPE', 0.04, 'answered'],
    ['GB', 'GB', 'EUROPE', 0.246, 'answered'],
    ['UK', 'GB', 'EUROPE', 0.246, 'answered'],
    ['NL', 'EU27', 'EUROPE', 0.2375, 'answered'], // EU member without its own figure
    ['OTHER_EU', 'EU27', 'EUROPE', 0.2375, 'answered'],
    ['US', 'US', 'WORLD', 0.5472, 'answered'],
    ['CN', 'CN', 'WORLD', 0.8712, 'answered'],
    ['CH', 'WORLD', 'WORLD', 0.473, 'answered'], // not in the EU: World
    ['OTHER', 'WORLD', 'WORLD', 0.473, 'answered'],
    [null, 'WORLD', 'WORLD', 0.473, 'default'],
  ] as const)('%s -> carbon %s, resources %s', (country, carbonZone, resourceZone, factor, source) => {
    const used = resolveElectricity(country, e);
    expect(used.carbonZone).toBe(carbonZone);
    expect(used.resourceZone).toBe(resourceZone);
    expect(used.kgCo2ePerKwh).toBe(factor);
    expect(used.countrySource).toBe(source);
    expect(used.waterLPerKwh).toBeNull();
  });

  it('changes only the use phase: 1 laptop in Poland vs France', () => {
    const one = (country: string) =>
      computeFootprint({ country, employees: null, devices: { laptop: { count: 1, lifespanYears: 5, refurbishedShare: 0 } } }, factors);
    const pl = one('PL');
    const fr = one('FR');
    // 1 x 26.5 x 8 x 220 / 1000 = 46.64 kWh; Poland 0.805 -> 37.5452 kg CO2e
    expectClose(pl.devices[0].perCriterion.climate.use, 37.5452);
    expectClose(fr.devices[0].perCriterion.climate.use, 46.64 * 0.0461);
    expect(pl.devices[0].perCriterion.climate.embodied).toBe(fr.devices[0].perCriterion.climate.embodied);
  });
});

describe('an empty inventory', () => {
  const result = computeFootprint({ country: 'FR', employees: 10, devices: {} }, factors);
  it('estimates nothing, and says so, rather than returning zeros', () => {
    expect(result.devices).toEqual([]);
    expect(result.notInventoried).toHaveLength(7);
    for (const t of Object.values(result.totals)) {
      expect(t.embodied).toBeNull();
      expect(t.use).toBeNull();
      expect(t.total).toBeNull();
    }
  });
});

describe('hours of use answered by the organisation', () => {
  it('replace the working profile', () => {
    const result = computeFootprint(
      { country: 'FR', employees: null, devices: { monitor: { count: 10, lifespanYears: 6, refurbishedShare: 0, hoursPerDay: 10 } } },
      factors,
    );
    const monitor = result.devices[0];
    expect(monitor.hoursSource).toBe('answered');
    // 10 x 50 W x 10 h x 220 d / 1000 = 1,100 kWh
    expectClose(monitor.kWhPerYear, 1100);
  });

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
      'organisation.country': ' de ',
      'organisation.employees': 150,
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
  });

  it('gives an inventory that computeFootprint reads: 120 laptops kept 4 years, 25 % refurbished', () => {
    const result = computeFootprint(
      inventoryFromAnswers({
        'inventory.laptop.count': 120,
        'inventory.laptop.lifespan_years': 4,
        'inventory.laptop.refurbished_share': 25,
        'organisation.country': 'FR',
      }),
      factors,
    );
    // 120 x 185.09 / 4 x (1 - 0.25 x 0.43) = 5,552.7 x 0.8925 = 4,955.78475 kg CO2e
    expectClose(result.devices[0].perCriterion.climate.embodied, 4955.78475);
    expect(result.notInventoried).toHaveLength(6);
  });

  it('with no country answered, World figures are used and it says so', () => {
    const result = computeFootprint(inventoryFromAnswers({ 'inventory.laptop.count': 1 }), factors);
    expect(result.electricity.countrySource).toBe('default');
    expect(result.electricity.carbonZone).toBe('WORLD');
  });
});
