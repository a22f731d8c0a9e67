/**
 * Why the footprint moved: the split into inventory, practice and factors, worked by hand on round
 * figures, then checked to add up on the real factors.
 */
import { loadFootprintFactors } from '../footprint/footprint-factors.loader.js';
import { inventoryFromAnswers } from '../footprint/footprint.js';
import type { FootprintFactors, Inventory } from '../footprint/footprint.types.js';
import { attributeFootprintChange, withCounts } from './footprint-attribution.js';

const real = loadFootprintFactors();

/** The real factors with laptops made simple: climate 200 kg CO2e a device (`climate`), no use phase, refurbished avoids 50 %. */
function roundFactors(climate: number, version: number): FootprintFactors {
  const f = structuredClone(real);
  f.version = version;
  const laptop = f.devices.laptop;
  laptop.embodied.climate = { value: climate, source: 'A', row: 'made up for the test' };
  laptop.power.active = null;
  laptop.refurbishedAvoided = { low: 0.5, high: 0.5, source: laptop.refurbishedAvoided!.source, row: 'made up for the test' };
  return f;
}

function laptops(count: number, lifespanYears: number, refurbishedShare: number): Inventory {
  return { country: 'FR', employees: 100, devices: { laptop: { count, lifespanYears, refurbishedShare } }, cloud: null };
}

describe('why the footprint moved', () => {
  it('splits a change into inventory, practice and factors, in that order, adding up to the change (worked by hand)', () => {
    // Last year: 100 laptops kept 4 years, none refurbished, factors v1 (200 kg CO2e a laptop):
    //   100 x 200 / 4 x (1 - 0 x 0.5) = 5,000 kg CO2e
    // This year: 140 laptops kept 5 years, half refurbished, factors v2 (250 kg CO2e a laptop):
    //   140 x 250 / 5 x (1 - 0.5 x 0.5) = 5,250 kg CO2e; change +250
    // 1. inventory: 140 laptops at last year's practice and factors: 140 x 200 / 4 = 7,000 -> +2,000
    // 2. practice: 140 laptops kept 5 years, half refurbished, v1: 140 x 200 / 5 x 0.75 = 4,200 -> -2,800
    // 3. factors: the same with v2: 5,250 -> +1,050
    //   +2,000 - 2,800 + 1,050 = +250
    const result = attributeFootprintChange(
      { inventory: laptops(100, 4, 0), factors: roundFactors(200, 1) },
      { inventory: laptops(140, 5, 0.5), factors: roundFactors(250, 2) },
    );
    expect(result.order).toEqual(['inventory', 'practice', 'factors']);
    expect(result.previousFactorsVersion).toBe(1);
    expect(result.currentFactorsVersion).toBe(2);
    const laptop = result.devices.find((d) => d.device === 'laptop')!;
    expect(laptop).toMatchObject({ previousCount: 100, currentCount: 140 });
    const climate = laptop.criteria.find((c) => c.criterion === 'climate')!;
    expect(climate.unit).toBe('kg CO2e');
    expect(climate.previous).toBeCloseTo(5000, 9);
    expect(climate.current).toBeCloseTo(5250, 9);
    expect(climate.change).toBeCloseTo(250, 9);
    expect(climate.inventory).toBeCloseTo(2000, 9);
    expect(climate.practice).toBeCloseTo(-2800, 9);
    expect(climate.factors).toBeCloseTo(1050, 9);
    expect(climate.inventory + climate.practice + climate.factors).toBeCloseTo(climate.change, 9);
    // Water has no use phase either, and an embodied figure: estimated. Nothing else is listed here.
    expect(laptop.notEstimated).toEqual([]);
    expect(result.totals.find((t) => t.criterion === 'climate')!.change).toBeCloseTo(250, 9);
  });

  it('reads "we bought 40 laptops" as inventory, not as a regression of practice', () => {
    const result = attributeFootprintChange(
      { inventory: laptops(100, 4, 0.2), factors: real },
      { inventory: laptops(140, 4, 0.2), factors: real },
    );
    const climate = result.devices[0].criteria.find((c) => c.criterion === 'climate')!;
    expect(climate.change).toBeGreaterThan(0);
    expect(climate.inventory).toBeCloseTo(climate.change, 9);
    expect(climate.practice).toBe(0);
    expect(climate.factors).toBe(0);
  });

  it('adds up on the real factors when everything moves at once, devices arriving and leaving', () => {
    const before = inventoryFromAnswers({
      'organisation.country': 'DE',
      'inventory.laptop.count': 80,
      'inventory.laptop.lifespan_years': 3,
      'inventory.monitor.count': 120,
      'inventory.server.count': 4,
      'usage.switch_off_policy': 'none',
    });
    const after = inventoryFromAnswers({
      'organisation.country': 'FR',
      'inventory.laptop.count': 120,
      'inventory.laptop.lifespan_years': 5,
      'inventory.laptop.refurbished_share': 30,
      'inventory.smartphone.count': 50,
      'inventory.server.count': 2,
      'inventory.server.pue': 1.4,
    });
    const result = attributeFootprintChange({ inventory: before, factors: real }, { inventory: after, factors: real });
    expect(result.devices.map((d) => d.device)).toEqual(['laptop', 'monitor', 'smartphone', 'server']);
    for (const device of result.devices) {
      for (const c of device.criteria) {
        expect(c.factors).toBe(0); // one factors version
        expect(c.inventory + c.practice + c.factors).toBeCloseTo(c.change, 6);
        expect(c.current - c.previous).toBeCloseTo(c.change, 9);
      }
    }
    // Monitors gone: all inventory. Smartphones new: all inventory, at the defaults.
    const monitor = result.devices.find((d) => d.device === 'monitor')!.criteria.find((c) => c.criterion === 'climate')!;
    expect(monitor.current).toBe(0);
    expect(monitor.inventory).toBeCloseTo(-monitor.previous, 9);
    expect(monitor.practice).toBeCloseTo(0, 9);
    // Water of the use phase is not estimated, but laptops' embodied water is: listed, never a 0 change.
    const laptop = result.devices.find((d) => d.device === 'laptop')!;
    expect(laptop.criteria.map((c) => c.criterion)).toContain('water');
  });

  it('keeps the practice of one year and the counts of the other', () => {
    const mixed = withCounts(laptops(100, 4, 0.5), laptops(140, 6, 0));
    expect(mixed.devices.laptop).toEqual({ count: 140, lifespanYears: 4, refurbishedShare: 0.5 });
  });
});
