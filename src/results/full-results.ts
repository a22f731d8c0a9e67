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
