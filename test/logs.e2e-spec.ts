import { jest } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addMember, bearer, createTestApp, register, type TestApp } from './support/test-app.js';

/**
 * What the service writes to its logs, read back as an operator would: the JSON lines on standard
 * output (pino writes through process.stdout once its write is replaced, as here).
 */
describe('the request log', () => {
  let t: TestApp;
  const lines: string[] = [];
  let spy: ReturnType<typeof jest.spyOn>;

  beforeAll(async () => {
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    });
    t = await createTestApp({ env: { LOG_LEVEL: 'info' } });
  });
  afterAll(async () => {
    await t?.close();
    spy.mockRestore();
  });

  type Entry = { req?: { url?: string; query?: Record<string, string>; headers?: Record<string, string> } };
  const entries = (): Entry[] =>
    lines
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Entry);

  it('never holds an invitation token, from the link page to its acceptance', async () => {
    const owner = await register(t.http);
    const invitation = await request(t.http)
      .post('/api/v1/organisation/members')
      .set(bearer(owner))
      .send({ email: 'newcomer@example.org', role: 'viewer' })
      .expect(201);
    const token = invitation.body.invitationToken as string;
    const from = lines.length;
    // The page the link opens, a page visited from it (its Referer holds the link), then acceptance
    // (the token travels in the body, which is never logged).
    await request(t.http).get(`/invite?token=${token}&lang=fr`).expect(200);
    await request(t.http).get('/login').set('Referer', `http://localhost/invite?token=${token}`).expect(200);
    await request(t.http).post('/api/v1/auth/accept-invitation').send({ token, password: 'welcome passphrase here' }).expect(200);

    const log = lines.slice(from).join('');
    // The requests were logged (so the absence below means something), with the token redacted.
    const logged = entries().filter((e) => e.req);
    expect(logged.map((e) => e.req?.url)).toEqual(expect.arrayContaining(['/invite?token=[redacted]&lang=fr']));
    expect(logged.some((e) => e.req?.query?.token === '[redacted]')).toBe(true);
    expect(logged.some((e) => e.req?.headers?.referer === 'http://localhost/invite?token=[redacted]')).toBe(true);
    expect(log.includes(token)).toBe(false);
    expect(log).not.toMatch(/passphrase/);
  });

  it('never holds a password-reset token', async () => {
    const owner = await register(t.http);
    const member = await addMember(t.http, owner, 'editor');
    const reset = await request(t.http).post(`/api/v1/organisation/members/${member.userId}/reset-link`).set(bearer(owner)).expect(201);
    const token = reset.body.resetToken as string;
    const from = lines.length;
    await request(t.http)
      .get(`/reset-password?token=${encodeURIComponent(token)}`)
      .expect(200);
    await request(t.http).post('/api/v1/auth/reset-password').send({ token, password: 'recovered passphrase here' }).expect(200);
    // A link already used is refused, and logged without its token too.
    await request(t.http).get(`/reset-password?token=${token}`).expect(200);

    const log = lines.slice(from).join('');
    expect(entries().filter((e) => e.req?.url === '/reset-password?token=[redacted]')).toHaveLength(2);
    expect(log.includes(token)).toBe(false);
  });

  it('logs a failed query with its SQL and the reason, never its parameters (e-mails, answers, hashes)', async () => {
    const from = lines.length;
    const secret = 'secret-parameter-7f3a@example.org';
    await expect(t.app.get(DataSource).query('SELECT $1::int AS n', [secret])).rejects.toThrow(/invalid input syntax/);
    const log = lines.slice(from).join('');
    expect(log).toMatch(/query failed: invalid input syntax for type integer/);
    expect(log).toContain('SELECT $1::int AS n');
    expect(log.includes(secret)).toBe(false);
  });
});
