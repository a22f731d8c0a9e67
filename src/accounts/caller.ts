import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from './user.entity.js';

/** Who is calling: every tenant-owned query is scoped by `organisationId`. */
export interface Caller {
  userId: string;
  organisationId: string;
  role: Role;
  email: string;
  /** The session the request came in (absent for callers that are not requests, such as the report CLI). */
  session?: CallerSession;
}

export interface CallerSession {
  /** The token's id (jti): logging out revokes it. */
  id: string;
  /** When the token expires anyway. */
  expiresAt: Date;
  /** How the token came: the Authorization header, or the web interface's session cookie. */
  via: 'bearer' | 'cookie';
}

export const IS_PUBLIC = 'isPublic';
/** Opens a route to anonymous callers (register, login, health...). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const MIN_ROLE = 'minRole';
/** The least role allowed: viewer < editor < owner. Routes without it accept any member. */
export const RequireRole = (role: Role) => SetMetadata(MIN_ROLE, role);

export const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const req = ctx.switchToHttp().getRequest<{ caller?: Caller }>();
  if (!req.caller) throw new Error('CurrentCaller used on a public route');
  return req.caller;
});
