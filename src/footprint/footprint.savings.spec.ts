/**
 * Savings of the levers on an organisation's own inventory, recomputed BY HAND.
 */
import { computeFootprint } from './footprint.js';
import { loadFootprintFactors } from './footprint-factors.loader.js';
import { computeSavings } from './footprint.savings.js';
import type { FootprintLever, Inventory, LeverSaving } from './footprint.types.js';

const factors = loadFootprintFactors();

function expectClose(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  const diff = Math.abs((actual as number) - expected);
  if (diff > 1e-9 * Math.abs(expected) + 1e-15) {
    throw new Error(`expected ${expected}, got ${String(actual)}`);
  }
}

function lever(savings: LeverSaving[], name: FootprintLever): LeverSaving {
  const s = savings.find((x) => x.lever === name);
  if (s === undefined) throw new Error(`${name} missing`);
  return s;
}

describe('savings of a French organisation: 100 laptops kept 4 years, 50 monitors, 2 servers', () => {
  const inventory: Inventory = {
    country: 'FR',
    employees: 120,
    devices: {
      laptop: { count: 100, lifespanYears: 4, refurbishedShare: null },
      monitor: { count: 50, lifespanYears: null, refurbishedShare: null },
      server: { count: 2, lifespanYears: null, refurbishedShare: null },
    },
  };
  const footprint = computeFootprint(inventory, factors);
  const savings = computeSavings(inventory, factors, footprint);
  // Climate total, by hand (see footprint.spec.ts): 5,508.45 embodied + 740.9192 use
  const climateTotal = 6249.3692;

  it('returns the four levers in a fixed order', () => {
    expect(savings.map((s) => s.lever)).toEqual(['lifespan', 'refurbished', 'fewer_screens', 'switch_off']);
    expect(savings.every((s) => s.applicable)).toBe(true);
  });

  it('lifespan: laptops 4 -> 6 years, monitors 6 -> 8, servers 5 -> 7 cut the embodied impact by 1 - L1/L2', () => {
    const s = lever(savings, 'lifespan');
    expect(s.perDevice.map((d) => [d.device, d.from, d.to])).toEqual([
      ['laptop', 4, 6],
      ['monitor', 6, 8],
      ['server', 5, 7],
    ]);
    // laptops: 4,627.25 x (1 - 4/6) = 1,542.41667; monitors: 582 x (1 - 6/8) = 145.5; servers: 299.2 x (1 - 5/7) = 85.48571
    expectClose(s.perDevice[0].perCriterion.climate, 4627.25 / 3);
    expectClose(s.perDevice[1].perCriterion.climate, 145.5);
    expectClose(s.perDevice[2].perCriterion.climate, (299.2 * 2) / 7);
    const climate = 4627.25 / 3 + 145.5 + (299.2 * 2) / 7;
    expectClose(s.climateKgCo2ePerYear, climate);
    expectClose(s.shareOfClimateTotal, climate / climateTotal);
    // Minerals: 0.215 / 3 + 0.09 x 0.25; the servers have no figure (null, not 0)
    expect(s.perDevice[2].perCriterion.minerals).toBeNull();
    expectClose(s.perCriterion?.minerals, 0.215 / 3 + 0.0225);
    // Use phase unchanged: water saving is the water of manufacture only: 4,850,000 / 3 + 485,833.33 x 0.25
    expectClose(s.perCriterion?.water, 4850000 / 3 + ((50 * 58300) / 6) * 0.25);
    expect(s.range).toBeNull();
    expect(s.description?.en).toContain('Keeping your 100 laptops 6 years instead of 4');
    expect(s.description?.en).toContain('your 2 servers 7 years instead of 5');
    // 1773.4024 rounds to 1,770
    expect(s.description?.en).toContain('about 1,770\u00a0kg CO2e a year');
    expect(s.description?.fr).toContain('Garder vos 100 ordinateurs portables 6\u00a0ans au lieu de 4');
  });

  it('refurbished: laptops from 0 % to 30 % refurbished, low end 43 % promised, high end 97 % shown', () => {
    const s = lever(savings, 'refurbished');
    expect(s.perDevice.map((d) => [d.device, d.from, d.to])).toEqual([['laptop', 0, 0.3]]);
    // 100 x 185.09 / 4 x 0.30 x 0.43 = 4,627.25 x 0.129 = 596.91525 kg CO2e
    expectClose(s.climateKgCo2ePerYear, 596.91525);
    // high end: 4,627.25 x 0.30 x 0.97 = 1,346.52975
    expectClose(s.range?.high.climate, 1346.52975);
    expectClose(s.range?.low.climate, 596.91525);
    // every embodied criterion: raw material 100 x 680 / 4 x 0.129 = 2,193 kg
    expectClose(s.perCriterion?.rawMaterial, 2193);
    expect(s.description?.en).toContain('from 0% to 30%');
    expect(s.description?.en).toContain('at least 597\u00a0kg CO2e a year');
    expect(s.description?.en).toContain('up to 1,350\u00a0kg CO2e');
  });

  it('fewer screens: 10 % of the 50 monitors (5), no meeting-room screen to remove', () => {
    const s = lever(savings, 'fewer_screens');
    expect(s.perDevice.map((d) => [d.device, d.from, d.to])).toEqual([['monitor', 50, 45]]);
    // (582 + 202.84) / 50 x 5 = 78.484 kg CO2e
    expectClose(s.climateKgCo2ePerYear, 78.484);
    expect(s.description?.en).toContain('Removing 5 monitors out of 50');
  });

  it('switch off: 10 % of the use phase of laptops and monitors; servers not concerned', () => {
    const s = lever(savings, 'switch_off');
    expect(s.perDevice.map((d) => d.device)).toEqual(['laptop', 'monitor']);
    // (215.0104 + 202.84) x 0.10 = 41.78504 kg CO2e
    expectClose(s.climateKgCo2ePerYear, 41.78504);
    // 8 h -> 7.2 h, i.e. 48 minutes a day
    expectClose(s.perDevice[0].to, 7.2);
    expect(s.description?.en).toContain('48 min less a day');
    // no use-phase water factor: not estimated
    expect(s.perCriterion?.water).toBeNull();
    expect(s.perCriterion?.rawMaterial).toBeNull();
  });

  it('computes the footprint itself when it is not given', () => {
    expect(computeSavings(inventory, factors)).toEqual(savings);
  });
});

