/**
 * Combining the criteria of a saving into one benefit (methodology scoring-2). Pure.
 *
 * The European Commission's Environmental Footprint method (EF 3.1, JRC) normalises each impact
 * category by the yearly impact of one person and weights it. This module uses its factors for the
 * categories the footprint estimate has, restricted to the criteria estimated and renormalised:
 *
 *   benefit share s = Σc wc · savingc / Nc  /  Σc wc · totalc / Nc
 *
 * over the criteria c estimated for both the saving and the organisation's total (the weights'
 * renormalisation cancels out in this ratio), and, for the record, the saving in person-years:
 *   Σc wc · savingc / Nc / Σc wc.
 *
 * A footprint criterion enters only when its unit is the EF category's unit: the raw material
 * mobilised (kg) is not an EF category; the footprint's water (litres of water of manufacture,
 * ADEME) is not EF's scarcity-weighted water use (m3 world eq. deprived), so it is left out until
 * the footprint gives that indicator.
 */
import type { I18nText } from '../questionnaires/template.types.js';
import type { SavingCriterionInput } from './scoring.types.js';

export interface EfCategory {
  /** The footprint's criterion id. */
  criterion: string;
  name: I18nText;
  /** A short name for sentences. */
  short: I18nText;
  /** The unit the EF category uses, as the footprint writes it. */
  units: readonly string[];
  /** Normalisation: one person's yearly impact in that unit (EF 3.1, global reference divided by the world population). */
  normalisation: number;
  /** EF 3.1 weight (the sixteen categories' weights add up to 1). */
  weight: number;
}

/** Source of the normalisation and weighting factors. */
export const EF_SOURCE = {
  title:
    'Environmental Footprint 3.1 normalisation and weighting factors (European Commission, Joint Research Centre; Andreasi Bassi et al., 2023; weights from Sala et al., 2018)',
  publishedBy:
    'as published by the French government’s Ecobalyse tool, repository MTES-MCT/ecobalyse, file public/data/impacts.json, key "pef"',
  year: 2023,
} as const;

export const EF_CATEGORIES: readonly EfCategory[] = [
  {
    criterion: 'climate',
    name: { fr: 'Changement climatique', en: 'Climate change' },
    short: { fr: 'climat', en: 'climate' },
    units: ['kg CO2e', 'kg CO2 eq'],
    normalisation: 7553.08,
    weight: 0.2106,
  },
  {
    criterion: 'fossil',
    name: { fr: 'Utilisation de ressources fossiles', en: 'Resource use, fossils' },
    short: { fr: 'ressources fossiles', en: 'fossil resources' },
    units: ['MJ'],
    normalisation: 65004.3,
    weight: 0.0832,
  },
  {
    criterion: 'minerals',
    name: { fr: 'Utilisation de ressources minérales et métalliques', en: 'Resource use, minerals and metals' },
    short: { fr: 'minéraux et métaux', en: 'minerals and metals' },
    units: ['kg Sb eq', 'kg Sb eq.'],
    normalisation: 0.0636226,
    weight: 0.0755,
  },
  {
    criterion: 'water',
    name: { fr: 'Utilisation de ressources en eau', en: 'Water use' },
    short: { fr: 'eau', en: 'water' },
    units: ['m3 world eq. deprived', 'm3 world eq', 'm³ world eq. deprived', 'm³ world eq'],
    normalisation: 11468.7,
    weight: 0.0851,
  },
];

export interface CombinedCriterion {
  criterion: string;
  name: I18nText;
  short: I18nText;
  unit: string;
  saving: number;
  savingHigh: number | null;
  total: number;
  /** EF weight renormalised over the criteria combined (they add up to 1). */
  weight: number;
  /** This criterion's share of the benefit (0..1). */
  shareOfBenefit: number;
}

export interface CombinedSaving {
  /** Expected share (0..1) of the organisation's footprint, EF single score; null when nothing can be combined. */
  share: number | null;
  /** With the high end of the range, where there is one. */
  shareHigh: number | null;
  /** The saving in person-years of the EF normalisation, renormalised weights. */
  personEquivalents: number | null;
  criteria: CombinedCriterion[];
  leftOut: Array<{ criterion: string; reason: I18nText }>;
}

function usable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function normalisedUnit(unit: string): string {
  return unit.trim().replace(/\s+/g, ' ').toLowerCase();
}

const NOT_EF: I18nText = {
  fr: 'pas une catégorie de la méthode Empreinte environnementale (EF) : informatif seulement',
  en: 'not an Environmental Footprint (EF) category: informative only',
};

function unitMismatch(category: EfCategory, unit: string): I18nText {
  return {
    fr: `l’estimation donne des ${unit}, pas l’indicateur EF « ${category.name.fr} » (${category.units[0]}) : laissé de côté`,
    en: `the estimate gives ${unit}, not the EF indicator "${category.name.en}" (${category.units[0]}): left out`,
  };
}

const NOT_ESTIMATED: I18nText = { fr: 'non estimé', en: 'not estimated' };

/** Combines a lever's per-criterion savings into one share of the organisation's footprint. */
export function combineSaving(criteria: readonly SavingCriterionInput[] | undefined): CombinedSaving {
  const leftOut: CombinedSaving['leftOut'] = [];
  const used: Array<{ category: EfCategory; input: SavingCriterionInput }> = [];
  for (const input of criteria ?? []) {
    const category = EF_CATEGORIES.find((c) => c.criterion === input.criterion);
    if (!category) {
      leftOut.push({ criterion: input.criterion, reason: NOT_EF });
      continue;
    }
    if (!category.units.some((u) => normalisedUnit(u) === normalisedUnit(input.unit))) {
      leftOut.push({ criterion: input.criterion, reason: unitMismatch(category, input.unit) });
      continue;
    }
    if (!usable(input.saving) || !usable(input.total) || input.total <= 0 || input.saving < 0) {
      leftOut.push({ criterion: input.criterion, reason: NOT_ESTIMATED });
      continue;
    }
    used.push({ category, input });
  }
  const weightSum = used.reduce((sum, u) => sum + u.category.weight, 0);
  const score = (value: (input: SavingCriterionInput) => number): number =>
    used.reduce((sum, u) => sum + (u.category.weight * value(u.input)) / u.category.normalisation, 0);
  const savingScore = score((i) => i.saving!);
  const totalScore = score((i) => i.total!);
  if (used.length === 0 || totalScore <= 0) return { share: null, shareHigh: null, personEquivalents: null, criteria: [], leftOut };
  const hasHigh = used.every((u) => usable(u.input.savingHigh));
  const highScore = hasHigh ? score((i) => i.savingHigh!) : null;
  return {
    share: savingScore / totalScore,
    shareHigh: highScore === null ? null : highScore / totalScore,
    personEquivalents: savingScore / weightSum,
    criteria: used.map(({ category, input }) => ({
      criterion: input.criterion,
      name: { fr: category.name.fr, en: category.name.en },
      short: { fr: category.short.fr, en: category.short.en },
      unit: input.unit,
      saving: input.saving!,
      savingHigh: usable(input.savingHigh) ? input.savingHigh : null,
      total: input.total!,
      weight: category.weight / weightSum,
      shareOfBenefit: savingScore > 0 ? (category.weight * input.saving!) / category.normalisation / savingScore : 0,
    })),
    leftOut,
  };
}
