/**
 * Properties of the footprint and the savings, over random inventories (fast-check).
 */
import fc from 'fast-check';
import { computeFootprint } from './footprint.js';
import { loadFootprintFactors } from './footprint-factors.loader.js';
import { computeSavings } from './footprint.savings.js';
import {
  CRITERIA,
  DEVICE_TYPES,
  type CriterionParts,
  type DeviceInventory,
  type DeviceType,
  type FootprintResult,
  type Inventory,
} from './footprint.types.js';

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

const WORKSTATION = ['left_on', 'guidance', 'power_settings', 'scheduled_shutdown'] as const;

const inventoryArb: fc.Arbitrary<Inventory> = fc.record({
  country: fc.constantFrom('FR', 'DE', 'PL', 'SE', 'GB', 'US', 'CN', 'NL', 'OTHER_EU', 'OTHER', 'JP', null),
  employees: fc.option(fc.integer({ min: 0, max: 100000 }), { nil: null }),
  organisationKind: fc.constantFrom('company', 'public_body', 'association', null),
  devices: fc.record(Object.fromEntries(DEVICE_TYPES.map((d) => [d, deviceArb])) as Record<DeviceType, fc.Arbitrary<DeviceInventory>>, {
    requiredKeys: [],
  }),
  policies: fc.record({
    workstation: fc.constantFrom(...WORKSTATION, null),
    meeting_room: fc.constantFrom('true', 'false', null),
  }),
  cloud: fc.record({
    vcpus: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
    storageTb: fc.option(fc.double({ min: 0, max: 500, noNaN: true }), { nil: null }),
  }),
  serverPue: fc.option(fc.double({ min: 1, max: 3, noNaN: true }), { nil: null }),
});

const deviceTypeArb = fc.constantFrom(...DEVICE_TYPES);

function allFigures(result: FootprintResult): Array<number | null> {
  const values: Array<number | null> = [];
  const parts = (p: CriterionParts) => {
    for (const x of [p, p.low, p.high]) values.push(x.embodied, x.use, x.total);
  };
  for (const d of result.devices) {
    values.push(d.kWhPerYear);
    for (const c of CRITERIA) parts(d.perCriterion[c]);
  }
  for (const c of CRITERIA) parts(result.totals[c]);
  return values;
}

/** low <= central <= high for every part, with the same nulls. */
function ordered(p: CriterionParts): boolean {
  return (['embodied', 'use', 'total'] as const).every((k) => {
    const [lo, v, hi] = [p.low[k], p[k], p.high[k]];
    if (v === null) return lo === null && hi === null;
    return lo !== null && hi !== null && notAbove(lo, v) && notAbove(v, hi);
  });
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
          if (s.applicable && s.range === null) return false;
          for (const v of [...all, s.climateKgCo2ePerYear, s.shareOfClimateTotal]) {
            if (v !== null && !(Number.isFinite(v) && v >= 0)) return false;
          }
        }
        return true;
      }),
    );
  });

  it('every range holds its central figure: low <= value <= high, device by device and in the totals', () => {
    fc.assert(
      fc.property(inventoryArb, (inventory) => {
        const result = computeFootprint(inventory, factors);
        return (
          result.devices.every((d) => CRITERIA.every((c) => ordered(d.perCriterion[c]))) && CRITERIA.every((c) => ordered(result.totals[c]))
        );
      }),
    );
  });

  it('switching off more never raises the use phase: scheduled shutdown <= guidance <= automatic sleep <= left on', () => {
    fc.assert(
      fc.property(inventoryArb, (inventory) => {
        const use = (answer: (typeof WORKSTATION)[number]) =>
          computeFootprint({ ...inventory, policies: { ...inventory.policies, workstation: answer } }, factors).totals.climate.use;
        const [off, guidance, sleep, on] = [use('scheduled_shutdown'), use('guidance'), use('power_settings'), use('left_on')];
        return notAbove(off, guidance) && notAbove(guidance, sleep) && notAbove(sleep, on);
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
          return CRITERIA.every(
            (c) =>
              notAbove(s.perCriterion?.[c] ?? null, footprint.totals[c].total) &&
              notAbove(s.range?.high[c] ?? null, footprint.totals[c].high.total) &&
              notAbove(s.range?.low[c] ?? null, s.perCriterion?.[c] ?? null) &&
              notAbove(s.perCriterion?.[c] ?? null, s.range?.high[c] ?? null),
          );
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