describe('savings of a German organisation: 40 desktops (5 years, 25 % refurbished), 10 smartphones (50 %), 2 meeting-room screens', () => {
  const inventory: Inventory = {
    country: 'DE',
    employees: null,
    devices: {
      desktop: { count: 40, lifespanYears: 5, refurbishedShare: 0.25 },
      smartphone: { count: 10, lifespanYears: null, refurbishedShare: 0.5 },
      meeting_screen: { count: 2, lifespanYears: 8, refurbishedShare: null },
    },
  };
  const savings = computeSavings(inventory, factors, computeFootprint(inventory, factors));

  it('lifespan: desktops 5 -> 7, smartphones 2.5 -> 4, meeting-room screens 8 -> 10', () => {
    const s = lever(savings, 'lifespan');
    // 1,509.8244 x (1 - 5/7) + 216.28352 x (1 - 2.5/4) + 85.04 x (1 - 8/10)
    expectClose(s.climateKgCo2ePerYear, 1509.8244 * (2 / 7) + 216.28352 * 0.375 + 85.04 * 0.2);
    expect(s.description?.en).toContain('your 10 smartphones 4 years instead of 2.5');
    expect(s.description?.fr).toContain('4\u00a0ans au lieu de 2,5');
  });

  it('refurbished: desktops 25 % -> 30 %, smartphones already above 30 % -> +20 points (70 %)', () => {
    const s = lever(savings, 'refurbished');
    expect(s.perDevice.map((d) => [d.device, d.from, d.to])).toEqual([
      ['desktop', 0.25, 0.3],
      ['smartphone', 0.5, 0.7],
    ]);
    // desktops: 40 x 211.46 / 5 x 0.05 x 0.43 = 1,691.68 x 0.0215 = 36.37112
    expectClose(s.perDevice[0].perCriterion.climate, 36.37112);
    // smartphones: 10 x 79.516 / 2.5 x 0.20 x 0.64 = 318.064 x 0.128 = 40.712192
    expectClose(s.perDevice[1].perCriterion.climate, 40.712192);
    expectClose(s.climateKgCo2ePerYear, 36.37112 + 40.712192);
    // high end: 1,691.68 x 0.05 x 0.97 + 318.064 x 0.20 x 0.87 = 82.04648 + 55.343136
    expectClose(s.range?.high.climate, 82.04648 + 55.343136);
  });

  it('fewer screens: one meeting-room screen fewer out of 2', () => {
    const s = lever(savings, 'fewer_screens');
    expect(s.perDevice.map((d) => [d.device, d.from, d.to])).toEqual([['meeting_screen', 2, 1]]);
    // (85.04 + 24.1384) / 2 = 54.5892 kg CO2e
    expectClose(s.climateKgCo2ePerYear, 54.5892);
    // water: 217,250 / 2 L of manufacture
    expectClose(s.perCriterion?.water, 108625);
  });

  it('switch off: desktops and meeting-room screens, 10 % of their use', () => {
    const s = lever(savings, 'switch_off');
    expect(s.perDevice.map((d) => d.device)).toEqual(['desktop', 'meeting_screen']);
    expectClose(s.climateKgCo2ePerYear, (2079.616 + 24.1384) * 0.1);
  });
});

