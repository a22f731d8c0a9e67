import type { AnswerValue, I18nText } from '../questionnaires/template.types.js';
import { Classifier } from './classify.js';
import {
  AGE_BUCKETS,
  DEVICE_CLASSES,
  type DeviceClass,
  type InventoryContent,
  type LineRange,
  type ParsedInventory,
  type QuestionTargets,
  type SignatureGroup,
} from './inventory.types.js';

/**
 * From an import's aggregates to the figures per device class, how each was derived, and the
 * answers they would replace. Pure: the classification runs here (so a changed rule re-classifies
 * a kept import without its file), and the current answers come in as plain data.
 */

/** Fewest retired devices with dates for an observed lifespan to replace an answer. */
export const MIN_LIFESPAN_SAMPLE = 3;
/** Least share of devices in service with a known refurbished flag for the share to replace an answer. */
export const MIN_REFURBISHED_COVERAGE = 0.5;

export type Figure = 'count' | 'lifespanYears' | 'refurbishedShare';
const FIGURES: Figure[] = ['count', 'lifespanYears', 'refurbishedShare'];

export interface CurrentAnswer {
  value: AnswerValue | null;
  version: number;
  source: Record<string, unknown> | null;
}

export interface Proposal {
  questionId: string;
  class: DeviceClass;
  figure: Figure;
  proposed: number;
  current: CurrentAnswer | null;
  change: 'new' | 'changed' | 'unchanged';
  applicable: boolean;
  reason?: I18nText;
}

export interface ClassFigures {
  class: DeviceClass;
  label: I18nText;
  rows: number;
  inService: number;
  retired: number;
  excluded: number;
  rules: Array<{ ruleId: string; source: string; rows: number }>;
  age: {
    buckets: Array<{ from: number; to: number | null; count: number }>;
    dated: number;
    undated: number;
    /** Years, one decimal; null when no device in service has a date. */
    mean: number | null;
  };
  lifespan: { mean: number; count: number; min: number; max: number } | null;
  retiredWithoutDates: number;
  refurbished: { share: number; yes: number; no: number; unknown: number } | null;
  derivation: I18nText[];
  /** The questions of the assessment's template this class fills; false: classified, not yet in the footprint. */
  inFootprint: boolean;
}

export interface UnclassifiedGroup {
  signature: SignatureGroup['signature'];
  rows: number;
  lines: LineRange[];
  moreLines: number;
}

export interface InventoryPreview {
  classes: ClassFigures[];
  unclassified: { rows: number; groups: UnclassifiedGroup[] };
  proposals: Proposal[];
  notInFootprint: Array<{ class: DeviceClass; label: I18nText; inService: number; questionIds: string[] }>;
}

export interface DeriveInput {
  parsed: Pick<ParsedInventory, 'groups' | 'ageFrom' | 'mapping'>;
  content: InventoryContent;
  organisationRules: InventoryContent['rules'];
  /** "Every row of this file is a ..." for rows no rule classifies. */
  defaultClass: DeviceClass | null;
  /** Question ids of the assessment's template. */
  questionIds: Set<string>;
  current: Record<string, CurrentAnswer>;
  /** The question's own check of a value: the broken rule, or null. */
  check: (questionId: string, value: number) => string | null;
}

const one = (x: number) => Math.round(x * 10) / 10;
const fmt = (x: number, lang: 'fr' | 'en') => x.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });

function emptyFigures(c: DeviceClass, content: InventoryContent): ClassFigures & { _g: SignatureGroup[] } {
  return {
    class: c,
    label: content.classLabels[c],
    rows: 0,
    inService: 0,
    retired: 0,
    excluded: 0,
    rules: [],
    age: { buckets: AGE_BUCKETS.map(([from, to]) => ({ from, to, count: 0 })), dated: 0, undated: 0, mean: null },
    lifespan: null,
    retiredWithoutDates: 0,
    refurbished: null,
    derivation: [],
    inFootprint: false,
    _g: [],
  };
}

