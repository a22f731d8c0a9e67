import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, register, uniqueEmail, type TestApp } from './support/test-app.js';

/** The contract of API.md, as the OpenAPI document must list it. */
const CONTRACT: Array<[string, string]> = [
  ['post', '/api/v1/auth/register'],
  ['post', '/api/v1/auth/login'],
  ['get', '/api/v1/me'],
  ['post', '/api/v1/organisation/members'],
  ['get', '/api/v1/questionnaires'],
  ['get', '/api/v1/questionnaires/{id}/versions/{version}'],
  ['get', '/api/v1/actions'],
  ['post', '/api/v1/assessments'],
  ['get', '/api/v1/assessments'],
  ['get', '/api/v1/assessments/{id}'],
  ['get', '/api/v1/assessments/{id}/next'],
  ['put', '/api/v1/assessments/{id}/answers/{questionId}'],
  ['delete', '/api/v1/assessments/{id}/answers/{questionId}'],
  ['get', '/api/v1/assessments/{id}/answers'],
  ['get', '/api/v1/assessments/{id}/history'],
  ['post', '/api/v1/assessments/{id}/submit'],
  ['post', '/api/v1/assessments/{id}/reopen'],
  ['get', '/api/v1/assessments/{id}/results'],
  ['get', '/api/v1/assessments/{id}/report.pdf'],
  ['get', '/api/v1/assessments/{id}/compare/{otherId}'],
  ['get', '/api/v1/assessments/trend'],
  ['get', '/api/v1/assessments/{id}/export'],
  ['get', '/health'],
  // Additions for the next capabilities (API.md) implemented so far.
  ['post', '/api/v1/auth/logout'],
  ['post', '/api/v1/auth/password'],
  ['post', '/api/v1/organisation/members/{memberId}/reset-link'],
];

describe('operations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('publishes an OpenAPI 3 document listing every route of the contract, with documented bodies', async () => {
    const doc = (await request(t.http).get('/docs-json').expect(200)).body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBeTruthy();
    for (const [method, path] of CONTRACT) {
      expect({ route: `${method} ${path}`, documented: Boolean(doc.paths[path]?.[method]) }).toEqual({
        route: `${method} ${path}`,
        documented: true,
      });
      const op = doc.paths[path][method];
      expect(Object.keys(op.responses).length).toBeGreaterThan(0);
    }
    // Every request body refers to a schema that exists and documents its properties.
    for (const [, item] of Object.entries<Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>(
      doc.paths,
    )) {
      for (const op of Object.values(item)) {
        const ref = op.requestBody?.content['application/json']?.schema.$ref;
        if (!ref) continue;
        const schema = doc.components.schemas[ref.split('/').pop()!];
        expect(schema).toBeDefined();
        expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(0);
      }
    }
    expect(doc.components.securitySchemes.bearer).toBeDefined();
    const html = await request(t.http).get('/docs').redirects(1).expect(200);
    expect(html.text).toMatch(/swagger/i);
  });

  it('rate-limits login attempts on one account', async () => {
    const a = await register(t.http);
    const tries = [];
    for (let i = 0; i < 5; i++)
      tries.push((await request(t.http).post('/api/v1/auth/login').send({ email: a.email, password: 'wrong password!' })).status);
    expect(tries.slice(0, 2)).toEqual([401, 401]);
    expect(tries).toContain(429);
    const limited = await request(t.http).post('/api/v1/auth/login').send({ email: a.email, password: a.password });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect(limited.headers['retry-after'] ?? limited.headers['retry-after-account']).toBeDefined();
    // Another account from the same address is not blocked by the first one's limit.
    const other = await request(t.http).post('/api/v1/auth/login').send({ email: uniqueEmail(), password: 'whatever pass' });
    expect(other.status).toBe(401);
  });

  it('refuses to start on a malformed template, naming the file, the question and the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fi-broken-'));
    try {
      cpSync('templates', dir, { recursive: true });
      const file = join(dir, 'questionnaires', 'fresque-numerique', 'v1.json');
      const template = JSON.parse(readFileSync(file, 'utf8'));
      template.sections[0].questions[1].showIf = { questionId: 'nowhere.to_be_found', in: ['x'] };
      writeFileSync(file, JSON.stringify(template));
      const id = template.sections[0].questions[1].id;
      await expect(createTestApp({ env: { TEMPLATES_DIR: dir } })).rejects.toThrow(
        new RegExp(`v1\\.json: question "${id.replace('.', '\\.')}": showIf refers to unknown question "nowhere\\.to_be_found"`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start when TEMPLATES_DIR is not a folder, naming the variable', async () => {
    await expect(createTestApp({ env: { TEMPLATES_DIR: join(tmpdir(), 'fi-no-such-templates') } })).rejects.toThrow(
      /TEMPLATES_DIR: TEMPLATES_DIR must be an existing folder/,
    );
  });

  it('refuses to start on a malformed footprint factors file, naming the file and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fi-factors-'));
    try {
      cpSync('templates', dir, { recursive: true });
      const file = join(dir, 'footprint-factors.json');
      const factors = JSON.parse(readFileSync(file, 'utf8'));
      delete factors.electricity;
      writeFileSync(file, JSON.stringify(factors));
      await expect(createTestApp({ env: { TEMPLATES_DIR: dir } })).rejects.toThrow(/footprint-factors\.json.*electricity/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends security headers', async () => {
    const res = await request(t.http).get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