describe('levers with nothing to act on', () => {
  it('an organisation with only servers: no refurbished figure, no screen, nothing to switch off', () => {
    const inventory: Inventory = {
      country: 'FR',
      employees: null,
      devices: { server: { count: 3, lifespanYears: 5, refurbishedShare: null } },
    };
    const savings = computeSavings(inventory, factors, computeFootprint(inventory, factors));
    expect(lever(savings, 'lifespan').applicable).toBe(true);
    for (const name of ['refurbished', 'fewer_screens', 'switch_off'] as const) {
      const s = lever(savings, name);
      expect(s.applicable).toBe(false);
      expect(s.perCriterion).toBeNull();
      expect(s.climateKgCo2ePerYear).toBeNull();
      expect(s.description).toBeNull();
      expect(s.reason?.en.length).toBeGreaterThan(0);
      expect(s.reason?.fr.length).toBeGreaterThan(0);
      expect(s.method.en.length).toBeGreaterThan(0);
    }
  });

  it('an empty inventory: no lever applies', () => {
    const inventory: Inventory = { country: 'FR', employees: null, devices: {} };
    const savings = computeSavings(inventory, factors, computeFootprint(inventory, factors));
    expect(savings.map((s) => s.applicable)).toEqual([false, false, false, false]);
  });

  it('laptops already 100 % refurbished: refurbished lever does not apply', () => {
    const inventory: Inventory = {
      country: 'FR',
      employees: null,
      devices: { laptop: { count: 10, lifespanYears: 5, refurbishedShare: 1 } },
    };
    const s = lever(computeSavings(inventory, factors), 'refurbished');
    expect(s.applicable).toBe(false);
  });

  it('9 monitors: 10 % rounds down to none, so no screen to remove', () => {
    const inventory: Inventory = {
      country: 'FR',
      employees: null,
      devices: { monitor: { count: 9, lifespanYears: 6, refurbishedShare: null } },
    };
    const s = lever(computeSavings(inventory, factors), 'fewer_screens');
    expect(s.applicable).toBe(false);
    expect(s.reason?.en).toContain('fewer than 10 monitors');
  });

  it('a lifespan already at the target: one year more (laptops 7 -> 8 years, 1 - 7/8 = 12.5 %)', () => {
    const inventory: Inventory = {
      country: 'FR',
      employees: null,
      devices: { laptop: { count: 10, lifespanYears: 7, refurbishedShare: 0 } },
    };
    const s = lever(computeSavings(inventory, factors), 'lifespan');
    expect(s.perDevice[0].to).toBe(8);
    // 10 x 185.09 / 7 x 0.125
    expectClose(s.climateKgCo2ePerYear, ((10 * 185.09) / 7) * 0.125);
  });
});
