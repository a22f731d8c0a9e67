import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { AuthGuard, type TokenClaims } from '../accounts/auth.guard.js';
import type { Caller } from '../accounts/caller.js';
import { CSRF_COOKIE, parseCookies, SESSION_COOKIE } from '../accounts/session-cookie.js';

/**
 * Reads the page session on public pages (log in, sign up...), where the global guard does not run:
 * the same cookie, checked the same way (signature, then the member still exists and the session
 * has not ended).
 */
@Injectable()
export class WebSession implements OnModuleInit {
  private jwt!: JwtService;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly guard: AuthGuard,
  ) {}

  onModuleInit(): void {
    // The JwtService configured by the accounts module (not exported: looked up across modules).
    this.jwt = this.moduleRef.get(JwtService, { strict: false });
  }

  async callerOf(req: Request): Promise<Caller | null> {
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (!token) return null;
    try {
      return await this.guard.callerFor(await this.jwt.verifyAsync<TokenClaims>(token), 'cookie');
    } catch {
      return null;
    }
  }
}

/** The CSRF token of this browser (set at log in, or by ensureCsrfCookie on anonymous forms). */
export function csrfOf(req: Request): string {
  return parseCookies(req.headers.cookie)[CSRF_COOKIE] ?? '';
}

/** A local path to go back to after logging in; anything else (other hosts, `//x`, `/\x`) is refused. */
export function safeNext(value: unknown, fallback = '/dashboard'): string {
  if (typeof value !== 'string' || value.length > 500) return fallback;
  if (!/^\/(?![/\\])[^\s\\]*$/.test(value)) return fallback;
  return value;
}
