import request from 'supertest';
import type { App } from 'supertest/types.js';
import { bearer, createTestApp, register, uniqueEmail, type Account, type TestApp } from './support/test-app.js';

/**
 * Rate limits are kept in the database, so that instances behind a load balancer share them.
 * LOGIN_RATE_LIMIT=3: three attempts a minute per address and e-mail, 30 per address; 15
 * invitations and reset links an hour per organisation.
 */
describe('rate limits, shared by every instance', () => {
  let one: TestApp;
  let two: TestApp;
  const env = { LOGIN_RATE_LIMIT: '3' };

  beforeAll(async () => {
    one = await createTestApp({ env });
    two = one.databaseUrl ? await createTestApp({ env, attachTo: one }) : one;
  });
  afterAll(async () => {
    if (two !== one) await two?.close();
    await one?.close();
  });

  const apiLogin = (http: App, email: string, password = 'not the password', forwardedFor?: string) => {
    const r = request(http).post('/api/v1/auth/login');
    if (forwardedFor) r.set('X-Forwarded-For', forwardedFor);
    return r.send({ email, password });
  };

  const expectLimited = (res: request.Response) => {
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 429, title: 'Too many requests', type: expect.stringMatching(/too-many-requests$/) });
    const wait = Number(res.headers['retry-after']);
    expect(Number.isInteger(wait)).toBe(true);
    expect(wait).toBeGreaterThan(0);
    return wait;
  };

  it('a log-in budget spent through one instance is spent for the other too', async () => {
    const a = await register(one.http);
    const tries = [
      (await apiLogin(one.http, a.email)).status,
      (await apiLogin(two.http, a.email)).status,
      (await apiLogin(one.http, a.email)).status,
    ];
    expect(tries).toEqual([401, 401, 401]);
    // The fourth, even with the right password and through the other instance, waits.
    const wait = expectLimited(await apiLogin(two.http, a.email, a.password));
    expect(wait).toBeLessThanOrEqual(60);
    expectLimited(await apiLogin(one.http, a.email, a.password));
    // Another account from the same address keeps its own budget.
    expect((await apiLogin(two.http, uniqueEmail())).status).toBe(401);
  });

  it('case and spaces in the e-mail do not open a new budget', async () => {
    const a = await register(one.http);
    const variants = [a.email.toUpperCase(), `  ${a.email}  `, a.email.replace(/^./, (c) => c.toUpperCase())];
    for (const email of variants) expect((await apiLogin(one.http, email)).status).toBe(401);
    expectLimited(await apiLogin(two.http, ` ${a.email.toUpperCase()}`, a.password));
  });

  it('the web log-in form and the API spend one budget', async () => {
    const a = await register(one.http);
    const form = await request(two.http).get('/login').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const cookie = (form.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    const webLogin = (password: string) =>
      request(two.http).post('/login').set('Cookie', cookie).type('form').send({ email: a.email, password, _csrf: csrf });

    expect((await apiLogin(one.http, a.email)).status).toBe(401);
    expect((await webLogin('still not the password')).status).toBe(401);
    expect((await apiLogin(one.http, a.email)).status).toBe(401);
    const page = await webLogin(a.password);
    expect(page.status).toBe(429);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Trop de tentatives');
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
    expectLimited(await apiLogin(one.http, a.email, a.password));
  });

  it('X-Forwarded-For is not believed from a client when no proxy is trusted', async () => {
    const a = await register(one.http);
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      expect((await apiLogin(one.http, a.email, undefined, address)).status).toBe(401);
    }
    expectLimited(await apiLogin(one.http, a.email, a.password, '203.0.113.4'));
  });

  it('invitations and reset links are limited per organisation, not per owner', async () => {
    const owner = await register(one.http);
    const invite = (http: App, who: Account) =>
      request(http)
        .post('/api/v1/organisation/members')
        .set(bearer(who))
        .send({ email: uniqueEmail('invitee'), role: 'viewer' });
    // Owners A and B of one organisation share 15 an hour (5 x LOGIN_RATE_LIMIT).
    const second = await invite(one.http, owner).expect(201);
    const b = await request(one.http)
      .post('/api/v1/auth/accept-invitation')
      .send({ token: second.body.invitationToken, password: 'second owner passphrase' })
      .expect(200);
    await request(one.http).patch(`/api/v1/organisation/members/${b.body.user.id}`).set(bearer(owner)).send({ role: 'owner' }).expect(200);
    const coOwner: Account = { ...owner, token: b.body.accessToken, userId: b.body.user.id };
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++) statuses.push((await invite(i % 2 ? two.http : one.http, i % 2 ? coOwner : owner)).status);
    statuses.push((await request(two.http).post(`/api/v1/organisation/members/${b.body.user.id}/reset-link`).set(bearer(owner))).status);
    expect(statuses).toEqual(Array(14).fill(201));
    const wait = expectLimited(await invite(one.http, coOwner));
    expect(wait).toBeGreaterThan(60);
    expect(wait).toBeLessThanOrEqual(3600);
    expectLimited(await request(two.http).post(`/api/v1/organisation/members/${b.body.user.id}/reset-link`).set(bearer(owner)));
    // Another organisation is not held back.
    const other = await register(two.http, 'Another organisation');
    await invite(one.http, other).expect(201);
  });
});

describe('rate limits behind a trusted proxy (TRUST_PROXY)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The tests' requests come from the loopback address, like a reverse proxy on the same host.
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3', TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts each client address the proxy forwards on its own', async () => {
    const a = await register(t.http);
    const login = (address: string, password = 'not the password') =>
      request(t.http).post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ email: a.email, password });
    for (let i = 0; i < 3; i++) expect((await login('198.51.100.7')).status).toBe(401);
    expect((await login('198.51.100.7', a.password)).status).toBe(429);
    // Another client behind the same proxy is not blocked by the first one's failures.
    expect((await login('198.51.100.8', a.password)).status).toBe(200);
  });
});
