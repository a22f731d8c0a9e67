import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { IS_PUBLIC, MIN_ROLE, ROLE_RANK, type Caller } from './caller.js';
import type { Role } from './user.entity.js';
import { assertCsrf, parseCookies, SAFE_METHODS, SESSION_COOKIE } from './session-cookie.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TokenClaims {
  sub: string;
  org: string;
}

/**
 * Global guard: every route needs a valid bearer token unless marked @Public().
 * The role is read from the database on each request, so a changed or removed member
 * loses access at once. @RequireRole() then checks the least role.
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
    if (!token) {
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
      throw new DomainError(ErrorCode.Unauthenticated, 'The access token is invalid or expired: log in again');
    }
    return this.callerFor(claims);
  }

  /** One indexed lookup per request, in plain SQL (TypeORM's query building cost more than the query). */
  async callerFor(claims: TokenClaims): Promise<Caller> {
    if (!UUID.test(String(claims.sub)) || !UUID.test(String(claims.org))) {
      throw new DomainError(ErrorCode.Unauthenticated, 'The access token is invalid or expired: log in again');
    }
    const rows = (await this.ds.query(
      'SELECT id, organisation_id, role, email FROM users WHERE id = $1 AND organisation_id = $2 AND password_hash IS NOT NULL',
      [claims.sub, claims.org],
    )) as Array<{ id: string; organisation_id: string; role: Role; email: string }>;
    const user = rows[0];
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, 'This account no longer exists: log in again');
    return { userId: user.id, organisationId: user.organisation_id, role: user.role, email: user.email };
  }
}
