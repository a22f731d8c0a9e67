/**
 * What the comparison needs beyond scores, from one loaded assessment: its answers in words with who
 * gave them (for the list of changed answers by section) and its footprint inputs (for why the
 * footprint moved). Plain functions over loaded data.
 */
import type { LoadedAssessment } from '../assessments/assessments.service.js';
import type { AnswerDto } from '../assessments/assessments.dto.js';
import type { AnswerDetail, FootprintInputs } from '../comparison/index.js';
import { inventoryFromAnswers, type FootprintFactors } from '../footprint/index.js';
import { answerLabel } from '../scoring/index.js';
import { visibleOnly } from './full-results.js';

/** Every question of the assessment's template with its answer in words (visible answers only) and who gave it. */
export function answerDetails(loaded: LoadedAssessment, answers: AnswerDto[]): Record<string, AnswerDetail> {
  const given = new Map(answers.filter((a) => a.visible).map((a) => [a.questionId, a]));
  const details: Record<string, AnswerDetail> = {};
  for (const [id, located] of loaded.template.questions) {
    const answer = given.get(id);
    details[id] = {
      sectionId: located.section.id,
      sectionTitle: { fr: located.section.title.fr, en: located.section.title.en },
      index: located.index,
      question: { fr: located.question.label.fr, en: located.question.label.en },
      valueLabel: answer ? answerLabel(located.question, answer.value) : null,
      answeredBy: answer?.answeredByEmail ?? null,
      updatedAt: answer?.updatedAt ?? null,
    };
  }
  return details;
}

/** The inventory the footprint is computed from (visible answers), with the factors used. */
export function footprintInputs(loaded: LoadedAssessment, factors: FootprintFactors): FootprintInputs {
  return { inventory: inventoryFromAnswers(visibleOnly(loaded.template.template, loaded.values)), factors };
}
