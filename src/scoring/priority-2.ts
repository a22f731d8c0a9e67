/**
 * Methodology scoring-2: how an action's rank is set, its group in the plan, and the sentence that
 * says why. Pure. The rules in words are in methodology-2.ts; the arithmetic is here.
 */
import { EFFORT_TERMS, termsInSentence } from '../questionnaires/terms.js';
import type { ActionKind, Effort, I18nText } from '../questionnaires/template.types.js';
import { combineSaving } from './ef-weighting.js';
import { NBSP, formatNumber, formatPercent, roundSignificant, roundTo } from './format.js';
import { EFFORT_FACTORS } from './priority.js';
import type { ActionSavingInput, LeverBenefit, PriorityGroupV2 } from './scoring.types.js';

/**
 * Credibility constant k: credibility Z = known weight / (visible weight + k). k = 3, the weight
 * of one answer of the greatest weight: an action that rests on a single such answer is counted
 * halfway between that answer and the organisation's mean gap.
 */
export const CREDIBILITY_K = 3;

/** Mean gap assumed when nothing at all is known (the middle of the scale). */
export const NEUTRAL_MEAN_GAP = 50;

/**
 * Benefit assumed for a lever the inventory does not quantify: an impact-5 lever carried out is
 * assumed to avoid about 5 % of the footprint, and each impact point less halves it
 * (5: 5 %, 4: 2.5 %, 3: 1.25 %, 2: 0.625 %, 1: 0.3125 %). An order-of-magnitude convention of this
 * methodology, not a measurement, set low on purpose: an assumption must not outrank a measured
 * saving of the same size (the measured levers of the reference organisations avoid 2 to 40 % of
 * their footprint; at 10 % for impact 5, "resell or donate", assumed, ranked above "buy
 * refurbished", measured on the organisation's own devices). The organisation's own figure replaces
 * it whenever the inventory quantifies the lever.
 */
export const ASSUMED_SHARE_AT_IMPACT_5 = 0.05;
export function assumedShare(impactWeight: number): number {
  const impact = Math.min(5, Math.max(1, Number.isFinite(impactWeight) ? impactWeight : 1));
  return ASSUMED_SHARE_AT_IMPACT_5 * 2 ** (impact - 5);
}

/** Gap (100 - maturity) from which an action needs doing: below it, keep up. */
export const ACTION_GAP = 40;
/** This year: at most this many levers, and this many foundations, five in all. */
export const THIS_YEAR_LEVERS = 3;
export const THIS_YEAR_FOUNDATIONS = 2;
export const THIS_YEAR_MAX = 5;
/** This year needs an impact of at least 3: for a lever, an expected benefit of at least the assumed share of an impact-3 lever. */
export const THIS_YEAR_MIN_IMPACT = 3;
export const THIS_YEAR_MIN_SHARE = assumedShare(THIS_YEAR_MIN_IMPACT);

/** Z = K / (V + k), three decimals. */
export function credibility(knownWeight: number, visibleWeight: number): number {
  if (!(knownWeight > 0)) return 0;
  return roundTo(Math.min(1, knownWeight / (Math.max(visibleWeight, knownWeight) + CREDIBILITY_K)), 3);
}

/** g* = Z·g + (1 - Z)·ḡ, one decimal; ḡ alone when nothing is known. */
export function effectiveGap(gap: number | null, z: number, meanGap: number): number {
  if (gap === null) return roundTo(meanGap, 1);
  return roundTo(z * gap + (1 - z) * meanGap, 1);
}

/** The expected benefit of a lever: its quantified share of the footprint, else the assumed one. */
export function leverBenefit(impactWeight: number, saving: ActionSavingInput | undefined): LeverBenefit {
  const combined = combineSaving(saving?.criteria);
  // Four significant digits; a share below a millionth of a percent is nothing.
  const sig = (x: number, digits: number): number => (x < 1e-8 ? 0 : roundSignificant(x, digits));
  if (combined.share !== null) {
    return {
      source: 'quantified',
      share: sig(combined.share, 4),
      shareHigh: combined.shareHigh === null ? null : sig(combined.shareHigh, 4),
      personEquivalents: combined.personEquivalents === null ? null : sig(combined.personEquivalents, 3),
      criteria: combined.criteria,
      leftOut: combined.leftOut,
    };
  }
  const benefit: LeverBenefit = {
    source: 'assumed',
    share: assumedShare(impactWeight),
    shareHigh: null,
    personEquivalents: null,
    criteria: [],
    leftOut: combined.leftOut,
  };
  if (saving?.notQuantified) benefit.notQuantified = { fr: saving.notQuantified.fr, en: saving.notQuantified.en };
  return benefit;
}

