/**
 * Shapes of the content kept as data under `templates/`.
 * Pure types: imported by the loader, the walk, scoring, footprint and reports.
 */

/** Every user-facing text exists in French and English. */
export interface I18nText {
  fr: string;
  en: string;
}

export type Lang = keyof I18nText;

export type QuestionType = 'single_choice' | 'multi_choice' | 'boolean' | 'number' | 'scale' | 'text';

/** The value stored for an answer, by question type. */
export type AnswerValue =
  | string // single_choice, scale: an option id; text: free text; boolean and number questions with `dontKnow`: "dont_know"
  | string[] // multi_choice: option ids
  | boolean // boolean
  | number; // number

/**
 * "I don't know", the same word on every question type: the id of the option that says it on
 * choice questions (its score is null; exclusive on multi_choice), and the answer value itself on
 * yes/no and number questions that declare `dontKnow: true`. It counts as an answer (the
 * required-question check accepts it) and as unknown in every score (it lowers confidence).
 */
export const DONT_KNOW = 'dont_know';

/**
 * The option id of an answer that says the question does not apply ("no server or hosted
 * application"). Methodology scoring-2 leaves such a question out of every score and confidence.
 */
export const NOT_APPLICABLE_OPTION = 'not_applicable';

export interface QuestionOption {
  /** Stable id, unique within the question. */
  id: string;
  label: I18nText;
  /**
   * Maturity this option stands for, 0 (worst practice) to 100 (best practice).
   * `null` means "I do not know": the answer is recorded but the question stays unknown for scoring.
   * For multi_choice, scores of the selected options are added and capped at 100.
   */
  score?: number | null;
  /** multi_choice only: selecting this option excludes every other (e.g. "none of these"). */
  exclusive?: boolean;
}

/**
 * Show a question only when another question's answer matches.
 * The referenced question must come earlier in the template; a question whose
 * referenced question is hidden or unanswered is hidden too.
 */
export interface ShowIf {
  questionId: string;
  /** single_choice / scale: the answer is one of these option ids; multi_choice: one of them is selected; boolean: the answer is one of these booleans. */
  in?: Array<string | boolean>;
  /** number: the answer is >= this value. */
  gte?: number;
}

/**
 * Whether a question, a section or an action applies to the organisation, in the same condition
 * language as `showIf`. It refers to an unconditional "profile" question (no showIf, no
 * applicableIf of its own). The item is NOT applicable only when that question has a known answer
 * that does not match; while the answer is missing or "I don't know", the item applies.
 */
export type ApplicableIf = ShowIf;

/** How a question informs actions. */
export interface QuestionScoring {
  /** Actions this question informs, with a relative weight (1 to 3). */
  actions: Array<{ actionId: string; weight: number }>;
  /** number questions: linear maturity, `worst` -> 0, `best` -> 100, clamped (best may be lower than worst). */
  linear?: { worst: number; best: number };
  /** boolean questions: maturity for yes and no. */
  boolean?: { yes: number; no: number };
}

export interface Question {
  /** Stable across template versions, e.g. `procurement.lifespan_policy` or `inventory.laptop.count`. */
  id: string;
  type: QuestionType;
  label: I18nText;
  /** Help shown under the question: why it is asked, what counts. */
  help?: I18nText;
  required: boolean;
  /** single_choice, multi_choice, scale (ordered from worst to best). */
  options?: QuestionOption[];
  /** number: bounds are mandatory. */
  min?: number;
  max?: number;
  /** number: only whole numbers accepted. */
  integer?: boolean;
  unit?: I18nText;
  /** text: maximum length (default 2000). */
  maxLength?: number;
  showIf?: ShowIf;
  /** Not applicable to the organisation (hidden, left out of every score) when this does not hold. */
  applicableIf?: ApplicableIf;
  /** boolean and number questions: "I don't know" (the value "dont_know") is accepted. Choice questions have a "dont_know" option instead. */
  dontKnow?: boolean;
  /** Absent for questions that only feed the footprint or context (text, inventory counts). */
  scoring?: QuestionScoring;
}

export interface Section {
  /** Stable id: procurement, ecodesign, measurement, usage, governance. */
  id: string;
  title: I18nText;
  description?: I18nText;
  /**
   * When this does not hold, the section as a whole does not apply: no score, no level, out of the
   * floor rule (scoring-2). Its questions are governed by their own showIf / applicableIf.
   */
  applicableIf?: ApplicableIf;
  questions: Question[];
}

/**
 * Words that depend on the organisation (questionnaire version 2): template texts say `{people}` or
 * `{person}`, and the answer to `questionId` (the kind of organisation) picks the words: employees,
 * agents, staff and volunteers. Every option of that question has its words, and `default` is used
 * while it is unanswered or "I don't know". Applied once per assessment (wording.ts).
 */
export interface Wording {
  /** An always-asked single-choice profile question (organisation.kind). */
  questionId: string;
  /** term -> option id of the question (or `default`) -> the words. */
  terms: Record<string, Record<string, I18nText>>;
}

export interface QuestionnaireTemplate {
  /** Stable id of the questionnaire family, e.g. `fresque-numerique`. */
  id: string;
  /** Integer version; an assessment is pinned to the version it started on. */
  version: number;
  title: I18nText;
  description?: I18nText;
  /** Words by kind of organisation, for the `{term}` placeholders of the texts. */
  wording?: Wording;
  sections: Section[];
}

export type Effort = 'low' | 'medium' | 'high';
export type OwnerRole = 'procurement' | 'it_operations' | 'product_development' | 'management' | 'all_staff';
export type ActionCategory = 'user' | 'company' | 'collective';
/**
 * lever: changes the footprint directly (lifespan, refurbished, fewer screens, repair, switching off...);
 * foundation: makes levers possible (policy, governance, awareness, training, measurement).
 */
export type ActionKind = 'lever' | 'foundation';
/** Footprint levers the plan can quantify (REFERENCE-DATA.md section 3). */
export type FootprintLever = 'lifespan' | 'refurbished' | 'fewer_screens' | 'switch_off';

export interface Action {
  /** Stable id, kebab-case, e.g. `extend-lifespan`. */
  id: string;
  category: ActionCategory;
  /** Lever or foundation: ranked apart in methodology scoring-2. */
  kind: ActionKind;
  /** Foundations: the levers they make possible (action ids). */
  enables?: string[];
  /** Not applicable to the organisation when this does not hold (same condition language as showIf). */
  applicableIf?: ApplicableIf;
  title: I18nText;
  description: I18nText;
  /** 1 to 5: how much acting on it reduces the footprint. */
  impactWeight: number;
  /** Why this weight: the numbers (1 to 7) of the seed's key messages and a sentence. */
  justification: { keyMessages: number[]; text: I18nText };
  effort: Effort;
  ownerRole: OwnerRole;
  /** A measurable indicator to follow, e.g. average laptop lifespan. */
  indicator: I18nText;
  /** Concrete next steps, shown in the plan. */
  nextSteps: I18nText[];
  /** When set, the footprint module quantifies the yearly saving of this action. */
  lever?: FootprintLever;
}

export interface ActionCatalogue {
  version: number;
  actions: Action[];
}

export interface KeyMessage {
  /** 1 to 7, in the seed's order. */
  number: number;
  title: I18nText;
  body: I18nText;
  /** Figures illustrating the message, each with its source and year. */
  figures: Array<{ text: I18nText; source: string; year: number }>;
}
