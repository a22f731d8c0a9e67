/** Public surface of the pure scoring module. */
export * from './scoring.types.js';
export { scoreAssessment } from './scoring.js';
export { METHODOLOGY, METHODOLOGY_VERSION, methodologyText } from './methodology.js';
export type { Methodology, MethodologyRule } from './methodology.js';
export { visibleQuestionIds, isVisible, isAnswered, conditionMatches, conditionControllerIds, answerOf } from './visibility.js';
export { questionMaturity, answerLabel, isScoredQuestion, optionScore } from './question-maturity.js';
export { levelFor, levelLabel, LEVEL_LABELS, LEVEL_THRESHOLDS } from './levels.js';
export { EFFORT_FACTORS, GROUP_LABELS, effectiveImpact, priorityScore, priorityGroup } from './priority.js';
export { formatNumber, formatPercent, round1 } from './format.js';
