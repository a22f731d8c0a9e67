/**
 * Shapes of the scoring input and output. Plain, JSON-serialisable data: the REST API
 * `GET /assessments/:id/results` returns `AssessmentResults` as is, and the PDF report
 * and the comparison module read it. Keep the names stable.
 */
import type {
  Action,
  ActionCatalogue,
  ActionKind,
  AnswerValue,
  Effort,
  I18nText,
  OwnerRole,
  QuestionnaireTemplate,
} from '../questionnaires/template.types.js';
import type { NotApplicableReason } from './applicability.js';

export type { Action, ActionCatalogue, ActionKind, AnswerValue, Effort, I18nText, OwnerRole, QuestionnaireTemplate, NotApplicableReason };

/** The methodologies this code can compute: each result says which one produced it. */
export type MethodologyVersion = 'scoring-1' | 'scoring-2';

/** One criterion of a quantified saving, next to the organisation's total on that criterion. */
export interface SavingCriterionInput {
  /** The footprint's criterion id (climate, minerals, fossil, rawMaterial, water...). */
  criterion: string;
  /** Its unit as the footprint writes it: a criterion enters the EF combination only in the EF category's unit. */
  unit: string;
  /** Yearly saving (the low end where the lever has a range); null = not estimated. */
  saving: number | null;
  /** The high end of the range, where the lever has one. */
  savingHigh?: number | null;
  /** The organisation's yearly total on this criterion; null = not estimated. */
  total: number | null;
}

/** Quantified yearly saving of one action, computed by the footprint module from the inventory. */
export interface ActionSavingInput {
  /** kg CO2e avoided per year if the action is carried out; null when it cannot be estimated. */
  climateKgCo2ePerYear: number | null;
  /** That saving as a share (0..1) of the organisation's yearly digital climate footprint; null when unknown. */
  shareOfClimateTotal: number | null;
  /** How the saving was computed, e.g. "laptops kept 5 years instead of 3". */
  description?: I18nText | null;
  /** Every criterion of the saving with the organisation's total (scoring-2 combines them). */
  criteria?: SavingCriterionInput[];
  /** Set when the footprint could not quantify the lever on this inventory: why (scoring-2 then assumes its benefit). */
  notQuantified?: I18nText | null;
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
  /** scoring-2: scored, unknown (nothing known yet) or not_applicable (see `notApplicable`). */
  status?: 'scored' | 'unknown' | 'not_applicable';
  /** scoring-2: why the section does not apply. */
  notApplicable?: NotApplicableReason;
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

/** not_applicable: scoring-2, the question does not apply to the organisation (see the action's or the section's reason). */
export type ExplanationStatus = 'known' | 'unknown' | 'hidden' | 'not_applicable';

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

/** scoring-1 groups. */
export type PriorityGroupV1 = 'quick_win' | 'structural' | 'keep_up' | 'unknown';
/** scoring-2 groups: at most five this_year actions, then next, then keep_up; unknown = nothing known yet. */
export type PriorityGroupV2 = 'this_year' | 'next' | 'keep_up' | 'unknown';
export type PriorityGroup = PriorityGroupV1 | PriorityGroupV2;

/** scoring-2: the expected benefit of a lever. */
export interface LeverBenefit {
  /** quantified: from the organisation's own inventory; assumed: from the impact weight (see METHODOLOGY). */
  source: 'quantified' | 'assumed';
  /** Expected share (0..1) of the organisation's footprint the lever avoids (EF single score), 4 significant digits. */
  share: number;
  /** The same with the high end of the saving's range, where it has one. */
  shareHigh: number | null;
  /** The saving in person-years (EF normalisation); null when assumed. */
  personEquivalents: number | null;
  /** The criteria combined: saving, total, renormalised EF weight. Empty when assumed. */
  criteria: Array<{
    criterion: string;
    name: I18nText;
    short: I18nText;
    unit: string;
    saving: number;
    savingHigh: number | null;
    total: number;
    weight: number;
    shareOfBenefit: number;
  }>;
  /** Criteria of the footprint left out of the combination, and why. */
  leftOut: Array<{ criterion: string; reason: I18nText }>;
  /** assumed: why the inventory did not quantify it. */
  notQuantified?: I18nText;
}

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
  /** scoring-2: lever or foundation. */
  kind?: ActionKind;
  /** scoring-2: why it does not apply (status not_applicable). */
  notApplicable?: NotApplicableReason;
  /** scoring-2: known weight / (visible weight + the credibility constant), 0..1: how far the rank rests on its own answers. */
  credibility?: number;
  /** scoring-2: the gap shrunk toward the organisation's mean gap by the credibility; null when not applicable. */
  effectiveGap?: number | null;
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
  /** scoring-2: the same in one short sentence (tables). */
  whyShort?: I18nText;
  /** scoring-2: lever or foundation (ranked apart). */
  kind?: ActionKind;
  /** scoring-2: position among the actions of its kind, by priority (1 = first). */
  kindRank?: number;
  /** scoring-2: see ActionResult. */
  credibility?: number;
  effectiveGap?: number;
  benefit?: LeverBenefit;
  /** scoring-2: the levers a foundation makes possible. */
  enables?: Array<{ actionId: string; title: I18nText }>;
}

/** scoring-2: what does not apply to the organisation, on one list. */
export interface NotApplicableSummary {
  sections: Array<{ id: string; title: I18nText; reason: NotApplicableReason }>;
  actions: Array<{ id: string; title: I18nText; kind: ActionKind; reason: NotApplicableReason }>;
  questions: Array<{ id: string; sectionId: string; label: I18nText; reason: NotApplicableReason }>;
}

export interface AssessmentResults {
  overall: OverallResult;
  sections: SectionResult[];
  actions: ActionResult[];
  priorities: PriorityItem[];
  /** Which methodology produced these results: scoring-1 or scoring-2. */
  methodologyVersion: string;
  /** scoring-2: what does not apply to the organisation. */
  notApplicable?: NotApplicableSummary;
  /** scoring-2: the organisation's mean gap (100 - overall score; 50 when nothing is known), toward which uncertain gaps are shrunk. */
  meanGap?: number;
}
