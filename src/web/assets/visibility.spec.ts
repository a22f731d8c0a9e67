import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerValue, Question, QuestionnaireTemplate } from '../../questionnaires/template.types.js';
import { SYNTHETIC_TEMPLATE } from '../../scoring/synthetic-template.fixture.js';
import { visibleQuestionIds as serverRule } from '../../scoring/visibility.js';
import { visibleQuestionIds as pageRule } from './visibility.js';

/** The page script shows and hides conditional questions with exactly the server's rule. */
const REAL = JSON.parse(
  readFileSync(join(process.cwd(), 'templates/questionnaires/fresque-numerique/v1.json'), 'utf8'),
) as QuestionnaireTemplate;

function answerArbitrary(q: Question): fc.Arbitrary<AnswerValue | undefined> {
  const ids = (q.options ?? []).map((o) => o.id);
  const some: fc.Arbitrary<AnswerValue> = (() => {
    switch (q.type) {
      case 'boolean':
        return q.dontKnow ? fc.constantFrom<AnswerValue>(true, false, 'dont_know') : fc.boolean();
      case 'number':
        return fc.integer({ min: (q.min ?? 0) - 1, max: Math.min(q.max ?? 10, 50) });
      case 'text':
        return fc.string({ maxLength: 5 });
      case 'multi_choice':
        return fc.subarray(ids.length ? ids : ['x']);
      default:
        return fc.constantFrom(...(ids.length ? ids : ['x']));
    }
  })();
  return fc.option(some, { nil: undefined });
}

function answersArbitrary(template: QuestionnaireTemplate): fc.Arbitrary<Record<string, AnswerValue>> {
  const questions = template.sections.flatMap((s) => s.questions);
  return fc.tuple(...questions.map(answerArbitrary)).map((values) => {
    const out: Record<string, AnswerValue> = {};
    values.forEach((v, i) => {
      if (v !== undefined) out[questions[i].id] = v;
    });
    return out;
  });
}

describe('the page script’s conditional questions', () => {
  for (const [name, template] of [
    ['the real questionnaire', REAL],
    ['the synthetic scoring fixture', SYNTHETIC_TEMPLATE],
  ] as const) {
    it(`show exactly the questions the server shows, for any answers (${name})`, () => {
      const questions = template.sections
        .flatMap((s) => s.questions)
        .map((q) => ({ id: q.id, showIf: q.showIf ?? null, applicableIf: q.applicableIf ?? null }));
      fc.assert(
        fc.property(answersArbitrary(template), (answers) => {
          expect([...pageRule(questions, answers)].sort()).toEqual([...serverRule(template, answers)].sort());
        }),
        { numRuns: 300 },
      );
    });
  }
});
