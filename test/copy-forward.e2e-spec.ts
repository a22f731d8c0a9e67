import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { QuestionnaireTemplate } from '../src/questionnaires/template.types.js';
import { allQuestions, answerFor } from './support/answers.js';
import { addMember, bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';

const api = '/api/v1';

/** Next year's assessment starts from last year's answers, across two template versions. */
describe('copy-forward', () => {
  let t: TestApp;
  let dir: string;
  let owner: Account;
  let v1: QuestionnaireTemplate;
  let v2: QuestionnaireTemplate;

  beforeAll(async () => {
    // The real templates, plus the test fixture version 2 of the questionnaire.
    dir = mkdtempSync(join(tmpdir(), 'fi-templates-'));
    cpSync('templates', dir, { recursive: true });
    mkdirSync(join(dir, 'questionnaires', 'fresque-numerique'), { recursive: true });
    cpSync('test/fixtures/templates/fresque-numerique/v2.json', join(dir, 'questionnaires', 'fresque-numerique', 'v2.json'));
    t = await createTestApp({ env: { TEMPLATES_DIR: dir } });
    owner = await register(t.http);
    v1 = (await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/1`).set(bearer(owner)).expect(200)).body;
    v2 = (await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/2`).set(bearer(owner)).expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists both versions, the newest by default', async () => {
    const list = (await request(t.http).get(`${api}/questionnaires`).set(bearer(owner)).expect(200)).body;
    expect(list).toEqual([expect.objectContaining({ id: 'fresque-numerique', version: 2, versions: [1, 2] })]);
  });

  it('carries answers into the new version, marks them until confirmed, and says what is new or gone', async () => {
    const editor = await addMember(t.http, owner, 'editor');
    const last = (await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: 2025, templateVersion: 1 }).expect(201))
      .body;
    expect(last.templateVersion).toBe(1);
    const v1Ids = allQuestions(v1).map((q) => q.id);
    const v2Ids = allQuestions(v2).map((q) => q.id);
    const removed = v1Ids.filter((id) => !v2Ids.includes(id));
    const added = v2Ids.filter((id) => !v1Ids.includes(id));
    expect(removed.length).toBeGreaterThan(0);
    expect(added.length).toBeGreaterThan(0);
    const removedQ = allQuestions(v1).find((q) => q.id === removed[0] && !q.showIf)!;
    const keptQ = allQuestions(v1).find((q) => q.type === 'scale' && v2Ids.includes(q.id))!;
    await request(t.http)
      .put(`${api}/assessments/${last.id}/answers/${removedQ.id}`)
      .set(bearer(owner))
      .send({ value: answerFor(removedQ) })
      .expect(200);
    await request(t.http)
      .put(`${api}/assessments/${last.id}/answers/${keptQ.id}`)
      .set(bearer(owner))
      .send({ value: answerFor(keptQ, 'worst'), comment: "repris l'an dernier" })
      .expect(200);

    const next = (
      await request(t.http).post(`${api}/assessments`).set(bearer(editor)).send({ year: 2026, copyFromAssessmentId: last.id }).expect(201)
    ).body;
    expect(next.templateVersion).toBe(2);
    expect(next.copyForward).toMatchObject({
      fromAssessmentId: last.id,
      fromYear: 2025,
      fromTemplateVersion: 1,
      copied: 1,
      pendingConfirmation: 1,
    });
    expect(next.copyForward.noLongerAsked).toEqual(expect.arrayContaining(removed));
    expect(next.copyForward.newQuestions).toEqual(expect.arrayContaining(added));

    const answers = (await request(t.http).get(`${api}/assessments/${next.id}/answers`).set(bearer(editor)).expect(200)).body;
    expect(answers).toEqual([
      expect.objectContaining({
        questionId: keptQ.id,
        value: answerFor(keptQ, 'worst'),
        carriedOver: true,
        comment: "repris l'an dernier",
        version: 1,
      }),
    ]);

    // Confirming (same value) clears the mark and is recorded as a confirmation.
    const confirmed = await request(t.http)
      .put(`${api}/assessments/${next.id}/answers/${keptQ.id}`)
      .set(bearer(editor))
      .send({ value: answerFor(keptQ, 'worst'), expectedVersion: 1 })
      .expect(200);
    expect(confirmed.body).toMatchObject({ carriedOver: false, version: 2 });
    const after = (await request(t.http).get(`${api}/assessments/${next.id}`).set(bearer(editor)).expect(200)).body;
    expect(after.copyForward.pendingConfirmation).toBe(0);
    const history = (await request(t.http).get(`${api}/assessments/${next.id}/history`).set(bearer(editor)).expect(200)).body;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['confirmed', 'carried_over', 'created']);

    // Last year's assessment is untouched and still pinned to version 1.
    const old = (await request(t.http).get(`${api}/assessments/${last.id}`).set(bearer(owner)).expect(200)).body;
    expect(old.templateVersion).toBe(1);
    await request(t.http).put(`${api}/assessments/${last.id}/answers/${added[0]}`).set(bearer(owner)).send({ value: true }).expect(404);

    // The comparison works across versions and lists what cannot be matched.
    const cmp = (await request(t.http).get(`${api}/assessments/${next.id}/compare/${last.id}`).set(bearer(owner)).expect(200)).body;
    expect(cmp.sameTemplate).toBe(false);
    expect(cmp.answers.onlyInPrevious).toEqual(expect.arrayContaining(removed));
    expect(cmp.answers.onlyInCurrent).toEqual(expect.arrayContaining(added));
  });
});
