/** Every answer with its comment (the last annex), section by section, carried-over ones marked. */
import type { AnswerValue, Lang, QuestionnaireTemplate } from '../../questionnaires/template.types.js';
import { answerLabel } from '../../scoring/index.js';
import { createFormatter } from '../report-format.js';
import type { LoaderContext } from './context.js';
import type { LoaderText } from './text.js';

export function appendixPart(ctx: LoaderContext) {
  const { input, lang, t } = ctx;
  const questions = new Map(input.template.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  return {
    sections: input.template.sections.map((section) => ({
      sectionId: section.id,
      title: section.title[lang],
      answers: section.questions
        .map((q) => {
          const a = input.answers.find((x) => x.questionId === q.id);
          if (!a) return null;
          return {
            questionId: q.id,
            questionLabel: q.label[lang],
            answerText: answerText(questions.get(q.id)!, a.value, lang, t),
            comment: a.comment,
            answeredBy: a.answeredBy,
            answeredAt: a.updatedAt,
            unconfirmed: Boolean(a.carriedOver),
          };
        })
        .filter((x): x is NonNullable<typeof x> => x !== null),
    })),
  };
}

export function answerText(
  q: QuestionnaireTemplate['sections'][number]['questions'][number],
  value: AnswerValue,
  lang: Lang,
  t: LoaderText,
): string {
  if (q.type === 'boolean') return value === true ? t.yes : t.no;
  if (q.type === 'number') return `${createFormatter(lang).decimal(value as number, 2)}${q.unit ? ` ${q.unit[lang]}` : ''}`;
  if (q.type === 'text') return String(value);
  return answerLabel(q, value)?.[lang] ?? String(value);
}
