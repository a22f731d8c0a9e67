import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import request from 'supertest';
import { AssessmentsService } from '../src/assessments/assessments.service.js';
import { ReportsService } from '../src/reports/reports.service.js';
import { MAX_DEPTH, MAX_FIELDS } from '../src/common/input-limits.js';
import { bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';

/**
 * What a hostile or broken client can send: nothing stalls the service, nothing is a 500, and
 * every refusal is a problem naming the field and the rule.
 */
const json = (t: TestApp, method: 'post' | 'put', path: string, raw: string, who?: Account) => {
  const r = request(t.http)[method](path).set('Content-Type', 'application/json');
  if (who) r.set(bearer(who));
  return r.send(raw);
};

function expectFieldProblem(res: request.Response, status: number, field: string, rule: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body.errors).toEqual([expect.objectContaining({ field, rule })]);
  expect(res.body.detail).toContain(
    field === 'body'
      ? ''
      : field
          .split('.')
          .pop()!
          .replace(/\[\d+\]$/, ''),
  );
}

describe('bodies are bounded by size and shape before anything reads them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('the login body of 80,000 keys that used to hold the event loop for seconds is a 413, and so is one under the size limit with too many fields', async () => {
    const keys = Object.fromEntries(Array.from({ length: 80_000 }, (_, i) => [`k${i}`, 1]));
    const huge = await json(t, 'post', '/api/v1/auth/login', JSON.stringify({ email: 'a@b.fr', password: 'x', ...keys }));
    expect(huge.status).toBe(413);
    expect(huge.body.type).toBe('urn:fresque-impact:problem:payload-too-large');
    const many = Object.fromEntries(Array.from({ length: MAX_FIELDS + 1 }, (_, i) => [`k${i}`, 1]));
    const res = await json(t, 'post', '/api/v1/auth/login', JSON.stringify(many));
    expectFieldProblem(res, 413, 'body', 'maxFields');
  });

  it('deep nesting is a 400 naming the depth rule, never a 500', async () => {
    const deep = `{"email":${'['.repeat(MAX_DEPTH + 1)}1${']'.repeat(MAX_DEPTH + 1)}}`;
    const res = await json(t, 'post', '/api/v1/auth/login', deep);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].rule).toBe('maxDepth');
    // 30,000 levels fit in the size limit: refused as well (by the parser or the depth rule).
    const extreme = await json(t, 'post', '/api/v1/auth/login', `${'['.repeat(30_000)}${']'.repeat(30_000)}`);
    expect(extreme.status).toBe(400);
  });

  it('an API body over 64 kB is a 413 (real requests are a few kB)', async () => {
    const res = await json(t, 'post', '/api/v1/auth/login', JSON.stringify({ email: 'a@b.fr', password: 'x'.repeat(70_000) }));
    expect(res.status).toBe(413);
  });
});

