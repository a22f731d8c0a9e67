import request from 'supertest';
import type { App } from 'supertest/types.js';
import { DataSource } from 'typeorm';
import { addMember, bearer, createTestApp, register, uniqueEmail, type Account, type TestApp } from './support/test-app.js';

/** Sessions end when they should: logging out, a password change or reset, a member's removal. */
describe('sessions, passwords and the member trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const login = async (http: App, who: { email: string; password: string }) =>
    (await request(http).post('/api/v1/auth/login').send({ email: who.email, password: who.password }).expect(200)).body
      .accessToken as string;
  const me = (token: string) => request(t.http).get('/api/v1/me').set('Authorization', `Bearer ${token}`);

  /** A web session: the log-in form, then the session and CSRF cookies. */
  const webLogin = async (who: { email: string; password: string }) => {
    const form = await request(t.http).get('/login').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const cookie = form.headers['set-cookie'] as unknown as string[];
    const res = await request(t.http)
      .post('/login')
      .set('Cookie', cookie.map((c) => c.split(';')[0]).join('; '))
      .type('form')
      .send({ email: who.email, password: who.password, _csrf: csrf })
      .expect(303);
    const cookies = (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]);
    const csrfCookie = cookies.find((c) => c.startsWith('fi_csrf='))!;
    return { cookie: cookies.join('; '), csrf: decodeURIComponent(csrfCookie.slice('fi_csrf='.length)) };
  };

  describe('logging out', () => {
    it('ends the current session: its token is refused, while the same member’s other session goes on', async () => {
      const a = await register(t.http);
      const laptop = await login(t.http, a);
      const phone = await login(t.http, a);
      await me(laptop).expect(200);
      await request(t.http).post('/api/v1/auth/logout').set('Authorization', `Bearer ${laptop}`).expect(204);
      const refused = await me(laptop).expect(401);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect(refused.body.detail).toMatch(/session has ended \(logged out\)/);
      await me(phone).expect(200);
      // Logging out twice is a 401, not an error.
      await request(t.http).post('/api/v1/auth/logout').set('Authorization', `Bearer ${laptop}`).expect(401);
    });

    it('from the web page, revokes the session cookie itself: replaying it afterwards leads to the log-in page', async () => {
      const a = await register(t.http);
      const web = await webLogin(a);
      await request(t.http).get('/dashboard').set('Cookie', web.cookie).expect(200);
      const out = await request(t.http).post('/logout').set('Cookie', web.cookie).type('form').send({ _csrf: web.csrf }).expect(303);
      expect(out.headers.location).toBe('/login?done=logout');
      // A copy of the old cookie (kept by another tab, or stolen) no longer opens anything.
      const replay = await request(t.http).get('/dashboard').set('Cookie', web.cookie).expect(303);
      expect(replay.headers.location).toMatch(/^\/login\?next=/);
      await request(t.http).get('/api/v1/me').set('Cookie', web.cookie).expect(401);
    });
  });

  describe('changing one’s password', () => {
    it('needs the current password, refuses a common new one, and ends every other session', async () => {
      const a = await register(t.http);
      const current = await login(t.http, a);
      const other = await login(t.http, a);
      const wrong = await request(t.http)
        .post('/api/v1/auth/password')
        .set('Authorization', `Bearer ${current}`)
        .send({ currentPassword: 'not my password', newPassword: 'a brand new passphrase' })
        .expect(400);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword', rule: 'matchesCurrentPassword' })]);
      const common = await request(t.http)
        .post('/api/v1/auth/password')
        .set('Authorization', `Bearer ${current}`)
        .send({ currentPassword: a.password, newPassword: 'Password123' })
        .expect(400);
      expect(common.body.errors).toEqual([expect.objectContaining({ field: 'newPassword', rule: 'notCommon' })]);
      await me(other).expect(200);

      const changed = await request(t.http)
        .post('/api/v1/auth/password')
        .set('Authorization', `Bearer ${current}`)
        .send({ currentPassword: a.password, newPassword: 'a brand new passphrase' })
        .expect(200);
      expect(changed.body).toEqual({ accessToken: expect.any(String), expiresIn: expect.any(Number) });
      // Every session issued before the change has ended, the one that made it included; the new token works.
      expect((await me(other).expect(401)).body.detail).toMatch(/password was changed/);
      await me(current).expect(401);
      await me(changed.body.accessToken).expect(200);
      await request(t.http).post('/api/v1/auth/login').send({ email: a.email, password: a.password }).expect(401);
      await login(t.http, { email: a.email, password: 'a brand new passphrase' });
    });

    it('through the web session, keeps the browser signed in with a fresh cookie', async () => {
      const a = await register(t.http);
      const web = await webLogin(a);
      const res = await request(t.http)
        .post('/api/v1/auth/password')
        .set('Cookie', web.cookie)
        .set('x-csrf-token', web.csrf)
        .send({ currentPassword: a.password, newPassword: 'another fresh passphrase' })
        .expect(200);
      const fresh = (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
      await request(t.http).get('/dashboard').set('Cookie', fresh).expect(200);
      await request(t.http).get('/dashboard').set('Cookie', web.cookie).expect(303);
    });
  });

  describe('the password policy', () => {
    it.each([
      ['blank (only spaces)', ' \t         ', 'notBlank'],
      ['one character repeated', 'aaaaaaaaaaaa', 'notOneCharacter'],
      ['ten spaces', '          ', 'notBlank'],
      ['common', '1234567890', 'notCommon'],
      ['common, whatever the case', 'QwertyUiop', 'notCommon'],
      ['common in French too', 'azertyuiop', 'notCommon'],
    ])('refuses a %s password at sign-up with the field and the rule', async (_, password, rule) => {
      const res = await request(t.http)
        .post('/api/v1/auth/register')
        .send({ email: uniqueEmail(), password, organisationName: 'X' })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'password', rule })]);
    });

    it('keeps the length rule, and applies the same policy to invitations', async () => {
      const short = await request(t.http)
        .post('/api/v1/auth/register')
        .send({ email: uniqueEmail(), password: 'x', organisationName: 'X' })
        .expect(400);
      expect(short.body.errors).toEqual([expect.objectContaining({ field: 'password', rule: 'minLength' })]);
      const owner = await register(t.http);
      const inv = await request(t.http)
        .post('/api/v1/organisation/members')
        .set(bearer(owner))
        .send({ email: uniqueEmail(), role: 'viewer' })
        .expect(201);
      const res = await request(t.http)
        .post('/api/v1/auth/accept-invitation')
        .send({ token: inv.body.invitationToken, password: 'iloveyou12' })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'password', rule: 'notCommon' })]);
    });
  });

  describe('a removed member', () => {
    it('loses every session at once, API tokens and web cookie alike', async () => {
      const owner = await register(t.http);
      const member = await addMember(t.http, owner, 'editor');
      const second = await login(t.http, member);
      const web = await webLogin(member);
      await request(t.http).delete(`/api/v1/organisation/members/${member.userId}`).set(bearer(owner)).expect(204);
      await me(member.token).expect(401);
      await me(second).expect(401);
      expect((await request(t.http).get('/dashboard').set('Cookie', web.cookie).expect(303)).headers.location).toMatch(/^\/login/);
    });
  });

  describe('password-reset links', () => {
    const issue = (owner: Account, member: Account) =>
      request(t.http).post(`/api/v1/organisation/members/${member.userId}/reset-link`).set(bearer(owner));

    it('an owner issues one; it works once, ends the member’s sessions and logs them in with the new password', async () => {
      const owner = await register(t.http);
      const member = await addMember(t.http, owner, 'editor');
      const link = await issue(owner, member).expect(201);
      expect(link.body).toEqual({
        member: expect.objectContaining({ id: member.userId, email: member.email }),
        resetToken: expect.stringMatching(/^[\w-]{32}$/),
        expiresAt: expect.any(String),
      });
      // About a day: 24 h after now, give or take the test's own duration.
      const hours = (Date.parse(link.body.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(23.9);
      expect(hours).toBeLessThanOrEqual(24);
      // The member still works until the link is used.
      await me(member.token).expect(200);

      const used = await request(t.http)
        .post('/api/v1/auth/reset-password')
        .send({ token: link.body.resetToken, password: 'my recovered passphrase' })
        .expect(200);
      expect(used.body.user).toMatchObject({ id: member.userId, email: member.email });
      await me(used.body.accessToken).expect(200);
      await me(member.token).expect(401);
      await login(t.http, { email: member.email, password: 'my recovered passphrase' });

      const again = await request(t.http)
        .post('/api/v1/auth/reset-password')
        .send({ token: link.body.resetToken, password: 'someone else passphrase' })
        .expect(401);
      expect(again.body.detail).toMatch(/unknown, already used or expired/);
      await request(t.http).post('/api/v1/auth/login').send({ email: member.email, password: 'someone else passphrase' }).expect(401);
    });

    it('an expired link, or one replaced by a newer link, is refused', async () => {
      const owner = await register(t.http);
      const member = await addMember(t.http, owner, 'viewer');
      const first = await issue(owner, member).expect(201);
      const second = await issue(owner, member).expect(201);
      await request(t.http)
        .post('/api/v1/auth/reset-password')
        .send({ token: first.body.resetToken, password: 'first link passphrase' })
        .expect(401);
      // A day later (moved in the database: the test does not wait a day).
      await t.app.get(DataSource).query(`UPDATE users SET reset_expires_at = now() - interval '1 second' WHERE id = $1`, [member.userId]);
      await request(t.http)
        .post('/api/v1/auth/reset-password')
        .send({ token: second.body.resetToken, password: 'second link passphrase' })
        .expect(401);
      await login(t.http, member);
    });

    it('refuses a common password, and keeps the link usable', async () => {
      const owner = await register(t.http);
      const member = await addMember(t.http, owner, 'viewer');
      const link = await issue(owner, member).expect(201);
      const bad = await request(t.http)
        .post('/api/v1/auth/reset-password')
        .send({ token: link.body.resetToken, password: 'password1234' })
        .expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'password', rule: 'notCommon' })]);
      await request(t.http)
        .post('/api/v1/auth/reset-password')
        .send({ token: link.body.resetToken, password: 'a good long phrase' })
        .expect(200);
    });

    it('only owners issue them, only for active members of their own organisation', async () => {
      const owner = await register(t.http);
      const editor = await addMember(t.http, owner, 'editor');
      const viewer = await addMember(t.http, owner, 'viewer');
      await issue(editor, viewer).expect(403);
      const other = await register(t.http, 'Other organisation');
      await issue(other, viewer).expect(404);
      const invited = await request(t.http)
        .post('/api/v1/organisation/members')
        .set(bearer(owner))
        .send({ email: uniqueEmail(), role: 'viewer' })
        .expect(201);
      const pending = await request(t.http)
        .post(`/api/v1/organisation/members/${invited.body.member.id}/reset-link`)
        .set(bearer(owner))
        .expect(409);
      expect(pending.body.detail).toMatch(/has not accepted their invitation/);
    });
  });

  describe('the audit trails', () => {
    it('an answer’s history keeps its author’s e-mail after the author is removed', async () => {
      const owner = await register(t.http);
      const editor = await addMember(t.http, owner, 'editor');
      const assessment = await request(t.http).post('/api/v1/assessments').set(bearer(editor)).send({ year: 2024 }).expect(201);
      const next = await request(t.http).get(`/api/v1/assessments/${assessment.body.id}/next`).set(bearer(editor)).expect(200);
      const q = next.body.question;
      const value = q.options?.length ? q.options[0].id : q.type === 'boolean' ? true : q.type === 'number' ? (q.min ?? 0) : 'texte';
      await request(t.http)
        .put(`/api/v1/assessments/${assessment.body.id}/answers/${q.id}`)
        .set(bearer(editor))
        .send({ value })
        .expect(200);
      await request(t.http).delete(`/api/v1/organisation/members/${editor.userId}`).set(bearer(owner)).expect(204);
      const history = await request(t.http).get(`/api/v1/assessments/${assessment.body.id}/history`).set(bearer(owner)).expect(200);
      expect(history.body.length).toBeGreaterThanOrEqual(2);
      for (const event of history.body) expect(event).toMatchObject({ actorId: null, actorEmail: editor.email });
    });

    it('member changes are recorded with both people’s e-mails, newest first, for owners of that organisation only', async () => {
      const owner = await register(t.http);
      const member = await addMember(t.http, owner, 'viewer');
      await request(t.http).patch(`/api/v1/organisation/members/${member.userId}`).set(bearer(owner)).send({ role: 'editor' }).expect(200);
      await request(t.http).post(`/api/v1/organisation/members/${member.userId}/reset-link`).set(bearer(owner)).expect(201);
      const changed = await request(t.http)
        .post('/api/v1/auth/password')
        .set(bearer(member))
        .send({ currentPassword: member.password, newPassword: 'a passphrase of mine' })
        .expect(200);
      await request(t.http)
        .get('/api/v1/organisation/members/events')
        .set('Authorization', `Bearer ${changed.body.accessToken}`)
        .expect(403);
      await request(t.http).delete(`/api/v1/organisation/members/${member.userId}`).set(bearer(owner)).expect(204);

      const events = await request(t.http).get('/api/v1/organisation/members/events').set(bearer(owner)).expect(200);
      const summary = events.body.map((e: Record<string, unknown>) => [e.action, e.actorEmail, e.memberEmail, e.oldRole, e.newRole]);
      expect(summary).toEqual([
        ['removed', owner.email, member.email, 'editor', null],
        ['password_changed', member.email, member.email, null, null],
        ['reset_link_issued', owner.email, member.email, null, null],
        ['role_changed', owner.email, member.email, 'viewer', 'editor'],
        ['joined', member.email, member.email, null, null],
        ['invited', owner.email, member.email, null, 'viewer'],
      ]);
      const limited = await request(t.http).get('/api/v1/organisation/members/events?limit=2').set(bearer(owner)).expect(200);
      expect(limited.body.map((e: { action: string }) => e.action)).toEqual(['removed', 'password_changed']);
      const bad = await request(t.http).get('/api/v1/organisation/members/events?limit=0').set(bearer(owner)).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'limit', rule: 'min' })]);

      // Another organisation's owner sees none of it.
      const stranger = await register(t.http, 'Elsewhere');
      const theirs = await request(t.http).get('/api/v1/organisation/members/events').set(bearer(stranger)).expect(200);
      expect(theirs.body).toEqual([]);
    });
  });
});
