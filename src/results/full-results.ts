/**
 * Scores, footprint and savings of one assessment, from plain data. Pure: the API, the export,
 * the report and the command line (an answers file, no database) all go through it.
 */
import { computeFootprint, computeSavings, inventoryFromAnswers } from '../footprint/index.js';
import type { FootprintFactors, FootprintResult, LeverSaving } from '../footprint/index.js';
import type { Action, AnswerValue, QuestionnaireTemplate } from '../questionnaires/template.types.js';
import {
  METHODOLOGY_VERSION,
  scoreAssessment,
  visibleQuestionIds,
  type ActionSavingInput,
  type AssessmentResults,
  type MethodologyVersion,
} from '../scoring/index.js';
import { savingsByAction } from './lever-savings.js';

export interface AssessmentMeta {
  id: string;
  year: number;
  status: 'draft' | 'submitted';
  questionnaireId: string;
  templateVersion: number;
}

/** Everything the API, the export and the report say about one assessment. */
export interface FullResults extends AssessmentResults {
  assessment: AssessmentMeta;
  footprint: FootprintResult;
  /** The quantified levers, on the organisation's own inventory (each alone: do not add them up). */
  savings: LeverSaving[];
  /**
   * A submitted assessment computed with another methodology than the one it was submitted under:
   * its figures under that methodology, beside these where they differ.
   */
  asSubmitted?: AsSubmitted;
}

/** A submitted assessment's figures under the methodology it was submitted under, where they differ. */
export interface AsSubmitted {
  methodologyVersion: string;
  /** False when every figure below is the same under both methodologies. */
  differs: boolean;
  overall: { submitted: ScoreAndLevel; now: ScoreAndLevel } | null;
  /** Sections whose score or level differ (a section not applicable now has score and level null). */
  sections: Array<{ id: string; title: { fr: string; en: string }; submitted: ScoreAndLevel; now: ScoreAndLevel }>;
  /** The first five actions of the plan under each methodology, when they differ. */
  topFive: { submitted: string[]; now: string[] } | null;
}

export interface ScoreAndLevel {
  score: number | null;
  level: number | null;
}

/** Where `submitted` (the methodology it was submitted under) and `now` differ. */
export function submittedDifferences(now: AssessmentResults, submitted: AssessmentResults): AsSubmitted {
  const pair = (x: { score: number | null; level: number | null }): ScoreAndLevel => ({ score: x.score, level: x.level });
  const same = (a: ScoreAndLevel, b: ScoreAndLevel) => a.score === b.score && a.level === b.level;
  const overall = same(pair(now.overall), pair(submitted.overall)) ? null : { submitted: pair(submitted.overall), now: pair(now.overall) };
  const sections = now.sections.flatMap((s) => {
    const before = submitted.sections.find((x) => x.id === s.id);
    if (!before || same(pair(s), pair(before))) return [];
    return [{ id: s.id, title: { fr: s.title.fr, en: s.title.en }, submitted: pair(before), now: pair(s) }];
  });
  const top = (r: AssessmentResults) => r.priorities.slice(0, 5).map((p) => p.actionId);
  const topFive = top(now).join() === top(submitted).join() ? null : { submitted: top(submitted), now: top(now) };
  return {
    methodologyVersion: submitted.methodologyVersion,
    differs: overall !== null || sections.length > 0 || topFive !== null,
    overall,
    sections,
    topFive,
  };
}

/** Answers of the questions shown; hidden ones are kept but ignored. */
export function visibleOnly(template: QuestionnaireTemplate, values: Record<string, AnswerValue>): Record<string, AnswerValue> {
  const visible = visibleQuestionIds(template, values);
  const out: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(values)) if (visible.has(id)) out[id] = value;
  return out;
}

export function computeFullResults(input: {
  assessment: AssessmentMeta;
  template: QuestionnaireTemplate;
  actions: Action[];
  /** Every stored answer: the footprint reads the visible ones, each methodology decides what it counts. */
  values: Record<string, AnswerValue>;
  factors: FootprintFactors;
  /** The current methodology when absent. */
  methodology?: MethodologyVersion;
}): FullResults {
  const methodology = input.methodology ?? METHODOLOGY_VERSION;
  const answers = visibleOnly(input.template, input.values);
  const inventory = inventoryFromAnswers(answers);
  const footprint = computeFootprint(inventory, input.factors);
  const savings = computeSavings(inventory, input.factors, footprint);
  let byAction: Record<string, ActionSavingInput>;
  if (methodology === 'scoring-1') {
    // As scoring-1 always read them: the applicable levers' climate figures, nothing else.
    byAction = {};
    for (const action of input.actions) {
      const saving = savings.find((s) => s.lever === action.lever);
      if (saving?.applicable) byAction[action.id] = saving;
    }
  } else byAction = savingsByAction(input.actions, savings, footprint);
  // Each methodology applies its own visibility rule to every stored answer (scoring-1: showIf only).
  const scores = scoreAssessment(
    { template: input.template, actions: input.actions, answers: input.values, savings: byAction },
    methodology,
  );
  return { assessment: input.assessment, ...scores, footprint, savings };
}
