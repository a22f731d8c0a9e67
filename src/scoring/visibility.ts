/**
 * Conditional questions (`showIf`). Pure.
 *
 * A question with `showIf` is visible only when the question it references
 * - is itself visible (so it must come earlier in the template),
 * - is answered, and
 * - its answer matches: `in` lists option ids (single_choice, scale; for multi_choice
 *   one selected option is enough) or booleans (boolean); `gte` is a lower bound for
 *   number answers. When both are given both must hold.
 * Answers to hidden questions are kept but ignored by scoring.
 */
import type { AnswerValue, QuestionnaireTemplate, ShowIf } from '../questionnaires/template.types.js';

/** Own property lookup: answers are user-keyed records, never trust the prototype chain. */
export function answerOf(answers: Record<string, AnswerValue>, questionId: string): AnswerValue | undefined {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

/** Whether a stored value counts as an answer: not null/undefined, not an empty string or empty selection. */
export function isAnswered(value: AnswerValue | null | undefined): value is AnswerValue {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'boolean';
}

/** Whether `value` (the referenced question's answer) satisfies the condition. */
export function conditionMatches(condition: ShowIf, value: AnswerValue | undefined): boolean {
  if (!isAnswered(value)) return false;
  if (condition.in !== undefined) {
    const allowed: readonly unknown[] = condition.in;
    const matches = Array.isArray(value) ? value.some((v) => allowed.includes(v)) : allowed.includes(value);
    if (!matches) return false;
  }
  if (condition.gte !== undefined) {
    if (typeof value !== 'number' || !(value >= condition.gte)) return false;
  }
  return true;
}

/** Ids of the questions shown for these answers, following the template's order. */
export function visibleQuestionIds(template: QuestionnaireTemplate, answers: Record<string, AnswerValue>): Set<string> {
  const visible = new Set<string>();
  for (const section of template.sections) {
    for (const question of section.questions) {
      const condition = question.showIf;
      if (
        condition === undefined ||
        (visible.has(condition.questionId) && conditionMatches(condition, answerOf(answers, condition.questionId)))
      ) {
        visible.add(question.id);
      }
    }
  }
  return visible;
}

/** Whether one question is shown for these answers. */
export function isVisible(template: QuestionnaireTemplate, answers: Record<string, AnswerValue>, questionId: string): boolean {
  return visibleQuestionIds(template, answers).has(questionId);
}

/** Ids of the questions other questions' `showIf` refer to (changing their answer can change visibility). */
export function conditionControllerIds(template: QuestionnaireTemplate): Set<string> {
  const ids = new Set<string>();
  for (const section of template.sections) {
    for (const question of section.questions) {
      if (question.showIf) ids.add(question.showIf.questionId);
    }
  }
  return ids;
}
