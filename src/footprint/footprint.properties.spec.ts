/**
 * Properties of the footprint and the savings, over random inventories (fast-check).
 */
import fc from 'fast-check';
import { computeFootprint } from './footprint.js';
import { loadFootprintFactors } from './footprint-factors.loader.js';
import { computeSavings } from './footprint.savings.js';
import { CRITERIA, DEVICE_TYPES, type DeviceInventory, type DeviceType, type FootprintResult, type Inventory } from './footprint.types.js';

const factors = loadFootprintFactors();

/** `a <= b` with room for floating-point noise; null counts as nothing estimated (0). */
function notAbove(a: number | null, b: number | null): boolean {
  const x = a ?? 0;
  const y = b ?? 0;
  return x <= y + 1e-9 * Math.max(1, Math.abs(y));
}

const deviceArb: fc.Arbitrary<DeviceInventory> = fc.record({
  count: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
  lifespanYears: fc.option(fc.double({ min: 0.5, max: 15, noNaN: true }), { nil: null }),
  refurbishedShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  hoursPerDay: fc.option(fc.double({ min: 0.5, max: 24, noNaN: true }), { nil: null }),
});

const inventoryArb: fc.Arbitrary<Inventory> = fc.record({
  country: fc.constantFrom('FR', 'DE', 'PL', 'SE', 'GB', 'US', 'CN', 'NL', 'OTHER_EU', 'OTHER', 'JP', null),
  employees: fc.option(fc.integer({ min: 0, max: 100000 }), { nil: null }),
  devices: fc.record(Object.fromEntries(DEVICE_TYPES.map((d) => [d, deviceArb])) as Record<DeviceType, fc.Arbitrary<DeviceInventory>>, {
    requiredKeys: [],
  }),
});

const deviceTypeArb = fc.constantFrom(...DEVICE_TYPES);

function allFigures(result: FootprintResult): Array<number | null> {
  const values: Array<number | null> = [];
  for (const d of result.devices) {
    values.push(d.kWhPerYear);
    for (const c of CRITERIA) values.push(d.perCriterion[c].embodied, d.perCriterion[c].use, d.perCriterion[c].total);
  }
  for (const c of CRITERIA) values.push(result.totals[c].embodied, result.totals[c].use, result.totals[c].total);
  return values;
}

describe('footprint properties', () => {
  it('every figure is a finite number >= 0, or null (not estimated)', () => {
    fc.assert(
      fc.property(inventoryArb, (inventory) => {
        const result = computeFootprint(inventory, factors);
        for (const v of allFigures(result)) {
          if (v !== null && !(Number.isFinite(v) && v >= 0)) return false;
        }
        for (const s of computeSavings(inventory, factors, result)) {
          const all = [s.perCriterion, s.range?.low, s.range?.high].flatMap((r) => (r ? Object.values(r) : []));
          for (const v of [...all, s.climateKgCo2ePerYear, s.shareOfClimateTotal]) {
            if (v !== null && !(Number.isFinite(v) && v >= 0)) return false;
          }
        }
        return true;
      }),
    );
  });

  it('totals are the sum of the estimated device parts, and list exactly the parts left out', () => {
    fc.assert(
      fc.property(inventoryArb, (inventory) => {
        const result = computeFootprint(inventory, factors);
        for (const c of CRITERIA) {
          let embodied = 0;
          let missing = 0;
          for (const d of result.devices) {
            if (d.perCriterion[c].embodied === null) missing++;
            else embodied += d.perCriterion[c].embodied as number;
            if (d.perCriterion[c].use === null) missing++;
          }
          if (Math.abs((result.totals[c].embodied ?? 0) - embodied) > 1e-6 * Math.max(1, embodied)) return false;
          if (result.totals[c].notEstimated.length !== missing) return false;
        }
        return true;
      }),
    );
  });

  it('more devices never lowers a total', () => {
    fc.assert(
      fc.property(inventoryArb, deviceTypeArb, fc.integer({ min: 1, max: 1000 }), (inventory, device, more) => {
        const before = computeFootprint(inventory, factors);
        const entry = inventory.devices[device] ?? { count: null, lifespanYears: null, refurbishedShare: null };
        const bigger: Inventory = {
          ...inventory,
          devices: { ...inventory.devices, [device]: { ...entry, count: (entry.count ?? 0) + more } },
        };
        const after = computeFootprint(bigger, factors);
        return CRITERIA.every(
          (c) =>
            notAbove(before.totals[c].embodied, after.totals[c].embodied) &&
            notAbove(before.totals[c].use, after.totals[c].use) &&
            notAbove(before.totals[c].total, after.totals[c].total),
        );
      }),
    );
  });

  it('a longer lifespan never raises the embodied impact', () => {
    fc.assert(
      fc.property(
        inventoryArb,
        deviceTypeArb,
        fc.double({ min: 0.5, max: 15, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (inventory, device, lifespan, extra) => {
          const entry = inventory.devices[device] ?? { count: 10, lifespanYears: null, refurbishedShare: null };
          const withLifespan = (years: number): Inventory => ({
            ...inventory,
            devices: { ...inventory.devices, [device]: { ...entry, lifespanYears: years } },
          });
          const shorter = computeFootprint(withLifespan(lifespan), factors);
          const longer = computeFootprint(withLifespan(lifespan + extra), factors);
          return CRITERIA.every((c) => {
            const a = shorter.devices.find((d) => d.device === device)?.perCriterion[c].embodied ?? null;
            const b = longer.devices.find((d) => d.device === device)?.perCriterion[c].embodied ?? null;
            return notAbove(b, a) && notAbove(longer.totals[c].embodied, shorter.totals[c].embodied);
          });
        },
      ),
    );
  });

  it('a higher refurbished share never raises the embodied impact', () => {
    fc.assert(
      fc.property(
        inventoryArb,
        deviceTypeArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (inventory, device, s1, s2) => {
          const [low, high] = s1 <= s2 ? [s1, s2] : [s2, s1];
          const entry = inventory.devices[device] ?? { count: 10, lifespanYears: null, refurbishedShare: null };
          const withShare = (share: number): Inventory => ({
            ...inventory,
            devices: { ...inventory.devices, [device]: { ...entry, refurbishedShare: share } },
          });
          const fewer = computeFootprint(withShare(low), factors);
          const more = computeFootprint(withShare(high), factors);
          return CRITERIA.every(
            (c) => notAbove(more.totals[c].embodied, fewer.totals[c].embodied) && notAbove(more.totals[c].total, fewer.totals[c].total),
          );
        },
      ),
    );
  });

  it('no lever saves more than the footprint it acts on', () => {
    fc.assert(
      fc.property(inventoryArb, (inventory) => {
        const footprint = computeFootprint(inventory, factors);
        return computeSavings(inventory, factors, footprint).every((s) => {
          if (!s.applicable) return s.perCriterion === null && s.reason !== null;
          const upper = s.range?.high ?? s.perCriterion;
          return CRITERIA.every((c) => notAbove(upper?.[c] ?? null, footprint.totals[c].total));
        });
      }),
    );
  });

  it('is deterministic and does not change its input', () => {
    fc.assert(
      fc.property(inventoryArb, (inventory) => {
        const copy = structuredClone(inventory);
        const a = computeFootprint(inventory, factors);
        const b = computeFootprint(inventory, factors);
        computeSavings(inventory, factors, a);
        expect(inventory).toEqual(copy);
        expect(a).toEqual(b);
      }),
      { numRuns: 50 },
    );
  });
});