describe('one rule for every text: U+0000 and unpaired surrogates are refused with the field named', () => {
  let t: TestApp;
  let owner: Account;
  let assessmentId: string;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await register(t.http);
    assessmentId = (await request(t.http).post('/api/v1/assessments').set(bearer(owner)).send({ year: 2026 }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  const NUL = '\\u0000';
  const LONE = '\\ud800';

  it.each([
    ['sector', `{"email":"a@example.org","password":"correct horse battery","organisationName":"Mairie","sector":"Public${NUL}"}`],
    ['organisationName', `{"email":"a@example.org","password":"correct horse battery","organisationName":"Mai${NUL}rie"}`],
    ['email', `{"email":"a${LONE}@example.org","password":"correct horse battery","organisationName":"Mairie"}`],
  ])('register: %s', async (field, raw) => {
    const res = await json(t, 'post', '/api/v1/auth/register', raw);
    expectFieldProblem(res, 400, field, raw.includes(NUL) ? 'storableText' : 'wellFormedUnicode');
  });

  it('login, unauthenticated: U+0000 and a lone surrogate in the email', async () => {
    expectFieldProblem(
      await json(t, 'post', '/api/v1/auth/login', `{"email":"a${NUL}@b.fr","password":"x"}`),
      400,
      'email',
      'storableText',
    );
    expectFieldProblem(
      await json(t, 'post', '/api/v1/auth/login', `{"email":"a${LONE}@b.fr","password":"x"}`),
      400,
      'email',
      'wellFormedUnicode',
    );
  });

  it('invitation: a lone surrogate in the email', async () => {
    const res = await json(t, 'post', '/api/v1/organisation/members', `{"email":"x${LONE}@example.org","role":"editor"}`, owner);
    expectFieldProblem(res, 400, 'email', 'wellFormedUnicode');
  });

  it('answers: comment, text answer and a value inside a list; nothing is stored', async () => {
    const put = (q: string, raw: string) => json(t, 'put', `/api/v1/assessments/${assessmentId}/answers/${q}`, raw, owner);
    expectFieldProblem(await put('governance.comments', `{"value":"ok","comment":"note${NUL}"}`), 400, 'comment', 'storableText');
    expectFieldProblem(await put('governance.comments', `{"value":"text${NUL}"}`), 400, 'value', 'storableText');
    expectFieldProblem(await put('governance.comments', `{"value":"text${LONE}"}`), 400, 'value', 'wellFormedUnicode');
    expectFieldProblem(
      await put('procurement.durability_criteria', `{"value":["repairability_index","x${LONE}"]}`),
      400,
      'value[1]',
      'wellFormedUnicode',
    );
    const answers = await request(t.http).get(`/api/v1/assessments/${assessmentId}/answers`).set(bearer(owner)).expect(200);
    expect(answers.body).toEqual([]);
  });

  it('query strings and paths: history?questionId= with U+0000, and a malformed escape in the path', async () => {
    const res = await request(t.http).get(`/api/v1/assessments/${assessmentId}/history?questionId=a%00b`).set(bearer(owner));
    expectFieldProblem(res, 400, 'query.questionId', 'storableText');
    const path = await request(t.http).get(`/api/v1/assessments/${assessmentId}/answers/a%E0%A4%A`).set(bearer(owner));
    // Express's router refuses it first, as a problem too.
    expect(path.status).toBe(400);
    expect(path.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(path.body.detail).toMatch(/decode/);
    const nul = await request(t.http).get('/dashboard%00').set(bearer(owner));
    expectFieldProblem(nul, 400, 'path', 'storableText');
  });

  it('e-mails that do not read as they are: zero-width, bidi override, BOM', async () => {
    for (const email of ['dsi\u200b@example.org', 'dsi\u202e@example.org', '\ufeffdsi@example.org']) {
      const res = await request(t.http)
        .post('/api/v1/auth/register')
        .send({ email, password: 'correct horse battery', organisationName: 'Mairie' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'email', rule: 'matches' })]));
    }
  });

  it('web forms: U+0000 in the log-in and sign-up forms is a 400, a JSON or text body a 415, never a 500', async () => {
    const login = await request(t.http).post('/login').type('form').send('email=a%00%40b.fr&password=x');
    expectFieldProblem(login, 400, 'form.email', 'storableText');
    const signup = await request(t.http)
      .post('/signup')
      .type('form')
      .send('organisationName=Mai%00rie&email=a%40b.fr&password=correct+horse+battery');
    expectFieldProblem(signup, 400, 'form.organisationName', 'storableText');
    for (const [type, body] of [
      ['application/json', '{"email":"a@b.fr"}'],
      ['text/plain', 'email=a@b.fr'],
    ]) {
      const res = await request(t.http).post('/login').set('Content-Type', type).send(body);
      expect(res.status).toBe(415);
    }
  });
});

describe('a database that stops answering fails requests in seconds with a 503, and the service recovers', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fresque-frozen-db-'));
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ embedded: { dataDir }, env: { DATABASE_STATEMENT_TIMEOUT_MS: '1000' } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('frozen server (SIGSTOP): 503 database-unavailable with Retry-After; thawed: 200 again', async () => {
    const owner = await register(t.http);
    const pids = serverProcesses(join(dataDir, 'postgres'));
    expect(pids.length).toBeGreaterThan(1);
    pids.forEach((pid) => process.kill(pid, 'SIGSTOP'));
    let res: request.Response;
    try {
      res = await request(t.http).get('/api/v1/assessments').set(bearer(owner));
    } finally {
      pids.forEach((pid) => process.kill(pid, 'SIGCONT'));
    }
    expect(res.status).toBe(503);
    expect(res.body.type).toBe('urn:fresque-impact:problem:database-unavailable');
    expect(res.headers['retry-after']).toBe('5');
    await request(t.http).get('/api/v1/assessments').set(bearer(owner)).expect(200);
  });
});

