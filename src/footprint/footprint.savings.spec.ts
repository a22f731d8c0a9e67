/**
 * Savings of the levers on an organisation's own inventory, recomputed BY HAND, each with its range.
 */
import { computeFootprint } from './footprint.js';
import { loadFootprintFactors } from './footprint-factors.loader.js';
import { computeSavings } from './footprint.savings.js';
import type { FootprintLever, Inventory, LeverSaving } from './footprint.types.js';

const factors = loadFootprintFactors();

const FR_LOW = 0.044179085;
const DE = 0.34413992;

function expectClose(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  const diff = Math.abs((actual as number) - expected);
  if (diff > 1e-9 * Math.abs(expected) + 1e-12) {
    throw new Error(`expected ${expected}, got ${String(actual)}`);
  }
}

function lever(savings: LeverSaving[], name: FootprintLever): LeverSaving {
  const s = savings.find((x) => x.lever === name);
  if (s === undefined) throw new Error(`${name} missing`);
  return s;
}

describe('savings of a French organisation: 100 laptops kept 4 years, 50 monitors, 2 servers, automatic sleep', () => {
  const inventory: Inventory = {
    country: 'FR',
    employees: 120,
    devices: {
      laptop: { count: 100, lifespanYears: 4, refurbishedShare: null },
      monitor: { count: 50, lifespanYears: null, refurbishedShare: null },
      server: { count: 2, lifespanYears: null, refurbishedShare: null },
    },
    policies: { workstation: 'power_settings' },
  };
  const footprint = computeFootprint(inventory, factors);
  const savings = computeSavings(inventory, factors, footprint);
  // Climate total, by hand:
  //   laptops 100 x 185.09 / 4 = 4,627.25 embodied; 100 x (26.5 x 1,760 + 2 x 7,000) / 1000 = 6,064 kWh x 0.0461 = 279.5504
  //   monitors 50 x 69.84 / 6 = 582 embodied; 50 x (20 x 1,760 + 2 x 7,000) / 1000 = 2,460 kWh x 0.0461 = 113.406
  //   servers 2 x 3,660 / 5 = 1,464 embodied; 2 x 367 x 8,760 x 1.8 / 1000 = 11,573.712 kWh x 0.0461 = 533.5481232
  const climateTotal = 4627.25 + 279.5504 + 582 + 113.406 + 1464 + 533.5481232;

  it('computes the total it shares against', () => {
    expectClose(footprint.totals.climate.total, climateTotal);
  });

  it('returns the four levers in a fixed order, with the factors version', () => {
    expect(savings.map((s) => s.lever)).toEqual(['lifespan', 'refurbished', 'fewer_screens', 'switch_off']);
    expect(savings.every((s) => s.applicable && s.factorsVersion === 2)).toBe(true);
  });

  it('lifespan: laptops 4 -> 6 years, monitors 6 -> 8, servers 5 -> 7 cut the embodied impact by 1 - L1/L2', () => {
    const s = lever(savings, 'lifespan');
    expect(s.perDevice.map((d) => [d.device, d.from, d.to])).toEqual([
      ['laptop', 4, 6],
      ['monitor', 6, 8],
      ['server', 5, 7],
    ]);
    // laptops 4,627.25 x (1 - 4/6) = 1,542.4167; monitors 582 x (1 - 6/8) = 145.5; servers 1,464 x (1 - 5/7) = 418.2857
    const climate = 4627.25 / 3 + 145.5 + (1464 * 2) / 7;
    expectClose(s.climateKgCo2ePerYear, climate);
    expectClose(s.shareOfClimateTotal, climate / climateTotal);
    // Low: [B]'s 181 kg laptops and 64.7 kg monitors: 100 x 181 / 4 / 3 + 50 x 64.7 / 6 x 0.25 + 418.2857
    expectClose(s.range?.low.climate, (100 * 181) / 4 / 3 + ((50 * 64.7) / 6) * 0.25 + (1464 * 2) / 7);
    expectClose(s.range?.high.climate, climate);
    // Servers now have every criterion: minerals 2 x 0.0378 / 5 x 2/7, on top of laptops and monitors
    expectClose(s.perCriterion?.minerals, (100 * 0.0086) / 4 / 3 + ((50 * 0.0108) / 6) * 0.25 + ((2 * 0.0378) / 5) * (2 / 7));
    // Water: servers have no figure (null, not 0): laptops 4,850,000 / 3 + monitors 485,833.33 x 0.25
    expect(s.perDevice[2].perCriterion.water).toBeNull();
    expectClose(s.perCriterion?.water, 4850000 / 3 + ((50 * 58300) / 6) * 0.25);
    // 2,106.2024 rounds to 2,100; range 2,061.41 to 2,106.20 rounds to 2,100-2,100, not shown
    expect(s.description?.en).toContain('Keeping your 100 laptops 6 years instead of 4');
    expect(s.description?.en).toContain('your 2 servers 7 years instead of 5');
    expect(s.description?.en).toContain('about 2,100\u00a0kg CO2e a year (');
    expect(s.description?.fr).toContain('Garder vos 100 ordinateurs portables 6\u00a0ans au lieu de 4');
  });

  it('refurbished: laptops from 0 % to 30 %, low end 43 % promised, high end 97 % for the range', () => {
    const s = lever(savings, 'refurbished');
    expect(s.perDevice.map((d) => [d.device, d.from, d.to])).toEqual([['laptop', 0, 0.3]]);
    // 100 x 185.09 / 4 x 0.30 x 0.43 = 4,627.25 x 0.129 = 596.91525 kg CO2e
    expectClose(s.climateKgCo2ePerYear, 596.91525);
    // high end: 4,627.25 x 0.30 x 0.97 = 1,346.52975; low end with [B]'s 181 kg: 100 x 181 / 4 x 0.129 = 583.725
    expectClose(s.range?.high.climate, 1346.52975);
    expectClose(s.range?.low.climate, 583.725);
    // every embodied criterion takes the low end: material input 100 x 680 / 4 x 0.129 = 2,193 kg
    expectClose(s.perCriterion?.rawMaterial, 2193);
    expect(s.description?.en).toContain('from 0% to 30%');
    expect(s.description?.en).toContain('at least 600\u00a0kg CO2e a year');
    expect(s.description?.en).toContain('up to 1,300\u00a0kg CO2e');
  });

  it('fewer screens: 10 % of the 50 monitors (5), no meeting-room screen to remove', () => {
    const s = lever(savings, 'fewer_screens');
    expect(s.perDevice.map((d) => [d.device, d.from, d.to])).toEqual([['monitor', 50, 45]]);
    // (582 + 113.406) / 50 x 5 = 69.5406 kg CO2e
    expectClose(s.climateKgCo2ePerYear, 69.5406);
    expect(s.description?.en).toContain('Removing 5 monitors out of 50');
  });

  it('switch off: from automatic sleep to a scheduled shutdown, laptops and monitors; servers not concerned', () => {
    const s = lever(savings, 'switch_off');
    expect(s.perDevice.map((d) => d.device)).toEqual(['laptop', 'monitor']);
    // Each device saves (2 W asleep - 0.5 W off) x 7,000 h / 1000 = 10.5 kWh:
    //   laptops 1,050 kWh x 0.0461 = 48.405; monitors 525 kWh x 0.0461 = 24.2025; together 72.6075 kg CO2e
    expectClose(s.perDevice[0].perCriterion.climate, 48.405);
    expectClose(s.climateKgCo2ePerYear, 72.6075);
    // kWh before and after: laptops 6,064 -> 6,064 - 1,050 = 5,014
    expect([s.perDevice[0].from, s.perDevice[0].to]).toEqual([6064, 5014]);
    // Low: 0.5 W asleep, 0 W off: 150 devices x 0.5 x 7,000 / 1000 = 525 kWh x 0.044179085 = 23.194019625
    expectClose(s.range?.low.climate, 525 * FR_LOW);
    expectClose(s.range?.high.climate, 72.6075);
    expect(s.description?.en).toContain('your 100 laptops and your 50 monitors: a scheduled shutdown instead of automatic sleep');
    // no use-phase water or material factor: not estimated
    expect(s.perCriterion?.water).toBeNull();
    expect(s.perCriterion?.rawMaterial).toBeNull();
  });

  it('computes the footprint itself when it is not given', () => {
    expect(computeSavings(inventory, factors)).toEqual(savings);
  });
});

