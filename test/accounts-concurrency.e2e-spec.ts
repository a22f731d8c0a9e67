import request from 'supertest';
import type { App } from 'supertest/types.js';
import { DataSource } from 'typeorm';
import { lineUp } from './support/line-up.js';
import { addMember, bearer, createTestApp, register, uniqueEmail, type Account, type TestApp } from './support/test-app.js';

/**
 * Member management raced through two app instances on one database, as behind a load balancer.
 * Each instance has its own connection pool, so only the database can keep the rules: these tests
 * need a database server (PostgreSQL, or the embedded cluster once it serves a URL). On an
 * in-process embedded database (one session for one process) the second "instance" is the first.
 */
describe('owners and invitations under concurrent requests through two instances', () => {
  let one: TestApp;
  let two: TestApp;
  const TRIALS = 10;

  beforeAll(async () => {
    one = await createTestApp();
    two = one.databaseUrl ? await createTestApp({ attachTo: one }) : one;
  });
  // On the in-process embedded database, requests take its one session in turn: nothing can
  // interleave, so three trials say as much as ten.
  const trialCount = () => (one.databaseUrl ? TRIALS : 3);
  afterAll(async () => {
    if (two !== one) await two?.close();
    await one?.close();
  });

  const activeOwners = async (organisationId: string): Promise<number> => {
    const rows = (await one.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM users WHERE organisation_id = $1 AND role = 'owner' AND password_hash IS NOT NULL`, [
        organisationId,
      ])) as Array<{ n: number }>;
    return rows[0].n;
  };

  const demote = (http: App, actor: Account, target: Account) =>
    request(http).patch(`/api/v1/organisation/members/${target.userId}`).set(bearer(actor)).send({ role: 'editor' });
  const remove = (http: App, actor: Account, target: Account) =>
    request(http).delete(`/api/v1/organisation/members/${target.userId}`).set(bearer(actor));

  it.each([
    ['demote', demote],
    ['remove', remove],
  ] as const)(
    `two owners who %s each other at the same moment, one through each instance, always leave an owner (repeated)`,
    async (_, act) => {
      const trials: Array<{ statuses: number[]; owners: number }> = [];
      for (let i = 0; i < trialCount(); i++) {
        const a = await register(one.http, `Race ${i}`);
        const b = await addMember(one.http, a, 'owner');
        // Both requests are held at the database until both are there, then run together.
        const [ra, rb] = await lineUp(
          one.databaseUrl,
          {
            sql: 'SELECT 1 FROM organisations o JOIN users u ON u.organisation_id = o.id WHERE o.id = $1 FOR UPDATE',
            params: [a.organisationId],
          },
          2,
          () => Promise.all([act(one.http, a, b), act(two.http, b, a)]),
        );
        trials.push({ statuses: [ra.status, rb.status].sort(), owners: await activeOwners(a.organisationId) });
      }
      // Every trial: exactly one of the two changes went through; the other was refused, as "last
      // owner" (409), or because its author was no longer an owner (403) or no longer a member (401,
      // when the removal was done before the other request was even authenticated).
      for (const trial of trials) {
        expect(trial.owners).toBe(1);
        expect(trial.statuses.filter((s) => s === 200 || s === 204)).toHaveLength(1);
        expect(trial.statuses.filter((s) => s === 401 || s === 403 || s === 409)).toHaveLength(1);
      }
    },
  );

  it('a member demoted by one instance can no longer manage members through the other', async () => {
    const a = await register(one.http);
    const b = await addMember(one.http, a, 'owner');
    const c = await addMember(one.http, a, 'viewer');
    await demote(one.http, a, b).expect(200);
    const res = await request(two.http)
      .patch(`/api/v1/organisation/members/${c.userId}`)
      .set(bearer(b))
      .send({ role: 'owner' })
      .expect(403);
    expect(res.body.detail).toMatch(/owner role/);
  });

  it('an invitation accepted six times at once, through both instances, activates the account exactly once', async () => {
    for (let trial = 0; trial < (one.databaseUrl ? 3 : 1); trial++) {
      const owner = await register(one.http);
      const email = uniqueEmail('invitee');
      const inv = await request(one.http)
        .post('/api/v1/organisation/members')
        .set(bearer(owner))
        .send({ email, role: 'editor' })
        .expect(201);
      const passwords = Array.from({ length: 6 }, (_, i) => `chosen passphrase number ${i} ${trial}`);
      const answers = await lineUp(one.databaseUrl, { sql: 'SELECT 1 FROM users WHERE email = $1 FOR UPDATE', params: [email] }, 6, () =>
        Promise.all(
          passwords.map((password, i) =>
            request(i % 2 ? two.http : one.http)
              .post('/api/v1/auth/accept-invitation')
              .send({ token: inv.body.invitationToken, password }),
          ),
        ),
      );
      const accepted = answers.map((r, i) => ({ status: r.status, password: passwords[i] })).filter((r) => r.status === 200);
      expect(accepted).toHaveLength(1);
      for (const r of answers.filter((x) => x.status !== 200)) {
        expect(r.status).toBe(401);
        expect(r.body.detail).toMatch(/unknown or has expired/);
      }
      // Only the winner's password opens the account; the five others never took effect.
      for (const password of passwords) {
        const login = await request(two.http).post('/api/v1/auth/login').send({ email, password });
        expect({ password, status: login.status }).toEqual({ password, status: password === accepted[0].password ? 200 : 401 });
      }
      const members = await request(one.http).get('/api/v1/organisation/members').set(bearer(owner)).expect(200);
      expect(members.body.filter((m: { email: string }) => m.email === email)).toEqual([
        expect.objectContaining({ email, status: 'active', role: 'editor' }),
      ]);
    }
  });
});
