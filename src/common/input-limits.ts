import { DomainError, ErrorCode, type FieldError } from './domain-error.js';

/**
 * One rule for every text a client sends, in JSON bodies, forms, query strings and paths, checked
 * before any transform or validation: PostgreSQL cannot store U+0000, and an unpaired surrogate is
 * not Unicode (PostgreSQL would store U+FFFD instead, silently), so both are refused with a 400
 * naming the field. The shape of a body is bounded too: nesting depth and the number of fields
 * (class-transformer's work grows with the square of the fields: a 1 MB body of 80,000 keys held the
 * event loop for seconds).
 */
export const MAX_JSON_BYTES = 64 * 1024;
export const MAX_DEPTH = 16;
export const MAX_FIELDS = 1_000;

/** Characters that hide or reorder text: zero-width, direction marks and overrides, isolates, BOM, soft hyphen. */
export const INVISIBLE_CHARACTERS = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

/** The first problem of a string, or undefined. */
export function textProblem(field: string, text: string): FieldError | undefined {
  if (text.includes('\u0000')) {
    return { field, rule: 'storableText', message: `${field} must not contain the NUL character (U+0000), which cannot be stored` };
  }
  if (!text.isWellFormed()) {
    return { field, rule: 'wellFormedUnicode', message: `${field} must be well-formed Unicode text (it contains an unpaired surrogate)` };
  }
  return undefined;
}

/**
 * Walks a parsed body (or query, or form) without recursion: strings (keys included) must pass
 * `textProblem`, depth and field count stay within bounds. Throws the problem to answer.
 */
export function assertAcceptableInput(value: unknown, root = ''): void {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  let fields = 0;
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(path || 'body', v);
      if (problem) throw fieldProblem(ErrorCode.InvalidInput, problem);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      throw fieldProblem(ErrorCode.InvalidInput, {
        field: path || 'body',
        rule: 'maxDepth',
        message: `${path || 'the body'} nests more than ${MAX_DEPTH} levels deep`,
      });
    }
    const entries = Array.isArray(v) ? v.map((item, i) => [String(i), item] as const) : Object.entries(v);
    fields += entries.length;
    if (fields > MAX_FIELDS) {
      throw fieldProblem(ErrorCode.PayloadTooLarge, {
        field: root || 'body',
        rule: 'maxFields',
        message: `${root || 'the body'} has more than ${MAX_FIELDS} fields`,
      });
    }
    for (const [key, item] of entries) {
      const path2 = Array.isArray(v) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      const keyProblem = Array.isArray(v) ? undefined : textProblem(`${path ? `${path}.` : ''}(a field name)`, key);
      if (keyProblem) throw fieldProblem(ErrorCode.InvalidInput, keyProblem);
      stack.push({ value: item, path: path2, depth: depth + 1 });
    }
  }
}

/** The path of a URL, decoded: malformed percent-escapes and the text rule give a 400. */
export function assertAcceptablePath(rawPath: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw fieldProblem(ErrorCode.InvalidInput, { field: 'path', rule: 'percentEncoding', message: 'path has a malformed percent-escape' });
  }
  const problem = textProblem('path', decoded);
  if (problem) throw fieldProblem(ErrorCode.InvalidInput, problem);
}

function fieldProblem(code: ErrorCode, error: FieldError): DomainError {
  return new DomainError(code, error.message, {}, [error]);
}