describe('savings of a German organisation: 40 desktops left on (5 years, 25 % refurbished), 10 smartphones (50 %), 2 meeting-room screens', () => {
  const inventory: Inventory = {
    country: 'DE',
    employees: null,
    devices: {
      desktop: { count: 40, lifespanYears: 5, refurbishedShare: 0.25 },
      smartphone: { count: 10, lifespanYears: null, refurbishedShare: 0.5 },
      meeting_screen: { count: 2, lifespanYears: 8, refurbishedShare: null },
    },
    policies: { workstation: 'left_on', meeting_room: 'false' },
  };
  const savings = computeSavings(inventory, factors, computeFootprint(inventory, factors));

  it('refurbished: desktops 25 % -> 30 % at 36 % (the desktop range), smartphones already above 30 % -> +20 points', () => {
    const s = lever(savings, 'refurbished');
    expect(s.perDevice.map((d) => [d.device, d.from, d.to])).toEqual([
      ['desktop', 0.25, 0.3],
      ['smartphone', 0.5, 0.7],
    ]);
    // desktops: 40 x 211.46 / 5 x 0.05 x 0.36 = 1,691.68 x 0.018 = 30.45024
    expectClose(s.perDevice[0].perCriterion.climate, 30.45024);
    // smartphones: 10 x 79.516 / 2.5 x 0.20 x 0.64 = 318.064 x 0.128 = 40.712192
    expectClose(s.perDevice[1].perCriterion.climate, 40.712192);
    expectClose(s.climateKgCo2ePerYear, 30.45024 + 40.712192);
    // high end: 40 x 277 / 5 x 0.05 x 0.99 + 10 x 84 / 2.5 x 0.20 x 0.87 = 109.692 + 58.464
    expectClose(s.range?.high.climate, 109.692 + 58.464);
  });

  it('fewer screens: one meeting-room screen fewer out of 2', () => {
    const s = lever(savings, 'fewer_screens');
    expect(s.perDevice.map((d) => [d.device, d.from, d.to])).toEqual([['meeting_screen', 2, 1]]);
    // embodied 2 x 152 / 8 = 38; use asleep 2 x (65 x 440 + 2 x 8,320) / 1000 = 90.48 kWh x 0.34413992; half of it
    expectClose(s.climateKgCo2ePerYear, (38 + 90.48 * DE) / 2);
    // no water figure for this screen
    expect(s.perCriterion?.water).toBeNull();
  });

  it('switch off: desktops left on and meeting-room screens asleep, moved to off', () => {
    const s = lever(savings, 'switch_off');
    expect(s.perDevice.map((d) => d.device)).toEqual(['desktop', 'meeting_screen']);
    // desktops: (70 W - 0.5 W) x 7,000 h / 1000 x 40 = 19,460 kWh; screens: (2 - 0.5) x 8,320 / 1000 x 2 = 24.96 kWh
    expectClose(s.perDevice[0].from - s.perDevice[0].to, 19460);
    expectClose(s.climateKgCo2ePerYear, (19460 + 24.96) * DE);
    // Low: desktops that may sleep (0.5 W) switched off (0 W): 40 x 0.5 x 7,000 / 1000 = 140 kWh; screens 2 x 0.5 x 8,320 / 1000 = 8.32
    expectClose(s.range?.low.climate, (140 + 8.32) * DE);
    // High: screens left on (65 W) that sleep after (2 W): 2 x 63 x 8,320 / 1000 = 1,048.32 kWh; desktops as central
    expectClose(s.range?.high.climate, (19460 + 1048.32) * DE);
    expect(s.description?.en).toContain('a scheduled shutdown instead of left on');
    expect(s.description?.fr).toContain('une extinction automatique au lieu de aucune extinction automatique');
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

  it('computers already shut down on schedule and meeting rooms switched off: switching off is already done', () => {
    const inventory: Inventory = {
      country: 'FR',
      employees: null,
      devices: {
        laptop: { count: 10, lifespanYears: 5, refurbishedShare: 0 },
        meeting_screen: { count: 1, lifespanYears: null, refurbishedShare: null },
      },
      policies: { workstation: 'scheduled_shutdown', meeting_room: 'true' },
    };
    const s = lever(computeSavings(inventory, factors), 'switch_off');
    expect(s.applicable).toBe(false);
    expect(s.reason?.en).toContain('Already done');
  });

  it('printers and switches, counted but not estimated, are never acted on', () => {
    const inventory: Inventory = {
      country: 'FR',
      employees: null,
      devices: {
        printer: { count: 10, lifespanYears: null, refurbishedShare: null },
        network_switch: { count: 5, lifespanYears: null, refurbishedShare: null },
      },
    };
    expect(computeSavings(inventory, factors).map((s) => s.applicable)).toEqual([false, false, false, false]);
  });

  it('laptops already 100 % refurbished: refurbished lever does not apply', () => {
    const inventory: Inventory = {
      country: 'FR',
      employees: null,
      devices: { laptop: { count: 10, lifespanYears: 5, refurbishedShare: 1 } },
    };
    expect(lever(computeSavings(inventory, factors), 'refurbished').applicable).toBe(false);
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

  it('the cloud has no lifespan lever: the provider keeps its servers', () => {
    const inventory: Inventory = { country: 'FR', employees: null, devices: {}, cloud: { vcpus: 32, storageTb: 1 } };
    const s = lever(computeSavings(inventory, factors), 'lifespan');
    expect(s.applicable).toBe(false);
  });
});
