import 'reflect-metadata';
import type { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import type { DatabaseConfig } from '../config/app.config.js';
import type { ClusterConnection } from './embedded-cluster.js';
import { DatabaseLogger } from './database-logger.js';
import { ENTITIES } from './entities.js';

/**
 * The one DataSource definition, shared by the Nest app and the TypeORM CLI. Always PostgreSQL
 * through `pg`:
 * - DATABASE_URL set: that server;
 * - otherwise: the embedded PostgreSQL server under DATA_DIR (embedded-cluster.ts), reached on its
 *   Unix socket with its generated password.
 * Same entities, same migrations, same SQL, same timeouts on both.
 */
export function buildDataSourceOptions(db: DatabaseConfig, embedded?: ClusterConnection): DataSourceOptions {
  if (!db.url && !embedded) throw new Error('buildDataSourceOptions: the embedded server must be started first (no DATABASE_URL)');
  const target = db.url
    ? { url: db.url }
    : { host: embedded!.host, port: embedded!.port, username: embedded!.user, password: embedded!.password, database: embedded!.database };
  return {
    type: 'postgres',
    ...target,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn', 'migration'],
    logger: new DatabaseLogger(),
    maxQueryExecutionTime: 1_000,
    applicationName: 'fresque-impact',
    poolSize: db.poolSize,
    extra: {
      // A request never waits long on the database: a dead or saturated server fails it in seconds (503).
      connectionTimeoutMillis: db.connectTimeoutMs,
      statement_timeout: db.statementTimeoutMs,
      query_timeout: db.statementTimeoutMs + 2_000,
      lock_timeout: db.statementTimeoutMs,
      idle_in_transaction_session_timeout: 60_000,
      keepAlive: true,
    },
  };
}

export function isEmbedded(db: DatabaseConfig): boolean {
  return !db.url;
}

/** Thrown when a PostgreSQL server has migrations that have not been applied: the service refuses to serve. */
export class PendingMigrationsError extends Error {
  constructor(pending: string[]) {
    super(
      `The database has ${pending.length} pending migration(s): ${pending.join(', ')}. ` +
        'Run `npm run migration:run` (the deploy step), or start with MIGRATE_ON_START=true.',
    );
    this.name = 'PendingMigrationsError';
  }
}

/** Arbitrary constant identifying this service's migration lock. */
const MIGRATION_LOCK_KEY = 7_300_412_911;

/**
 * Brings the schema up to date at start, or refuses to serve:
 * - embedded: migrations run automatically (one service owns the data folder);
 * - PostgreSQL: pending migrations stop the start, unless MIGRATE_ON_START=true, which runs them.
 * Migrations run under a PostgreSQL advisory lock, so that two instances starting together never
 * race. (A migration that needs longer than the statement timeout sets its own with SET LOCAL.)
 */
export async function prepareSchema(ds: DataSource, db: DatabaseConfig): Promise<void> {
  if (isEmbedded(db) || db.migrateOnStart) {
    await runMigrationsLocked(ds);
    return;
  }
  const pending = await pendingMigrations(ds);
  if (pending.length > 0) throw new PendingMigrationsError(pending);
}

export async function runMigrationsLocked(ds: DataSource): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

export async function pendingMigrations(ds: DataSource): Promise<string[]> {
  const table = ds.options.migrationsTableName ?? 'migrations';
  const exists = (await ds.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [table])) as Array<{ present: boolean }>;
  const applied = new Set<string>();
  if (exists[0]?.present) {
    const rows = (await ds.query(`SELECT name FROM "${table}"`)) as Array<{ name: string }>;
    rows.forEach((r) => applied.add(r.name));
  }
  return ds.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
}
