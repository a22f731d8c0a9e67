/** Public surface of the pure scoring module. */
export * from './scoring.types.js';
export { scoreAssessmentV1 } from './scoring.js';
export { scoreAssessmentV2, METHODOLOGY_VERSION_2 } from './scoring-2.js';
export {
  METHODOLOGY,
  METHODOLOGIES,
  METHODOLOGY_VERSION,
  METHODOLOGY_VERSIONS,
  isMethodologyVersion,
  methodologyText,
  scoreAssessment,
} from './methodologies.js';
export { METHODOLOGY_VERSION_1 } from './methodology.js';
export type { Methodology, MethodologyRule } from './methodology.js';
export {
  visibleQuestionIds,
  showIfVisibleQuestionIds,
  isVisible,
  isAnswered,
  conditionMatches,
  conditionControllerIds,
  answerOf,
} from './visibility.js';
export { isDontKnow, isKnownAnswer, isDeclaredNotApplicable } from './applicability.js';
export { questionMaturity, answerLabel, isScoredQuestion, optionScore } from './question-maturity.js';
export { levelFor, levelLabel, LEVEL_LABELS, LEVEL_THRESHOLDS } from './levels.js';
export { EFFORT_FACTORS, GROUP_LABELS, effectiveImpact, priorityScore, priorityGroup } from './priority.js';
export { EF_CATEGORIES, EF_SOURCE, combineSaving } from './ef-weighting.js';
export {
  ACTION_GAP,
  CREDIBILITY_K,
  THIS_YEAR_MAX,
  THIS_YEAR_LEVERS,
  THIS_YEAR_FOUNDATIONS,
  THIS_YEAR_MIN_IMPACT,
  THIS_YEAR_MIN_SHARE,
  assumedShare,
} from './priority-2.js';
export { formatNumber, formatPercent, round1 } from './format.js';
