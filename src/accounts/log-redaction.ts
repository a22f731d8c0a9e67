/**
 * Secrets that travel in URLs (the invitation and reset links, `?token=...`; a calendar feed's
 * secret path) never reach the logs: the request serialiser of the HTTP logger passes every URL
 * through here.
 */
const SECRET_QUERY = /([?&](?:token|secret|resetToken|invitationToken)=)[^&#]*/gi;
const SECRET_PATH = /(\/api\/v1\/calendar\/)[^/?#]+/gi;
const SECRET_KEYS = new Set(['token', 'secret', 'resettoken', 'invitationtoken']);
export const REDACTED = '[redacted]';

export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, `$1${REDACTED}`).replace(SECRET_PATH, `$1${REDACTED}`);
}

function redactValues(values: unknown): unknown {
  if (!values || typeof values !== 'object') return values;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, SECRET_KEYS.has(k.toLowerCase()) ? REDACTED : v]));
}

interface LoggedRequest {
  url?: unknown;
  query?: unknown;
  params?: unknown;
  headers?: Record<string, unknown>;
}

/**
 * For pino-http's `serializers.req`: gets the standard serialised request and returns it with the
 * URL, the query, the route parameters and the Referer redacted. Never mutates what it was given
 * beyond its own top-level fields (query, params and headers are the live request's objects).
 */
export function redactRequestForLog<T extends LoggedRequest>(req: T): T {
  if (typeof req.url === 'string') req.url = redactUrl(req.url);
  if (req.query !== undefined) req.query = redactValues(req.query);
  if (req.params !== undefined) req.params = redactValues(req.params);
  const referer = req.headers?.referer;
  if (typeof referer === 'string') req.headers = { ...req.headers, referer: redactUrl(referer) };
  return req;
}
