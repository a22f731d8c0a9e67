import { applyDecorators } from '@nestjs/common';
import { registerDecorator, IsString, MaxLength, MinLength, type ValidationOptions } from 'class-validator';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** What is wrong with a password of an acceptable length, as the rule name the API reports. */
export type PasswordProblem = 'notBlank' | 'notOneCharacter' | 'notCommon';

/** API messages; `$property` is the field's name (password, newPassword). */
export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  notBlank: '$property must not be only spaces',
  notOneCharacter: '$property must not be one character repeated',
  notCommon: '$property is one of the most common passwords: choose another (a phrase of a few words works well)',
};

/**
 * The password policy (after NIST SP 800-63B, section 5.1.1.2: a minimum length and a list of
 * passwords known to be common, no composition rules): 10 to 200 characters (checked by the
 * length rules), not only spaces, not one character repeated, not a common password.
 * Returns the first rule broken, or null. Lengths are left to the length rules.
 */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) return null;
  if (password.trim() === '') return 'notBlank';
  if (new Set(password).size === 1) return 'notOneCharacter';
  if (COMMON_PASSWORDS.has(password.trim().toLowerCase())) return 'notCommon';
  return null;
}

function policyRule(rule: PasswordProblem, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: rule,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: PASSWORD_MESSAGES[rule], ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || passwordProblem(value) !== rule },
    });
}

/**
 * Every password a person chooses (sign up, invitation, change, reset): the length rules and the
 * policy, each broken rule reported under its own name (minLength, maxLength, notBlank,
 * notOneCharacter, notCommon).
 */
export function IsAcceptablePassword(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MinLength(PASSWORD_MIN_LENGTH, { message: `$property must be at least ${PASSWORD_MIN_LENGTH} characters long` }),
    MaxLength(PASSWORD_MAX_LENGTH, { message: `$property must be at most ${PASSWORD_MAX_LENGTH} characters long` }),
    policyRule('notBlank'),
    policyRule('notOneCharacter'),
    policyRule('notCommon'),
  );
}
