/**
 * Shapes of the scoring input and output. Plain, JSON-serialisable data: the REST API
 * `GET /assessments/:id/results` returns `AssessmentResults` as is, and the PDF report
 * and the comparison module read it. Keep the names stable.
 */
import type {
  Action,
  ActionCatalogue,
  AnswerValue,
  Effort,
  I18nText,
  OwnerRole,
  QuestionnaireTemplate,
} from '../questionnaires/template.types.js';

export type { Action, ActionCatalogue, AnswerValue, Effort, I18nText, OwnerRole, QuestionnaireTemplate };

/** Quantified yearly saving of one action, computed by the footprint module from the inventory. */
export interface ActionSavingInput {
  /** kg CO2e avoided per year if the action is carried out; null when it cannot be estimated. */
  climateKgCo2ePerYear: number | null;
  /** That saving as a share (0..1) of the organisation's yearly digital climate footprint; null when unknown. */
  shareOfClimateTotal: number | null;
  /** How the saving was computed, e.g. "laptops kept 5 years instead of 3". */
  description?: I18nText | null;
}

export interface ScoreAssessmentInput {
  template: QuestionnaireTemplate;
  actions: Action[];
  /** Answers by question id. Answers to unknown or hidden questions are ignored. */
  answers: Record<string, AnswerValue>;
  /** Quantified savings by action id (optional, from the footprint module). */
  savings?: Record<string, ActionSavingInput>;
}

/** 1 Not started, 2 Initial, 3 Structured, 4 Managed, 5 Exemplary. */
export type MaturityLevel = 1 | 2 | 3 | 4 | 5;

export interface OverallResult {
  /** 0..100, one decimal; null when no scored question is known. */
  score: number | null;
  /** Level after the floor rule. */
  level: MaturityLevel | null;
  levelLabel: I18nText | null;
  /** Known weight / visible weight, 0..1 (three decimals). */
  confidence: number;
  knownWeight: number;
  visibleWeight: number;
  /** Set when the floor rule lowered the level: the weakest section's id. */
  cappedBy?: string;
  /** Set with `cappedBy`: the level the score alone would give. */
  uncappedLevel?: MaturityLevel;
}

export interface SectionResult {
  id: string;
  title: I18nText;
  /** 0..100, one decimal; null when no scored question of the section is known. */
  score: number | null;
  level: MaturityLevel | null;
  levelLabel: I18nText | null;
  /** Known weight / visible weight of the section's scored questions, 0..1. */
  confidence: number;
  /** Visible questions of the section (every type) that have an answer ("don't know" included). */
  answered: number;
  /** Visible questions of the section (every type). */
  visible: number;
  knownWeight: number;
  visibleWeight: number;
}

export type ExplanationStatus = 'known' | 'unknown' | 'hidden';

/** One question informing an action, and what it did to the action's maturity. */
export interface AnswerExplanation {
  questionId: string;
  sectionId: string;
  questionLabel: I18nText;
  /** The answer in words (option labels, yes/no, number and unit); null when unanswered or hidden. */
  answerLabel: I18nText | null;
  /** 0..100 maturity of this answer; null when unknown or hidden. */
  questionMaturity: number | null;
  /** Weight of the question for this action (from `scoring.actions`). */
  weight: number;
  /** Points of the action's maturity this answer brings: weight x maturity / known weight. Null unless known. */
  contribution: number | null;
  status: ExplanationStatus;
}

export type PriorityGroup = 'quick_win' | 'structural' | 'keep_up' | 'unknown';

/**
 * scored: at least one known answer; unknown: visible questions but none known yet;
 * not_applicable: no visible question informs it (hidden by a condition, or not asked by this template).
 */
export type ActionStatus = 'scored' | 'unknown' | 'not_applicable';

export interface ActionResult {
  id: string;
  title: I18nText;
  impactWeight: number;
  effort: Effort;
  status: ActionStatus;
  /** 0..100, one decimal; null unless scored. */
  maturity: number | null;
  /** 100 - maturity; null unless scored. */
  gap: number | null;
  /** Known weight / visible weight of its questions, 0..1. */
  confidence: number;
  /** 0..100, one decimal; null unless scored. */
  priority: number | null;
  /** null when not applicable. */
  group: PriorityGroup | null;
  explanation: AnswerExplanation[];
  saving?: ActionSavingInput;
}

export interface PriorityItem {
  /** 1-based; scored actions first, then the unknown ones. */
  rank: number;
  actionId: string;
  title: I18nText;
  priority: number | null;
  group: PriorityGroup;
  gap: number | null;
  maturity: number | null;
  confidence: number;
  /** The catalogue's impact weight, 1..5. */
  impactWeight: number;
  /** Impact weight raised by the quantified saving (see METHODOLOGY), 1..5. */
  effectiveImpact: number;
  effort: Effort;
  ownerRole: OwnerRole;
  /** One sentence with the figures filled in. */
  why: I18nText;
  saving?: ActionSavingInput;
}

export interface AssessmentResults {
  overall: OverallResult;
  sections: SectionResult[];
  actions: ActionResult[];
  priorities: PriorityItem[];
  methodologyVersion: string;
}
