/**
 * "Not applicable is not zero" (methodology scoring-2). Pure.
 *
 * A question, a section or an action may declare `applicableIf`, in the same condition language as
 * `showIf`, on an always-asked profile question (does the organisation build digital services, which
 * kind of organisation, how it hosts its applications). The item is NOT applicable only when that
 * profile question has a known answer that does not match the condition. While the answer is
 * missing or "I don't know", the item applies: nothing is left out on a guess.
 *
 * A question is also not applicable when its own answer says so (the option "not_applicable", for
 * example "no server or self-hosted application"). An action no applicable question informs is not
 * applicable either.
 *
 * Not applicable items are left out of every score, floor, confidence and priority, and every
 * surface shows them as such with the reason below.
 */
import {
  DONT_KNOW,
  NOT_APPLICABLE_OPTION,
  type Action,
  type AnswerValue,
  type ApplicableIf,
  type I18nText,
  type Question,
  type QuestionnaireTemplate,
} from '../questionnaires/template.types.js';
import { NBSP } from './format.js';
import { answerLabel } from './question-maturity.js';
import { answerOf, conditionMatches, isAnswered } from './visibility.js';

/** Why an item does not apply. */
export interface NotApplicableReason {
  /**
   * condition: a profile answer rules it out; declared: its own answer is "not applicable";
   * no_question: none of the questions informing it applies.
   */
  cause: 'condition' | 'declared' | 'no_question';
  /** The question whose answer decided it (condition, declared). */
  questionId?: string;
  questionLabel?: I18nText;
  answerLabel?: I18nText;
  /** One sentence, French and English. */
  text: I18nText;
}

/** "I don't know": the value "dont_know", or a selection of that option alone. */
export function isDontKnow(value: AnswerValue | null | undefined): boolean {
  if (value === DONT_KNOW) return true;
  return Array.isArray(value) && value.length > 0 && value.every((v) => v === DONT_KNOW);
}

/** An answer that says something: given, and not "I don't know". */
export function isKnownAnswer(value: AnswerValue | null | undefined): value is AnswerValue {
  return isAnswered(value) && !isDontKnow(value);
}

/** The answer "not applicable" (option "not_applicable", alone on a multi_choice). */
export function isDeclaredNotApplicable(value: AnswerValue | null | undefined): boolean {
  if (value === NOT_APPLICABLE_OPTION) return true;
  return Array.isArray(value) && value.length > 0 && value.every((v) => v === NOT_APPLICABLE_OPTION);
}

function quoted(text: string, lang: 'fr' | 'en'): string {
  return lang === 'fr' ? `«${NBSP}${text}${NBSP}»` : `"${text}"`;
}

function reasonFromAnswer(cause: 'condition' | 'declared', question: Question, label: I18nText): NotApplicableReason {
  return {
    cause,
    questionId: question.id,
    questionLabel: { fr: question.label.fr, en: question.label.en },
    answerLabel: { fr: label.fr, en: label.en },
    text: {
      fr: `Sans objet${NBSP}: vous avez répondu ${quoted(label.fr, 'fr')} à ${quoted(question.label.fr, 'fr')}`,
      en: `Not applicable: you answered ${quoted(label.en, 'en')} to ${quoted(question.label.en, 'en')}`,
    },
  };
}

export const NO_APPLICABLE_QUESTION: NotApplicableReason = {
  cause: 'no_question',
  text: {
    fr: `Sans objet${NBSP}: aucune des questions qui la renseignent ne s’applique à votre organisation`,
    en: 'Not applicable: none of the questions that inform it applies to your organisation',
  },
};

/** Questions of a template by id. */
export function questionIndex(template: QuestionnaireTemplate): Map<string, Question> {
  const index = new Map<string, Question>();
  for (const section of template.sections)
    for (const question of section.questions) if (!index.has(question.id)) index.set(question.id, question);
  return index;
}

/**
 * null when the condition holds or cannot be decided (no such question in this template, no known
 * answer); otherwise why the item does not apply.
 */
export function conditionRulesOut(
  condition: ApplicableIf | undefined,
  questions: ReadonlyMap<string, Question>,
  answers: Record<string, AnswerValue>,
): NotApplicableReason | null {
  if (condition === undefined) return null;
  const controller = questions.get(condition.questionId);
  if (!controller) return null;
  const value = answerOf(answers, condition.questionId);
  if (!isKnownAnswer(value) || conditionMatches(condition, value)) return null;
  const label = answerLabel(controller, value) ?? { fr: String(value), en: String(value) };
  return reasonFromAnswer('condition', controller, label);
}

/** Why a question does not apply (its applicableIf, or its own answer "not applicable"); null when it applies. */
export function questionNotApplicable(
  question: Question,
  questions: ReadonlyMap<string, Question>,
  answers: Record<string, AnswerValue>,
): NotApplicableReason | null {
  const ruledOut = conditionRulesOut(question.applicableIf, questions, answers);
  if (ruledOut) return ruledOut;
  const own = answerOf(answers, question.id);
  if (isDeclaredNotApplicable(own)) {
    const label = answerLabel(question, own) ?? { fr: String(own), en: String(own) };
    return reasonFromAnswer('declared', question, label);
  }
  return null;
}

/** Why an action does not apply by its own condition; null when it applies (or cannot be decided). */
export function actionNotApplicable(
  action: Action,
  questions: ReadonlyMap<string, Question>,
  answers: Record<string, AnswerValue>,
): NotApplicableReason | null {
  return conditionRulesOut(action.applicableIf, questions, answers);
}

/**
 * The actions a questionnaire version asks about: those at least one of its questions informs. An
 * action of the catalogue that a version never asks about (added for a later version) is not part of
 * its results at all, rather than "not applicable" to the organisation.
 */
export function actionsAskedBy(template: QuestionnaireTemplate): Set<string> {
  const ids = new Set<string>();
  for (const section of template.sections)
    for (const question of section.questions) for (const link of question.scoring?.actions ?? []) ids.add(link.actionId);
  return ids;
}
