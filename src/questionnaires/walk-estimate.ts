/**
 * How long a full walk of a questionnaire takes, for one profile of organisation. Pure.
 *
 * The full walk: the questions asked for that profile when every conditional question opens (the
 * organisation measures its footprint, buys refurbished, has devices of every type...), that is the
 * longest walk. Its time, stated as an estimate and not a measurement:
 * - reading the question and its options at 238 words a minute, the average silent reading rate of
 *   adults for non-fiction in English (Brysbaert, "How many words do we read per minute?", Journal of
 *   Memory and Language 109, 2019); help texts are read on demand and not counted;
 * - answering: a yes/no 4 s, a single choice or scale 6 s, a multiple choice 10 s, a number 15 s
 *   (looked up in an inventory at hand), an optional free text 0 s (skipped): assumptions of this
 *   questionnaire, not measurements.
 */
import type { AnswerValue, Question, QuestionnaireTemplate, QuestionType } from './template.types.js';
import { visibleQuestionIds } from './conditions.js';

export const READING_WORDS_PER_MINUTE = 238;
export const ANSWER_SECONDS: Readonly<Record<QuestionType, number>> = {
  boolean: 4,
  single_choice: 6,
  scale: 6,
  multi_choice: 10,
  number: 15,
  text: 0,
};

export interface WalkEstimate {
  /** Questions asked in the full walk (free texts included). */
  questions: number;
  byType: Partial<Record<QuestionType, number>>;
  /** Words read (questions and options, in the language asked). */
  words: number;
  /** Estimated minutes, rounded to the minute. */
  minutes: number;
}

/** The questions of the full walk for a profile (answers to the profile questions), in template order. */
export function fullWalk(template: QuestionnaireTemplate, profile: Readonly<Record<string, AnswerValue>>): Question[] {
  const questions = template.sections.flatMap((s) => s.questions);
  const answers: Record<string, AnswerValue> = { ...profile };
  for (const q of questions) {
    if (Object.hasOwn(answers, q.id)) continue;
    const opener = questions.find((d) => d.showIf?.questionId === q.id);
    if (!opener?.showIf) continue;
    const { gte, in: values } = opener.showIf;
    if (gte !== undefined) answers[q.id] = Math.max(gte, q.min ?? gte, 1);
    else if (values?.length) answers[q.id] = q.type === 'multi_choice' ? [String(values[0])] : (values[0] as AnswerValue);
  }
  const visible = visibleQuestionIds(template, answers);
  return questions.filter((q) => visible.has(q.id));
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function walkEstimate(
  template: QuestionnaireTemplate,
  profile: Readonly<Record<string, AnswerValue>>,
  lang: 'fr' | 'en' = 'en',
): WalkEstimate {
  const walk = fullWalk(template, profile);
  const byType: Partial<Record<QuestionType, number>> = {};
  let read = 0;
  let seconds = 0;
  for (const q of walk) {
    byType[q.type] = (byType[q.type] ?? 0) + 1;
    if (q.type === 'text') continue;
    read += words(q.label[lang]) + (q.options ?? []).reduce((n, o) => n + words(o.label[lang]), 0);
    seconds += ANSWER_SECONDS[q.type];
  }
  const minutes = Math.round((read / READING_WORDS_PER_MINUTE) * 1 + seconds / 60);
  return { questions: walk.length, byType, words: read, minutes };
}
