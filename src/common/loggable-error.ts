/**
 * What may be logged of an error: its type, message, code and stack, never the values a query
 * carried. TypeORM's QueryFailedError keeps the query's parameters (e-mails, answers, password
 * hashes), and PostgreSQL quotes the offending value in some messages ("invalid input syntax for
 * type integer: "..."): both are redacted.
 */
export function redactParameters(text: string, parameters: readonly unknown[] | undefined): string {
  let out = text;
  for (const p of parameters ?? []) {
    const value = typeof p === 'string' ? p : p === null || p === undefined ? '' : JSON.stringify(p);
    if (value && value.length >= 3) out = out.split(value).join('[redacted]');
  }
  return out;
}

export function loggableError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const e = error as Error & { parameters?: unknown[]; query?: string; code?: unknown; driverError?: { code?: unknown } };
  if (!Array.isArray(e.parameters)) return error;
  return {
    type: e.name,
    message: redactParameters(e.message, e.parameters),
    code: e.driverError?.code ?? e.code,
    query: typeof e.query === 'string' ? e.query.replace(/\s+/g, ' ').slice(0, 500) : undefined,
    stack: e.stack ? redactParameters(e.stack, e.parameters) : undefined,
  };
}
