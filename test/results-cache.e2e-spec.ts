import pg from 'pg';
import request from 'supertest';
import type { QuestionnaireTemplate } from '../src/questionnaires/template.types.js';
import { allQuestions, answerFor } from './support/answers.js';
import { bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';
import { walkAssessment } from './support/walk.js';

const api = '/api/v1';

/**
 * Results are kept in the database (results_cache) under the key of everything they are computed
 * from: two instances on one database serve the same document, and any write that changes the
 * results changes what both serve.
 */
describe('results computed once, shared by every instance', () => {
  let one: TestApp;
  let two: TestApp;
  let owner: Account;
  let template: QuestionnaireTemplate;
  let db: pg.Client;

  beforeAll(async () => {
    one = await createTestApp();
    two = await createTestApp({ attachTo: one });
    db = new pg.Client({ connectionString: one.databaseUrl });
    await db.connect();
    owner = await register(one.http, 'Syndicat du Cache');
    const list = await request(one.http).get(`${api}/questionnaires`).set(bearer(owner)).expect(200);
    const { id, version } = list.body[0];
    template = (await request(one.http).get(`${api}/questionnaires/${id}/versions/${version}`).set(bearer(owner)).expect(200)).body;
  });
  afterAll(async () => {
    await db?.end();
    await two?.close();
    await one?.close();
  });

  const results = async (app: TestApp, id: string, query = '') => {
    const res = await request(app.http).get(`${api}/assessments/${id}/results${query}`).set(bearer(owner)).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    return res.body as { overall: { score: number }; actions: Array<{ id: string; explanation: unknown }>; methodology?: string };
  };
  const cachedRows = async (id: string) =>
    (await db.query<{ methodology: string }>('SELECT methodology FROM results_cache WHERE assessment_id = $1 ORDER BY methodology', [id]))
      .rows;

  it('a write changes the results both instances serve, and each document is the one computed afresh', async () => {
    const id = await walkAssessment(one.http, owner, 2023, 'best');
    expect(await cachedRows(id)).toEqual([]);
    const first = await results(one, id);
    expect(await cachedRows(id)).toHaveLength(1);
    const stored = await db.query('SELECT key, computed_at FROM results_cache WHERE assessment_id = $1', [id]);
    expect(await results(two, id)).toEqual(first); // served from the row the first instance stored
    expect(await results(one, id)).toEqual(first);
    // Not computed again: the row is the one the first request stored.
    expect((await db.query('SELECT key, computed_at FROM results_cache WHERE assessment_id = $1', [id])).rows).toEqual(stored.rows);
    expect(first.actions.every((a) => a.explanation)).toBe(true); // explanations stay in the document

    const q = allQuestions(template).find((x) => x.type === 'scale' && !x.showIf && x.scoring?.actions.length)!;
    await request(two.http)
      .put(`${api}/assessments/${id}/answers/${q.id}`)
      .set(bearer(owner))
      .send({ value: answerFor(q, 'worst') })
      .expect(200);
    const afterWrite = await results(one, id);
    expect(afterWrite.overall.score).toBeLessThan(first.overall.score);
    expect(await results(two, id)).toEqual(afterWrite);

    // The stored document is what a computation from scratch gives.
    await db.query('DELETE FROM results_cache WHERE assessment_id = $1', [id]);
    expect(await results(two, id)).toEqual(afterWrite);

    // Submitting changes the document (the status is in it) on both.
    await request(one.http).post(`${api}/assessments/${id}/submit`).set(bearer(owner)).expect(200);
    const submitted = await results(two, id);
    expect(submitted).not.toEqual(afterWrite);
    expect(await results(one, id)).toEqual(submitted);
  });

  it('each methodology has its own document', async () => {
    const id = await walkAssessment(one.http, owner, 2024, 'worst');
    const current = await results(one, id);
    const earlier = await results(two, id, '?methodology=scoring-1');
    expect(earlier).not.toEqual(current);
    expect((await cachedRows(id)).map((r) => r.methodology)).toEqual(['scoring-1', 'scoring-2']);
    expect(await results(one, id, '?methodology=scoring-1')).toEqual(earlier);
  });

  it("last year's plan is part of the key: adopting an action last year changes this year's document", async () => {
    const last = await walkAssessment(one.http, owner, 2025, 'worst');
    const current = await walkAssessment(one.http, owner, 2026, 'best');
    const before = (await results(one, current)) as unknown as { lastYearCommitments: unknown };
    expect(before.lastYearCommitments).toBeNull();
    const actionId = (await results(one, last)).actions[0].id;
    await request(two.http).post(`${api}/assessments/${last}/plan/commitments`).set(bearer(owner)).send({ actionId }).expect(201);
    const after = (await results(two, current)) as unknown as { lastYearCommitments: { items?: unknown[] } | null };
    expect(after.lastYearCommitments).not.toBeNull();
    expect(await results(one, current)).toEqual(after);
  });

  it("another organisation's assessment is a 404, cached or not", async () => {
    const id = await walkAssessment(one.http, owner, 2027, 'best');
    await results(one, id);
    const stranger = await register(two.http, 'Autre Commune');
    await request(two.http).get(`${api}/assessments/${id}/results`).set(bearer(stranger)).expect(404);
    await request(one.http).get(`${api}/assessments/${id}/results`).set(bearer(stranger)).expect(404);
  });
});
