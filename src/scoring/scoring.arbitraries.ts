/**
 * fast-check arbitraries for the property specs of scoring and comparison (test helper,
 * not used at run time): random small templates (1-3 sections, every question type,
 * random option scores including "don't know", random weights, conditions on earlier
 * questions), random catalogues and random answers that fit the template.
 */
import fc from 'fast-check';
import type {
  Action,
  AnswerValue,
  Effort,
  Question,
  QuestionType,
  QuestionnaireTemplate,
  ShowIf,
} from '../questionnaires/template.types.js';

const TYPES: QuestionType[] = ['single_choice', 'multi_choice', 'boolean', 'number', 'scale', 'text'];
const EFFORTS: Effort[] = ['low', 'medium', 'high'];

interface QuestionSpec {
  type: QuestionType;
  optionScores: Array<number | null>;
  links: Array<{ action: number; weight: number }>;
  linear: { worst: number; best: number };
  boolean: { yes: number; no: number };
  condition: { ref: number; pick: number; bool: boolean; gte: number } | null;
}

const questionSpec: fc.Arbitrary<QuestionSpec> = fc.record({
  type: fc.constantFrom(...TYPES),
  optionScores: fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 5 }), {
    minLength: 1,
    maxLength: 5,
  }),
  links: fc.array(fc.record({ action: fc.nat(), weight: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 }),
  linear: fc.record({ worst: fc.integer({ min: 0, max: 10 }), best: fc.integer({ min: 0, max: 10 }) }).filter((l) => l.worst !== l.best),
  boolean: fc.record({ yes: fc.integer({ min: 0, max: 100 }), no: fc.integer({ min: 0, max: 100 }) }),
  condition: fc.option(fc.record({ ref: fc.nat(), pick: fc.nat(), bool: fc.boolean(), gte: fc.integer({ min: 0, max: 10 }) }), {
    nil: null,
    freq: 3,
  }),
});

export interface Generated {
  template: QuestionnaireTemplate;
  actions: Action[];
}

function buildCondition(spec: QuestionSpec, index: number, built: Question[]): ShowIf | undefined {
  if (!spec.condition || index === 0) return undefined;
  const ref = built[spec.condition.ref % index];
  switch (ref.type) {
    case 'boolean':
      return { questionId: ref.id, in: [spec.condition.bool] };
    case 'number':
      return { questionId: ref.id, gte: spec.condition.gte };
    case 'text':
      return undefined;
    default: {
      const options = ref.options ?? [];
      return { questionId: ref.id, in: [options[spec.condition.pick % options.length].id] };
    }
  }
}

export const generatedTemplate: fc.Arbitrary<Generated> = fc
  .record({
    actions: fc.array(fc.record({ impact: fc.integer({ min: 1, max: 5 }), effort: fc.constantFrom(...EFFORTS) }), {
      minLength: 1,
      maxLength: 4,
    }),
    sections: fc.array(fc.array(questionSpec, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
    unscored: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
  })
  .map(({ actions, sections, unscored }) => {
    const catalogue: Action[] = actions.map((a, i) => ({
      id: `a${i}`,
      category: 'company',
      kind: i % 2 === 0 ? 'lever' : 'foundation',
      title: { fr: `Action ${i}`, en: `Action ${i}` },
      description: { fr: 'd', en: 'd' },
      impactWeight: a.impact,
      justification: { keyMessages: [1], text: { fr: 'j', en: 'j' } },
      effort: a.effort,
      ownerRole: 'management',
      indicator: { fr: 'i', en: 'i' },
      nextSteps: [],
    }));
    const built: Question[] = [];
    const templateSections = sections.map((specs, s) => ({
      id: `s${s}`,
      title: { fr: `Section ${s}`, en: `Section ${s}` },
      questions: specs.map((spec) => {
        const index = built.length;
        const id = `q${index}`;
        const question: Question = { id, type: spec.type, label: { fr: id, en: id }, required: false };
        if (spec.type === 'single_choice' || spec.type === 'multi_choice' || spec.type === 'scale') {
          question.options = spec.optionScores.map((score, o) => ({
            id: `o${o}`,
            label: { fr: `o${o}`, en: `o${o}` },
            score,
          }));
        }
        if (spec.type === 'number') {
          question.min = 0;
          question.max = 10;
        }
        // about one question in six only feeds context (no scoring)
        const withScoring = spec.type !== 'text' && !(unscored[index % unscored.length] && index % 3 === 2);
        if (withScoring) {
          question.scoring = {
            actions: spec.links.map((l) => ({ actionId: `a${l.action % catalogue.length}`, weight: l.weight })),
          };
          if (spec.type === 'number') question.scoring.linear = spec.linear;
          if (spec.type === 'boolean') question.scoring.boolean = spec.boolean;
        }
        const condition = buildCondition(spec, index, built);
        if (condition) question.showIf = condition;
        built.push(question);
        return question;
      }),
    }));
    const template: QuestionnaireTemplate = {
      id: 'generated',
      version: 1,
      title: { fr: 'Généré', en: 'Generated' },
      sections: templateSections,
    };
    return { template, actions: catalogue };
  });

/** Any value that fits the question (numbers slightly beyond the bounds, to exercise clamping). */
export function answerValue(question: Question): fc.Arbitrary<AnswerValue> {
  const ids = (question.options ?? []).map((o) => o.id);
  switch (question.type) {
    case 'single_choice':
    case 'scale':
      return fc.constantFrom(...ids);
    case 'multi_choice':
      return fc.subarray(ids, { minLength: 1 });
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double({ min: 0, max: 10, noNaN: true }));
    default:
      return fc.string({ maxLength: 20 });
  }
}

export function allQuestions(template: QuestionnaireTemplate): Question[] {
  return template.sections.flatMap((s) => s.questions);
}

/** Random answers: each question answered with some probability. */
export function answersFor(template: QuestionnaireTemplate): fc.Arbitrary<Record<string, AnswerValue>> {
  const questions = allQuestions(template);
  return fc.tuple(...questions.map((q) => fc.option(answerValue(q), { nil: undefined, freq: 4 }))).map((values) => {
    const answers: Record<string, AnswerValue> = {};
    values.forEach((value, i) => {
      if (value !== undefined) answers[questions[i].id] = value;
    });
    return answers;
  });
}

/** A generated template, its catalogue and answers. */
export const scenario = generatedTemplate.chain((generated) =>
  answersFor(generated.template).map((answers) => ({ ...generated, answers })),
);
