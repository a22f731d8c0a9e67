/**
 * Maturity of one answer (0..100) and the answer in words. Pure.
 * See the rules at the top of scoring.ts.
 */
import { DONT_KNOW, type AnswerValue, type I18nText, type Question, type QuestionOption } from '../questionnaires/template.types.js';
import { formatNumber } from './format.js';
import { isAnswered } from './visibility.js';

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** An option's score, clamped to 0..100; null for "I don't know" (null or missing score). */
export function optionScore(option: QuestionOption): number | null {
  const score = option.score;
  if (score === null || score === undefined || !Number.isFinite(score)) return null;
  return clamp(score, 0, 100);
}

/** Action links that count: positive, finite weights. */
export function scoringLinks(question: Question): Array<{ actionId: string; weight: number }> {
  const links = question.scoring?.actions ?? [];
  return links.filter((link) => Number.isFinite(link.weight) && link.weight > 0);
}

/**
 * Whether the question can produce a maturity: it informs at least one action and its type
 * has a scoring rule (options for scale/single/multi, `boolean` for boolean, `linear` for number).
 * Text questions and questions without `scoring` only feed context or the footprint.
 */
export function isScoredQuestion(question: Question): boolean {
  if (scoringLinks(question).length === 0) return false;
  switch (question.type) {
    case 'scale':
    case 'single_choice':
    case 'multi_choice':
      return (question.options?.length ?? 0) > 0;
    case 'boolean':
      return question.scoring?.boolean !== undefined;
    case 'number':
      return question.scoring?.linear !== undefined;
    default:
      return false;
  }
}

/** Selected options of a multi_choice answer, in the template's option order, without duplicates or unknown ids. */
function selectedOptions(question: Question, value: AnswerValue): QuestionOption[] {
  if (!Array.isArray(value)) return [];
  const selected = new Set(value);
  return (question.options ?? []).filter((option) => selected.has(option.id));
}

function singleOption(question: Question, value: AnswerValue): QuestionOption | undefined {
  if (typeof value !== 'string') return undefined;
  return (question.options ?? []).find((option) => option.id === value);
}

/**
 * Maturity 0..100 of an answer, or null when unknown (unanswered, "I don't know",
 * a value that does not fit the question, or a question that is not scored).
 */
export function questionMaturity(question: Question, value: AnswerValue | undefined): number | null {
  if (!isScoredQuestion(question) || !isAnswered(value)) return null;
  switch (question.type) {
    case 'scale':
    case 'single_choice': {
      const option = singleOption(question, value);
      return option ? optionScore(option) : null;
    }
    case 'multi_choice': {
      const scores = selectedOptions(question, value)
        .map(optionScore)
        .filter((score): score is number => score !== null);
      if (scores.length === 0) return null;
      return Math.min(
        100,
        scores.reduce((sum, score) => sum + score, 0),
      );
    }
    case 'boolean': {
      const rule = question.scoring?.boolean;
      if (!rule || typeof value !== 'boolean') return null;
      const score = value ? rule.yes : rule.no;
      return Number.isFinite(score) ? clamp(score, 0, 100) : null;
    }
    case 'number': {
      const rule = question.scoring?.linear;
      if (!rule || typeof value !== 'number' || !Number.isFinite(value)) return null;
      if (rule.best === rule.worst) {
        // Degenerate rule (refused by the template loader): reaching the target is best practice.
        return value >= rule.best ? 100 : 0;
      }
      return clamp(((value - rule.worst) / (rule.best - rule.worst)) * 100, 0, 100);
    }
    default:
      return null;
  }
}

const YES: I18nText = { fr: 'Oui', en: 'Yes' };
const NO: I18nText = { fr: 'Non', en: 'No' };
const DONT_KNOW_LABEL: I18nText = { fr: 'Je ne sais pas', en: "I don't know" };

/** The answer in words, in both languages; null when there is no usable answer. */
export function answerLabel(question: Question, value: AnswerValue | undefined): I18nText | null {
  if (!isAnswered(value)) return null;
  switch (question.type) {
    case 'scale':
    case 'single_choice': {
      const option = singleOption(question, value);
      return option ? { fr: option.label.fr, en: option.label.en } : null;
    }
    case 'multi_choice': {
      const options = selectedOptions(question, value);
      if (options.length === 0) return null;
      return {
        fr: options.map((option) => option.label.fr).join(', '),
        en: options.map((option) => option.label.en).join(', '),
      };
    }
    case 'boolean':
      if (value === DONT_KNOW) return { ...DONT_KNOW_LABEL };
      return typeof value === 'boolean' ? (value ? { ...YES } : { ...NO }) : null;
    case 'number': {
      if (value === DONT_KNOW) return { ...DONT_KNOW_LABEL };
      if (typeof value !== 'number') return null;
      const unit = question.unit;
      const fr = formatNumber(value, 'fr', 2);
      const en = formatNumber(value, 'en', 2);
      return unit ? { fr: `${fr} ${unit.fr}`, en: `${en} ${unit.en}` } : { fr, en };
    }
    case 'text':
      return typeof value === 'string' ? { fr: value, en: value } : null;
    default:
      return null;
  }
}