export function derivePreview(input: DeriveInput): InventoryPreview {
  const { parsed, content } = input;
  const classifier = new Classifier(content.rules, input.organisationRules);
  const byClass = new Map<DeviceClass, ReturnType<typeof emptyFigures>>();
  const unclassified: UnclassifiedGroup[] = [];
  let unclassifiedRows = 0;
  for (const g of parsed.groups) {
    const c = classifier.classify(g.signature, input.defaultClass ?? undefined);
    if (!c) {
      unclassifiedRows += g.rows;
      unclassified.push({ signature: g.signature, rows: g.rows, lines: g.lines, moreLines: g.moreLines });
      continue;
    }
    let f = byClass.get(c.class);
    if (!f) byClass.set(c.class, (f = emptyFigures(c.class, content)));
    f._g.push(g);
    const rule = f.rules.find((r) => r.ruleId === c.ruleId);
    if (rule) rule.rows += g.rows;
    else f.rules.push({ ruleId: c.ruleId, source: c.ruleSource, rows: g.rows });
  }
  unclassified.sort((a, b) => b.rows - a.rows);

  const ageWord = {
    purchaseDate: { fr: "date d'achat", en: 'purchase date' },
    firstSeenDate: { fr: 'date de première apparition', en: 'first-seen date' },
  };
  const classes: ClassFigures[] = [];
  const proposals: Proposal[] = [];
  const notInFootprint: InventoryPreview['notInFootprint'] = [];
  for (const c of DEVICE_CLASSES) {
    const f = byClass.get(c);
    if (!f) continue;
    let ageSum = 0;
    let lifeSum = 0;
    let lifeCount = 0;
    let lifeMin = Infinity;
    let lifeMax = -Infinity;
    let yes = 0;
    let no = 0;
    let unknown = 0;
    for (const g of f._g) {
      f.rows += g.rows;
      f.inService += g.inService;
      f.retired += g.retired;
      f.excluded += g.excluded;
      g.ageBuckets.forEach((n, i) => (f.age.buckets[i].count += n));
      f.age.dated += g.dated;
      f.age.undated += g.undated;
      ageSum += g.ageSum;
      lifeSum += g.lifespanSum;
      lifeCount += g.lifespanCount;
      if (g.lifespanMin !== null) lifeMin = Math.min(lifeMin, g.lifespanMin);
      if (g.lifespanMax !== null) lifeMax = Math.max(lifeMax, g.lifespanMax);
      yes += g.refurbishedYes;
      no += g.refurbishedNo;
      unknown += g.refurbishedUnknown;
    }
    f.age.mean = f.age.dated ? one(ageSum / f.age.dated) : null;
    f.lifespan = lifeCount ? { mean: one(lifeSum / lifeCount), count: lifeCount, min: one(lifeMin), max: one(lifeMax) } : null;
    f.retiredWithoutDates = f.retired - lifeCount;
    const refurbishedMapped = Boolean(parsed.mapping.columns.refurbished);
    f.refurbished = refurbishedMapped && yes + no > 0 ? { share: Math.round((100 * yes) / (yes + no)), yes, no, unknown } : null;

    // How each figure was derived, in words.
    const rulesText = f.rules.map((r) => `${r.ruleId} (${r.rows})`).join(', ');
    f.derivation.push({
      fr: `${f.rows} ligne(s) classées « ${f.label.fr} » par les règles ${rulesText}. En service : ${f.rows} − ${f.retired} réformé(s) − ${f.excluded} exclu(s) = ${f.inService}.`,
      en: `${f.rows} row(s) classified as "${f.label.en}" by the rules ${rulesText}. In service: ${f.rows} − ${f.retired} retired − ${f.excluded} excluded = ${f.inService}.`,
    });
    if (parsed.ageFrom && f.age.mean !== null) {
      const w = ageWord[parsed.ageFrom];
      f.derivation.push({
        fr: `Âge moyen : moyenne de (date de l'export − ${w.fr}) sur ${f.age.dated} appareil(s) en service datés = ${fmt(f.age.mean, 'fr')} an(s)${f.age.undated ? ` ; ${f.age.undated} sans date, laissé(s) de côté` : ''}.`,
        en: `Average age: mean of (export date − ${w.en}) over ${f.age.dated} dated device(s) in service = ${fmt(f.age.mean, 'en')} year(s)${f.age.undated ? `; ${f.age.undated} without a date left out` : ''}.`,
      });
    } else {
      f.derivation.push({
        fr: "Âge : non estimé (l'export n'a pas de date d'achat ou de première apparition pour ces appareils).",
        en: 'Age: not estimated (the export has no purchase or first-seen date for these devices).',
      });
    }
    if (f.lifespan) {
      f.derivation.push({
        fr: `Durée de vie observée : moyenne de (date de réforme − date de début) sur ${f.lifespan.count} appareil(s) réformé(s) datés = ${fmt(f.lifespan.mean, 'fr')} an(s) (de ${fmt(f.lifespan.min, 'fr')} à ${fmt(f.lifespan.max, 'fr')}).`,
        en: `Observed lifespan: mean of (retirement date − start date) over ${f.lifespan.count} dated retired device(s) = ${fmt(f.lifespan.mean, 'en')} year(s) (from ${fmt(f.lifespan.min, 'en')} to ${fmt(f.lifespan.max, 'en')}).`,
      });
    } else {
      f.derivation.push({
        fr: "Durée de vie : non observée (aucun appareil réformé avec ses dates dans l'export) ; votre réponse est conservée.",
        en: 'Lifespan: not observed (no retired device with its dates in the export); your answer is kept.',
      });
    }
    if (f.refurbished) {
      f.derivation.push({
        fr: `Part reconditionnée : ${f.refurbished.yes} sur ${yes + no} appareil(s) en service dont l'export le dit = ${f.refurbished.share} %${unknown ? ` (${unknown} sans indication)` : ''}.`,
        en: `Refurbished share: ${f.refurbished.yes} of ${yes + no} device(s) in service the export says it of = ${f.refurbished.share} %${unknown ? ` (${unknown} without a flag)` : ''}.`,
      });
    } else {
      f.derivation.push({
        fr: "Part reconditionnée : l'export ne le dit pas ; votre réponse est conservée.",
        en: 'Refurbished share: the export does not say; your answer is kept.',
      });
    }

    // The answers these figures would replace.
    const targets: QuestionTargets | null = content.questionMap[c];
    const present = targets ? FIGURES.filter((fig) => input.questionIds.has(targets[fig])) : [];
    f.inFootprint = Boolean(targets && input.questionIds.has(targets.count));
    if (!f.inFootprint) {
      notInFootprint.push({
        class: c,
        label: f.label,
        inService: f.inService,
        questionIds: targets ? FIGURES.map((fig) => targets[fig]) : [],
      });
    } else if (f.inService > 0) {
      const values: Partial<Record<Figure, { value: number; why?: I18nText }>> = { count: { value: f.inService } };
      if (f.lifespan) {
        values.lifespanYears =
          f.lifespan.count >= MIN_LIFESPAN_SAMPLE
            ? { value: f.lifespan.mean }
            : {
                value: f.lifespan.mean,
                why: {
                  fr: `Seulement ${f.lifespan.count} appareil(s) réformé(s) daté(s) : trop peu (au moins ${MIN_LIFESPAN_SAMPLE}) pour remplacer votre réponse.`,
                  en: `Only ${f.lifespan.count} dated retired device(s): too few (at least ${MIN_LIFESPAN_SAMPLE}) to replace your answer.`,
                },
              };
      }
      if (f.refurbished) {
        const coverage = (yes + no) / f.inService;
        values.refurbishedShare =
          coverage >= MIN_REFURBISHED_COVERAGE
            ? { value: f.refurbished.share }
            : {
                value: f.refurbished.share,
                why: {
                  fr: `L'export ne le dit que pour ${Math.round(coverage * 100)} % des appareils en service (au moins ${MIN_REFURBISHED_COVERAGE * 100} % pour remplacer votre réponse).`,
                  en: `The export says so for only ${Math.round(coverage * 100)} % of the devices in service (at least ${MIN_REFURBISHED_COVERAGE * 100} % to replace your answer).`,
                },
              };
      }
      for (const fig of present) {
        const v = values[fig];
        if (!v) continue;
        const questionId = targets![fig];
        const current = input.current[questionId] ?? null;
        const problem = input.check(questionId, v.value);
        const change: Proposal['change'] =
          current === null || current.value === null ? 'new' : current.value === v.value ? 'unchanged' : 'changed';
        const reason =
          v.why ??
          (problem ? { fr: `Hors des bornes de la question : ${problem}`, en: `Outside the question's bounds: ${problem}` } : undefined);
        proposals.push({
          questionId,
          class: c,
          figure: fig,
          proposed: v.value,
          current,
          change,
          applicable: !reason,
          ...(reason ? { reason } : {}),
        });
      }
    }
    const { _g, ...figures } = f;
    void _g;
    classes.push(figures);
  }
  return { classes, unclassified: { rows: unclassifiedRows, groups: unclassified }, proposals, notInFootprint };
}
