/**
 * Shapes of the plan's pure core: commitments as plain data, their indicator baseline, target
 * and measured values. No Nest, no TypeORM.
 */
import type { I18nText } from '../questionnaires/template.types.js';

export const COMMITMENT_STATUSES = ['not_started', 'in_progress', 'done', 'dropped'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
/** Statuses that still call for work: a passed due date makes them overdue. */
export const OPEN_STATUSES: readonly CommitmentStatus[] = ['not_started', 'in_progress'];

export type DueKind = 'date' | 'quarter';

/** Where an indicator stands when the action is adopted. */
export interface Baseline {
  value: number;
  unit: I18nText;
  /** What the value is, e.g. "average laptop lifespan". */
  label: I18nText;
  /** answers: computed from the assessment's answers (questions listed); entered: typed by a member. */
  source: 'answers' | 'entered';
  questionIds: string[];
  /** A second figure worth reading with the value, e.g. the scopes next to the criteria. */
  detail?: I18nText | null;
}

/** What the organisation aims for: a number in the indicator's unit, or words when the indicator is not a number. */
export interface Target {
  value: number | null;
  text: string | null;
}

/** A measured value of the indicator, on a day (YYYY-MM-DD in the organisation's time zone). */
export interface Measurement {
  date: string;
  value: number;
  note: string | null;
}
