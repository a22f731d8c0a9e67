import request from 'supertest';
import { DataSource } from 'typeorm';
import type { QuestionnaireTemplate } from '../src/questionnaires/template.types.js';
import { allQuestions, answerFor } from './support/answers.js';
import { addMember, bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';

const api = '/api/v1';

/**
 * Next year's assessment starts from last year's answers, across two template versions: a year
 * answered on version 1 of fresque-numerique, the next one on version 2 (the real templates).
 */
describe('copy-forward', () => {
  let t: TestApp;
  let owner: Account;
  let v1: QuestionnaireTemplate;
  let v2: QuestionnaireTemplate;

  beforeAll(async () => {
    t = await createTestApp();
    // The profile given at sign-up fills what version 2 asks and last year did not say.
    owner = await register(t.http, 'Mairie de Copie', { country: 'FR', kind: 'public_body', hosting: ['own_room', 'cloud'], staff: 140 });
    v1 = (await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/1`).set(bearer(owner)).expect(200)).body;
    v2 = (await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/2`).set(bearer(owner)).expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists both versions, the newest by default', async () => {
    const list = (await request(t.http).get(`${api}/questionnaires`).set(bearer(owner)).expect(200)).body;
    expect(list).toEqual([expect.objectContaining({ id: 'fresque-numerique', version: 2, versions: [1, 2] })]);
  });

  it('carries answers into version 2, marks them until confirmed, and lists what was carried, what is new and what no longer fits', async () => {
    const editor = await addMember(t.http, owner, 'editor');
    const last = (await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: 2025, templateVersion: 1 }).expect(201))
      .body;
    expect(last.templateVersion).toBe(1);
    const v1Ids = allQuestions(v1).map((q) => q.id);
    const v2Ids = allQuestions(v2).map((q) => q.id);
    const removed = v1Ids.filter((id) => !v2Ids.includes(id));
    const added = v2Ids.filter((id) => !v1Ids.includes(id));
    // Version 2 no longer asks the refurbished share where the footprint has no figure for it.
    expect(removed.sort()).toEqual([
      'inventory.meeting_screen.refurbished_share',
      'inventory.monitor.refurbished_share',
      'inventory.server.refurbished_share',
    ]);
    expect(added).toEqual(
      expect.arrayContaining(['organisation.hosting', 'governance.strategy', 'hosting.right_sizing', 'printing.defaults']),
    );
    const put = (id: string, value: unknown, comment?: string) =>
      request(t.http)
        .put(`${api}/assessments/${last.id}/answers/${id}`)
        .set(bearer(owner))
        .send({ value, ...(comment ? { comment } : {}) })
        .expect(200);
    const kept = allQuestions(v1).find((q) => q.id === 'procurement.purchasing_policy')!;
    await put(kept.id, answerFor(kept, 'worst'), "repris l'an dernier");
    await put('organisation.kind', 'public_body');
    await put('inventory.monitor.count', 80);
    await put('inventory.monitor.refurbished_share', 10); // no longer asked
    await put('procurement.retired_equipment', 'stored_or_binned'); // split in two options in version 2
    await put('usage.hosting', 'pooled'); // still an option
    await put('measurement.measures_footprint', true);
    await put('measurement.criteria', ['climate', 'energy']); // energy is not an impact category

    const next = (
      await request(t.http).post(`${api}/assessments`).set(bearer(editor)).send({ year: 2026, copyFromAssessmentId: last.id }).expect(201)
    ).body;
    expect(next.templateVersion).toBe(2);
    expect(next.copyForward).toMatchObject({
      fromAssessmentId: last.id,
      fromYear: 2025,
      fromTemplateVersion: 1,
      copied: 7,
      // in version 2's order: the profile first, then procurement, hosting, measurement, inventory;
      // country and headcount came into last year's assessment from the profile too
      carried: [
        'organisation.kind',
        'organisation.country',
        'organisation.employees',
        'procurement.purchasing_policy',
        'usage.hosting',
        'measurement.measures_footprint',
        'inventory.monitor.count',
      ],
      pendingConfirmation: 7,
    });
    expect(next.copyForward.noLongerAsked.sort()).toEqual(removed);
    expect(next.copyForward.newQuestions).toEqual(added);
    expect(next.copyForward.notCopied).toEqual([
      { questionId: 'procurement.retired_equipment', reason: expect.stringContaining('stored_or_binned') },
      { questionId: 'measurement.criteria', reason: expect.stringContaining('energy') },
    ]);

    const answers = (await request(t.http).get(`${api}/assessments/${next.id}/answers`).set(bearer(editor)).expect(200)).body as Array<{
      questionId: string;
      value: unknown;
      carriedOver: boolean;
      comment: string | null;
      version: number;
    }>;
    expect(answers.find((a) => a.questionId === kept.id)).toEqual(
      expect.objectContaining({ value: answerFor(kept, 'worst'), carriedOver: true, comment: "repris l'an dernier", version: 1 }),
    );
    // Last year's answer (to confirm) wins over the profile; the profile fills what last year did not say.
    const byId = new Map(answers.map((a) => [a.questionId, a]));
    expect(byId.get('organisation.kind')).toMatchObject({ value: 'public_body', carriedOver: true });
    expect(byId.get('organisation.hosting')).toMatchObject({ value: ['own_room', 'cloud'], carriedOver: false });
    expect(byId.get('organisation.country')).toMatchObject({ value: 'FR', carriedOver: true });
    expect(byId.get('organisation.employees')).toMatchObject({ value: 140, carriedOver: true });

    // Confirming (same value) clears the mark and is recorded as a confirmation.
    const confirmed = await request(t.http)
      .put(`${api}/assessments/${next.id}/answers/${kept.id}`)
      .set(bearer(editor))
      .send({ value: answerFor(kept, 'worst'), expectedVersion: 1 })
      .expect(200);
    expect(confirmed.body).toMatchObject({ carriedOver: false, version: 2 });
    const after = (await request(t.http).get(`${api}/assessments/${next.id}`).set(bearer(editor)).expect(200)).body;
    expect(after.copyForward.pendingConfirmation).toBe(6);
    const history = (await request(t.http).get(`${api}/assessments/${next.id}/history`).set(bearer(editor)).expect(200)).body as Array<{
      action: string;
      questionId: string | null;
    }>;
    expect(history.filter((e) => e.questionId === kept.id || e.questionId === null).map((e) => e.action)).toEqual([
      'confirmed',
      'carried_over',
      'created',
    ]);
    expect(history.filter((e) => e.action === 'prefilled').map((e) => e.questionId)).toEqual(['organisation.hosting']);

    // Last year's assessment is untouched and still pinned to version 1.
    const old = (await request(t.http).get(`${api}/assessments/${last.id}`).set(bearer(owner)).expect(200)).body;
    expect(old.templateVersion).toBe(1);
    await request(t.http)
      .put(`${api}/assessments/${last.id}/answers/organisation.hosting`)
      .set(bearer(owner))
      .send({ value: ['cloud'] })
      .expect(404);

    // The comparison works across versions and lists what cannot be matched.
    const cmp = (await request(t.http).get(`${api}/assessments/${next.id}/compare/${last.id}`).set(bearer(owner)).expect(200)).body;
    expect(cmp.sameTemplate).toBe(false);
    expect(cmp.answers.onlyInPrevious).toEqual(expect.arrayContaining(['inventory.monitor.refurbished_share']));
    expect(cmp.answers.onlyInCurrent).toEqual(expect.arrayContaining(['organisation.hosting']));
  });

  it('a history keeps the order of events written in one instant: answers carried over after the assessment was created', async () => {
    const a = (await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: 2030, templateVersion: 1 }).expect(201))
      .body;
    // Copy-forward can stamp its answers in the very millisecond the assessment was created: write
    // one such event (same instant as 'created') and read the trail back.
    await t.app.get(DataSource).query(
      `INSERT INTO audit_events (organisation_id, assessment_id, question_id, action, new_value, version, actor_id, actor_email, at)
       SELECT organisation_id, assessment_id, 'procurement.purchasing_policy', 'carried_over', '"no_rules"'::jsonb, 1, actor_id, actor_email, at
         FROM audit_events WHERE assessment_id = $1 AND action = 'created'`,
      [a.id],
    );
    const history = (await request(t.http).get(`${api}/assessments/${a.id}/history`).set(bearer(owner)).expect(200)).body as Array<{
      action: string;
      at: string;
    }>;
    const sameInstant = history.filter((e) => e.action === 'carried_over' || e.action === 'created');
    expect(new Set(sameInstant.map((e) => e.at)).size).toBe(1);
    expect(sameInstant.map((e) => e.action)).toEqual(['carried_over', 'created']);
  });

  it("another organisation's assessment cannot be copied from (404, nothing created)", async () => {
    const other = await register(t.http, 'Autre organisation');
    const theirs = (
      await request(t.http).post(`${api}/assessments`).set(bearer(other)).send({ year: 2025, templateVersion: 1 }).expect(201)
    ).body;
    await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: 2027, copyFromAssessmentId: theirs.id }).expect(404);
    const mine = (await request(t.http).get(`${api}/assessments`).set(bearer(owner)).expect(200)).body as Array<{ year: number }>;
    expect(mine.map((a) => a.year)).not.toContain(2027);
  });
});
