/**
 * The baseline of an action's indicator, read from the assessment's answers where the
 * questionnaire measures it (the inventory, a share, a count). Pure. An action whose indicator
 * the questionnaire does not measure gets no baseline (null, said as "not measured"), never 0;
 * a member can enter one on the commitment.
 */
import type { AnswerValue, I18nText } from '../questionnaires/template.types.js';
import type { Baseline } from './plan.types.js';

type Answers = Readonly<Record<string, AnswerValue | undefined>>;

const num = (v: AnswerValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

const UNITS = {
  years: { fr: 'ans', en: 'years' },
  percent: { fr: '%', en: '%' },
  perEmployee: { fr: 'appareils par salarié', en: 'devices per employee' },
  screensPerEmployee: { fr: 'écrans par salarié', en: 'screens per employee' },
  criteria: { fr: 'critères sur 6', en: 'criteria out of 6' },
} satisfies Record<string, I18nText>;

const COMPUTING_DEVICES = ['laptop', 'desktop', 'smartphone'] as const;
const USER_DEVICES = ['laptop', 'desktop', 'monitor', 'smartphone', 'tablet'] as const;

const count = (a: Answers, device: string) => num(a[`inventory.${device}.count`]);

/** Sum of the counts answered; null when none is answered. */
function sumCounts(a: Answers, devices: readonly string[]): { total: number; ids: string[] } | null {
  let total: number | null = null;
  const ids: string[] = [];
  for (const d of devices) {
    const n = count(a, d);
    if (n === null) continue;
    total = (total ?? 0) + n;
    ids.push(`inventory.${d}.count`);
  }
  return total === null ? null : { total, ids };
}

function perEmployee(a: Answers, devices: readonly string[], unit: I18nText, label: I18nText): Baseline | null {
  const employees = num(a['organisation.employees']);
  const devicesCount = sumCounts(a, devices);
  if (!employees || employees <= 0 || !devicesCount) return null;
  return {
    // 2 decimals: "1.25 devices per employee" is as precise as counts allow.
    value: round(devicesCount.total / employees, 2),
    unit,
    label,
    source: 'answers',
    questionIds: ['organisation.employees', ...devicesCount.ids],
  };
}

const WARRANTY_YEARS: Readonly<Record<string, number>> = { three_years: 3, four_years: 4, five_plus: 5 };

function selected(v: AnswerValue | undefined, exclude: string[]): string[] {
  return Array.isArray(v) ? v.filter((x) => !exclude.includes(x)) : [];
}

const BASELINES: Readonly<Record<string, (a: Answers) => Baseline | null>> = {
  'extend-lifespan': (a) => {
    const years = num(a['inventory.laptop.lifespan_years']);
    if (years === null) return null;
    return {
      value: years,
      unit: UNITS.years,
      label: { fr: 'Durée de vie moyenne des ordinateurs portables', en: 'Average laptop lifespan' },
      source: 'answers',
      questionIds: ['inventory.laptop.lifespan_years'],
    };
  },
  'buy-refurbished': (a) => {
    // Share bought refurbished over computers and smartphones, weighted by how many there are.
    let devices = 0;
    let refurbished = 0;
    const ids: string[] = [];
    for (const d of COMPUTING_DEVICES) {
      const n = count(a, d);
      const share = num(a[`inventory.${d}.refurbished_share`]);
      if (n === null || n <= 0 || share === null) continue;
      devices += n;
      refurbished += (n * share) / 100;
      ids.push(`inventory.${d}.count`, `inventory.${d}.refurbished_share`);
    }
    if (devices === 0) return null;
    return {
      value: round((refurbished / devices) * 100, 1),
      unit: UNITS.percent,
      label: {
        fr: 'Part des ordinateurs et smartphones achetés reconditionnés (pondérée par leur nombre)',
        en: 'Share of computers and smartphones bought refurbished (weighted by their number)',
      },
      source: 'answers',
      questionIds: ids,
    };
  },
  'limit-equipment-quantity': (a) =>
    perEmployee(a, USER_DEVICES, UNITS.perEmployee, {
      fr: 'Ordinateurs, écrans, smartphones et tablettes par salarié',
      en: 'Computers, monitors, smartphones and tablets per employee',
    }),
  'fewer-smaller-screens': (a) =>
    perEmployee(a, ['monitor', 'meeting_screen'], UNITS.screensPerEmployee, {
      fr: 'Écrans (moniteurs et écrans de salle) par salarié',
      en: 'Screens (monitors and meeting-room screens) per employee',
    }),
  'raise-awareness': (a) => {
    const share = num(a['governance.awareness_share']);
    if (share === null) return null;
    return {
      value: share,
      unit: UNITS.percent,
      label: { fr: 'Part des salariés ayant suivi un atelier', en: 'Share of employees who attended a workshop' },
      source: 'answers',
      questionIds: ['governance.awareness_share'],
    };
  },
  'ecodesign-hardware-warranty': (a) => {
    // "Legal or basic warranty (1 to 2 years)" is a range, not a figure: no baseline from it.
    const v = a['procurement.warranty_length'];
    const years = typeof v === 'string' ? WARRANTY_YEARS[v] : undefined;
    if (years === undefined) return null;
    return {
      value: years,
      unit: UNITS.years,
      label:
        v === 'five_plus'
          ? { fr: 'Garantie habituelle des ordinateurs portables (5 ans ou plus)', en: 'Usual laptop warranty (5 years or more)' }
          : { fr: 'Garantie habituelle des ordinateurs portables', en: 'Usual laptop warranty' },
      source: 'answers',
      questionIds: ['procurement.warranty_length'],
    };
  },
  'measure-multicriteria-footprint': (a) => {
    const measures = a['measurement.measures_footprint'];
    if (measures === false) {
      // A true zero: the organisation said it does not measure.
      return {
        value: 0,
        unit: UNITS.criteria,
        label: { fr: 'Critères environnementaux mesurés', en: 'Environmental criteria measured' },
        source: 'answers',
        questionIds: ['measurement.measures_footprint'],
        detail: { fr: 'aucune mesure aujourd’hui', en: 'no measurement today' },
      };
    }
    const criteria = a['measurement.criteria'];
    if (measures !== true || !Array.isArray(criteria) || criteria.includes('dont_know')) return null;
    const scopes = selected(a['measurement.scopes'], ['dont_know']);
    return {
      value: selected(criteria, ['dont_know']).length,
      unit: UNITS.criteria,
      label: { fr: 'Critères environnementaux mesurés', en: 'Environmental criteria measured' },
      source: 'answers',
      questionIds: ['measurement.measures_footprint', 'measurement.criteria', 'measurement.scopes'],
      detail: { fr: `périmètres couverts\u00a0: ${scopes.length} sur 4`, en: `scopes covered: ${scopes.length} of 4` },
    };
  },
};

/** Actions whose indicator the questionnaire can measure. */
export const MEASURED_ACTIONS: readonly string[] = Object.keys(BASELINES);

/** The indicator's baseline from the answers (visible ones only), or null when the answers do not measure it. */
export function indicatorBaseline(actionId: string, answers: Answers): Baseline | null {
  const compute = BASELINES[actionId];
  return compute ? compute(answers) : null;
}
