import request from 'supertest';
import { addMember, bearer, createTestApp, register, uniqueEmail, type TestApp } from './support/test-app.js';

describe('accounts and organisations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('an IT manager registers their organisation, logs in and sees who they are', async () => {
    const email = uniqueEmail('dsi');
    const reg = await request(t.http)
      .post('/api/v1/auth/register')
      .send({
        email: email.toUpperCase(),
        password: 'correct horse battery',
        organisationName: '  Mairie de Saint-Étienne ',
        country: 'fr',
      })
      .expect(201);
    expect(reg.body.accessToken).toEqual(expect.any(String));
    expect(reg.body.user).toMatchObject({ email, role: 'owner', status: 'active' });
    expect(reg.body.organisation).toMatchObject({ name: 'Mairie de Saint-Étienne', country: 'FR', language: 'fr' });
    expect(reg.body.user.passwordHash).toBeUndefined();

    const login = await request(t.http).post('/api/v1/auth/login').send({ email, password: 'correct horse battery' }).expect(200);
    const me = await request(t.http).get('/api/v1/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ role: 'owner', user: { email }, organisation: { id: reg.body.organisation.id } });
  });

  it('a second registration with the same email is a 409 naming the field', async () => {
    const a = await register(t.http);
    const res = await request(t.http)
      .post('/api/v1/auth/register')
      .send({ email: a.email, password: 'correct horse battery', organisationName: 'Other' })
      .expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'email', rule: 'unique' })]);
  });

  it('a wrong password and an unknown email get the same 401', async () => {
    const a = await register(t.http);
    const wrong = await request(t.http).post('/api/v1/auth/login').send({ email: a.email, password: 'not the password' }).expect(401);
    const unknown = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: uniqueEmail('nobody'), password: 'not the password' })
      .expect(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.body.title).toBe(unknown.body.title);
    expect(wrong.body.type).toBe(unknown.body.type);
  });

  it('a short password is refused with the field and the rule', async () => {
    const res = await request(t.http)
      .post('/api/v1/auth/register')
      .send({ email: uniqueEmail(), password: 'short', organisationName: 'X' })
      .expect(400);
    expect(res.body).toMatchObject({ status: 400, title: 'Invalid input' });
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'password', rule: 'minLength' })]);
  });

  it('routes need a token, and a forged token is refused', async () => {
    await request(t.http).get('/api/v1/me').expect(401);
    const res = await request(t.http).get('/api/v1/me').set('Authorization', 'Bearer not.a.token').expect(401);
    expect(res.body.detail).toMatch(/invalid or expired/);
  });

  it('the owner invites an editor and a viewer; the viewer cannot manage members', async () => {
    const owner = await register(t.http);
    const editor = await addMember(t.http, owner, 'editor');
    const viewer = await addMember(t.http, owner, 'viewer');
    const me = await request(t.http).get('/api/v1/me').set(bearer(viewer)).expect(200);
    expect(me.body.role).toBe('viewer');
    const members = await request(t.http).get('/api/v1/organisation/members').set(bearer(editor)).expect(200);
    expect(members.body.map((m: { role: string }) => m.role).sort()).toEqual(['editor', 'owner', 'viewer']);
    const denied = await request(t.http)
      .post('/api/v1/organisation/members')
      .set(bearer(viewer))
      .send({ email: uniqueEmail(), role: 'editor' })
      .expect(403);
    expect(denied.body.detail).toMatch(/owner role/);
    await request(t.http)
      .post('/api/v1/organisation/members')
      .set(bearer(editor))
      .send({ email: uniqueEmail(), role: 'viewer' })
      .expect(403);
  });

  it('an owner changes a role, and the last owner cannot be demoted', async () => {
    const owner = await register(t.http);
    const member = await addMember(t.http, owner, 'viewer');
    await request(t.http).patch(`/api/v1/organisation/members/${member.userId}`).set(bearer(owner)).send({ role: 'editor' }).expect(200);
    expect((await request(t.http).get('/api/v1/me').set(bearer(member))).body.role).toBe('editor');
    const res = await request(t.http)
      .patch(`/api/v1/organisation/members/${owner.userId}`)
      .set(bearer(owner))
      .send({ role: 'viewer' })
      .expect(409);
    expect(res.body.detail).toMatch(/at least one active owner/);
  });

  it('a removed member loses access at once', async () => {
    const owner = await register(t.http);
    const member = await addMember(t.http, owner, 'editor');
    await request(t.http).delete(`/api/v1/organisation/members/${member.userId}`).set(bearer(owner)).expect(204);
    await request(t.http).get('/api/v1/me').set(bearer(member)).expect(401);
  });

  it("another organisation's member is a 404 to an owner", async () => {
    const a = await register(t.http, 'Org A');
    const b = await register(t.http, 'Org B');
    const bMember = await addMember(t.http, b, 'viewer');
    await request(t.http).patch(`/api/v1/organisation/members/${bMember.userId}`).set(bearer(a)).send({ role: 'owner' }).expect(404);
    await request(t.http).delete(`/api/v1/organisation/members/${bMember.userId}`).set(bearer(a)).expect(404);
    const list = await request(t.http).get('/api/v1/organisation/members').set(bearer(a)).expect(200);
    expect(list.body.map((m: { id: string }) => m.id)).not.toContain(bMember.userId);
    expect((await request(t.http).get('/api/v1/me').set(bearer(bMember))).body.role).toBe('viewer');
  });
});
