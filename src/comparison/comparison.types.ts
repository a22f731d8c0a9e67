/**
 * Shapes of the year-on-year comparison and the trend. Plain, JSON-serialisable data:
 * `GET /assessments/:id/compare/:otherId` and `GET /assessments/trend` return them, and
 * the PDF report draws them.
 */
import type { AnswerValue, I18nText } from '../questionnaires/template.types.js';
import type { AssessmentResults, MaturityLevel, PriorityGroup } from '../scoring/scoring.types.js';
import type { FootprintAttribution, FootprintInputs } from './footprint-attribution.js';

/** One criterion (or part) of a footprint: only `total` is read; null = not estimated. */
export interface FootprintFigureLike {
  total: number | null;
}

/** One device type of a footprint. */
export interface FootprintDeviceLike {
  perCriterion?: Partial<Record<string, FootprintFigureLike | null>>;
}

/**
 * The part of a footprint estimate the comparison reads, kept structural so that the
 * footprint module's `FootprintResult` fits as is:
 * - `totals`: yearly total per criterion (`climate`, `minerals`...), `{ total }`, null = not estimated;
 * - `devices`: per device type, `perCriterion[criterion].total`; either a record keyed by
 *   device type, or an array of entries carrying their type in `device`
 *   (`FootprintResult.devices` is such an array).
 * Anything else in the object is ignored.
 */
export interface FootprintLike {
  /** Version of the footprint factors the figures come from (FootprintResult.factorsVersion). */
  factorsVersion?: number | null;
  /** Unit of each criterion (`kg CO2e`...); the deltas carry it when given. */
  units?: Partial<Record<string, string>>;
  totals?: Partial<Record<string, FootprintFigureLike | null>>;
  devices?: Partial<Record<string, FootprintDeviceLike | null>> | ReadonlyArray<FootprintDeviceLike & { device: string }>;
}

/** One assessment as the comparison needs it. */
export interface ComparableAssessment {
  assessmentId: string;
  year: number;
  templateId: string;
  templateVersion: number;
  results: AssessmentResults;
  /** Absent or null when no inventory was given. */
  footprint?: FootprintLike | null;
  answers: Record<string, AnswerValue>;
  /** Every question id of the template version the assessment is pinned to. */
  questionIds: string[];
  /** What the footprint is computed from: with both years', the comparison says why the footprint moved. */
  footprintInputs?: FootprintInputs | null;
  /** Where each question sits, its wording and who gave the answer: with it, changed answers are listed by section. */
  answerDetails?: Record<string, AnswerDetail>;
}

/** A question of one assessment as the list of changed answers shows it. */
export interface AnswerDetail {
  sectionId: string;
  sectionTitle: I18nText;
  /** Position in the questionnaire, to keep its order. */
  index: number;
  question: I18nText;
  /** The answer in words (option labels, number with its unit); null when unanswered. */
  valueLabel: I18nText | null;
  /** E-mail of whoever gave the answer; null when unknown or unanswered. */
  answeredBy: string | null;
  updatedAt: string | null;
}

export interface AssessmentRef {
  assessmentId: string;
  year: number;
  templateId: string;
  templateVersion: number;
}

/** improved: delta >= +1 point; regressed: delta <= -1; unchanged: |delta| < 1; unknown: null on either side. */
export type ChangeStatus = 'improved' | 'regressed' | 'unchanged' | 'unknown';

/** For actions also: new (applicable only in the current assessment), no_longer_asked (only in the previous one). */
export type ActionChangeStatus = ChangeStatus | 'new' | 'no_longer_asked';

export interface ScoreDelta {
  previous: number | null;
  current: number | null;
  /** current - previous, one decimal; null when either side is null. */
  delta: number | null;
  status: ChangeStatus;
}

export interface LevelDelta {
  previous: MaturityLevel | null;
  current: MaturityLevel | null;
  delta: number | null;
}

export interface ConfidenceDelta {
  previous: number;
  current: number;
  /** Three decimals. */
  delta: number;
}

export interface OverallComparison {
  score: ScoreDelta;
  level: LevelDelta;
  confidence: ConfidenceDelta;
}

export interface SectionComparison {
  id: string;
  /** The current title. */
  title: I18nText;
  score: ScoreDelta;
  level: LevelDelta;
  confidence: ConfidenceDelta;
}

export interface UnmatchedSection {
  id: string;
  title: I18nText;
  score: number | null;
}

export interface ActionComparison {
  id: string;
  title: I18nText;
  status: ActionChangeStatus;
  previousMaturity: number | null;
  currentMaturity: number | null;
  /** current - previous maturity, one decimal; null unless both are known. */
  delta: number | null;
  previousPriority: number | null;
  currentPriority: number | null;
  previousRank: number | null;
  currentRank: number | null;
  previousGroup: PriorityGroup | null;
  currentGroup: PriorityGroup | null;
}