/**
 * Priority, two decimals.
 * Lever: P = 100·s × g* / 100 × E (percentage points of the footprint expected to be avoided, per unit of effort).
 * Foundation: P = 100 × I/5 × g* / 100 × E (0 to 100).
 */
export function priorityV2(kind: ActionKind, args: { share: number; impactWeight: number; effectiveGap: number; effort: Effort }): number {
  const e = EFFORT_FACTORS[args.effort] ?? EFFORT_FACTORS.high;
  const g = Math.min(100, Math.max(0, args.effectiveGap)) / 100;
  const size = kind === 'lever' ? 100 * Math.max(0, args.share) : (100 * Math.min(5, Math.max(0, args.impactWeight))) / 5;
  return roundTo(size * g * e, 2);
}

/** Whether an action may be one of this year's: something known, a gap of at least 40 and enough impact. */
export function thisYearEligible(
  kind: ActionKind,
  args: { known: boolean; gap: number | null; impactWeight: number; share: number },
): boolean {
  if (!args.known || args.gap === null || args.gap < ACTION_GAP) return false;
  return kind === 'lever' ? args.share >= THIS_YEAR_MIN_SHARE - 1e-12 : args.impactWeight >= THIS_YEAR_MIN_IMPACT;
}

// ------------------------------------------------------------------------------------------------
// Sentences
// ------------------------------------------------------------------------------------------------

const EFFORT_WORDS: Readonly<Record<Effort, I18nText>> = termsInSentence(EFFORT_TERMS);

function n(value: number, lang: 'fr' | 'en', decimals = 1): string {
  return formatNumber(value, lang, decimals);
}

/** An assumed share, exactly (1.25 %); a quantified one with the two significant digits it deserves. */
function pct(share: number, lang: 'fr' | 'en', exact = false): string {
  if (exact) return formatPercent(share, lang, 3);
  return formatPercent(roundSignificant(share, 2), lang, 3);
}

