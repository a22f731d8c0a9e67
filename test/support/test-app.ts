import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/app.setup.js';

/**
 * A real app on a real, throw-away database: a fresh PostgreSQL database created for this app (and
 * dropped at close) on the run's server, which is the embedded cluster started once by the global
 * set-up, or the server of DATABASE_URL. New databases are copies of a template migrated once per
 * set of migrations, so no test file pays the migrations; the app still checks them at start
 * (MIGRATE_ON_START=true finds nothing pending).
 * `embedded: { dataDir }` instead starts the app exactly as `npm start` does with no DATABASE_URL:
 * its own embedded server on that data folder (the lifecycle tests).
 */
export interface TestApp {
  app: INestApplication;
  http: App;
  /** The PostgreSQL URL of this app's own database. */
  databaseUrl?: string;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
/** True when the run's server is an external PostgreSQL (DATABASE_URL), false on the embedded cluster. */
export const onPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

export interface TestAppOptions {
  env?: Record<string, string | undefined>;
  /** Create the database but apply no migrations (MIGRATE_ON_START unset). */
  migrate?: boolean;
  /** Start the service's own embedded server on this data folder instead of a database of the run's server. */
  embedded?: { dataDir: string };
  /** A second instance: serve the database of this app (which keeps owning it and drops it at its close). */
  attachTo?: TestApp;
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('No test database server: the global set-up (test/support/global-setup.mjs) did not run');
  return url;
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** A template database per set of migrations, migrated once (under a lock: test files start together). */
async function migratedTemplate(): Promise<string> {
  // Named after the migrations' code: a changed migration gets a new template, also on a long-lived server.
  const code = MIGRATIONS.map((m) => `${m.name}\n${m.toString()}`).join('\n');
  const template = `fi_template_${createHash('sha256').update(code).digest('hex').slice(0, 12)}`;
  await withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock(7300412913)');
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (found.rowCount) return;
      const building = `${template}_${randomBytes(3).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${building}`);
      const ds = new DataSource({
        type: 'postgres',
        url: databaseUrl(building),
        migrations: MIGRATIONS,
        migrationsTableName: 'migrations',
      });
      await ds.initialize();
      try {
        await ds.runMigrations({ transaction: 'each' });
      } finally {
        await ds.destroy();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(7300412913)');
    }
  });
  return template;
}

/** A new database on the run's server: migrated (a copy of the template) unless `empty`. */
export async function createFreshDatabase(options: { empty?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `fi_test_${randomBytes(6).toString('hex')}`;
  const template = options.empty ? undefined : await migratedTemplate();
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  return {
    url: databaseUrl(name),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Builds the app exactly as main.ts does, without listening on a port. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const saved = { ...process.env };
  let fresh: { url: string; drop(): Promise<void> } | undefined;
  process.env.JWT_SECRET = TEST_JWT_SECRET;
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.LOGIN_RATE_LIMIT ??= '1000';
  if (options.embedded) {
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = options.embedded.dataDir;
  } else if (options.attachTo) {
    if (!options.attachTo.databaseUrl) throw new Error('attachTo needs an app on a database server (databaseUrl)');
    process.env.DATABASE_URL = options.attachTo.databaseUrl;
    process.env.MIGRATE_ON_START = 'true';
  } else {
    fresh = await createFreshDatabase({ empty: options.migrate === false });
    process.env.DATABASE_URL = fresh.url;
    process.env.MIGRATE_ON_START = options.migrate === false ? 'false' : 'true';
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
