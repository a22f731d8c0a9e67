/** PostgreSQL housekeeping for the bench: throw-away databases next to the one DATABASE_URL names. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, application_name: 'fresque-bench', connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function describeUrl(url) {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/** Creates `fi_bench_<random>[_suffix]` on the server of `adminUrl`; returns its name and URL. */
export async function createDatabase(adminUrl, suffix = '') {
  const name = `fi_bench_${randomBytes(5).toString('hex')}${suffix}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return { name, url: u.toString() };
}

export async function dropDatabase(adminUrl, name) {
  if (!/^fi_bench_[0-9a-f]+(_\w+)?$/.test(name)) throw new Error(`refusing to drop ${name}`);
  await withClient(adminUrl, async (c) => {
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch {
      await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
    }
  });
}

export async function serverVersion(url) {
  return withClient(url, async (c) => (await c.query('SHOW server_version')).rows[0].server_version);
}
