import type { FieldError } from './domain-error.js';

/** RFC 9457 problem details, as every error of the API is returned. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `urn:fresque-impact:problem:${code}`;
}