function list(items: string[], lang: 'fr' | 'en'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${items[items.length - 1]}`;
}

export interface WhyArgs {
  kind: ActionKind;
  impactWeight: number;
  effort: Effort;
  maturity: number | null;
  gap: number | null;
  effectiveGap: number;
  credibility: number;
  confidence: number;
  meanGap: number;
  priority: number;
  benefit?: LeverBenefit;
  saving?: ActionSavingInput;
  group: PriorityGroupV2;
  /** Why the group (filled by groupClause). */
  groupClause: I18nText;
  enables?: I18nText[];
}

function benefitClause(a: WhyArgs): I18nText {
  if (a.kind === 'foundation') {
    const enables = a.enables ?? [];
    const fr = enables.length
      ? ` (elle rend possible${NBSP}: ${list(
          enables.map((e) => e.fr),
          'fr',
        )})`
      : '';
    const en = enables.length
      ? ` (it makes possible: ${list(
          enables.map((e) => e.en),
          'en',
        )})`
      : '';
    return {
      fr: `Fondation${fr}, impact ${n(a.impactWeight, 'fr')}/5`,
      en: `Foundation${en}, impact ${n(a.impactWeight, 'en')}/5`,
    };
  }
  const b = a.benefit!;
  if (b.source === 'assumed') {
    const whyFr = b.notQuantified ? ` (${b.notQuantified.fr.replace(/\.$/, '')})` : '';
    const whyEn = b.notQuantified ? ` (${b.notQuantified.en.replace(/\.$/, '')})` : '';
    return {
      fr: `Levier non chiffré sur votre inventaire${whyFr}${NBSP}: bénéfice supposé d’après son impact ${n(a.impactWeight, 'fr')}/5, ${pct(b.share, 'fr', true)} de l’empreinte`,
      en: `Lever not quantified on your inventory${whyEn}: benefit assumed from its impact ${n(a.impactWeight, 'en')}/5, ${pct(b.share, 'en', true)} of the footprint`,
    };
  }
  const names = (lang: 'fr' | 'en') =>
    list(
      b.criteria.map((c) => c.short[lang]),
      lang,
    );
  const kg = a.saving?.climateKgCo2ePerYear;
  const climateShare = a.saving?.shareOfClimateTotal;
  const climate = (lang: 'fr' | 'en') =>
    kg !== null && kg !== undefined && kg > 0
      ? lang === 'fr'
        ? `${NBSP}; ${n(roundSignificant(kg, 2), 'fr', 0)} kg CO2e par an${climateShare ? `, ${pct(climateShare, 'fr')} de l’empreinte climat` : ''}`
        : `; ${n(roundSignificant(kg, 2), 'en', 0)} kg CO2e a year${climateShare ? `, ${pct(climateShare, 'en')} of the climate footprint` : ''}`
      : '';
  // The high end, when it reads differently from the low end once rounded.
  const range = (lang: 'fr' | 'en') =>
    b.shareHigh !== null && b.shareHigh > b.share && pct(b.shareHigh, lang) !== pct(b.share, lang)
      ? lang === 'fr'
        ? ` à ${pct(b.shareHigh, 'fr')}`
        : ` to ${pct(b.shareHigh, 'en')}`
      : '';
  return {
    fr: `Levier chiffré sur votre inventaire${NBSP}: il éviterait environ ${pct(b.share, 'fr')}${range('fr')} de votre empreinte (score unique EF sur ${names('fr')}${climate('fr')})`,
    en: `Lever quantified on your inventory: it would avoid about ${pct(b.share, 'en')}${range('en')} of your footprint (EF single score over ${names('en')}${climate('en')})`,
  };
}

function standingClause(a: WhyArgs): I18nText {
  const e = EFFORT_FACTORS[a.effort];
  const eff = EFFORT_WORDS[a.effort];
  const g = a.effectiveGap / 100;
  const size = (lang: 'fr' | 'en') => (a.kind === 'lever' ? n(100 * a.benefit!.share, lang, 2) : `100 × ${n(a.impactWeight, lang)}/5`);
  const formula = (lang: 'fr' | 'en') => `${size(lang)} × ${n(g, lang, 3)} × ${n(e, lang, 2)} = ${n(a.priority, lang, 2)}`;
  if (a.maturity === null || a.gap === null) {
    return {
      fr: `. Aucune réponse ne dit encore où vous en êtes${NBSP}: son rang suppose votre écart moyen (${n(a.meanGap, 'fr')}), effort ${eff.fr} (× ${n(e, 'fr', 2)})${NBSP}: ${formula('fr')}`,
      en: `. No answer tells yet where you stand: its rank assumes your mean gap (${n(a.meanGap, 'en')}), ${eff.en} effort (× ${n(e, 'en', 2)}): ${formula('en')}`,
    };
  }
  const shrunk = Math.abs(a.effectiveGap - a.gap) >= 0.05;
  const countedFr = shrunk
    ? `, compté ${n(a.effectiveGap, 'fr')} car ses réponses ont un crédit de ${formatPercent(Math.floor(a.credibility * 100) / 100, 'fr')} face à votre écart moyen de ${n(a.meanGap, 'fr')}`
    : '';
  const countedEn = shrunk
    ? `, counted as ${n(a.effectiveGap, 'en')} because its answers carry a credibility of ${formatPercent(Math.floor(a.credibility * 100) / 100, 'en')} against your mean gap of ${n(a.meanGap, 'en')}`
    : '';
  return {
    fr: `. Vous êtes à ${n(a.maturity, 'fr')}/100 (écart ${n(a.gap, 'fr')}${countedFr}), effort ${eff.fr} (× ${n(e, 'fr', 2)})${NBSP}: ${formula('fr')}`,
    en: `. You stand at ${n(a.maturity, 'en')}/100 (gap ${n(a.gap, 'en')}${countedEn}), ${eff.en} effort (× ${n(e, 'en', 2)}): ${formula('en')}`,
  };
}

/** The sentence: what kind of action, its benefit, where you stand, the arithmetic, and why this group. */
export function whyV2(a: WhyArgs): I18nText {
  const b = benefitClause(a);
  const s = standingClause(a);
  return { fr: `${b.fr}${s.fr}. ${a.groupClause.fr}`, en: `${b.en}${s.en}. ${a.groupClause.en}` };
}

/** The same in one short sentence, for tables (the report's plan): benefit, standing, effort, priority, group. */
export function whyShortV2(a: WhyArgs): I18nText {
  const eff = EFFORT_WORDS[a.effort];
  const b = a.benefit;
  const head =
    a.kind === 'foundation'
      ? { fr: `Fondation, impact ${n(a.impactWeight, 'fr')}/5`, en: `Foundation, impact ${n(a.impactWeight, 'en')}/5` }
      : b!.source === 'quantified'
        ? {
            fr: `Levier chiffré${NBSP}: ≈${NBSP}${pct(b!.share, 'fr')} de votre empreinte (EF)`,
            en: `Quantified lever: ≈ ${pct(b!.share, 'en')} of your footprint (EF)`,
          }
        : {
            fr: `Levier non chiffré${NBSP}: ${pct(b!.share, 'fr', true)} supposés (impact ${n(a.impactWeight, 'fr')}/5)`,
            en: `Lever not quantified: ${pct(b!.share, 'en', true)} assumed (impact ${n(a.impactWeight, 'en')}/5)`,
          };
  const standing =
    a.maturity === null
      ? { fr: 'aucune réponse connue', en: 'no known answer' }
      : { fr: `vous êtes à ${n(a.maturity, 'fr', 0)}/100`, en: `you stand at ${n(a.maturity, 'en', 0)}/100` };
  const group: Record<PriorityGroupV2, I18nText> = {
    this_year: { fr: 'cette année', en: 'this year' },
    next: { fr: 'ensuite', en: 'next' },
    keep_up: { fr: `à maintenir, écart inférieur à ${ACTION_GAP}`, en: `keep up, gap below ${ACTION_GAP}` },
    unknown: { fr: 'à évaluer', en: 'to assess' },
  };
  return {
    fr: `${head.fr}${NBSP}; ${standing.fr}, effort ${eff.fr}${NBSP}: priorité ${n(a.priority, 'fr', 2)} (${group[a.group].fr}).`,
    en: `${head.en}; ${standing.en}, ${eff.en} effort: priority ${n(a.priority, 'en', 2)} (${group[a.group].en}).`,
  };
}

/** Why the action is in its group. */
export function groupClause(
  group: PriorityGroupV2,
  kind: ActionKind,
  args: { eligible: boolean; maturity: number | null; impactWeight: number; share: number },
): I18nText {
  const minShareFr = pct(THIS_YEAR_MIN_SHARE, 'fr', true);
  const minShareEn = pct(THIS_YEAR_MIN_SHARE, 'en', true);
  const bar =
    kind === 'lever'
      ? {
          fr: `écart d’au moins ${ACTION_GAP} et bénéfice attendu d’au moins ${minShareFr}`,
          en: `gap of at least ${ACTION_GAP} and expected benefit of at least ${minShareEn}`,
        }
      : {
          fr: `écart d’au moins ${ACTION_GAP} et impact d’au moins ${THIS_YEAR_MIN_IMPACT}/5`,
          en: `gap of at least ${ACTION_GAP} and impact of at least ${THIS_YEAR_MIN_IMPACT}/5`,
        };
  const kindFr = kind === 'lever' ? 'leviers' : 'fondations';
  const rankedFr = kind === 'lever' ? 'classés' : 'classées';
  const kindEn = kind === 'lever' ? 'levers' : 'foundations';
  switch (group) {
    case 'this_year':
      return {
        fr: `Cette année${NBSP}: parmi les ${kindFr} les mieux ${rankedFr} qui remplissent les conditions (${bar.fr}), cinq actions au plus.`,
        en: `This year: among the best-ranked ${kindEn} that qualify (${bar.en}), five actions at most.`,
      };
    case 'next':
      return args.eligible
        ? {
            fr: `Ensuite${NBSP}: l’action remplit les conditions (${bar.fr}) mais d’autres ${kindFr} sont mieux ${rankedFr} pour cette année.`,
            en: `Next: it qualifies (${bar.en}) but other ${kindEn} rank higher for this year.`,
          }
        : {
            fr: `Ensuite${NBSP}: l’action est à mener, mais ne remplit pas les conditions de cette année (${bar.fr}).`,
            en: `Next: worth doing, but it does not meet this year's bar (${bar.en}).`,
          };
    case 'keep_up':
      return {
        fr: `À maintenir${NBSP}: vous êtes à ${n(args.maturity ?? 0, 'fr')}/100, soit un écart inférieur à ${ACTION_GAP}.`,
        en: `Keep up: you stand at ${n(args.maturity ?? 0, 'en')}/100, a gap below ${ACTION_GAP}.`,
      };
    default:
      return { fr: `À évaluer${NBSP}: répondez à ses questions.`, en: 'To assess: answer its questions.' };
  }
}
