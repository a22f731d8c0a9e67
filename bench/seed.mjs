#!/usr/bin/env node
/**
 * Seeds "other tenants" for the bench: N organisations, each with one owner and Y yearly
 * assessments fully answered (inventory included), plus their audit trail (one event per answer
 * and one per assessment). Rows are generated inside the database (INSERT ... SELECT with
 * generate_series, one statement per batch of organisations), so the same SQL runs on
 * PostgreSQL (through `pg`) and on the embedded server (started on the service's data folder
 * while the service is stopped: the service owns that folder when it runs).
 *
 *   node bench/seed.mjs --organisations 2000 --years 3 --database-url postgres://...
 *   node bench/seed.mjs --organisations 2000 --years 3 --data-dir ./data     (server stopped)
 *
 * The schema must exist (start the server once: it migrates). Seeded users cannot log in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { fullAnswers } from './lib/answers.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SEED_SECTOR = 'bench-seed';
const VARIANTS = 8;

export function readTemplate(id = 'fresque-numerique', version = 1) {
  return JSON.parse(readFileSync(join(ROOT, 'templates', 'questionnaires', id, `v${version}.json`), 'utf8'));
}

const BATCH_SQL = `
WITH o AS (
  INSERT INTO organisations (name, sector, country, language)
  SELECT $1 || ' ' || g, '${SEED_SECTOR}', 'FR', CASE WHEN g % 3 = 0 THEN 'en' ELSE 'fr' END
    FROM generate_series($2::int, $3::int) AS g
  RETURNING id
), u AS (
  INSERT INTO users (organisation_id, email, password_hash, role)
  SELECT o.id, 'seed-' || md5(o.id::text) || '@bench.invalid', '!seeded-no-login', 'owner' FROM o
  RETURNING id, organisation_id
), a AS (
  INSERT INTO assessments (organisation_id, year, questionnaire_id, template_version, status,
                           created_by, submitted_at, submitted_by)
  SELECT u.organisation_id, y, $4, $5::int,
         CASE WHEN y < $7 THEN 'submitted' ELSE 'draft' END,
         u.id, CASE WHEN y < $7 THEN now() END, CASE WHEN y < $7 THEN u.id END
    FROM u CROSS JOIN generate_series($6::int, $7::int) AS y
  RETURNING id, organisation_id, created_by, year
), v AS (
  SELECT * FROM jsonb_to_recordset($8::jsonb) AS v(k int, q text, val jsonb)
), ans AS (
  INSERT INTO answers (organisation_id, assessment_id, question_id, value, version, carried_over, answered_by, updated_at)
  SELECT a.organisation_id, a.id, v.q, v.val, 1, false, a.created_by, now()
    FROM a JOIN v ON v.k = (get_byte(uuid_send(a.id), 15) + a.year) % $9::int
  RETURNING organisation_id, assessment_id, question_id, value, answered_by
), created AS (
  INSERT INTO audit_events (organisation_id, assessment_id, action, actor_id, at)
  SELECT organisation_id, id, 'created', created_by, now() FROM a
)
INSERT INTO audit_events (organisation_id, assessment_id, question_id, action, new_value, version, actor_id, at)
SELECT organisation_id, assessment_id, question_id, 'answered', value, 1, answered_by, now() FROM ans`;

/**
 * db: anything with query(sql, params) -> {rows} (a pg Client).
 * Returns counts and timing. Bounded: ceil(organisations / batch) statements, and a time limit.
 */
export async function seedTenants(
  db,
  {
    organisations,
    years = 3,
    lastYear = new Date().getFullYear() - 1,
    template = readTemplate(),
    batch = 100,
    timeLimitMs = 20 * 60_000,
    onProgress = () => {},
  },
) {
  if (!Number.isInteger(organisations) || organisations < 1) throw new Error('seed: organisations must be a positive integer');
  const firstYear = lastYear - years + 1;
  const variants = [];
  for (let k = 0; k < VARIANTS; k++) {
    for (const [q, val] of Object.entries(fullAnswers(template, k))) variants.push({ k, q, val });
  }
  const variantsJson = JSON.stringify(variants);
  const tag = `Bench tenant ${Date.now().toString(36)}`;
  const t0 = performance.now();
  for (let from = 1; from <= organisations; from += batch) {
    if (performance.now() - t0 > timeLimitMs) throw new Error(`seed: stopped after ${timeLimitMs} ms at organisation ${from}`);
    const to = Math.min(organisations, from + batch - 1);
    await db.query(BATCH_SQL, [tag, from, to, template.id, template.version, firstYear, lastYear, variantsJson, VARIANTS]);
    onProgress(to, organisations);
  }
  const seconds = (performance.now() - t0) / 1000;
  await db.query('ANALYZE');
  const count = async (table) => Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
  return {
    organisations,
    years,
    firstYear,
    lastYear,
    seconds,
    analyzeSeconds: (performance.now() - t0) / 1000 - seconds,
    totals: {
      organisations: await count('organisations'),
      assessments: await count('assessments'),
      answers: await count('answers'),
      audit_events: await count('audit_events'),
    },
  };
}

/** Starts the embedded server of a (stopped) service's DATA_DIR, seeds it, stops it. */
export async function seedEmbedded(dataDir, options) {
  const { EmbeddedCluster } = await import('../dist/src/database/embedded-cluster.js');
  const cluster = await EmbeddedCluster.start({ dataDir });
  try {
    return await seedPostgres(cluster.url(), options);
  } finally {
    await cluster.stop();
  }
}

export async function seedPostgres(url, options) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, application_name: 'fresque-bench-seed' });
  await client.connect();
  try {
    return await seedTenants(client, options);
  } finally {
    await client.end();
  }
}

async function cli() {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  };
  if (args.includes('--help') || (!opt('database-url') && !opt('data-dir'))) {
    process.stdout.write('usage: node bench/seed.mjs --organisations N [--years 3] (--database-url URL | --data-dir DATA_DIR)\n');
    process.exit(args.includes('--help') ? 0 : 2);
  }
  const options = {
    organisations: Number(opt('organisations', '2000')),
    years: Number(opt('years', '3')),
    onProgress: (done, total) => process.stderr.write(`\rseeded ${done}/${total} organisations`),
  };
  const summary = opt('database-url') ? await seedPostgres(opt('database-url'), options) : await seedEmbedded(opt('data-dir'), options);
  process.stderr.write('\n');
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  cli().catch((e) => {
    process.stderr.write(`\nseed failed: ${e.stack ?? e}\n`);
    process.exit(1);
  });
}
