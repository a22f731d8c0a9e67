import type { PipeTransform } from '@nestjs/common';
import { validationProblem } from '../common/validation.js';

const SECTION_ID = /^[a-z0-9][a-z0-9_.-]{0,99}$/i;

/** A section id in a path: letters, digits, `_`, `.`, `-`, at most 100 characters (else a 400 naming `sectionId`). */
export const sectionIdPipe: PipeTransform<unknown, string> = {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !SECTION_ID.test(value)) {
      throw validationProblem([
        { field: 'sectionId', rule: 'isSectionId', message: 'sectionId must be 1 to 100 letters, digits, "_", "." or "-"' },
      ]);
    }
    return value;
  },
};
