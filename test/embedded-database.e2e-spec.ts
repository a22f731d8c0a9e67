import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Accounts1764396000000 } from '../migrations/1764396000000-accounts.js';
import { Assessments1764399600000 } from '../migrations/1764399600000-assessments.js';
import { isAlive, runningServer } from '../src/database/embedded-cluster.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The embedded default as `npm start` runs it with no DATABASE_URL: a real PostgreSQL server from
 * the npm package, started by the service under DATA_DIR. (Run as root, as CI does, the server runs
 * as the `postgres` user.)
 */
const HERE = dirname(fileURLToPath(import.meta.url));
const folders: string[] = [];
function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fresque-embedded-test-'));
  folders.push(dir);
  return dir;
}
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const mode = (path: string) => statSync(path).mode & 0o777;

async function registerOwner(t: TestApp, email: string): Promise<string> {
  const res = await request(t.http)
    .post('/api/v1/auth/register')
    .send({ email, password: 'correct horse battery', organisationName: 'Mairie embarquée', country: 'FR' })
    .expect(201);
  return res.body.organisation.id as string;
}

describe('the embedded PostgreSQL server', () => {
  it('a new data folder gets its own server: private folder, password beside the JWT secret (0600), no TCP listener, data kept across restarts', async () => {
    const dataDir = newDataDir();
    let t = await createTestApp({ embedded: { dataDir }, env: { JWT_SECRET: undefined } });
    const email = 'dsi@mairie-embarquee.fr';
    try {
      await registerOwner(t, email);
      expect(mode(join(dataDir, 'postgres'))).toBe(0o700);
      expect(mode(join(dataDir, 'db-password'))).toBe(0o600);
      expect(mode(join(dataDir, 'jwt-secret'))).toBe(0o600);
      const ds = t.app.get(DataSource);
      expect(await ds.query('SHOW listen_addresses')).toEqual([{ listen_addresses: '' }]);
      expect((await ds.query('SHOW server_version_num'))[0].server_version_num >= '180000').toBe(true);
      // The socket folder is the service's alone, and even there a wrong password is refused.
      const password = readFileSync(join(dataDir, 'db-password'), 'utf8').trim();
      const intruder = new pg.Client({ host: join(dataDir, 'postgres'), user: 'fresque', password: `${password}x`, database: 'fresque' });
      await expect(intruder.connect()).rejects.toThrow(/password authentication failed/);
      await intruder.end().catch(() => undefined);
    } finally {
      await t.close();
    }
    expect(runningServer(join(dataDir, 'postgres'))).toBeUndefined();

    t = await createTestApp({ embedded: { dataDir }, env: { JWT_SECRET: undefined } });
    try {
      const login = await request(t.http).post('/api/v1/auth/login').send({ email, password: 'correct horse battery' }).expect(200);
      expect(login.body.accessToken).toEqual(expect.any(String));
    } finally {
      await t.close();
    }
  });

  it('a second service on the same data folder refuses to start, naming the folder, and the first keeps serving', async () => {
    const dataDir = newDataDir();
    const first = await createTestApp({ embedded: { dataDir } });
    try {
      await expect(createTestApp({ embedded: { dataDir } })).rejects.toThrow(
        new RegExp(`Another service is using the data folder ${dataDir} .*stop the other service first, or give this one another DATA_DIR`),
      );
      await request(first.http).get('/health').expect(200, { status: 'ok', db: 'up' });
      await registerOwner(first, 'still-serving@example.org');
    } finally {
      await first.close();
    }
  });

  it('a server left running by a service killed with SIGKILL is found at the next start and restarted, with its data', async () => {
    const dataDir = newDataDir();
    const email = 'before-the-crash@example.org';
    const before = await createTestApp({ embedded: { dataDir } });
    await registerOwner(before, email);
    await before.close();

    const holder = await holdCluster(dataDir);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const orphan = runningServer(join(dataDir, 'postgres'));
    expect(orphan).toBeDefined();

    const after = await createTestApp({ embedded: { dataDir } });
    try {
      const now = runningServer(join(dataDir, 'postgres'));
      expect(now?.pid).not.toBe(orphan?.pid);
      expect(isAlive(orphan!.pid)).toBe(false);
      await request(after.http).post('/api/v1/auth/login').send({ email, password: 'correct horse battery' }).expect(200);
    } finally {
      await after.close();
    }
  });

  // PGlite (PostgreSQL in WebAssembly) runs initdb to build the old folder: seconds of CPU, minutes on a busy machine.
  it('a version 0.1 data folder (PGlite) is carried over with every row, checked value by value, and kept aside', async () => {
    const dataDir = newDataDir();
    const fixture = JSON.parse(readFileSync(join(HERE, 'fixtures', 'pglite-v0.1', 'rows.json'), 'utf8')) as Record<
      string,
      Array<Record<string, unknown>>
    >;
    await buildPgliteFolder(join(dataDir, 'pglite'), fixture);

    const t = await createTestApp({ embedded: { dataDir } });
    try {
      const ds = t.app.get(DataSource);
      for (const [table, rows] of Object.entries(fixture)) {
        if (table === 'migrations') continue;
        const columns = Object.keys(rows[0]);
        const carried = (await ds.query(
          `SELECT row_to_json(t) AS r FROM (SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}") t ORDER BY row_to_json(t)::text`,
        )) as Array<{ r: Record<string, unknown> }>;
        expect({ table, rows: carried.map((x) => x.r) }).toEqual({ table, rows });
      }
      // The newer migrations ran after the copy, on the carried data.
      const applied = (await ds.query('SELECT name FROM migrations ORDER BY id')) as Array<{ name: string }>;
      expect(applied.map((r) => r.name)).toEqual(ds.migrations.map((m) => m.name));

      // The people of version 0.1 log in with their passwords and find their assessments.
      const login = await request(t.http)
        .post('/api/v1/auth/login')
        .send({ email: 'owner0@example.org', password: 'carried over password' })
        .expect(200);
      const list = await request(t.http).get('/api/v1/assessments').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
      expect(list.body.map((a: { year: number }) => a.year)).toEqual([2026, 2025]);
      const answers = await request(t.http)
        .get(`/api/v1/assessments/${list.body[1].id}/answers`)
        .set('Authorization', `Bearer ${login.body.accessToken}`)
        .expect(200);
      const org = fixture.organisations.find((o) => o.name === 'Ville de Quimper')!;
      const expected = fixture.answers.filter((a) => a.assessment_id === list.body[1].id);
      expect(answers.body).toHaveLength(expected.length);
      expect(org).toBeDefined();
    } finally {
      await t.close();
    }
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('pglite.carried-over-'))).toHaveLength(1);
  }, 240_000);
});

/** Starts the embedded server in another process, as a service would, and waits until it serves. */
function holdCluster(dataDir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-warnings', join(HERE, 'support', 'hold-embedded-cluster.mjs'), dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().startsWith('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the cluster holder exited (${code}): ${err}`)));
  });
}

/**
 * A PGlite data folder as version 0.1 left it: its two migrations (the same classes, run on PGlite),
 * TypeORM's migrations table, and the fixture's rows.
 */
async function buildPgliteFolder(folder: string, fixture: Record<string, Array<Record<string, unknown>>>): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: folder });
  try {
    const runner = { query: (sql: string, params?: unknown[]) => db.query(sql, params) };
    for (const migration of [new Accounts1764396000000(), new Assessments1764399600000()]) await migration.up(runner as never);
    await db.exec(
      `CREATE TABLE "migrations" ("id" SERIAL NOT NULL, "timestamp" bigint NOT NULL, "name" character varying NOT NULL, CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY ("id"))`,
    );
    for (const table of ['organisations', 'users', 'assessments', 'answers', 'audit_events', 'migrations']) {
      await db.query(`INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`, [
        JSON.stringify(fixture[table]),
      ]);
    }
  } finally {
    await db.close();
  }
}
