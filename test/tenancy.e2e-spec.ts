import request from 'supertest';
import { allQuestions, answerFor } from './support/answers.js';
import { addMember, bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';

const api = '/api/v1';

/** Another organisation's resource is a 404 on every id-bearing route, and never shows its data. */
describe('tenants never leak', () => {
  let t: TestApp;
  let alice: Account; // organisation A's owner
  let bob: Account; // organisation B's owner
  let aAssessment: string;
  let aOther: string;
  let aMember: Account;
  let questionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    alice = await register(t.http, 'Organisation A');
    bob = await register(t.http, 'Organisation B');
    aMember = await addMember(t.http, alice, 'editor');
    aAssessment = (await request(t.http).post(`${api}/assessments`).set(bearer(alice)).send({ year: 2025 }).expect(201)).body.id;
    aOther = (await request(t.http).post(`${api}/assessments`).set(bearer(alice)).send({ year: 2024 }).expect(201)).body.id;
    const template = (await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/1`).set(bearer(alice))).body;
    const q = allQuestions(template).find((x) => x.type === 'scale')!;
    questionId = q.id;
    await request(t.http)
      .put(`${api}/assessments/${aAssessment}/answers/${q.id}`)
      .set(bearer(alice))
      .send({ value: answerFor(q), comment: 'secret A' })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const routes = (): Array<[string, string, Record<string, unknown>?]> => [
    ['get', `${api}/assessments/${aAssessment}`],
    ['get', `${api}/assessments/${aAssessment}/next`],
    ['get', `${api}/assessments/${aAssessment}/answers`],
    ['get', `${api}/assessments/${aAssessment}/history`],
    ['get', `${api}/assessments/${aAssessment}/results`],
    ['get', `${api}/assessments/${aAssessment}/export?format=json`],
    ['get', `${api}/assessments/${aAssessment}/export?format=csv`],
    ['get', `${api}/assessments/${aAssessment}/export?format=csv&table=answers&lang=fr`],
    ['get', `${api}/assessments/${aAssessment}/export?format=xlsx`],
    ['get', `${api}/assessments/${aAssessment}/assignments`],
    ['get', `${api}/assessments/${aAssessment}/assignments/history`],
    ['put', `${api}/assessments/${aAssessment}/assignments/procurement`, { userId: aMember.userId }],
    ['delete', `${api}/assessments/${aAssessment}/assignments/procurement`],
    ['get', `${api}/assessments/${aAssessment}/report.pdf`],
    ['get', `${api}/assessments/${aAssessment}/compare/${aOther}`],
    ['put', `${api}/assessments/${aAssessment}/answers/${questionId}`, { value: 'x' }],
    ['delete', `${api}/assessments/${aAssessment}/answers/${questionId}`],
    ['post', `${api}/assessments/${aAssessment}/submit`],
    ['post', `${api}/assessments/${aAssessment}/reopen`],
    ['patch', `${api}/organisation/members/${aMember.userId}`, { role: 'viewer' }],
    ['delete', `${api}/organisation/members/${aMember.userId}`],
  ];

  it("every id-bearing route answers 404 to another organisation's owner, without its data", async () => {
    for (const [method, path, body] of routes()) {
      const req = (request(t.http) as unknown as Record<string, (p: string) => request.Test>)[method](path).set(bearer(bob));
      const res = body ? await req.send(body) : await req;
      expect({ path, method, status: res.status }).toEqual({ path, method, status: 404 });
      expect(JSON.stringify(res.body)).not.toContain('secret A');
      expect(JSON.stringify(res.body)).not.toContain('Organisation A');
    }
  });

  it("comparing one's own assessment with another organisation's is a 404", async () => {
    const bobs = (await request(t.http).post(`${api}/assessments`).set(bearer(bob)).send({ year: 2025 }).expect(201)).body.id;
    await request(t.http).get(`${api}/assessments/${bobs}/compare/${aAssessment}`).set(bearer(bob)).expect(404);
    await request(t.http).post(`${api}/assessments`).set(bearer(bob)).send({ year: 2026, copyFromAssessmentId: aAssessment }).expect(404);
  });

  it("lists and the trend show only the caller's organisation", async () => {
    const list = (await request(t.http).get(`${api}/assessments`).set(bearer(bob)).expect(200)).body;
    expect(list.map((a: { id: string }) => a.id)).not.toContain(aAssessment);
    const trend = (await request(t.http).get(`${api}/assessments/trend`).set(bearer(bob)).expect(200)).body;
    expect(trend.points.map((p: { assessmentId: string }) => p.assessmentId)).not.toContain(aAssessment);
    const members = (await request(t.http).get(`${api}/organisation/members`).set(bearer(bob)).expect(200)).body;
    expect(members.map((m: { id: string }) => m.id)).toEqual([bob.userId]);
  });

  it('the organisation still has its data, untouched by the other one', async () => {
    const answers = (await request(t.http).get(`${api}/assessments/${aAssessment}/answers`).set(bearer(alice)).expect(200)).body;
    expect(answers).toEqual([expect.objectContaining({ questionId, comment: 'secret A', version: 1 })]);
    expect((await request(t.http).get(`${api}/me`).set(bearer(aMember))).body.role).toBe('editor');
  });
});
