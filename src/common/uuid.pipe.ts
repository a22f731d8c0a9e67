import { ParseUUIDPipe } from '@nestjs/common';
import { validationProblem } from './validation.js';

/** A path id that is not a uuid is a 400 naming the parameter, never a database error. */
export function uuidPipe(param: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    version: undefined,
    exceptionFactory: () => validationProblem([{ field: param, rule: 'isUuid', message: `${param} must be a UUID` }]),
  });
}
