import { jest } from '@jest/globals';
import request from 'supertest';
import { AssessmentsService } from '../src/assessments/assessments.service.js';
import { QuestionnairesService } from '../src/questionnaires/questionnaires.service.js';
import { bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';

const api = '/api/v1';

/**
 * A page loads the assessment once and works out what is visible once: the read model
 * (LoadedAssessment) carries visibility, progress, what is missing and the next question.
 * Counted with spies on the service (one `wordedFor` per read model built: its template is picked
 * from the answers once, then visibility is computed once on it).
 */
describe('a member opening a page or a report reads each assessment once', () => {
  let t: TestApp;
  let owner: Account;
  let spies: Record<'load' | 'loadAll' | 'get' | 'built', { mock: { calls: unknown[] }; mockClear(): void }>;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await register(t.http, 'Syndicat des eaux du Lac');
    await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: 2025 }).expect(201);
    const assessments = t.app.get(AssessmentsService);
    spies = {
      load: jest.spyOn(assessments, 'load'),
      loadAll: jest.spyOn(assessments, 'loadAll'),
      get: jest.spyOn(assessments, 'get'),
      built: jest.spyOn(t.app.get(QuestionnairesService), 'wordedFor'),
    } as typeof spies;
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const counts = () => Object.fromEntries(Object.entries(spies).map(([k, s]) => [k, s.mock.calls.length]));
  const reset = () => Object.values(spies).forEach((s) => s.mockClear());

  it('the walk page: one load, one read model, no second get', async () => {
    const created = await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: 2026 }).expect(201);
    reset();
    const page = await request(t.http).get(`/assessments/${created.body.id}`).set(bearer(owner)).expect(200);
    expect(page.text).toContain('data-qid=');
    expect(counts()).toEqual({ load: 1, loadAll: 0, get: 0, built: 1 });
  });

  it('the dashboard: every year in one loadAll, one read model each', async () => {
    reset();
    const page = await request(t.http).get('/dashboard').set(bearer(owner)).expect(200);
    expect(page.text).toContain('2025');
    expect(page.text).toContain('2026');
    expect(counts()).toEqual({ load: 0, loadAll: 1, get: 0, built: 2 });
  });

  it('the results, the export and the report: every year read once, this one not again', async () => {
    const [latest] = (await request(t.http).get(`${api}/assessments`).set(bearer(owner)).expect(200)).body;
    for (const path of ['results', 'export', 'report.pdf']) {
      reset();
      await request(t.http).get(`${api}/assessments/${latest.id}/${path}`).set(bearer(owner)).expect(200);
      expect([path, counts()]).toEqual([path, { load: 0, loadAll: 1, get: 0, built: 2 }]);
    }
  });
});
