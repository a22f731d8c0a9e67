/** Maturity levels 1..5 and their wording. Pure. */
import type { I18nText } from '../questionnaires/template.types.js';
import type { MaturityLevel } from './scoring.types.js';

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
