import { checkAnswerValue } from './answer-validation.js';
import type { Question } from './template.types.js';

const yesNo = (dontKnow?: boolean): Question => ({
  id: 'q.bool',
  type: 'boolean',
  label: { fr: 'Q', en: 'Q' },
  required: true,
  ...(dontKnow === undefined ? {} : { dontKnow }),
});
const share = (dontKnow?: boolean): Question => ({
  id: 'q.share',
  type: 'number',
  label: { fr: 'Q', en: 'Q' },
  required: true,
  min: 0,
  max: 100,
  integer: true,
  ...(dontKnow === undefined ? {} : { dontKnow }),
});

describe('"I don\'t know" on yes/no and number questions', () => {
  it('is accepted where the question declares it', () => {
    expect(checkAnswerValue(yesNo(true), 'dont_know')).toBeNull();
    expect(checkAnswerValue(share(true), 'dont_know')).toBeNull();
    expect(checkAnswerValue(yesNo(true), true)).toBeNull();
    expect(checkAnswerValue(share(true), 40)).toBeNull();
  });

  it('is refused, naming the accepted values, where it does not', () => {
    expect(checkAnswerValue(yesNo(), 'dont_know')).toEqual({
      field: 'value',
      rule: 'type',
      message: 'value must be true or false for question q.bool',
    });
    expect(checkAnswerValue(share(false), 'dont_know')?.rule).toBe('type');
  });

  it('is the only string accepted, and the bounds still hold', () => {
    expect(checkAnswerValue(yesNo(true), 'maybe')).toEqual({
      field: 'value',
      rule: 'type',
      message: 'value must be true or false or "dont_know" for question q.bool',
    });
    expect(checkAnswerValue(share(true), 'DONT_KNOW')?.message).toBe('value must be a number or "dont_know" for question q.share');
    expect(checkAnswerValue(share(true), 101)?.rule).toBe('max');
  });
});
