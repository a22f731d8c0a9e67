/**
 * Scores, footprint and savings of one assessment, from plain data. Pure: the API, the export,
 * the report and the command line (an answers file, no database) all go through it.
 */
import { computeFootprint, computeSavings, inventoryFromAnswers } from '../footprint/index.js';
import type { FootprintFactors, FootprintResult, LeverSaving } from '../footprint/index.js';
import type { Action, AnswerValue, QuestionnaireTemplate } from '../questionnaires/template.types.js';
import { scoreAssessment, visibleQuestionIds, type ActionSavingInput, type AssessmentResults } from '../scoring/index.js';

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
  /** Every stored answer; hidden ones are filtered out here. */
  values: Record<string, AnswerValue>;
  factors: FootprintFactors;
}): FullResults {
  const answers = visibleOnly(input.template, input.values);
  const inventory = inventoryFromAnswers(answers);
  const footprint = computeFootprint(inventory, input.factors);
  const savings = computeSavings(inventory, input.factors, footprint);
  const byAction: Record<string, ActionSavingInput> = {};
  for (const action of input.actions) {
    const saving = savings.find((s) => s.lever === action.lever);
    if (saving?.applicable) byAction[action.id] = saving;
  }
  const scores = scoreAssessment({ template: input.template, actions: input.actions, answers, savings: byAction });
  return { assessment: input.assessment, ...scores, footprint, savings };
}
