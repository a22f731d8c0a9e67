import type { AnswerValue, Question, QuestionnaireTemplate } from '../questionnaires/template.types.js';
import { SYNTHETIC_TEMPLATE } from './synthetic-template.fixture.js';
import {
  conditionControllerIds,
  conditionMatches,
  isAnswered,
  isVisible,
  showIfVisibleQuestionIds,
  visibleQuestionIds,
} from './visibility.js';

const ALWAYS = ['p.policy', 'p.refurb', 'p.lifespan', 'p.criteria', 'e.builds', 'e.comment', 'm.measures', 'm.laptops'];

function visible(answers: Record<string, AnswerValue>): string[] {
  return [...visibleQuestionIds(SYNTHETIC_TEMPLATE, answers)].filter((id) => !ALWAYS.includes(id)).sort();
}

describe('conditional questions (showIf)', () => {
  it('hides a question whose referenced question is unanswered', () => {
    expect(visible({})).toEqual([]);
    expect(isVisible(SYNTHETIC_TEMPLATE, {}, 'p.policy')).toBe(true);
    expect(isVisible(SYNTHETIC_TEMPLATE, {}, 'e.need')).toBe(false);
  });

  it('matches booleans and option ids with `in`', () => {
    expect(visible({ 'e.builds': true })).toEqual(['e.need']);
    expect(visible({ 'e.builds': false, 'e.need': 'always' })).toEqual([]);
    expect(visible({ 'e.builds': true, 'e.need': 'always' })).toEqual(['e.need', 'e.old_devices']);
    expect(visible({ 'e.builds': true, 'e.need': 'never' })).toEqual(['e.need']);
  });

  it('hides a question whose referenced question is hidden, whatever its own answer', () => {
    // e.old_devices depends on e.need which depends on e.builds
    expect(visible({ 'e.need': 'always' })).toEqual([]);
    expect(visible({ 'e.builds': false, 'e.need': 'sometimes', 'e.old_devices': 's2' })).toEqual([]);
  });

  it('uses `gte` for numbers', () => {
    expect(visible({ 'm.measures': true, 'm.criteria_count': 1 })).toEqual(['m.criteria_count']);
    expect(visible({ 'm.measures': true, 'm.criteria_count': 2 })).toEqual(['m.criteria_count', 'm.targets']);
    expect(visible({ 'm.measures': false, 'm.criteria_count': 5 })).toEqual([]);
  });

  it('multi_choice matches when any selected option is listed', () => {
    expect(conditionMatches({ questionId: 'x', in: ['a', 'b'] }, ['c', 'b'])).toBe(true);
    expect(conditionMatches({ questionId: 'x', in: ['a', 'b'] }, ['c'])).toBe(false);
    expect(conditionMatches({ questionId: 'x', in: ['a'] }, [])).toBe(false);
    expect(conditionMatches({ questionId: 'x', in: [false] }, false)).toBe(true);
    expect(conditionMatches({ questionId: 'x', gte: 3 }, '4')).toBe(false);
    expect(conditionMatches({ questionId: 'x', gte: 3, in: ['a'] }, 3)).toBe(false);
  });

  it('never shows a question whose condition refers to a later or missing question', () => {
    const template: QuestionnaireTemplate = {
      ...SYNTHETIC_TEMPLATE,
      sections: [
        {
          id: 's',
          title: { fr: 's', en: 's' },
          questions: [
            { id: 'a', type: 'boolean', label: { fr: 'a', en: 'a' }, required: false, showIf: { questionId: 'b', in: [true] } },
            { id: 'b', type: 'boolean', label: { fr: 'b', en: 'b' }, required: false },
            { id: 'c', type: 'boolean', label: { fr: 'c', en: 'c' }, required: false, showIf: { questionId: 'zz', in: [true] } },
          ],
        },
      ],
    };
    expect([...visibleQuestionIds(template, { b: true, zz: true } as Record<string, AnswerValue>)]).toEqual(['b']);
  });

  it('knows what counts as an answer and which questions control conditions', () => {
    expect([undefined, null, '', '  ', [], Number.NaN].map((v) => isAnswered(v as AnswerValue))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([false, 0, 'x', ['a']].map((v) => isAnswered(v))).toEqual([true, true, true, true]);
    expect([...conditionControllerIds(SYNTHETIC_TEMPLATE)].sort()).toEqual(['e.builds', 'e.need', 'm.criteria_count', 'm.measures']);
  });
});

describe('questions that do not apply (applicableIf)', () => {
  const q = (id: string, extra: Partial<Question> = {}): Question => ({
    id,
    type: 'boolean',
    label: { fr: id, en: id },
    required: true,
    ...extra,
  });
  const template: QuestionnaireTemplate = {
    id: 't',
    version: 1,
    title: { fr: 't', en: 't' },
    sections: [
      {
        id: 's',
        title: { fr: 's', en: 's' },
        questions: [
          q('servers.idle', { applicableIf: { questionId: 'hosting', in: ['dedicated', 'cloud'] }, dontKnow: true }),
          q('servers.follow_up', { showIf: { questionId: 'servers.idle', in: [false] } }),
          {
            id: 'hosting',
            type: 'single_choice',
            label: { fr: 'h', en: 'h' },
            required: true,
            options: ['dedicated', 'cloud', 'not_applicable', 'dont_know'].map((id) => ({ id, label: { fr: id, en: id }, score: null })),
          },
        ],
      },
    ],
  };
  const ids = (answers: Record<string, AnswerValue>) => [...visibleQuestionIds(template, answers)].sort();

  it('are asked while the profile answer is missing or "I don\'t know", and when it matches', () => {
    expect(ids({})).toEqual(['hosting', 'servers.idle']);
    expect(ids({ hosting: 'dont_know', 'servers.idle': false })).toEqual(['hosting', 'servers.follow_up', 'servers.idle']);
    expect(ids({ hosting: 'cloud', 'servers.idle': false })).toEqual(['hosting', 'servers.follow_up', 'servers.idle']);
  });

  it('are not asked, nor what depends on them, once the profile answer rules them out, even when it comes later in the walk', () => {
    expect(ids({ hosting: 'not_applicable', 'servers.idle': false })).toEqual(['hosting']);
  });

  it('do not exist for methodology scoring-1, which only knew showIf', () => {
    expect([...showIfVisibleQuestionIds(template, { hosting: 'not_applicable', 'servers.idle': false })].sort()).toEqual([
      'hosting',
      'servers.follow_up',
      'servers.idle',
    ]);
  });

  it('"I don\'t know" never opens a showIf', () => {
    expect(ids({ hosting: 'cloud', 'servers.idle': 'dont_know' })).toEqual(['hosting', 'servers.idle']);
    expect(conditionControllerIds(template)).toEqual(new Set(['hosting', 'servers.idle']));
  });
});
