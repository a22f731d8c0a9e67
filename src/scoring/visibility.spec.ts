import type { AnswerValue, QuestionnaireTemplate } from '../questionnaires/template.types.js';
import { SYNTHETIC_TEMPLATE } from './synthetic-template.fixture.js';
import { conditionControllerIds, conditionMatches, isAnswered, isVisible, visibleQuestionIds } from './visibility.js';

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