export interface FootprintCriterionDelta {
  criterion: string;
  /** Unit of the figures, a year (when the footprint says it). */
  unit?: string;
  previous: number | null;
  current: number | null;
  /** current - previous; null when either side is not estimated. */
  delta: number | null;
  /** delta / previous x 100, one decimal; null when delta is null or previous is 0. */
  deltaPercent: number | null;
}

export interface FootprintDeviceDelta {
  device: string;
  criteria: FootprintCriterionDelta[];
}

export interface FootprintComparison {
  /**
   * The factors version both years were computed with; null when a side does not say, or when the
   * two sides used different versions (then no delta is computed: figures from two sets of factors
   * are not comparable).
   */
  factorsVersion: number | null;
  /** True when both years were computed with one factors version (deltas are computed only then). */
  sameFactors: boolean;
  /** Says which version both years use, or why the footprints are not compared. */
  note: I18nText;
  criteria: FootprintCriterionDelta[];
  devices: FootprintDeviceDelta[];
}

export interface AnswerChange {
  questionId: string;
  previous: AnswerValue | null;
  current: AnswerValue | null;
  /** answered: had no answer before; cleared: has none now; modified: another value. */
  kind: 'answered' | 'cleared' | 'modified';
}

/** A changed answer in words, with who gave this year's answer (or last year's, when it was cleared). */
export interface AnswerChangeDetail extends AnswerChange {
  question: I18nText;
  previousLabel: I18nText | null;
  currentLabel: I18nText | null;
  /** Who gave the current answer; for a cleared one, who gave last year's. */
  by: string | null;
  at: string | null;
}

export interface AnswerChangesInSection {
  sectionId: string;
  title: I18nText;
  changes: AnswerChangeDetail[];
}

export interface AnswersComparison {
  /** Questions of the previous template version that the current one does not have. */
  onlyInPrevious: string[];
  /** Questions of the current template version that the previous one did not have. */
  onlyInCurrent: string[];
  /** Questions in both versions whose answer differs (multi_choice compared as sets). */
  changed: AnswerChange[];
  /** Questions in both versions with the same answer, or unanswered in both. */
  unchanged: number;
  /** The changed answers in words, by section of the current questionnaire, in its order (empty without answerDetails). */
  bySection: AnswerChangesInSection[];
}

export interface Comparison {
  previous: AssessmentRef;
  current: AssessmentRef;
  /** Same template id and version: every question and section matches. */
  sameTemplate: boolean;
  /** The scoring methodology both years were computed with. */
  methodologyVersion: string;
  /** |delta| below this (1 point) counts as unchanged. */
  unchangedThreshold: number;
  overall: OverallComparison;
  sections: {
    matched: SectionComparison[];
    onlyInPrevious: UnmatchedSection[];
    onlyInCurrent: UnmatchedSection[];
  };
  actions: ActionComparison[];
  actionCounts: Record<ActionChangeStatus, number>;
  /** null when neither assessment has a footprint. */
  footprint: FootprintComparison | null;
  /**
   * Why the footprint moved: each device type's change split into inventory, practice and factors
   * (sequential substitution, in that order; see footprint-attribution.ts). null without both years' inventories.
   */
  footprintAttribution: FootprintAttribution | null;
  answers: AnswersComparison;
}

export interface TrendSectionPoint {
  score: number | null;
  level: MaturityLevel | null;
  confidence: number;
}

export interface TrendPoint extends AssessmentRef {
  overall: {
    score: number | null;
    level: MaturityLevel | null;
    confidence: number;
    /** Change since the previous point, one decimal; null for the first point or an unknown score. */
    delta: number | null;
  };
  /** By section id; a section the assessment's template does not have is absent. */
  sections: Record<string, TrendSectionPoint>;
  /** Yearly total per criterion; null when the assessment has no footprint. */
  footprint: Record<string, number | null> | null;
  /** Version of the footprint factors of these totals; null when there is no footprint or it does not say. */
  footprintFactorsVersion: number | null;
}

export interface Trend {
  /** The scoring methodology every year was computed with; null when there is no year. */
  methodologyVersion: string | null;
  /** Ordered by year (then assessment id). */
  points: TrendPoint[];
  /** Every section seen, in order of first appearance, with its latest title. */
  sections: Array<{ id: string; title: I18nText }>;
  /** Every footprint criterion seen, in order of first appearance. */
  criteria: string[];
  /** The factors version of every point, when they all share one; null otherwise (see each point). */
  footprintFactorsVersion: number | null;
}
