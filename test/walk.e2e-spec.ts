import request from 'supertest';
import type { QuestionnaireTemplate } from '../src/questionnaires/template.types.js';
import { allQuestions, answerFor } from './support/answers.js';
import { addMember, bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';

const api = '/api/v1';

describe('the assessment walk', () => {
  let t: TestApp;
  let owner: Account;
  let template: QuestionnaireTemplate;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await register(t.http, 'Communauté de communes du Val');
    const list = await request(t.http).get(`${api}/questionnaires`).set(bearer(owner)).expect(200);
    const { id, version } = list.body[0];
    template = (await request(t.http).get(`${api}/questionnaires/${id}/versions/${version}`).set(bearer(owner)).expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
  });

  const create = async (who: Account, year: number, extra: Record<string, unknown> = {}) =>
    (
      await request(t.http)
        .post(`${api}/assessments`)
        .set(bearer(who))
        .send({ year, ...extra })
        .expect(201)
    ).body;

  it('serves the whole template and the action catalogue', async () => {
    // Version 2: the profile first, then the topics an expert expects.
    expect(template.sections.map((s) => s.id)).toEqual([
      'profile',
      'procurement',
      'purchases',
      'endoflife',
      'ecodesign',
      'hosting',
      'networks',
      'printing',
      'genai',
      'usage',
      'measurement',
      'inventory',
      'governance',
    ]);
    const questions = allQuestions(template);
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(['single_choice', 'multi_choice', 'boolean', 'number', 'scale', 'text']));
    for (const device of ['laptop', 'desktop', 'monitor', 'smartphone', 'tablet', 'meeting_screen', 'server']) {
      for (const suffix of ['count', 'lifespan_years']) expect(questions.map((q) => q.id)).toContain(`inventory.${device}.${suffix}`);
      // The refurbished share only where the footprint has a figure for it.
      const refurbished = ['laptop', 'desktop', 'smartphone', 'tablet'].includes(device);
      expect(questions.some((q) => q.id === `inventory.${device}.refurbished_share`)).toBe(refurbished);
    }
    const actions = (await request(t.http).get(`${api}/actions`).set(bearer(owner)).expect(200)).body;
    expect(actions.length).toBeGreaterThanOrEqual(20);
    for (const a of actions) {
      expect(a).toEqual(
        expect.objectContaining({
          impactWeight: expect.any(Number),
          effort: expect.stringMatching(/^(low|medium|high)$/),
          ownerRole: expect.any(String),
          indicator: { fr: expect.any(String), en: expect.any(String) },
        }),
      );
      const informing = questions.filter((q) => q.scoring?.actions.some((x) => x.actionId === a.id));
      expect(informing.length).toBeGreaterThanOrEqual(2);
    }
    await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/99`).set(bearer(owner)).expect(404);
    await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/abc`).set(bearer(owner)).expect(400);
  });

  it('an editor walks the whole questionnaire with next until 204, progress rising at each step, then the owner submits', async () => {
    const editor = await addMember(t.http, owner, 'editor');
    const a = await create(editor, 2024);
    expect(a).toMatchObject({ year: 2024, status: 'draft', questionnaireId: template.id, templateVersion: template.version });
    expect(a.progress.answered).toBe(0);

    const given: Record<string, unknown> = {};
    let previous = a.progress;
    for (let step = 0; step < 500; step++) {
      const next = await request(t.http).get(`${api}/assessments/${a.id}/next`).set(bearer(editor));
      if (next.status === 204) break;
      expect(next.status).toBe(200);
      expect(next.body.progress).toEqual(previous);
      const q = next.body.question;
      expect(given[q.id]).toBeUndefined();
      const value = answerFor(q, 'best');
      const saved = await request(t.http)
        .put(`${api}/assessments/${a.id}/answers/${q.id}`)
        .set(bearer(editor))
        .send({ value, expectedVersion: 0, ...(step === 0 ? { comment: 'Vérifié avec les achats' } : {}) })
        .expect(200);
      expect(saved.body).toMatchObject({ questionId: q.id, value, version: 1 });
      given[q.id] = value;
      const now = (await request(t.http).get(`${api}/assessments/${a.id}`).set(bearer(editor)).expect(200)).body.progress;
      expect(now.answered).toBe(previous.answered + 1);
      expect(now.percent).toBe(Math.round((now.answered / now.total) * 100));
      previous = now;
    }
    const done = (await request(t.http).get(`${api}/assessments/${a.id}`).set(bearer(editor)).expect(200)).body;
    expect(done.progress).toEqual({ answered: done.progress.total, total: done.progress.total, percent: 100 });
    expect(done.requiredMissing).toBe(0);

    await request(t.http).post(`${api}/assessments/${a.id}/submit`).set(bearer(editor)).expect(403);
    const submitted = await request(t.http).post(`${api}/assessments/${a.id}/submit`).set(bearer(owner)).expect(200);
    expect(submitted.body.status).toBe('submitted');

    const answers = (await request(t.http).get(`${api}/assessments/${a.id}/answers`).set(bearer(owner)).expect(200)).body;
    expect(Object.fromEntries(answers.map((x: { questionId: string; value: unknown }) => [x.questionId, x.value]))).toEqual(given);
    expect(answers[0]).toMatchObject({ comment: 'Vérifié avec les achats', answeredByEmail: editor.email, visible: true });
    const list = (await request(t.http).get(`${api}/assessments`).set(bearer(owner)).expect(200)).body;
    expect(list.find((x: { id: string }) => x.id === a.id).status).toBe('submitted');
  });

  it('a submitted assessment is read-only until an owner reopens it', async () => {
    const editor = await addMember(t.http, owner, 'editor');
    const a = await create(owner, 2023);
    const q = allQuestions(template).find((x) => !x.showIf && !x.applicableIf && x.required && x.scoring)!;
    // Fill every required visible question quickly through next.
    for (;;) {
      const next = await request(t.http).get(`${api}/assessments/${a.id}/next`).set(bearer(owner));
      if (next.status === 204) break;
      await request(t.http)
        .put(`${api}/assessments/${a.id}/answers/${next.body.question.id}`)
        .set(bearer(owner))
        .send({ value: answerFor(next.body.question, 'worst') })
        .expect(200);
    }
    await request(t.http).post(`${api}/assessments/${a.id}/submit`).set(bearer(owner)).expect(200);
    const locked = await request(t.http)
      .put(`${api}/assessments/${a.id}/answers/${q.id}`)
      .set(bearer(editor))
      .send({ value: answerFor(q) })
      .expect(409);
    expect(locked.body.detail).toMatch(/submitted and read-only/);
    await request(t.http).delete(`${api}/assessments/${a.id}/answers/${q.id}`).set(bearer(editor)).expect(409);
    await request(t.http).post(`${api}/assessments/${a.id}/submit`).set(bearer(owner)).expect(409);
    await request(t.http).post(`${api}/assessments/${a.id}/reopen`).set(bearer(editor)).expect(403);
    await request(t.http).post(`${api}/assessments/${a.id}/reopen`).set(bearer(owner)).expect(200);
    await request(t.http)
      .put(`${api}/assessments/${a.id}/answers/${q.id}`)
      .set(bearer(editor))
      .send({ value: answerFor(q) })
      .expect(200);
    const history = (await request(t.http).get(`${api}/assessments/${a.id}/history`).set(bearer(owner)).expect(200)).body;
    expect(history.slice(0, 3).map((e: { action: string }) => e.action)).toEqual(['answered', 'reopened', 'submitted']);
  });

  it('submit lists the required visible questions still unanswered', async () => {
    const a = await create(owner, 2022);
    const res = await request(t.http).post(`${api}/assessments/${a.id}/submit`).set(bearer(owner)).expect(409);
    const required = allQuestions(template).filter((q) => q.required && !q.showIf);
    expect(res.body.missing.map((m: { questionId: string }) => m.questionId)).toEqual(required.map((q) => q.id));
    expect(res.body.missing[0]).toMatchObject({ sectionId: 'profile', label: { fr: expect.any(String), en: expect.any(String) } });
  });

  it('each answer is checked against its question and the 400 says which rule failed', async () => {
    const a = await create(owner, 2021);
    const qs = allQuestions(template);
    const byType = (type: string, pred: (q: (typeof qs)[number]) => boolean = () => true) => qs.find((q) => q.type === type && pred(q))!;
    const single = byType('single_choice');
    const scale = byType('scale');
    const multi = byType('multi_choice', (q) => (q.options ?? []).some((o) => o.exclusive));
    const bool = byType('boolean');
    const integer = qs.find((q) => q.type === 'number' && q.integer)!;
    const text = byType('text', (q) => !q.showIf && (q.maxLength ?? 2000) === 2000);
    const put = (questionId: string, body: Record<string, unknown>) =>
      request(t.http).put(`${api}/assessments/${a.id}/answers/${questionId}`).set(bearer(owner)).send(body);
    const expectRule = async (questionId: string, body: Record<string, unknown>, rule: string, status = 400) => {
      const res = await put(questionId, body).expect(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: expect.any(String), rule })]);
      return res;
    };
    await expectRule(single.id, { value: 'not-an-option' }, 'option');
    await expectRule(single.id, { value: 3 }, 'type');
    await expectRule(scale.id, { value: ['a'] }, 'type');
    const exclusive = multi.options!.find((o) => o.exclusive)!;
    const other = multi.options!.find((o) => !o.exclusive)!;
    await expectRule(multi.id, { value: [exclusive.id, other.id] }, 'exclusive');
    await expectRule(multi.id, { value: [] }, 'notEmpty');
    await expectRule(multi.id, { value: [other.id, other.id] }, 'unique');
    await expectRule(multi.id, { value: ['nope'] }, 'option');
    await expectRule(bool.id, { value: 'yes' }, 'type');
    await expectRule(integer.id, { value: 1.5 }, 'integer');
    await expectRule(integer.id, { value: (integer.min ?? 0) - 1 }, 'min');
    await expectRule(integer.id, { value: (integer.max ?? 0) + 1 }, 'max');
    await expectRule(integer.id, { value: true }, 'type');
    // A number may come as the text a person typed; text that is no number, or an ambiguous one, is refused.
    await expectRule(integer.id, { value: 'douze' }, 'decimal');
    await expectRule(integer.id, { value: '1,234' }, 'decimal');
    await expectRule(text.id, { value: 'x'.repeat(2001) }, 'maxLength');
    await expectRule(text.id, { value: '   ' }, 'notEmpty');
    await expectRule(single.id, { value: single.options![0].id, comment: 'c'.repeat(2001) }, 'maxLength');
    await expectRule(single.id, { value: single.options![0].id, extra: true }, 'unknownField');
    await expectRule(single.id, {}, 'isDefined');
    await expectRule(single.id, { value: single.options![0].id, expectedVersion: -1 }, 'min');
    await expectRule('bad id!', { value: 1 }, 'pattern');
    const unknown = await put('procurement.does_not_exist', { value: 'x' }).expect(404);
    expect(unknown.body.detail).toMatch(/not part of/);
    // A 2,000-character text and comment are fine; nothing was stored by the refused writes.
    await put(text.id, { value: 'é'.repeat(2000), comment: 'c'.repeat(2000) }).expect(200);
    const answers = (await request(t.http).get(`${api}/assessments/${a.id}/answers`).set(bearer(owner)).expect(200)).body;
    expect(answers.map((x: { questionId: string }) => x.questionId)).toEqual([text.id]);
  });

  it("an editor's stale write is refused with the current answer, and two simultaneous writers never both win", async () => {
    const alice = await addMember(t.http, owner, 'editor');
    const bob = await addMember(t.http, owner, 'editor');
    const a = await create(owner, 2020);
    const q = allQuestions(template).find((x) => x.type === 'scale')!;
    const [o1, o2, o3] = q.options!;
    const url = `${api}/assessments/${a.id}/answers/${q.id}`;
    const first = await request(t.http).put(url).set(bearer(alice)).send({ value: o1.id, expectedVersion: 0 }).expect(200);
    expect(first.body.version).toBe(1);
    // Both read version 1, then write at the same time.
    const results = await Promise.all([
      request(t.http).put(url).set(bearer(alice)).send({ value: o2.id, expectedVersion: 1 }),
      request(t.http).put(url).set(bearer(bob)).send({ value: o3.id, expectedVersion: 1 }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.current).toMatchObject({ value: winner.body.value, version: 2 });
    expect(loser.body.detail).toMatch(/changed since version 1/);
    // A first answer written twice with expectedVersion 0: one wins.
    const q2 = allQuestions(template).filter((x) => x.type === 'scale')[1];
    const url2 = `${api}/assessments/${a.id}/answers/${q2.id}`;
    const firsts = await Promise.all([
      request(t.http).put(url2).set(bearer(alice)).send({ value: q2.options![0].id, expectedVersion: 0 }),
      request(t.http).put(url2).set(bearer(bob)).send({ value: q2.options![1].id, expectedVersion: 0 }),
    ]);
    expect(firsts.map((r) => r.status).sort()).toEqual([200, 409]);
    const history = (await request(t.http).get(`${api}/assessments/${a.id}/history?questionId=${q.id}`).set(bearer(owner)).expect(200))
      .body;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ action: 'answered', oldValue: o1.id, newValue: winner.body.value, version: 2 });
    // Clearing with a stale version is refused too.
    await request(t.http).delete(`${url}?expectedVersion=1`).set(bearer(bob)).expect(409);
    await request(t.http).delete(`${url}?expectedVersion=2`).set(bearer(bob)).expect(204);
    const again = await request(t.http).put(url).set(bearer(alice)).send({ value: o1.id, expectedVersion: 3 }).expect(200);
    expect(again.body.version).toBe(4);
  });

  it('conditional questions appear and disappear with the answers they depend on, and count only when shown', async () => {
    const a = await create(owner, 2019);
    const qs = allQuestions(template);
    const dependent = qs.find((q) => q.showIf && qs.find((p) => p.id === q.showIf!.questionId)?.type === 'boolean')!;
    const controller = qs.find((q) => q.id === dependent.showIf!.questionId)!;
    const shownWhen = dependent.showIf!.in![0] as boolean;
    const get = async () => (await request(t.http).get(`${api}/assessments/${a.id}`).set(bearer(owner)).expect(200)).body;
    const put = (id: string, value: unknown) =>
      request(t.http).put(`${api}/assessments/${a.id}/answers/${id}`).set(bearer(owner)).send({ value });

    const before = await get();
    await put(controller.id, !shownWhen).expect(200);
    const hidden = await get();
    expect(hidden.progress.total).toBe(before.progress.total);
    await put(controller.id, shownWhen).expect(200);
    const shown = await get();
    const dependents = qs.filter((q) => q.showIf?.questionId === controller.id && q.showIf.in?.includes(shownWhen));
    expect(shown.progress.total).toBe(before.progress.total + dependents.length);

    // Answer the dependent, then hide it again: the answer is kept but ignored.
    const saved = await put(dependent.id, answerFor(dependent)).expect(200);
    expect(saved.body.visible).toBe(true);
    const withDependent = await get();
    await put(controller.id, !shownWhen).expect(200);
    const afterHide = await get();
    expect(afterHide.progress.answered).toBe(withDependent.progress.answered - 1);
    expect(afterHide.progress.total).toBe(before.progress.total);
    const answers = (await request(t.http).get(`${api}/assessments/${a.id}/answers`).set(bearer(owner)).expect(200)).body;
    expect(answers.find((x: { questionId: string }) => x.questionId === dependent.id)).toMatchObject({ visible: false });
    // next never offers a hidden question
    for (;;) {
      const next = await request(t.http).get(`${api}/assessments/${a.id}/next`).set(bearer(owner));
      if (next.status === 204) break;
      expect(dependents.map((d) => d.id)).not.toContain(next.body.question.id);
      await put(next.body.question.id, answerFor(next.body.question)).expect(200);
    }
  });

  it('one assessment per year: a second one for the same year is a 409', async () => {
    await create(owner, 2018);
    const res = await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: 2018 }).expect(409);
    expect(res.body.errors[0]).toMatchObject({ field: 'year', rule: 'unique' });
    await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: 1999 }).expect(400);
    await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: '2030' }).expect(400);
  });

  it('a viewer reads but cannot create, answer or clear', async () => {
    const viewer = await addMember(t.http, owner, 'viewer');
    const a = await create(owner, 2017);
    const q = allQuestions(template)[0];
    await request(t.http).post(`${api}/assessments`).set(bearer(viewer)).send({ year: 2016 }).expect(403);
    await request(t.http)
      .put(`${api}/assessments/${a.id}/answers/${q.id}`)
      .set(bearer(viewer))
      .send({ value: answerFor(q) })
      .expect(403);
    await request(t.http).delete(`${api}/assessments/${a.id}/answers/${q.id}`).set(bearer(viewer)).expect(403);
    await request(t.http).get(`${api}/assessments/${a.id}`).set(bearer(viewer)).expect(200);
    await request(t.http).get(`${api}/assessments/${a.id}/next`).set(bearer(viewer)).expect(200);
  });
});
