import type { Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError, ErrorCode } from '../common/domain-error.js';

/**
 * Sessions of the web interface. The access token travels in an httpOnly cookie (SameSite=Lax,
 * Secure over https), so page scripts never see it. State-changing requests authenticated by
 * that cookie must also carry the CSRF token (double submit: the readable `fi_csrf` cookie echoed
 * in the `x-csrf-token` header or a `_csrf` form field).
 */
export const SESSION_COOKIE = 'fi_session';
export const CSRF_COOKIE = 'fi_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    if (!name || name in out) continue;
    try {
      out[name] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      out[name] = part.slice(i + 1).trim();
    }
  }
  return out;
}

export function assertCsrf(req: Request, cookies: Record<string, string> = parseCookies(req.headers.cookie)): void {
  const expected = cookies[CSRF_COOKIE];
  const header = req.headers[CSRF_HEADER];
  const body = (req.body as { _csrf?: unknown } | undefined)?._csrf;
  const given = typeof header === 'string' ? header : typeof body === 'string' ? body : undefined;
  if (!expected || !given || expected.length !== given.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(given))) {
    throw new DomainError(ErrorCode.Forbidden, 'Missing or wrong CSRF token: reload the page and try again');
  }
}

function secure(req: Request): boolean {
  return req.secure || req.headers['x-forwarded-proto'] === 'https';
}

/** Opens a session: the token cookie (httpOnly) and a fresh CSRF cookie (readable by page scripts). */
export function setSessionCookies(req: Request, res: Response, accessToken: string, maxAgeSeconds: number): string {
  const csrf = randomBytes(24).toString('base64url');
  const common = { sameSite: 'lax' as const, secure: secure(req), path: '/', maxAge: maxAgeSeconds * 1000 };
  res.cookie(SESSION_COOKIE, accessToken, { ...common, httpOnly: true });
  res.cookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
  return csrf;
}

export function clearSessionCookies(req: Request, res: Response): void {
  const common = { sameSite: 'lax' as const, secure: secure(req), path: '/' };
  res.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  res.clearCookie(CSRF_COOKIE, common);
}

/** A CSRF cookie for anonymous forms (sign up, log in), so those forms are protected too. */
export function ensureCsrfCookie(req: Request, res: Response): string {
  const existing = parseCookies(req.headers.cookie)[CSRF_COOKIE];
  if (existing) return existing;
  const csrf = randomBytes(24).toString('base64url');
  res.cookie(CSRF_COOKIE, csrf, { sameSite: 'lax', secure: secure(req), path: '/', httpOnly: false });
  return csrf;
}
