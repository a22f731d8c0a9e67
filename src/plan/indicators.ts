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
  criteria: { fr: 'catégories d’impact', en: 'impact categories' },
} satisfies Record<string, I18nText>;

/** Who "per person" is, from the kind of organisation when the questionnaire asks it (version 2). */
const PERSON: Readonly<Record<string, I18nText>> = {
  company: { fr: 'salarié', en: 'employee' },
  public_body: { fr: 'agent', en: 'agent' },
  association: { fr: 'salarié ou bénévole', en: 'staff member or volunteer' },
};
const personOf = (a: Answers): I18nText => {
  const kind = a['organisation.kind'];
  return typeof kind === 'string' && Object.hasOwn(PERSON, kind) ? PERSON[kind] : { fr: 'personne', en: 'person' };
};

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
  'limit-equipment-quantity': (a) => {
    const p = personOf(a);
    return perEmployee(
      a,
      USER_DEVICES,
      { fr: `appareils par ${p.fr}`, en: `devices per ${p.en}` },
      { fr: `Ordinateurs, écrans, smartphones et tablettes par ${p.fr}`, en: `Computers, monitors, smartphones and tablets per ${p.en}` },
    );
  },
  'fewer-smaller-screens': (a) => {
    const p = personOf(a);
    return perEmployee(
      a,
      ['monitor', 'meeting_screen'],
      { fr: `écrans par ${p.fr}`, en: `screens per ${p.en}` },
      { fr: `Écrans (moniteurs et écrans de salle) par ${p.fr}`, en: `Screens (monitors and meeting-room screens) per ${p.en}` },
    );
  },
  'raise-awareness': (a) => {
    const share = num(a['governance.awareness_share']);
    if (share === null) return null;
    return {
      value: share,
      unit: UNITS.percent,
      label: { fr: 'Part des personnes ayant suivi un atelier', en: 'Share of people who attended a workshop' },
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
      // Impact categories only: energy used and waste generated (options of version 1) are flows, not impacts.
      value: selected(criteria, ['dont_know', 'energy', 'e_waste']).length,
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
