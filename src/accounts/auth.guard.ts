import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { IS_PUBLIC, MIN_ROLE, ROLE_RANK, type Caller, type CallerSession } from './caller.js';
import type { Role } from './user.entity.js';
import { assertCsrf, parseCookies, SAFE_METHODS, SESSION_COOKIE } from './session-cookie.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TokenClaims {
  sub: string;
  org: string;
  /** The user's token version when the token was issued: a password change or reset raises it. */
  ver: number;
  /** Standard claims set by jsonwebtoken: the token's id and expiry (seconds). */
  jti?: string;
  exp?: number;
}

const INVALID = 'The access token is invalid or expired: log in again';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public().
 * The member's row is read on each request (one indexed query), so a changed role applies at once,
 * and a session ends as soon as its member is removed, their password changes (the token's version
 * is no longer the user's) or it is logged out (its id is in revoked_tokens).
 * @RequireRole() then checks the least role.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const caller = req.caller ?? (await this.authenticate(req));
    req.caller = caller;
    const minRole = this.reflector.getAllAndOverride<Role | undefined>(MIN_ROLE, targets);
    if (minRole && ROLE_RANK[caller.role] < ROLE_RANK[minRole]) {
      throw new DomainError(ErrorCode.Forbidden, `This needs the ${minRole} role; you are ${caller.role}`);
    }
    return true;
  }

  private async authenticate(req: Request): Promise<Caller> {
    const header = req.headers.authorization;
    let token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    let via: CallerSession['via'] = 'bearer';
    if (!token) {
      via = 'cookie';
      // Pages of the web interface: the same token in an httpOnly cookie, with CSRF protection.
      const cookies = parseCookies(req.headers.cookie);
      token = cookies[SESSION_COOKIE];
      if (token && !SAFE_METHODS.has(req.method)) assertCsrf(req, cookies);
    }
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, 'Send a bearer token: Authorization: Bearer <accessToken>');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new DomainError(ErrorCode.Unauthenticated, INVALID);
    }
    return this.callerFor(claims, via);
  }

  /** One indexed lookup per request, in plain SQL (TypeORM's query building cost more than the query). */
  async callerFor(claims: TokenClaims, via: CallerSession['via']): Promise<Caller> {
    const { sub, org, ver, jti, exp } = claims;
    if (!UUID.test(String(sub)) || !UUID.test(String(org)) || !UUID.test(String(jti)) || !Number.isInteger(ver) || !Number.isInteger(exp)) {
      throw new DomainError(ErrorCode.Unauthenticated, INVALID);
    }
    const rows = (await this.ds.query(
      `SELECT u.id, u.organisation_id, u.role, u.email, u.token_version = $3 AS current,
              EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.jti = $4) AS revoked
         FROM users u WHERE u.id = $1 AND u.organisation_id = $2 AND u.password_hash IS NOT NULL`,
      [sub, org, ver, jti],
    )) as Array<{ id: string; organisation_id: string; role: Role; email: string; current: boolean; revoked: boolean }>;
    const user = rows[0];
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, 'This account no longer exists: log in again');
    if (!user.current) throw new DomainError(ErrorCode.Unauthenticated, 'This session has ended (the password was changed): log in again');
    if (user.revoked) throw new DomainError(ErrorCode.Unauthenticated, 'This session has ended (logged out): log in again');
    return {
      userId: user.id,
      organisationId: user.organisation_id,
      role: user.role,
      email: user.email,
      session: { id: jti!, expiresAt: new Date(exp! * 1000), via },
    };
  }
}
