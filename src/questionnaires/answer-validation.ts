import type { FieldError } from '../common/domain-error.js';
import { decimalProblemMessage, parseDecimal } from './decimal-input.js';
import { DONT_KNOW, type AnswerValue, type Question } from './template.types.js';

export const DEFAULT_TEXT_MAX_LENGTH = 2000;

/**
 * Checks a value against its question: type, option ids, exclusivity, integer, bounds, length.
 * Returns the broken rule (field `value`) or null. Pure.
 */
export function checkAnswerValue(question: Question, value: unknown): FieldError | null {
  const fail = (rule: string, message: string): FieldError => ({ field: 'value', rule, message });
  const optionIds = new Set((question.options ?? []).map((o) => o.id));
  const optionList = () => [...optionIds].join(', ');
  switch (question.type) {
    case 'single_choice':
    case 'scale':
      if (typeof value !== 'string') return fail('type', `value must be one option id (a string) for question ${question.id}`);
      if (!optionIds.has(value)) return fail('option', `"${value}" is not an option of ${question.id}; expected one of: ${optionList()}`);
      return null;
    case 'multi_choice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        return fail('type', `value must be an array of option ids for question ${question.id}`);
      }
      if (value.length === 0) return fail('notEmpty', `select at least one option for ${question.id} (or clear the answer)`);
      const unknown = value.filter((v) => !optionIds.has(v as string));
      if (unknown.length)
        return fail('option', `${unknown.map((u) => `"${u}"`).join(', ')} not an option of ${question.id}; expected: ${optionList()}`);
      if (new Set(value).size !== value.length) return fail('unique', `each option may be selected once for ${question.id}`);
      const exclusive = (question.options ?? []).find((o) => o.exclusive && value.includes(o.id));
      if (exclusive && value.length > 1) return fail('exclusive', `"${exclusive.id}" cannot be combined with other options`);
      return null;
    }
    case 'boolean':
      if (question.dontKnow && value === DONT_KNOW) return null;
      return typeof value === 'boolean'
        ? null
        : fail('type', `value must be true or false${question.dontKnow ? ` or "${DONT_KNOW}"` : ''} for question ${question.id}`);
    case 'number':
      if (question.dontKnow && value === DONT_KNOW) return null;
      if (typeof value !== 'number' || !Number.isFinite(value))
        return fail('type', `value must be a number${question.dontKnow ? ` or "${DONT_KNOW}"` : ''} for question ${question.id}`);
      if (question.integer && !Number.isInteger(value)) return fail('integer', `value must be a whole number for ${question.id}`);
      if (question.min !== undefined && value < question.min)
        return fail('min', `value must be at least ${question.min} for ${question.id}`);
      if (question.max !== undefined && value > question.max)
        return fail('max', `value must be at most ${question.max} for ${question.id}`);
      return null;
    case 'text': {
      if (typeof value !== 'string') return fail('type', `value must be text for question ${question.id}`);
      if (value.trim().length === 0) return fail('notEmpty', `value must not be empty (clear the answer instead)`);
      const max = question.maxLength ?? DEFAULT_TEXT_MAX_LENGTH;
      if ([...value].length > max) return fail('maxLength', `value must be at most ${max} characters long`);
      return null;
    }
  }
}

/** Type guard after checkAnswerValue returned null. */
export function isValidAnswer(question: Question, value: unknown): value is AnswerValue {
  return checkAnswerValue(question, value) === null;
}

/** At most this many characters of a number typed as text (a number never needs more). */
const NUMBER_TEXT_MAX_LENGTH = 40;

/**
 * A number question also takes its value as the text a person typed ("1,5", "1 234"), read with the
 * rule of decimal-input.ts; an ambiguous text ("1,234") is refused with the rule (field `value`,
 * rule `decimal`). Every other value passes unchanged to checkAnswerValue. Pure.
 */
export function normaliseAnswerInput(question: Question, value: unknown): { value: unknown; problem: FieldError | null } {
  if (question.type !== 'number' || typeof value !== 'string' || value === DONT_KNOW) return { value, problem: null };
  if (value.length > NUMBER_TEXT_MAX_LENGTH) {
    return {
      value,
      problem: { field: 'value', rule: 'decimal', message: `a number typed as text is at most ${NUMBER_TEXT_MAX_LENGTH} characters long` },
    };
  }
  const parsed = parseDecimal(value);
  if (parsed.ok) return { value: parsed.value, problem: null };
  return { value, problem: { field: 'value', rule: 'decimal', message: decimalProblemMessage(value, parsed.problem, question.id) } };
}
