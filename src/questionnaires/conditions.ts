/**
 * Conditional questions (`showIf`) and questions that do not apply (`applicableIf`). Pure.
 *
 * A question with `showIf` is visible only when the question it references
 * - is itself visible (so it must come earlier in the template),
 * - is answered, and
 * - its answer matches: `in` lists option ids (single_choice, scale; for multi_choice
 *   one selected option is enough) or booleans (boolean); `gte` is a lower bound for
 *   number answers. When both are given both must hold. "I don't know" matches nothing.
 * A question with `applicableIf` is asked unless the always-asked profile question it refers to
 * has a known answer ("I don't know" is not one) that does not match (applicability.ts).
 * Answers to hidden questions are kept but ignored by scoring.
 *
 * `visibleQuestionIds` is the rule of the walk (what is asked, what the required-question check and
 * the progress count) and of methodology scoring-2; `showIfVisibleQuestionIds` is the rule of
 * methodology scoring-1, which knew no applicability, kept as it was so that it stays reproducible.
 */
import { DONT_KNOW, type AnswerValue, type QuestionnaireTemplate, type ShowIf } from './template.types.js';

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

/** Methodology scoring-1: ids of the questions their `showIf` shows, following the template's order. */
export function showIfVisibleQuestionIds(template: QuestionnaireTemplate, answers: Record<string, AnswerValue>): Set<string> {
  return visibleIds(template, answers, false);
}

/** Ids of the questions asked for these answers (showIf and applicableIf), following the template's order. */
export function visibleQuestionIds(template: QuestionnaireTemplate, answers: Record<string, AnswerValue>): Set<string> {
  return visibleIds(template, answers, true);
}

function visibleIds(template: QuestionnaireTemplate, answers: Record<string, AnswerValue>, applicability: boolean): Set<string> {
  const visible = new Set<string>();
  const byId = new Map<string, { type: string; label: unknown }>();
  for (const section of template.sections) for (const question of section.questions) byId.set(question.id, question);
  for (const section of template.sections) {
    for (const question of section.questions) {
      if (applicability && question.applicableIf !== undefined && byId.has(question.applicableIf.questionId)) {
        const value = answerOf(answers, question.applicableIf.questionId);
        if (isAnswered(value) && !isDontKnowValue(value) && !conditionMatches(question.applicableIf, value)) continue;
      }
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

/** "I don't know" (the same test as applicability.ts isDontKnow, kept here to avoid a cycle). */
function isDontKnowValue(value: AnswerValue): boolean {
  if (value === DONT_KNOW) return true;
  return Array.isArray(value) && value.length > 0 && value.every((v) => v === DONT_KNOW);
}

/** Whether one question is shown for these answers. */
export function isVisible(template: QuestionnaireTemplate, answers: Record<string, AnswerValue>, questionId: string): boolean {
  return visibleQuestionIds(template, answers).has(questionId);
}

/** Ids of the questions other questions' `showIf` or `applicableIf` refer to (changing their answer can change visibility). */
export function conditionControllerIds(template: QuestionnaireTemplate): Set<string> {
  const ids = new Set<string>();
  for (const section of template.sections) {
    for (const question of section.questions) {
      if (question.showIf) ids.add(question.showIf.questionId);
      if (question.applicableIf) ids.add(question.applicableIf.questionId);
    }
  }
  return ids;
}
