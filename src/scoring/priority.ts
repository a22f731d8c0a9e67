/**
 * Priority of an action, its group in the plan and the sentence that explains it. Pure.
 * The formulas are stated in METHODOLOGY (methodology.ts) and at the top of scoring.ts.
 */
import { EFFORT_TERMS, GROUP_TERMS, termsInSentence } from '../questionnaires/terms.js';
import type { Effort, I18nText } from '../questionnaires/template.types.js';
import { NBSP, formatNumber, formatPercent, round1, roundSignificant } from './format.js';
import type { ActionSavingInput, PriorityGroup, PriorityGroupV1 } from './scoring.types.js';

/** How much of the priority survives the effort: low effort acts fully, high effort counts for less than half. */
export const EFFORT_FACTORS: Readonly<Record<Effort, number>> = { low: 1, medium: 0.7, high: 0.45 };

/** +1 impact point per 10 % of the yearly digital climate footprint the action avoids... */
export const SAVING_POINTS_PER_SHARE = 10;
/** ...at most +2 points, and the effective impact never exceeds 5. */
export const SAVING_BONUS_MAX = 2;
export const IMPACT_MAX = 5;

/** Group thresholds on the gap (100 - maturity). */
export const QUICK_WIN_GAP: Readonly<Record<Effort, number | null>> = { low: 40, medium: 60, high: null };
export const STRUCTURAL_GAP = 40;

/** Saving share usable in the formula: finite, clamped to 0..1; null when absent. */
export function usableShare(saving: ActionSavingInput | undefined): number | null {
  const share = saving?.shareOfClimateTotal;
  if (share === null || share === undefined || !Number.isFinite(share)) return null;
  return Math.min(1, Math.max(0, share));
}

/** I' = min(5, I + min(2, 10 x share)); I when no share is known. Clamped to 0..5. */
export function effectiveImpact(impactWeight: number, saving?: ActionSavingInput): number {
  const base = Math.min(IMPACT_MAX, Math.max(0, Number.isFinite(impactWeight) ? impactWeight : 0));
  const share = usableShare(saving);
  const bonus = share === null ? 0 : Math.min(SAVING_BONUS_MAX, SAVING_POINTS_PER_SHARE * share);
  return round1(Math.min(IMPACT_MAX, base + bonus));
}

/** P = 100 x (I'/5) x (gap/100) x effortFactor, one decimal, 0..100. */
export function priorityScore(effectiveImpactWeight: number, gap: number, effort: Effort): number {
  const factor = EFFORT_FACTORS[effort] ?? EFFORT_FACTORS.high;
  const boundedGap = Math.min(100, Math.max(0, gap));
  return round1(100 * (effectiveImpactWeight / IMPACT_MAX) * (boundedGap / 100) * factor);
}

/** quick_win: gap >= 40 with low effort, or gap >= 60 with medium effort; structural: other gaps >= 40; keep_up: gap < 40. */
export function priorityGroup(gap: number, effort: Effort): Exclude<PriorityGroupV1, 'unknown'> {
  const quickWinGap = QUICK_WIN_GAP[effort] ?? null;
  if (quickWinGap !== null && gap >= quickWinGap) return 'quick_win';
  if (gap >= STRUCTURAL_GAP) return 'structural';
  return 'keep_up';
}

const EFFORT_WORDS: Readonly<Record<Effort, I18nText>> = termsInSentence(EFFORT_TERMS);

const GROUP_WORDS: Readonly<Record<Exclude<PriorityGroupV1, 'unknown'>, I18nText>> = {
  quick_win: { fr: 'un gain rapide', en: 'a quick win' },
  structural: { fr: 'un chantier structurant', en: 'a structural project' },
  keep_up: { fr: 'à maintenir', en: 'keep it up' },
};

/** Plan group names, for tables and headings (scoring-1 and scoring-2 groups). */
export const GROUP_LABELS: Readonly<Record<PriorityGroup, I18nText>> = GROUP_TERMS;

function savingClause(saving: ActionSavingInput | undefined): I18nText {
  if (!saving) return { fr: '', en: '' };
  const kg = saving.climateKgCo2ePerYear;
  const share = usableShare(saving);
  if (kg !== null && Number.isFinite(kg) && kg > 0) {
    const about = roundSignificant(kg, 3);
    const shareFr = share !== null && share > 0 ? ` (${formatPercent(share, 'fr')} de l'empreinte climat du numérique)` : '';
    const shareEn = share !== null && share > 0 ? ` (${formatPercent(share, 'en')} of the digital climate footprint)` : '';
    return {
      fr: `${NBSP}; cela éviterait environ ${formatNumber(about, 'fr', 2)} kg CO2e par an${shareFr}`,
      en: `; it would avoid about ${formatNumber(about, 'en', 2)} kg CO2e a year${shareEn}`,
    };
  }
  if (share !== null && share > 0) {
    return {
      fr: `${NBSP}; cela éviterait environ ${formatPercent(share, 'fr')} de l'empreinte climat annuelle du numérique`,
      en: `; it would avoid about ${formatPercent(share, 'en')} of the yearly digital climate footprint`,
    };
  }
  return { fr: '', en: '' };
}

function impactClause(impactWeight: number, effective: number): I18nText {
  const fr = `Impact ${formatNumber(impactWeight, 'fr')}/5`;
  const en = `Impact ${formatNumber(impactWeight, 'en')}/5`;
  if (effective <= impactWeight) return { fr, en };
  return {
    fr: `${fr} (porté à ${formatNumber(effective, 'fr')}/5 par le gain chiffré)`,
    en: `${en} (raised to ${formatNumber(effective, 'en')}/5 by the quantified saving)`,
  };
}

/** One sentence, figures filled in, for a scored action. */
export function whyScored(args: {
  impactWeight: number;
  effectiveImpact: number;
  maturity: number;
  effort: Effort;
  group: Exclude<PriorityGroupV1, 'unknown'>;
  confidence: number;
  saving?: ActionSavingInput;
}): I18nText {
  const impact = impactClause(args.impactWeight, args.effectiveImpact);
  const saving = savingClause(args.saving);
  const effort = EFFORT_WORDS[args.effort];
  const group = GROUP_WORDS[args.group];
  const partial = args.confidence < 1;
  // rounded down, so that a partial confidence never reads "100 %"
  const shown = Math.floor(args.confidence * 100) / 100;
  const confidenceFr = partial ? ` (confiance ${formatPercent(shown, 'fr')})` : '';
  const confidenceEn = partial ? ` (confidence ${formatPercent(shown, 'en')})` : '';
  return {
    fr:
      `${impact.fr}, vous êtes à ${formatNumber(args.maturity, 'fr')}/100 et l'effort est ${effort.fr}${NBSP}: ` +
      `${group.fr}${saving.fr}${confidenceFr}.`,
    en:
      `${impact.en}, you stand at ${formatNumber(args.maturity, 'en')}/100 and it is ${effort.en} effort: ` +
      `${group.en}${saving.en}${confidenceEn}.`,
  };
}

/** One sentence for an action none of whose visible questions has a known answer. */
export function whyUnknown(args: { impactWeight: number; effectiveImpact: number; saving?: ActionSavingInput }): I18nText {
  const impact = impactClause(args.impactWeight, args.effectiveImpact);
  const saving = savingClause(args.saving);
  return {
    fr: `${impact.fr}, mais aucune réponse ne dit encore où vous en êtes${NBSP}: ` + `répondez aux questions de cette action${saving.fr}.`,
    en: `${impact.en}, but no answer tells yet where you stand: answer the questions on this action${saving.en}.`,
  };
}
