/**
 * The methodology versions this code computes, and the current one. A result always says which
 * methodology produced it (`methodologyVersion`); an older one stays computable so that earlier
 * figures can be reproduced.
 */
import type { Lang } from '../questionnaires/template.types.js';
import { METHODOLOGY_1, METHODOLOGY_VERSION_1, type Methodology } from './methodology.js';
import { METHODOLOGY_2 } from './methodology-2.js';
import { scoreAssessmentV1 } from './scoring.js';
import { METHODOLOGY_VERSION_2, scoreAssessmentV2 } from './scoring-2.js';
import type { AssessmentResults, MethodologyVersion, ScoreAssessmentInput } from './scoring.types.js';

export const METHODOLOGY_VERSIONS: readonly MethodologyVersion[] = [METHODOLOGY_VERSION_1, METHODOLOGY_VERSION_2];

/** The methodology results use unless another is asked for. */
export const METHODOLOGY_VERSION: MethodologyVersion = METHODOLOGY_VERSION_2;

export const METHODOLOGIES: Readonly<Record<MethodologyVersion, Methodology>> = {
  'scoring-1': METHODOLOGY_1,
  'scoring-2': METHODOLOGY_2,
};

/** The current methodology. */
export const METHODOLOGY: Methodology = METHODOLOGIES[METHODOLOGY_VERSION];

export function isMethodologyVersion(value: unknown): value is MethodologyVersion {
  return typeof value === 'string' && (METHODOLOGY_VERSIONS as readonly string[]).includes(value);
}

/** Scores an assessment with the given methodology (the current one by default). */
export function scoreAssessment(input: ScoreAssessmentInput, version: MethodologyVersion = METHODOLOGY_VERSION): AssessmentResults {
  return version === 'scoring-1' ? scoreAssessmentV1(input) : scoreAssessmentV2(input);
}

/** A methodology as plain text in one language (README, report). */
export function methodologyText(lang: Lang, version: MethodologyVersion = METHODOLOGY_VERSION): string {
  const m = METHODOLOGIES[version];
  return [m.title[lang], ...m.rules.map((rule) => `${rule.title[lang]}. ${rule.text[lang]}`)].join('\n\n');
}
