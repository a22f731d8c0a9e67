import type { LoggerService } from '@nestjs/common';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * Version 0.1 kept the embedded database in PGlite (PostgreSQL compiled to WebAssembly) under
 * DATA_DIR/pglite. At the first start of this version, its data is carried into the embedded
 * PostgreSQL server, then the folder is renamed (kept, never deleted):
 * 1. the new database gets exactly the migrations the old folder had applied;
 * 2. every row of every table is copied (as JSON, cast back by PostgreSQL itself, so every value
 *    keeps its type), parents before children, in one transaction;
 * 3. each table's rows are compared, old and new, by an MD5 of all its rows in canonical JSON:
 *    any difference rolls the copy back and stops the start, the PGlite folder untouched;
 * 4. the remaining (newer) migrations then run as at every start, on the carried data.
 */
export interface CarryOverReport {
  tables: Record<string, number>;
  keptAs: string;
}

export class CarryOverError extends Error {
  constructor(message: string) {
    super(`Carrying the version 0.1 (PGlite) data folder over failed, nothing was changed in it: ${message}`);
    this.name = 'CarryOverError';
  }
}

const CHUNK_ROWS = 2_000;

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function carryOverPglite(ds: DataSource, dataDir: string, logger: LoggerService): Promise<CarryOverReport | undefined> {
  const folder = join(dataDir, 'pglite');
  if (!existsSync(join(folder, 'PG_VERSION'))) return undefined;
  const started = Date.now();
  logger.log(`A version 0.1 data folder (PGlite) was found in ${folder}: carrying its data into the embedded PostgreSQL server`);
  const { PGlite } = await import('@electric-sql/pglite');
  const old = (await PGlite.create({ dataDir: folder })) as unknown as PgliteLike;
  let tables: Record<string, number>;
  try {
    await old.exec(`SET TimeZone = 'UTC'`);
    const applied = (await old.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name);
    await applyMigrations(ds, applied);
    tables = await copyTables(old, ds);
  } finally {
    await old.close();
  }
  const keptAs = `${folder}.carried-over-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(folder, keptAs);
  const rows = Object.values(tables).reduce((a, b) => a + b, 0);
  logger.log(
    `Carried ${rows} rows in ${Object.keys(tables).length} tables over in ${Date.now() - started} ms, each table checked row for row; ` +
      `the old folder is kept as ${keptAs} (remove it when you no longer need it)`,
  );
  return { tables, keptAs };
}

/** The new database gets the old folder's schema: the same migrations, no more (newer ones run after the copy). */
async function applyMigrations(ds: DataSource, applied: string[]): Promise<void> {
  const known = ds.migrations.map((m) => m.name ?? m.constructor.name);
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length) throw new CarryOverError(`the old folder has migrations this version does not know: ${unknown.join(', ')}`);
  const present = (await ds.query(`SELECT to_regclass('migrations') IS NOT NULL AS present`)) as Array<{ present: boolean }>;
  const done = present[0]?.present ? ((await ds.query('SELECT name FROM migrations')) as Array<{ name: string }>).map((r) => r.name) : [];
  if (done.some((name) => !applied.includes(name))) {
    throw new CarryOverError(
      'the embedded PostgreSQL database is already ahead of the old folder; move DATA_DIR/pglite away to start without it',
    );
  }
  const classes = (ds.options.migrations ?? []) as Array<new () => { name?: string }>;
  const subset = new DataSource({
    ...(ds.options as DataSourceOptions),
    migrations: classes.filter((c) => applied.includes(new c().name ?? c.name)),
  });
  await subset.initialize();
  try {
    await subset.runMigrations({ transaction: 'each' });
  } finally {
    await subset.destroy();
  }
}

async function copyTables(old: PgliteLike, ds: DataSource): Promise<Record<string, number>> {
  const names = (
    await old.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`,
    )
  ).rows.map((r) => r.table_name);
  const counts: Record<string, number> = {};
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await runner.query(`SET LOCAL TimeZone = 'UTC'`);
    await runner.query('SET LOCAL statement_timeout = 0');
    for (const table of await parentsFirst(old, names)) {
      const columns = (
        await old.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        )
      ).rows.map((r) => r.column_name);
      const existing = (await runner.query(`SELECT count(*)::int AS n FROM ${ident(table)}`)) as Array<{ n: number }>;
      if (existing[0].n > 0) throw new CarryOverError(`table ${table} of the embedded PostgreSQL database already has rows`);
      const list = columns.map(ident).join(', ');
      let copied = 0;
      for (;;) {
        const chunk = await old.query<{ rows: string | null }>(
          `SELECT json_agg(row_to_json(t))::text AS rows FROM (SELECT ${list} FROM ${ident(table)} ORDER BY ctid LIMIT ${CHUNK_ROWS} OFFSET ${copied}) t`,
        );
        const json = chunk.rows[0]?.rows;
        if (!json) break;
        const inserted = (await runner.query(
          `INSERT INTO ${ident(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${ident(table)}, $1::json) RETURNING 1`,
          [json],
        )) as unknown[];
        copied += inserted.length;
        if (inserted.length < CHUNK_ROWS) break;
      }
      const [before, after] = await Promise.all([
        old.query<{ n: number; digest: string }>(digestSql(table, list)).then((r) => r.rows[0]),
        (runner.query(digestSql(table, list)) as Promise<Array<{ n: number; digest: string }>>).then((r) => r[0]),
      ]);
      if (Number(before.n) !== copied || Number(after.n) !== copied || before.digest !== after.digest) {
        throw new CarryOverError(`table ${table}: ${before.n} rows in the old folder, ${after.n} carried, and they differ`);
      }
      counts[table] = copied;
    }
    await runner.commitTransaction();
  } catch (e) {
    await runner.rollbackTransaction().catch(() => undefined);
    throw e instanceof CarryOverError ? e : new CarryOverError((e as Error).message);
  } finally {
    await runner.release();
  }
  return counts;
}

/** Every row of a table, in canonical JSON, sorted: equal digests mean equal rows. */
function digestSql(table: string, list: string): string {
  return `SELECT count(*)::int AS n, md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS digest
    FROM (SELECT row_to_json(t)::text AS r FROM (SELECT ${list} FROM ${ident(table)}) t) s`;
}

/** Tables parents first, so that PostgreSQL checks every foreign key as rows go in. */
async function parentsFirst(old: PgliteLike, tables: string[]): Promise<string[]> {
  const edges = (
    await old.query<{ child: string; parent: string }>(
      `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
        WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND c.oid <> p.oid`,
    )
  ).rows;
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => !edges.some((e) => e.child === t && pending.has(e.parent)));
    if (ready.length === 0) throw new CarryOverError(`the tables ${[...pending].join(', ')} refer to each other in a cycle`);
    ready.forEach((t) => {
      ordered.push(t);
      pending.delete(t);
    });
  }
  return ordered;
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
