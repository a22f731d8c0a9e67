import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/app.setup.js';

/**
 * A real app on a real, throw-away database:
 * - no DATABASE_URL: an in-memory embedded PGlite, migrated at start like the default;
 * - DATABASE_URL set: a fresh PostgreSQL database created for this app (and dropped at close),
 *   migrated with MIGRATE_ON_START=true.
 */
export interface TestApp {
  app: INestApplication;
  http: App;
  /** The PostgreSQL URL of this app's own database, when running against a server. */
  databaseUrl?: string;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
export const onPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

export interface TestAppOptions {
  env?: Record<string, string | undefined>;
  /** PostgreSQL only: create the database but apply no migrations (MIGRATE_ON_START unset). */
  migrate?: boolean;
  /** A second instance: serve the database of this app (which keeps owning it and drops it at its close). */
  attachTo?: TestApp;
}

export async function createFreshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('createFreshDatabase needs DATABASE_URL');
  const name = `fi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Builds the app exactly as main.ts does, without listening on a port. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const saved = { ...process.env };
  let fresh: { url: string; drop(): Promise<void> } | undefined;
  process.env.JWT_SECRET = TEST_JWT_SECRET;
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.LOGIN_RATE_LIMIT ??= '1000';
  if (options.attachTo) {
    if (!options.attachTo.databaseUrl) throw new Error('attachTo needs an app on a database server (databaseUrl)');
    process.env.DATABASE_URL = options.attachTo.databaseUrl;
    process.env.MIGRATE_ON_START = 'true';
  } else if (onPostgres()) {
    fresh = await createFreshDatabase();
    process.env.DATABASE_URL = fresh.url;
    process.env.MIGRATE_ON_START = options.migrate === false ? 'false' : 'true';
  } else {
    process.env.DATA_DIR = 'memory://';
  }
  Object.assign(process.env, options.env ?? {});
  for (const [k, v] of Object.entries(options.env ?? {})) if (v === undefined) delete process.env[k];
  try {
    const moduleRef = await Test.createTestingModule({ imports: [await AppModule.forRoot()] }).compile();
    const app = moduleRef.createNestApplication({ bodyParser: false });
    configureApp(app);
    await app.init();
    return {
      app,
      http: app.getHttpServer() as App,
      databaseUrl: fresh?.url ?? options.attachTo?.databaseUrl,
      close: async () => {
        await app.close();
        await fresh?.drop();
      },
    };
  } catch (e) {
    await fresh?.drop();
    throw e;
  } finally {
    process.env = saved;
  }
}

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${counter}.${randomBytes(3).toString('hex')}@example.org`;
}

export interface Account {
  token: string;
  userId: string;
  organisationId: string;
  email: string;
  password: string;
}

export async function register(http: App, organisationName = 'Ville de Test', extra: Record<string, unknown> = {}): Promise<Account> {
  const email = uniqueEmail('owner');
  const password = 'correct horse battery';
  const res = await request(http)
    .post('/api/v1/auth/register')
    .send({ email, password, organisationName, ...extra })
    .expect(201);
  return {
    token: res.body.accessToken,
    userId: res.body.user.id,
    organisationId: res.body.organisation.id,
    email,
    password,
  };
}

/** An owner invites a member with a role; the member accepts and gets a token. */
export async function addMember(http: App, owner: Account, role: 'owner' | 'editor' | 'viewer'): Promise<Account> {
  const email = uniqueEmail(role);
  const password = 'another good password';
  const inv = await request(http)
    .post('/api/v1/organisation/members')
    .set('Authorization', `Bearer ${owner.token}`)
    .send({ email, role })
    .expect(201);
  const acc = await request(http).post('/api/v1/auth/accept-invitation').send({ token: inv.body.invitationToken, password }).expect(200);
  return { token: acc.body.accessToken, userId: acc.body.user.id, organisationId: owner.organisationId, email, password };
}

export const bearer = (a: Account) => ({ Authorization: `Bearer ${a.token}` });
