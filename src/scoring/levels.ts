/** Maturity levels 1..5 and their wording, confidence, and the overall result with its floor rule (both methodologies). Pure. */
import type { I18nText } from '../questionnaires/template.types.js';
import { round1, round3 } from './format.js';
import type { MaturityLevel, OverallResult } from './scoring.types.js';

/** Lower bound (inclusive) of each level's score band; level 5 includes 100. */
export const LEVEL_THRESHOLDS: Readonly<Record<MaturityLevel, number>> = { 1: 0, 2: 20, 3: 40, 4: 60, 5: 80 };

export const LEVEL_LABELS: Readonly<Record<MaturityLevel, I18nText>> = {
  1: { fr: 'Pas engagée', en: 'Not started' },
  2: { fr: 'Initiale', en: 'Initial' },
  3: { fr: 'Structurée', en: 'Structured' },
  4: { fr: 'Maîtrisée', en: 'Managed' },
  5: { fr: 'Exemplaire', en: 'Exemplary' },
};

/** [0,20) 1, [20,40) 2, [40,60) 3, [60,80) 4, [80,100] 5; null for an unknown score. */
export function levelFor(score: number | null): MaturityLevel | null {
  if (score === null || !Number.isFinite(score)) return null;
  if (score >= 80) return 5;
  if (score >= 60) return 4;
  if (score >= 40) return 3;
  if (score >= 20) return 2;
  return 1;
}

export function levelLabel(level: MaturityLevel | null): I18nText | null {
  return level === null ? null : { ...LEVEL_LABELS[level] };
}

/** Confidence: the share of the visible weight that is known, three decimals. */
export function ratio(known: number, visible: number): number {
  return visible > 0 ? round3(Math.min(1, known / visible)) : 0;
}

/** The overall score and level, capped by the floor rule: at most the weakest section's level + 1. */
export function overallResult(
  weightedSum: number,
  knownWeight: number,
  visibleWeight: number,
  sectionLevels: Array<{ id: string; level: MaturityLevel }>,
): OverallResult {
  const score = knownWeight > 0 ? round1(weightedSum / knownWeight) : null;
  const uncapped = levelFor(score);
  const result: OverallResult = {
    score,
    level: uncapped,
    levelLabel: levelLabel(uncapped),
    confidence: ratio(knownWeight, visibleWeight),
    knownWeight: round3(knownWeight),
    visibleWeight: round3(visibleWeight),
  };
  if (uncapped === null || sectionLevels.length === 0) return result;
  const weakest = sectionLevels.reduce((low, entry) => (entry.level < low.level ? entry : low));
  const cap = weakest.level + 1;
  if (uncapped > cap) {
    const level = cap as MaturityLevel;
    result.level = level;
    result.levelLabel = levelLabel(level);
    result.cappedBy = weakest.id;
    result.uncappedLevel = uncapped;
  }
  return result;
}
