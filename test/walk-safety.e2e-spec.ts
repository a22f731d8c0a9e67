import request from 'supertest';
import { compact, extractPdfText } from './fixtures/reports/pdf-text.js';
import { walkAssessment } from './support/walk.js';
import { bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';

const api = '/api/v1';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * What keeps answers safe as a team uses them: numbers typed the French way, and a year started from
 * last year's answers that cannot be submitted unreviewed without saying so.
 */
describe('numbers typed as text, and submitting carried-over answers unreviewed', () => {
  let t: TestApp;
  let owner: Account;
  let id: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await register(t.http, 'Communauté de communes du Test');
    id = (await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: 2025 }).expect(201)).body.id;
    // A laptop count makes the lifespan question visible.
    await request(t.http)
      .put(`${api}/assessments/${id}/answers/inventory.laptop.count`)
      .set(bearer(owner))
      .send({ value: 300 })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const put = (questionId: string, value: unknown) =>
    request(t.http).put(`${api}/assessments/${id}/answers/${questionId}`).set(bearer(owner)).send({ value });

  it.each([
    ['1,5', 1.5],
    ['4,5', 4.5],
    ['4.5', 4.5],
    [' 2 ', 2],
  ])('a lifespan typed "%s" is saved as %d years', async (typed, saved) => {
    const res = await put('inventory.laptop.lifespan_years', typed).expect(200);
    expect(res.body.value).toBe(saved);
  });

  it('thousands separated by spaces, plain, no-break or narrow no-break, are read', async () => {
    expect((await put('inventory.laptop.count', '1 234').expect(200)).body.value).toBe(1234);
    expect((await put('inventory.laptop.count', '1\u00a0300').expect(200)).body.value).toBe(1300);
    expect((await put('inventory.laptop.count', '1\u202f400').expect(200)).body.value).toBe(1400);
  });

  it.each(['1,234', '1.234', '1.234,5', '1,234,567'])('"%s" is refused as ambiguous, with the rule in the problem', async (typed) => {
    const res = await put('inventory.laptop.count', typed).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'value', rule: 'decimal', message: expect.stringContaining('is ambiguous') }),
    ]);
    expect(res.body.errors[0].message).toContain('Write 1234 or 1 234 for a whole number, and 1,5 or 1.5');
    // Nothing was saved.
    const answers = (await request(t.http).get(`${api}/assessments/${id}/answers`).set(bearer(owner)).expect(200)).body;
    expect(answers.find((a: { questionId: string }) => a.questionId === 'inventory.laptop.count').value).toBe(1400);
  });

  it('badly grouped digits and words are refused; the bounds still apply to a number typed as text', async () => {
    expect((await put('inventory.laptop.count', '12 34').expect(400)).body.errors[0]).toMatchObject({ rule: 'decimal' });
    expect((await put('inventory.laptop.count', 'beaucoup').expect(400)).body.errors[0]).toMatchObject({ rule: 'decimal' });
    expect((await put('inventory.laptop.lifespan_years', '45').expect(400)).body.errors[0]).toMatchObject({ rule: 'max' });
    expect((await put('inventory.laptop.lifespan_years', 'x'.repeat(41)).expect(400)).body.errors[0]).toMatchObject({ rule: 'decimal' });
    // Text stays text on other question types.
    expect((await put('organisation.country', '1,5').expect(400)).body.errors[0]).toMatchObject({ rule: 'option' });
  });

  describe('year two', () => {
    let lastYear: string;
    let thisYear: string;

    beforeAll(async () => {
      lastYear = await walkAssessment(t.http, owner, 2024, 'worst', { overrides: { 'organisation.country': 'FR' } });
      await request(t.http).post(`${api}/assessments/${lastYear}/submit`).set(bearer(owner)).expect(200);
      thisYear = (
        await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: 2026, copyFromAssessmentId: lastYear }).expect(201)
      ).body.id;
      // Answer what version 2 asks and last year did not, so that only the confirmation is missing.
      for (let guard = 0; guard < 200; guard++) {
        const next = await request(t.http).get(`${api}/assessments/${thisYear}/next`).set(bearer(owner));
        if (next.status === 204) break;
        const q = next.body.question;
        const value =
          q.type === 'boolean'
            ? false
            : q.type === 'number'
              ? (q.min ?? 1)
              : q.type === 'text'
                ? 'texte'
                : q.type === 'multi_choice'
                  ? [q.options[0].id]
                  : q.options[0].id;
        await request(t.http).put(`${api}/assessments/${thisYear}/answers/${q.id}`).set(bearer(owner)).send({ value }).expect(200);
      }
    });

    it('submitting with unconfirmed carried-over answers is refused, naming them, until explicitly confirmed', async () => {
      const before = (await request(t.http).get(`${api}/assessments/${thisYear}`).set(bearer(owner)).expect(200)).body;
      const pending = before.copyForward.pendingConfirmation;
      expect(pending).toBeGreaterThan(10);
      // An owner confirms one of them; the others stay unconfirmed.
      const answers = (await request(t.http).get(`${api}/assessments/${thisYear}/answers`).set(bearer(owner)).expect(200)).body as Array<{
        questionId: string;
        value: unknown;
        version: number;
        carriedOver: boolean;
        visible: boolean;
      }>;
      const confirmed = answers.find((a) => a.carriedOver && a.visible)!;
      await request(t.http)
        .put(`${api}/assessments/${thisYear}/answers/${confirmed.questionId}`)
        .set(bearer(owner))
        .send({ value: confirmed.value, expectedVersion: confirmed.version })
        .expect(200);
      const unconfirmedIds = answers
        .filter((a) => a.carriedOver && a.visible && a.questionId !== confirmed.questionId)
        .map((a) => a.questionId);

      const refused = await request(t.http).post(`${api}/assessments/${thisYear}/submit`).set(bearer(owner)).expect(409);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.type).toMatch(/unreviewed-answers$/);
      expect(refused.body.detail).toContain(`carried over from 2024 are neither confirmed nor changed`);
      expect(refused.body.detail).toContain('confirmUnreviewed');
      expect(refused.body.fromYear).toBe(2024);
      expect(refused.body.unconfirmed.map((q: { questionId: string }) => q.questionId)).toEqual(unconfirmedIds);
      expect(refused.body.unconfirmed[0]).toEqual({
        questionId: unconfirmedIds[0],
        sectionId: expect.any(String),
        label: { fr: expect.any(String), en: expect.any(String) },
      });
      // false is no confirmation; anything but a boolean is refused at the edge.
      await request(t.http).post(`${api}/assessments/${thisYear}/submit`).set(bearer(owner)).send({ confirmUnreviewed: false }).expect(409);
      const bad = await request(t.http)
        .post(`${api}/assessments/${thisYear}/submit`)
        .set(bearer(owner))
        .send({ confirmUnreviewed: 'yes' })
        .expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'confirmUnreviewed' });
      expect((await request(t.http).get(`${api}/assessments/${thisYear}`).set(bearer(owner)).expect(200)).body.status).toBe('draft');

      const submitted = await request(t.http)
        .post(`${api}/assessments/${thisYear}/submit`)
        .set(bearer(owner))
        .send({ confirmUnreviewed: true })
        .expect(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', submittedUnreviewed: unconfirmedIds });

      // The choice is in the audit trail: the "submitted" event lists them.
      const history = (await request(t.http).get(`${api}/assessments/${thisYear}/history?limit=5`).set(bearer(owner)).expect(200)).body;
      expect(history[0]).toMatchObject({ action: 'submitted', newValue: unconfirmedIds, actorEmail: owner.email });
    });

    it('the results and the PDF report say the answers were submitted unreviewed', async () => {
      const results = (await request(t.http).get(`${api}/assessments/${thisYear}/results`).set(bearer(owner)).expect(200)).body;
      expect(results.carriedOver).toMatchObject({ fromYear: 2024, submittedUnreviewed: true });
      expect(results.carriedOver.unconfirmed.length).toBeGreaterThan(10);
      const first = (await request(t.http).get(`${api}/assessments/${lastYear}/results`).set(bearer(owner)).expect(200)).body;
      expect(first.carriedOver).toBeNull();

      for (const [lang, sentence] of [
        ['fr', 'L’évaluation a été soumise sans les relire, par choix explicite consigné dans l’historique.'],
        ['en', 'The assessment was submitted without reviewing them, by an explicit choice recorded in the audit trail.'],
      ] as const) {
        const res = await request(t.http)
          .get(`${api}/assessments/${thisYear}/report.pdf?lang=${lang}`)
          .set(bearer(owner))
          .buffer(true)
          .parse(binary);
        expect(res.status).toBe(200);
        const pdf = await extractPdfText(res.body as Buffer);
        expect(compact(pdf.text)).toContain(compact(sentence));
      }
    });

    it('reopening clears the flag; a submission once every answer is reviewed needs no confirmation', async () => {
      await request(t.http).post(`${api}/assessments/${thisYear}/reopen`).set(bearer(owner)).expect(200);
      const reopened = (await request(t.http).get(`${api}/assessments/${thisYear}`).set(bearer(owner)).expect(200)).body;
      expect(reopened.submittedUnreviewed).toBeNull();
      const results = (await request(t.http).get(`${api}/assessments/${thisYear}/results`).set(bearer(owner)).expect(200)).body;
      expect(results.carriedOver.submittedUnreviewed).toBe(false);
      const answers = (await request(t.http).get(`${api}/assessments/${thisYear}/answers`).set(bearer(owner)).expect(200)).body as Array<{
        questionId: string;
        value: unknown;
        version: number;
        carriedOver: boolean;
      }>;
      for (const a of answers.filter((x) => x.carriedOver)) {
        await request(t.http)
          .put(`${api}/assessments/${thisYear}/answers/${a.questionId}`)
          .set(bearer(owner))
          .send({ value: a.value, expectedVersion: a.version })
          .expect(200);
      }
      const submitted = await request(t.http).post(`${api}/assessments/${thisYear}/submit`).set(bearer(owner)).expect(200);
      expect(submitted.body.submittedUnreviewed).toBeNull();
      const history = (await request(t.http).get(`${api}/assessments/${thisYear}/history?limit=1`).set(bearer(owner)).expect(200)).body;
      expect(history[0]).toMatchObject({ action: 'submitted', newValue: null });
    });

    it('another organisation cannot submit it: 404', async () => {
      const other = await register(t.http, 'Autre commune');
      await request(t.http).post(`${api}/assessments/${thisYear}/submit`).set(bearer(other)).send({ confirmUnreviewed: true }).expect(404);
    });
  });
});
