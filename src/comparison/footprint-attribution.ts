/**
 * Why the footprint moved between two years: each device type's change, per criterion, split into
 * three effects that add up to the change. Pure, no I/O: it recomputes the footprint (the pure
 * `computeFootprint`) on mixed inputs.
 *
 * Decomposition by sequential substitution, in this order (F = footprint of a device type on a
 * criterion; c = counts, p = practice, f = factors; 0 = previous year, 1 = current year):
 *   inventory = F(c1, p0, f0) - F(c0, p0, f0)   more or fewer devices, at last year's practice and factors
 *   practice  = F(c1, p1, f0) - F(c1, p0, f0)   lifespan, refurbished share and use, at this year's counts, last year's factors
 *   factors   = F(c1, p1, f1) - F(c1, p1, f0)   the rest: a new version of the reference factors
 *   inventory + practice + factors = F(c1, p1, f1) - F(c0, p0, f0), the change (the sum telescopes).
 * - Counts: the number of devices of each type, and the cloud's vCPUs and terabytes.
 * - Practice: everything else the organisation answers that moves the figures: lifespan, refurbished
 *   share, active hours, switch-off behaviours, the server room's PUE and the country (whose
 *   electricity the devices use). A practice left unanswered is the default of the factors in force.
 * - A device type absent one year counts 0 that year (the new devices arrive at last year's practice
 *   for that type, the defaults when it was not answered).
 * - A criterion a device type has no figure for (either year, any step) is not estimated: null, never 0.
 */
import { computeFootprint } from '../footprint/footprint.js';
import {
  CRITERIA,
  CRITERION_UNITS,
  DEVICE_TYPES,
  type Criterion,
  type DeviceInventory,
  type FootprintFactors,
  type FootprintResult,
  type I18nText,
  type Inventory,
} from '../footprint/footprint.types.js';

/** What one year's footprint is computed from. */
export interface FootprintInputs {
  inventory: Inventory;
  factors: FootprintFactors;
}

export type AttributionEffect = 'inventory' | 'practice' | 'factors';

/** The order the effects are taken in (see the module's comment). */
export const ATTRIBUTION_ORDER: readonly AttributionEffect[] = ['inventory', 'practice', 'factors'];

export interface AttributionFigures {
  criterion: Criterion;
  unit: string;
  previous: number;
  current: number;
  /** current - previous = inventory + practice + factors. */
  change: number;
  inventory: number;
  practice: number;
  factors: number;
}

export interface DeviceAttribution {
  device: string;
  label: I18nText;
  previousCount: number;
  currentCount: number;
  /** Criteria with a figure; a criterion without one is listed in `notEstimated`. */
  criteria: AttributionFigures[];
  notEstimated: Criterion[];
}

export interface FootprintAttribution {
  order: readonly AttributionEffect[];
  previousFactorsVersion: number;
  currentFactorsVersion: number;
  /** Device types (and the cloud) present either year. */
  devices: DeviceAttribution[];
  /** Sum over the device types with a figure, per criterion. */
  totals: AttributionFigures[];
  method: I18nText;
}

export const ATTRIBUTION_METHOD: I18nText = {
  fr:
    "Substitution successive, dans cet ordre : parc (le nombre d'appareils de cette année, aux pratiques et facteurs de l'an dernier), " +
    "puis pratiques (durée de vie, part reconditionnée, usage, pays, aux facteurs de l'an dernier), puis facteurs (le reste, dû à une " +
    'nouvelle version des facteurs de référence). Les trois effets additionnés donnent la variation.',
  en:
    "Sequential substitution, in this order: inventory (this year's number of devices, at last year's practice and factors), " +
    "then practice (lifespan, refurbished share, use, country, at last year's factors), then factors (the rest, from a new version of " +
    'the reference factors). The three effects add up to the change.',
};

const NO_DEVICE: DeviceInventory = { count: null, lifespanYears: null, refurbishedShare: null, hoursPerDay: null };

/** `practice`'s inventory with the counts of `counts`. */
export function withCounts(practice: Inventory, counts: Inventory): Inventory {
  const devices: Inventory['devices'] = {};
  for (const type of DEVICE_TYPES) {
    const p = practice.devices[type];
    const c = counts.devices[type];
    if (!p && !c) continue;
    devices[type] = { ...(p ?? NO_DEVICE), count: c?.count ?? null };
  }
  return {
    ...practice,
    devices,
    cloud: counts.cloud ? { vcpus: counts.cloud.vcpus, storageTb: counts.cloud.storageTb } : (counts.cloud ?? null),
  };
}

/** The yearly figure of one device type on one criterion: 0 when the type is absent, null when not estimated. */
function figureOf(result: FootprintResult, device: string, criterion: Criterion): number | null {
  const entry = result.devices.find((d) => d.device === device);
  if (!entry) return 0;
  const total = entry.perCriterion[criterion]?.total;
  return typeof total === 'number' && Number.isFinite(total) ? total : null;
}

function countOf(result: FootprintResult, device: string): number {
  return result.devices.find((d) => d.device === device)?.count ?? 0;
}

export function attributeFootprintChange(previous: FootprintInputs, current: FootprintInputs): FootprintAttribution {
  const a = computeFootprint(previous.inventory, previous.factors); // c0 p0 f0
  const b = computeFootprint(withCounts(previous.inventory, current.inventory), previous.factors); // c1 p0 f0
  const c = computeFootprint(current.inventory, previous.factors); // c1 p1 f0
  const d = computeFootprint(current.inventory, current.factors); // c1 p1 f1
  const steps = [a, b, c, d];

  const types: string[] = [];
  for (const r of [a, d]) for (const x of r.devices) if (!types.includes(x.device)) types.push(x.device);
  const order = [...DEVICE_TYPES, 'cloud'];
  types.sort((x, y) => order.indexOf(x) - order.indexOf(y));

  const sums = new Map<Criterion, AttributionFigures>();
  const devices = types.map((type): DeviceAttribution => {
    const label = (d.devices.find((x) => x.device === type) ?? a.devices.find((x) => x.device === type))!.label;
    const criteria: AttributionFigures[] = [];
    const notEstimated: Criterion[] = [];
    for (const criterion of CRITERIA) {
      const [f0, f1, f2, f3] = steps.map((s) => figureOf(s, type, criterion));
      if (f0 === null || f1 === null || f2 === null || f3 === null) {
        notEstimated.push(criterion);
        continue;
      }
      const figures: AttributionFigures = {
        criterion,
        unit: CRITERION_UNITS[criterion],
        previous: f0,
        current: f3,
        change: f3 - f0,
        inventory: f1 - f0,
        practice: f2 - f1,
        factors: f3 - f2,
      };
      criteria.push(figures);
      const sum = sums.get(criterion);
      if (!sum) sums.set(criterion, { ...figures });
      else for (const k of ['previous', 'current', 'change', 'inventory', 'practice', 'factors'] as const) sum[k] += figures[k];
    }
    return {
      device: type,
      label: { fr: label.fr, en: label.en },
      previousCount: countOf(a, type),
      currentCount: countOf(d, type),
      criteria,
      notEstimated,
    };
  });

  return {
    order: ATTRIBUTION_ORDER,
    previousFactorsVersion: previous.factors.version,
    currentFactorsVersion: current.factors.version,
    devices,
    totals: CRITERIA.flatMap((criterion) => (sums.has(criterion) ? [sums.get(criterion)!] : [])),
    method: ATTRIBUTION_METHOD,
  };
}
