import {
  applyDecorators,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  SetMetadata,
  UseGuards,
  type DynamicModule,
  type ExecutionContext,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  normalizeIp,
  ThrottlerGuard,
  ThrottlerModule,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app.config.js';

/** What the throttler's storage answers (the package does not export this interface). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;
import type { Caller } from './caller.js';

/**
 * Rate limits, one mechanism for the whole service: @nestjs/throttler's guard with its counters kept
 * in PostgreSQL (the `rate_limits` table), so every instance behind a load balancer spends the same
 * budget. A route names the budget it spends with @RateLimit(bucket); routes that name the same
 * bucket share it (the API's log-in and the web log-in form spend one budget).
 *
 * Budgets, with L = LOGIN_RATE_LIMIT (10 by default), in fixed windows:
 * - account: L attempts a minute per client address and normalised e-mail (trim + lower case, so
 *   "A@x.org " and "a@x.org" are one budget), or per user for signed-in routes;
 * - address: 10 x L a minute per client address (many accounts tried from one place);
 * - organisation: 5 x L an hour per organisation (invitations and reset links an owner issues).
 * Past a budget the answer is a 429 problem with Retry-After, for as long again as the window.
 * The client address is Express's `req.ip`: X-Forwarded-For counts only from the proxies listed in
 * TRUST_PROXY.
 */
export type RateLimitBucket = 'login' | 'signup' | 'token' | 'password' | 'member-links';
type ThrottlerName = 'account' | 'address' | 'organisation';

const BUCKETS: Record<RateLimitBucket, readonly ThrottlerName[]> = {
  /** POST /api/v1/auth/login and the web log-in form. */
  login: ['account', 'address'],
  /** POST /api/v1/auth/register and the web sign-up form. */
  signup: ['account', 'address'],
  /** Accepting an invitation or using a reset link (API and web): a token is guessed only by address. */
  token: ['address'],
  /** Changing one's password: guessing the current one with a stolen session. */
  password: ['account'],
  /** Invitations and reset links an owner issues. */
  'member-links': ['organisation'],
};

const BUCKET_KEY = 'rateLimitBucket';

/** The route spends this budget (and is guarded by it). */
export const RateLimit = (bucket: RateLimitBucket) => applyDecorators(SetMetadata(BUCKET_KEY, bucket), UseGuards(RateLimitGuard));

const bucketOf = (ctx: ExecutionContext): RateLimitBucket | undefined =>
  Reflect.getMetadata(BUCKET_KEY, ctx.getHandler()) as RateLimitBucket | undefined;

/** The e-mail a budget is kept for: as the accounts are (trimmed, lower case). */
export function normaliseEmail(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

type TrackedRequest = { ip?: string; body?: { email?: unknown }; caller?: Caller };

export function rateLimitOptions(loginRateLimit: number, storage: ThrottlerStorage): ThrottlerModuleOptions {
  const applies = (name: ThrottlerName) => (ctx: ExecutionContext) => !BUCKETS[bucketOf(ctx) ?? ('' as RateLimitBucket)]?.includes(name);
  const address = (req: TrackedRequest) => normalizeIp(String(req.ip ?? ''));
  return {
    storage,
    setHeaders: false,
    // One key per bucket, throttler and tracker (not per controller method as by default), hashed:
    // e-mails are not stored in the table.
    generateKey: (ctx, tracker, name) =>
      createHash('sha256')
        .update(`${bucketOf(ctx) ?? 'none'}\u0000${name}\u0000${tracker}`)
        .digest('hex'),
    throttlers: [
      {
        name: 'account',
        ttl: 60_000,
        limit: loginRateLimit,
        skipIf: applies('account'),
        getTracker: (req: TrackedRequest) =>
          req.caller ? `user:${req.caller.userId}` : `${address(req)}|${normaliseEmail(req.body?.email)}`,
      },
      { name: 'address', ttl: 60_000, limit: loginRateLimit * 10, skipIf: applies('address'), getTracker: address },
      {
        name: 'organisation',
        ttl: 3_600_000,
        limit: loginRateLimit * 5,
        skipIf: applies('organisation'),
        getTracker: (req: TrackedRequest) => `organisation:${req.caller?.organisationId ?? ''}`,
      },
    ],
  };
}

/** The throttler, configured for this service, counting in PostgreSQL. */
export function rateLimitModule(): DynamicModule {
  return ThrottlerModule.forRootAsync({
    inject: [ConfigService, getDataSourceToken()],
    useFactory: (config: ConfigService, ds: DataSource) =>
      rateLimitOptions(config.getOrThrow<AppConfig>('app').loginRateLimit, new PostgresThrottlerStorage(ds)),
  });
}

/** The throttler's guard, answering a 429 problem with a plain Retry-After header (seconds). */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    const wait = seconds <= 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
    throw new HttpException(
      { error: 'Too many requests', message: `Too many attempts: try again in ${wait}.` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

const SWEEP_EVERY_MS = 60_000;

/**
 * Counters in the `rate_limits` table: one atomic upsert per request and budget, so instances
 * sharing the database share the counts. A key counts hits in a fixed window of `ttl`; the hit past
 * `limit` blocks the key for `blockDuration`, during which hits are not counted; the first hit after
 * a window or a block opens a new window. Times are the database's clock, the same for every
 * instance. Expired rows are deleted at most once a minute per instance.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimits');
  private nextSweep = 0;

  constructor(private readonly ds: DataSource) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    await this.sweep();
    const rows = (await this.ds.query(
      `INSERT INTO rate_limits AS r (key, hits, window_ends_at, blocked_until)
       VALUES ($1, 1, now() + $2::int * interval '1 millisecond', NULL)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE
           WHEN r.blocked_until > now() THEN r.hits
           WHEN r.blocked_until IS NOT NULL OR r.window_ends_at <= now() THEN 1
           ELSE r.hits + 1 END,
         window_ends_at = CASE
           WHEN r.blocked_until > now() THEN r.window_ends_at
           WHEN r.blocked_until IS NOT NULL OR r.window_ends_at <= now() THEN excluded.window_ends_at
           ELSE r.window_ends_at END,
         blocked_until = CASE
           WHEN r.blocked_until > now() THEN r.blocked_until
           WHEN r.blocked_until IS NULL AND r.window_ends_at > now() AND r.hits + 1 > $3::int
             THEN now() + $4::int * interval '1 millisecond'
           ELSE NULL END
       RETURNING hits,
         ceil(extract(epoch FROM window_ends_at - now()))::int AS expires_in,
         ceil(extract(epoch FROM coalesce(blocked_until, now()) - now()))::int AS blocked_for`,
      [key, Math.round(ttl), Math.round(limit), Math.round(blockDuration)],
    )) as Array<{ hits: number; expires_in: number; blocked_for: number }>;
    const { hits, expires_in, blocked_for } = rows[0];
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, expires_in),
      isBlocked: blocked_for > 0,
      timeToBlockExpire: Math.max(0, blocked_for),
    };
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    await this.ds
      .query(`DELETE FROM rate_limits WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`)
      .catch((err: unknown) => this.logger.warn({ err }, 'Could not delete expired rate-limit counters'));
  }
}