describe('reports cannot starve others', () => {
  let t: TestApp;
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_WORKERS: '2' } });
    await t.app.listen(0, '127.0.0.1');
    server = t.app.getHttpServer() as http.Server;
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  async function assessmentOf(who: Account): Promise<string> {
    return (await request(t.http).post('/api/v1/assessments').set(bearer(who)).send({ year: 2026 }).expect(201)).body.id;
  }

  it('one organisation asking 12 reports at once gets its share and 429s with Retry-After; another organisation and /health are served meanwhile', async () => {
    const flooder = await register(t.http, 'Flooder');
    const other = await register(t.http, 'Patient');
    const [floodId, otherId] = [await assessmentOf(flooder), await assessmentOf(other)];
    const flood = Array.from({ length: 12 }, () => request(t.http).get(`/api/v1/assessments/${floodId}/report.pdf`).set(bearer(flooder)));
    const theirs = request(t.http).get(`/api/v1/assessments/${otherId}/report.pdf`).set(bearer(other));
    const health = request(t.http).get('/health');
    const [floodRes, otherRes, healthRes] = await Promise.all([Promise.all(flood), theirs, health]);
    expect(otherRes.status).toBe(200);
    expect(otherRes.headers['content-type']).toBe('application/pdf');
    expect(healthRes.status).toBe(200);
    const statuses = floodRes.map((r) => r.status);
    const served = statuses.filter((s) => s === 200).length;
    expect(served).toBeGreaterThanOrEqual(1);
    expect(served + statuses.filter((s) => s === 429).length).toBe(12);
    const refused = floodRes.find((r) => r.status === 429)!;
    expect(refused.body.type).toBe('urn:fresque-impact:problem:too-many-reports');
    expect(refused.headers['retry-after']).toBe('5');
  });

  it('a report refused with 429 loads nothing, and a report that fails to load gives its place back', async () => {
    const busy = await register(t.http, 'Busy');
    const stranger = await register(t.http, 'Stranger');
    const id = await assessmentOf(busy);
    const pool = t.app.get(ReportsService).pool;
    const loadAll = jest.spyOn(t.app.get(AssessmentsService), 'loadAll');
    const held = Array.from({ length: pool.maxInFlightPerOwner }, () => pool.reserve(busy.organisationId));
    try {
      loadAll.mockClear();
      const refused = await request(t.http).get(`/api/v1/assessments/${id}/report.pdf`).set(bearer(busy)).expect(429);
      expect(refused.body.type).toBe('urn:fresque-impact:problem:too-many-reports');
      expect(refused.headers['retry-after']).toBe('5');
      expect(loadAll).not.toHaveBeenCalled();
    } finally {
      held.forEach((r) => r.release());
      loadAll.mockRestore();
    }
    // Another organisation's assessment: 404 each time, and no place is kept by the failed loads.
    for (let i = 0; i <= pool.maxInFlightPerOwner; i++) {
      await request(t.http).get(`/api/v1/assessments/${id}/report.pdf`).set(bearer(stranger)).expect(404);
    }
    expect(pool.inFlightOf(stranger.organisationId)).toBe(0);
    await request(t.http).get(`/api/v1/assessments/${id}/report.pdf`).set(bearer(busy)).expect(200);
    expect(pool.inFlightOf(busy.organisationId)).toBe(0);
  });

  it('a client that disconnects while its report renders frees its worker', async () => {
    const who = await register(t.http, 'Impatient');
    const id = await assessmentOf(who);
    const pool = t.app.get(ReportsService).pool;
    const before = pool.stats.cancelled;
    await new Promise<void>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: `/api/v1/assessments/${id}/report.pdf`, headers: bearer(who) });
      req.on('error', () => resolve());
      // Gone once the report has been handed to a worker.
      const poll = setInterval(() => {
        if (pool.stats.busy > 0) {
          clearInterval(poll);
          req.destroy();
        }
      }, 5);
      req.on('close', () => {
        clearInterval(poll);
        resolve();
      });
    });
    for (let i = 0; i < 200 && pool.stats.cancelled === before; i++) await new Promise((r) => setTimeout(r, 10));
    expect(pool.stats.cancelled).toBe(before + 1);
    expect(pool.stats).toMatchObject({ busy: 0, queued: 0 });
  });
});

/** The postmaster of a cluster folder and its children (backends, checkpointer...). */
function serverProcesses(clusterDir: string): number[] {
  const postmaster = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}
