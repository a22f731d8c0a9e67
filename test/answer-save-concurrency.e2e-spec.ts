import pg from 'pg';
import request from 'supertest';
import type { Question, QuestionnaireTemplate } from '../src/questionnaires/template.types.js';
import { allQuestions, answerFor } from './support/answers.js';
import { lineUp } from './support/line-up.js';
import { bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';
import { walkAssessment } from './support/walk.js';

const api = '/api/v1';

/**
 * An answer save is one SQL statement that checks "draft" without share-locking the assessment for
 * the length of a transaction (src/assessments/answer-save.statement.ts). These tests race saves
 * against submit, through two app instances on one database (embedded cluster or PostgreSQL), and
 * show that no answer lands in a submitted assessment.
 *
 * The witness: a constraint trigger, added to this test's own database only, checks at each commit
 * that wrote an answer that its assessment is still a draft, reading the status as it is at that
 * moment. An answer committed after the submission makes that commit fail (a 500 for the save).
 */
describe('answer saves racing the submission', () => {
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
    await db.query(`
      CREATE FUNCTION test_answer_after_submission() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 'submitted' THEN
          RAISE EXCEPTION 'answer % written into submitted assessment %', NEW.question_id, NEW.assessment_id;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER test_no_answer_after_submission AFTER INSERT OR UPDATE ON answers
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_answer_after_submission()`);
    owner = await register(one.http, 'Mairie de Course');
    const list = await request(one.http).get(`${api}/questionnaires`).set(bearer(owner)).expect(200);
    const { id, version } = list.body[0];
    template = (await request(one.http).get(`${api}/questionnaires/${id}/versions/${version}`).set(bearer(owner)).expect(200)).body;
  });
  afterAll(async () => {
    await db?.end();
    await two?.close();
    await one?.close();
  });

  /** Scale questions that no condition refers to: changing them never changes what must be answered. */
  function freeQuestions(): Question[] {
    const conditions = JSON.stringify(allQuestions(template).map((q) => [q.showIf ?? null, q.applicableIf ?? null]));
    return allQuestions(template).filter((q) => q.type === 'scale' && !q.showIf && !q.applicableIf && !conditions.includes(`"${q.id}"`));
  }

  const save = (app: TestApp, assessmentId: string, q: Question, quality: 'best' | 'worst') =>
    request(app.http)
      .put(`${api}/assessments/${assessmentId}/answers/${q.id}`)
      .set(bearer(owner))
      .send({ value: answerFor(q, quality) });

  it('the witness refuses an answer written into a submitted assessment (it would catch the race)', async () => {
    const id = await walkAssessment(one.http, owner, 2019, 'best');
    await request(one.http).post(`${api}/assessments/${id}/submit`).set(bearer(owner)).expect(200);
    await expect(db.query(`UPDATE answers SET version = version + 1 WHERE assessment_id = $1`, [id])).rejects.toThrow(
      /written into submitted assessment/,
    );
  });

  it('a save queued behind the submission finds the assessment submitted and writes nothing', async () => {
    const id = await walkAssessment(one.http, owner, 2020, 'best');
    const [q] = freeQuestions();
    const before = (await request(one.http).get(`${api}/assessments/${id}/answers`).set(bearer(owner)).expect(200)).body;
    // The test's connection does what submit does (lock the row, mark it submitted) and holds its
    // transaction until the save waits on the row; the save started while the assessment was a draft.
    const res = await lineUp(
      one.databaseUrl,
      {
        sql: `WITH l AS (SELECT id FROM assessments WHERE id = $1 FOR UPDATE)
              UPDATE assessments SET status = 'submitted', submitted_at = now() WHERE id IN (SELECT id FROM l)`,
        params: [id],
      },
      1,
      async () => await save(two, id, q, 'worst'), // awaited: supertest sends on then()
    );
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/submitted and read-only/);
    const after = (await request(one.http).get(`${api}/assessments/${id}/answers`).set(bearer(owner)).expect(200)).body;
    expect(after).toEqual(before);
    const history = (await request(one.http).get(`${api}/assessments/${id}/history`).set(bearer(owner)).expect(200)).body;
    expect(history[0].action).toBe('answered'); // the walk's last answer, nothing after it
  });

  it('saves sent with the submission through two instances: each is written before it or refused after it, never in between', async () => {
    const id = await walkAssessment(one.http, owner, 2021, 'best');
    const questions = freeQuestions().slice(0, 12);
    expect(questions.length).toBeGreaterThanOrEqual(6);
    const rounds: Array<{ saved: number; refused: number }> = [];
    for (let round = 0; round < 6; round++) {
      if (round > 0) await request(one.http).post(`${api}/assessments/${id}/reopen`).set(bearer(owner)).expect(200);
      const quality = round % 2 ? 'best' : 'worst';
      const saves = questions.flatMap((q, i) => [save(i % 2 ? one : two, id, q, quality), save(i % 2 ? two : one, id, q, quality)]);
      const submit = request(round % 2 ? one.http : two.http)
        .post(`${api}/assessments/${id}/submit`)
        .set(bearer(owner));
      const [submitted, ...results] = await Promise.all([submit, ...saves]);
      expect(submitted.status).toBe(200);
      // 200 (written before the submission, or unchanged), or 409 "submitted": no 500 from the witness.
      for (const r of results) expect([200, 409]).toContain(r.status);
      for (const r of results.filter((x) => x.status === 409)) expect(r.body.detail).toMatch(/submitted and read-only/);
      rounds.push({ saved: results.filter((r) => r.status === 200).length, refused: results.filter((r) => r.status === 409).length });
      // What was saved is what the submitted assessment holds: the trail's last event is the submission.
      const history = (await request(one.http).get(`${api}/assessments/${id}/history`).set(bearer(owner)).expect(200)).body;
      expect(history[0].action).toBe('submitted');
    }
    expect(rounds.reduce((n, r) => n + r.saved + r.refused, 0)).toBe(6 * 2 * questions.length);
  });

  it('concurrent saves of one answer without expectedVersion all succeed, each audited with the value it replaced', async () => {
    const id = await walkAssessment(one.http, owner, 2022, 'best');
    const [q] = freeQuestions();
    const options = q.options!.map((o) => o.id);
    await save(one, id, q, 'worst').expect(200); // the answer exists: the saves below all update it
    const results = await Promise.all(
      options.flatMap((value, i) =>
        [one, two].map((app) =>
          request(app.http)
            .put(`${api}/assessments/${id}/answers/${q.id}`)
            .set(bearer(owner))
            .send({ value, comment: `essai ${i}` }),
        ),
      ),
    );
    for (const r of results) expect(r.status).toBe(200);
    const history = (
      await request(one.http)
        .get(`${api}/assessments/${id}/history?questionId=${encodeURIComponent(q.id)}`)
        .set(bearer(owner))
        .expect(200)
    ).body as Array<{ version: number; oldValue: unknown; newValue: unknown; action: string }>;
    // Versions form one chain: each event's old value is the previous event's new value.
    const chain = history.filter((e) => e.action === 'answered').sort((a, b) => a.version - b.version);
    for (let i = 1; i < chain.length; i++) {
      expect(chain[i].version).toBe(chain[i - 1].version + 1);
      expect(chain[i].oldValue).toEqual(chain[i - 1].newValue);
    }
    const written = results.filter((r) => r.body.version > 1).length;
    expect(written).toBeGreaterThan(0);
  });
});
