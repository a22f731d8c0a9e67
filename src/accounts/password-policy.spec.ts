import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { IsAcceptablePassword, passwordProblem } from './password-policy.js';

class Form {
  @IsAcceptablePassword()
  newPassword: string;
}

const rulesBroken = (newPassword: unknown) =>
  validateSync(plainToInstance(Form, { newPassword })).flatMap((e) =>
    Object.entries(e.constraints ?? {}).map(([rule, message]) => ({ rule, message })),
  );

describe('the password policy', () => {
  it('ships the common passwords that the length rule lets through, compared in lower case', () => {
    expect(COMMON_PASSWORDS.size).toBe(1557);
    for (const p of COMMON_PASSWORDS) {
      expect(p.length).toBeGreaterThanOrEqual(10);
      expect(p).toBe(p.trim().toLowerCase());
    }
    expect(COMMON_PASSWORDS.has('qwertyuiop')).toBe(true);
    expect(COMMON_PASSWORDS.has('azertyuiop')).toBe(true);
  });

  it.each([
    ['1234567890', 'notCommon'],
    ['  Password123 ', 'notCommon'],
    ['MOTDEPASSE', 'notCommon'],
    ['          ', 'notBlank'],
    ['\t \t \t \t \t ', 'notBlank'],
    ['zzzzzzzzzzzz', 'notOneCharacter'],
    ['éééééééééé', 'notOneCharacter'],
    ['correct horse battery', null],
    ['Tour Eiffel 1889 !', null],
    ['short', null],
  ])('%j -> %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('reports one rule per problem, named after it, with the field in the message', () => {
    expect(rulesBroken('abc')).toEqual([{ rule: 'minLength', message: 'newPassword must be at least 10 characters long' }]);
    expect(rulesBroken('x'.repeat(201))).toEqual([{ rule: 'maxLength', message: 'newPassword must be at most 200 characters long' }]);
    expect(rulesBroken('          ')).toEqual([{ rule: 'notBlank', message: 'newPassword must not be only spaces' }]);
    expect(rulesBroken('aaaaaaaaaa')).toEqual([{ rule: 'notOneCharacter', message: 'newPassword must not be one character repeated' }]);
    expect(rulesBroken('Football123')).toEqual([
      { rule: 'notCommon', message: expect.stringMatching(/^newPassword is one of the most common passwords/) },
    ]);
    expect(rulesBroken(12345678901).map((r) => r.rule)).toContain('isString');
    expect(rulesBroken('a fine long passphrase')).toEqual([]);
  });

  it('counts characters, not UTF-16 units: ten emoji are ten characters', () => {
    expect(rulesBroken('🌱🌍🌱🌍🌱🌍🌱🌍🌱🌍')).toEqual([]);
    expect(rulesBroken('🌱🌍🌱🌍🌱')).toEqual([{ rule: 'minLength', message: expect.any(String) }]);
  });

  it('accepts any long enough password that is neither blank, one character nor common (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 10, maxLength: 60 }), (password) => {
        const expected =
          password.trim() === ''
            ? 'notBlank'
            : new Set(password).size === 1
              ? 'notOneCharacter'
              : COMMON_PASSWORDS.has(password.trim().toLowerCase())
                ? 'notCommon'
                : null;
        expect(passwordProblem(password)).toBe(expected);
        expect(rulesBroken(password).map((r) => r.rule)).toEqual(expected ? [expected] : []);
      }),
    );
  });
});
