import request from 'supertest';
import { bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';

/** Anything a user can type gets a clear 4xx problem+json, never a 500. */
describe('bad input gets a clear error', () => {
  let t: TestApp;
  let owner: Account;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await register(t.http);
  });
  afterAll(async () => {
    await t.close();
  });

  const expectProblem = (res: request.Response, status: number, type: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual(
      expect.objectContaining({
        type: `urn:fresque-impact:problem:${type}`,
        title: expect.any(String),
        status,
        detail: expect.any(String),
      }),
    );
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  };

  it('malformed JSON is a 400 that says so', async () => {
    const res = await request(t.http).post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.c",');
    expectProblem(res, 400, 'malformed-json');
    expect(res.body.detail).toMatch(/not valid JSON/);
  });

  it('a body that is not JSON is a 415', async () => {
    const res = await request(t.http).post('/api/v1/auth/login').set('Content-Type', 'text/plain').send('email=a@b.c');
    expectProblem(res, 415, 'unsupported-media-type');
    expect(res.body.detail).toMatch(/application\/json/);
    const form = await request(t.http).post('/api/v1/assessments').set(bearer(owner)).type('form').send({ year: 2026 });
    expectProblem(form, 415, 'unsupported-media-type');
  });

  it('a body over the 64 kB limit is a 413', async () => {
    const res = await request(t.http)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1_100_000) }));
    expectProblem(res, 413, 'payload-too-large');
  });

  it('unknown fields are refused, each named', async () => {
    const res = await request(t.http)
      .post('/api/v1/assessments')
      .set(bearer(owner))
      .send({ year: 2026, isAdmin: true, organisationId: owner.organisationId });
    expectProblem(res, 400, 'invalid-input');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'isAdmin', rule: 'unknownField', message: 'property isAdmin should not exist' },
        { field: 'organisationId', rule: 'unknownField', message: 'property organisationId should not exist' },
      ]),
    );
  });

  it('several invalid fields are all listed with their rule', async () => {
    const res = await request(t.http)
      .post('/api/v1/auth/register')
      .send({ email: 'not-an-email', password: 'short', organisationName: '', country: 'France' });
    expectProblem(res, 400, 'invalid-input');
    const pairs = res.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
    expect(pairs).toEqual(expect.arrayContaining(['email:isEmail', 'password:minLength', 'organisationName:isLength', 'country:matches']));
  });

  it('a non-uuid id in a path is a 400 naming the parameter', async () => {
    for (const path of [
      '/api/v1/assessments/123',
      '/api/v1/assessments/123/next',
      '/api/v1/assessments/x/answers',
      "/api/v1/assessments/1'%20OR%201=1/history",
    ]) {
      const res = await request(t.http).get(path).set(bearer(owner));
      expectProblem(res, 400, 'invalid-input');
      expect(res.body.errors[0]).toMatchObject({ field: 'id', rule: 'isUuid' });
    }
  });

  it('a JSON body that is not an object, or a wrong type, is a 400', async () => {
    expectProblem(
      await request(t.http).post('/api/v1/assessments').set(bearer(owner)).set('Content-Type', 'application/json').send('[1,2]'),
      400,
      'invalid-input',
    );
    expectProblem(
      await request(t.http).post('/api/v1/assessments').set(bearer(owner)).set('Content-Type', 'application/json').send('"2026"'),
      400,
      'malformed-json',
    );
    expectProblem(await request(t.http).post('/api/v1/assessments').set(bearer(owner)).send({ year: 2026.5 }), 400, 'invalid-input');
    expectProblem(
      await request(t.http).get('/api/v1/assessments/00000000-0000-4000-8000-000000000000/history?limit=abc').set(bearer(owner)),
      400,
      'invalid-input',
    );
  });

  it('an unknown route is a problem+json 404', async () => {
    const res = await request(t.http).get('/api/v1/nothing-here').set(bearer(owner));
    expectProblem(res, 404, 'not-found');
  });

  it('a request id sent by the client is echoed', async () => {
    const res = await request(t.http).get('/health').set('x-request-id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
  });
});
