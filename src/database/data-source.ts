import 'reflect-metadata';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { IN_MEMORY, type DatabaseConfig } from '../config/app.config.js';
import { ENTITIES } from './entities.js';
import { readSeed } from './pglite-seed.js';
import { serialisedPgliteDriver } from './serialised-pglite.driver.js';

/**
 * The one DataSource definition, shared by the Nest app and the TypeORM CLI.
 * - DATABASE_URL set: that PostgreSQL server through `pg`.
 * - Otherwise: embedded PGlite (PostgreSQL compiled to WebAssembly) with its data under
 *   DATA_DIR/pglite, or in memory when `dataDir` is `memory://` (throw-away test databases).
 * Same entities, same migrations, same SQL on both.
 */
export function buildDataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['error' as const],
  };
  if (db.url) {
    return { ...common, url: db.url, poolSize: 10, applicationName: 'fresque-impact' };
  }
  const inMemory = db.dataDir === IN_MEMORY;
  let dataDir: string | undefined;
  if (!inMemory) {
    dataDir = join(db.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  // A new database starts from the initialised seed (1 s) rather than running initdb (6 s).
  const isNew = inMemory || !existsSync(join(dataDir!, 'PG_VERSION'));
  const loadDataDir = isNew ? readSeed() : undefined;
  return {
    ...common,
    driver: serialisedPgliteDriver({ dataDir, ...(loadDataDir ? { loadDataDir } : {}) }),
    installExtensions: false,
  } as DataSourceOptions;
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
 * - embedded: migrations run automatically (one process owns the data folder);
 * - PostgreSQL: pending migrations stop the start, unless MIGRATE_ON_START=true, which runs them
 *   under a PostgreSQL advisory lock so that two instances starting together never race.
 */
export async function prepareSchema(ds: DataSource, db: DatabaseConfig): Promise<void> {
  if (isEmbedded(db)) {
    await ds.runMigrations({ transaction: 'each' });
    return;
  }
  if (db.migrateOnStart) {
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      await runner.release();
    }
    return;
  }
  const pending = await pendingMigrations(ds);
  if (pending.length > 0) throw new PendingMigrationsError(pending);
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
