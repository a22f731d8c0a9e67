import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, ErrorCode, type FieldError } from './domain-error.js';

/** Flattens class-validator's tree into one entry per field and rule, with dotted paths. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const [rule, message] of Object.entries(e.constraints ?? {})) {
      out.push({ field, rule: rule === 'whitelistValidation' ? 'unknownField' : rule, message });
    }
    if (e.children?.length) out.push(...toFieldErrors(e.children, field));
  }
  return out;
}

export function validationProblem(errors: FieldError[]): DomainError {
  const detail = errors.length === 1 ? errors[0].message : `${errors.length} problems: ${errors.map((e) => e.message).join('; ')}`;
  return new DomainError(ErrorCode.InvalidInput, detail, {}, errors);
}

/** The one validation pipe: unknown fields are refused, values are transformed to DTO types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationProblem(toFieldErrors(errors)),
  });
}
