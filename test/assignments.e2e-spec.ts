import request from 'supertest';
import { addMember, bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';

const api = '/api/v1';

/** The owner hands sections to colleagues: the buyer takes procurement, a product lead eco-design. */
describe('sections assigned to colleagues', () => {
  let t: TestApp;
  let owner: Account;
  let buyer: Account;
  let productLead: Account;
  let viewer: Account;
  let stranger: Account;
  let assessment: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await register(t.http, 'Assignations');
    buyer = await addMember(t.http, owner, 'editor');
    productLead = await addMember(t.http, owner, 'editor');
    viewer = await addMember(t.http, owner, 'viewer');
    stranger = await register(t.http, 'Ailleurs');
    assessment = (await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: 2025 }).expect(201)).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const assign = (who: Account, sectionId: string, userId: string) =>
    request(t.http).put(`${api}/assessments/${assessment}/assignments/${sectionId}`).set(bearer(who)).send({ userId });

  it('the owner assigns sections; every member sees who holds each, with its progress', async () => {
    const given = (await assign(owner, 'procurement', buyer.userId).expect(200)).body;
    expect(given).toMatchObject({
      assessmentId: assessment,
      year: 2025,
      sectionId: 'procurement',
      assignee: { userId: buyer.userId, email: buyer.email },
      assignedBy: owner.email,
      progress: { answered: 0 },
    });
    expect(given.progress.total).toBeGreaterThan(0);
    expect(given.sectionTitle.fr).toBeTruthy();
    await assign(owner, 'ecodesign', productLead.userId).expect(200);

    const list = (await request(t.http).get(`${api}/assessments/${assessment}/assignments`).set(bearer(viewer)).expect(200)).body;
    expect(list.assignments.map((a: { sectionId: string; assignee: { email: string } }) => [a.sectionId, a.assignee.email])).toEqual([
      ['procurement', buyer.email],
      ['ecodesign', productLead.email],
    ]);
  });

  it("the member's own sections list shows their progress as they answer", async () => {
    const template = (await request(t.http).get(`${api}/assessments/${assessment}`).set(bearer(buyer)).expect(200)).body;
    expect(template.sections.some((s: { id: string }) => s.id === 'procurement')).toBe(true);
    const mine = (await request(t.http).get(`${api}/me/assignments`).set(bearer(buyer)).expect(200)).body;
    expect(mine.map((a: { sectionId: string }) => a.sectionId)).toEqual(['procurement']);
    const q = (
      await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/2`).set(bearer(buyer)).expect(200)
    ).body.sections.find((s: { id: string }) => s.id === 'procurement').questions[0];
    const value = q.type === 'boolean' ? true : q.type === 'number' ? 1 : q.type === 'multi_choice' ? [q.options[0].id] : q.options[0].id;
    await request(t.http).put(`${api}/assessments/${assessment}/answers/${q.id}`).set(bearer(buyer)).send({ value }).expect(200);
    const after = (await request(t.http).get(`${api}/me/assignments`).set(bearer(buyer)).expect(200)).body;
    expect(after[0].progress.answered).toBe(1);
    expect((await request(t.http).get(`${api}/me/assignments`).set(bearer(viewer)).expect(200)).body).toEqual([]);
  });

  it('reassigning replaces the holder; clearing frees the section; both are in the trail', async () => {
    await assign(owner, 'procurement', productLead.userId).expect(200);
    // The same again changes nothing and records nothing.
    await assign(owner, 'procurement', productLead.userId).expect(200);
    await request(t.http).delete(`${api}/assessments/${assessment}/assignments/ecodesign`).set(bearer(owner)).expect(204);
    await request(t.http).delete(`${api}/assessments/${assessment}/assignments/ecodesign`).set(bearer(owner)).expect(204);
    const list = (await request(t.http).get(`${api}/assessments/${assessment}/assignments`).set(bearer(owner)).expect(200)).body;
    expect(list.assignments.map((a: { sectionId: string; assignee: { email: string } }) => [a.sectionId, a.assignee.email])).toEqual([
      ['procurement', productLead.email],
    ]);
    const history = (await request(t.http).get(`${api}/assessments/${assessment}/assignments/history`).set(bearer(viewer)).expect(200))
      .body;
    expect(
      history.map((e: { action: string; sectionId: string; assigneeEmail: string | null; previousAssigneeEmail: string | null }) => [
        e.action,
        e.sectionId,
        e.assigneeEmail,
        e.previousAssigneeEmail,
      ]),
    ).toEqual([
      ['cleared', 'ecodesign', null, productLead.email],
      ['assigned', 'procurement', productLead.email, buyer.email],
      ['assigned', 'ecodesign', productLead.email, null],
      ['assigned', 'procurement', buyer.email, null],
    ]);
    expect(history.every((e: { actorEmail: string }) => e.actorEmail === owner.email)).toBe(true);
  });

  it('only owners assign; the assignee must be a member of the organisation; the section must exist', async () => {
    for (const who of [buyer, viewer]) {
      await assign(who, 'procurement', who.userId).expect(403);
      await request(t.http).delete(`${api}/assessments/${assessment}/assignments/procurement`).set(bearer(who)).expect(403);
    }
    const outsider = await assign(owner, 'procurement', stranger.userId).expect(400);
    expect(outsider.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(outsider.body.errors).toEqual([expect.objectContaining({ field: 'userId', rule: 'isMember' })]);
    const notUuid = await assign(owner, 'procurement', 'someone').expect(400);
    expect(notUuid.body.errors).toEqual([expect.objectContaining({ field: 'userId' })]);
    const extra = await request(t.http)
      .put(`${api}/assessments/${assessment}/assignments/procurement`)
      .set(bearer(owner))
      .send({ userId: buyer.userId, role: 'owner' })
      .expect(400);
    expect(extra.body.errors[0].field).toBe('role');
    await assign(owner, 'no-such-section', buyer.userId).expect(404);
    const badId = await assign(owner, 'bad id!', buyer.userId).expect(400);
    expect(badId.body.errors[0]).toMatchObject({ field: 'sectionId', rule: 'isSectionId' });
    await assign(owner, 'x'.repeat(101), buyer.userId).expect(400);
  });

  it("another organisation's assessment is not found, and its owner cannot assign to our members", async () => {
    await assign(stranger, 'procurement', stranger.userId).expect(404);
    await assign(stranger, 'procurement', buyer.userId).expect(404);
    await request(t.http).get(`${api}/assessments/${assessment}/assignments`).set(bearer(stranger)).expect(404);
    await request(t.http).get(`${api}/assessments/${assessment}/assignments/history`).set(bearer(stranger)).expect(404);
    await request(t.http).delete(`${api}/assessments/${assessment}/assignments/procurement`).set(bearer(stranger)).expect(404);
    expect((await request(t.http).get(`${api}/me/assignments`).set(bearer(stranger)).expect(200)).body).toEqual([]);
    const theirs = (await request(t.http).post(`${api}/assessments`).set(bearer(stranger)).send({ year: 2025 }).expect(201)).body.id;
    const res = await request(t.http)
      .put(`${api}/assessments/${theirs}/assignments/procurement`)
      .set(bearer(stranger))
      .send({ userId: buyer.userId })
      .expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'userId', rule: 'isMember' });
  });

  it('a removed member no longer holds a section', async () => {
    await request(t.http).delete(`${api}/organisation/members/${productLead.userId}`).set(bearer(owner)).expect(204);
    const list = (await request(t.http).get(`${api}/assessments/${assessment}/assignments`).set(bearer(owner)).expect(200)).body;
    expect(list.assignments).toEqual([]);
    // The trail still names them.
    const history = (await request(t.http).get(`${api}/assessments/${assessment}/assignments/history`).set(bearer(owner)).expect(200)).body;
    expect(
      history.filter(
        (e: { action: string; assigneeEmail: string | null }) => e.action === 'assigned' && e.assigneeEmail === productLead.email,
      ),
    ).toHaveLength(2);
  });
});
