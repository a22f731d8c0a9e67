import { DomainError, ErrorCode } from './domain-error.js';

/**
 * Errors of the database that are not the client's fault, mapped to problems a client can act on:
 * the server is gone, refuses connections, is restarting or saturated, a statement or lock wait ran
 * past its time limit (503, retry shortly); its disk is full (507: nothing was saved). PostgreSQL's
 * own error codes (SQLSTATE) and pg's connection errors; anything else stays an unexpected 500.
 */
const UNAVAILABLE_SQLSTATE = new Set([
  '53000', // insufficient_resources
  '53200', // out_of_memory
  '53300', // too_many_connections
  '57014', // query_canceled (statement_timeout)
  '55P03', // lock_not_available (lock_timeout)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);
const DISK_FULL = '53100';
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const POOL_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Query read timeout/i,
  /Client has encountered a connection error/i,
  /Cannot use a pool after calling end/i,
];

export function databaseProblem(exception: unknown): DomainError | undefined {
  const err = exception as { code?: unknown; driverError?: { code?: unknown; message?: unknown }; message?: unknown } | null;
  if (!err || typeof err !== 'object') return undefined;
  const code = String(err.driverError?.code ?? err.code ?? '');
  const message = String(err.driverError?.message ?? err.message ?? '');
  if (code === DISK_FULL) {
    return new DomainError(
      ErrorCode.StorageFull,
      'The database has run out of disk space: nothing was saved. Try again once space is freed.',
    );
  }
  if (UNAVAILABLE_SQLSTATE.has(code) || code.startsWith('08') || NETWORK_CODES.has(code) || POOL_MESSAGES.some((re) => re.test(message))) {
    return new DomainError(
      ErrorCode.DatabaseUnavailable,
      'The database is unavailable or too slow to answer: nothing was changed. Try again in a moment.',
      {
        retryAfterSeconds: 5,
      },
    );
  }
  return undefined;
}
