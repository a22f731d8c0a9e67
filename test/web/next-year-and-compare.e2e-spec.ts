/// <reference lib="dom" />
import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import * as figures from '../../src/web/assets/figures.js';
import type { QuestionnaireTemplate } from '../../src/questionnaires/template.types.js';
import type { Account } from '../support/test-app.js';
import {
  allSaved,
  api,
  bearerOf,
  fillAssessment,
  launchBrowser,
  logIn,
  newContext,
  registerViaApi,
  screenshot,
  startWebApp,
  template as loadTemplate,
  type WebTestApp,
} from './browser.js';

jest.setTimeout(240_000);

/**
 * A year later: the owner starts the new assessment from last year's answers, confirms or
 * changes the carried-over answers, then compares the two years and sees the trend.
 */
describe('starting next year from last year’s answers and comparing the years', () => {
  let t: WebTestApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let owner: Account;
  let template: QuestionnaireTemplate;
  let lastYearId: string;
  let thisYearId: string;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startWebApp();
    owner = await registerViaApi(t, 'Université de Test');
    template = await loadTemplate(t, owner);
    lastYearId = (
      await request(t.http)
        .post(`${api}/assessments`)
        .set(bearerOf(owner))
        .send({ year: year - 1 })
        .expect(201)
    ).body.id;
    await fillAssessment(t, owner, lastYearId, () => 'worst');
    await request(t.http).post(`${api}/assessments/${lastYearId}/submit`).set(bearerOf(owner)).expect(200);
    ({ page, problems } = await newContext(browser, t.baseUrl));
    await logIn(page, owner);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the dashboard shows last year’s score and offers to start this year from its answers', async () => {
    const results = (await request(t.http).get(`${api}/assessments/${lastYearId}/results`).set(bearerOf(owner)).expect(200)).body;
    await page.goto('/dashboard');
    const card = page.locator(`[data-assessment-id="${lastYearId}"]`);
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent !== '—',
      `[data-assessment-id="${lastYearId}"] [data-score]`,
    );
    // Rounded by figures.js, the function the PDF uses too: the page and the report print the same score.
    const score = figures.score(results.overall.score, 'fr');
    expect(await card.locator('[data-score]').textContent()).toBe(`${score} / 100`);
    expect(await card.locator('[data-level]').textContent()).toBe(`${results.overall.level} · ${results.overall.levelLabel.fr}`);
    expect(await card.locator('.badge').textContent()).toBe('Soumise');

    await page.getByRole('heading', { name: `Démarrer l’évaluation ${year}` }).waitFor();
    expect(await page.getByLabel(`Les réponses de ${year - 1}`).isChecked()).toBe(true);
    await screenshot(page, 'dashboard');
    await Promise.all([page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Commencer' }).click()]);
    thisYearId = new URL(page.url()).pathname.split('/').pop()!;
    const created = (await request(t.http).get(`${api}/assessments/${thisYearId}`).set(bearerOf(owner)).expect(200)).body;
    expect(created).toMatchObject({ year, copyForward: { fromAssessmentId: lastYearId, fromYear: year - 1 } });
  });

  it('carried-over answers are marked until confirmed, one by one or for a whole section', async () => {
    await page.goto(`/assessments/${thisYearId}?section=procurement`);
    expect(await page.locator('#carried-notice').textContent()).toMatch(new RegExp(`réponses ont été reprises de ${year - 1}`));
    const procurement = template.sections.find((s) => s.id === 'procurement')!;
    const [first, second] = procurement.questions;
    const firstBlock = page.locator(`[id="q-${first.id}"]`);
    expect(await firstBlock.locator('.badge-carried').textContent()).toBe(`Reprise de ${year - 1}`);

    // Confirm = the same value saved again.
    await firstBlock.getByRole('button', { name: /^Inchangée/ }).click();
    await allSaved(page);
    expect(await firstBlock.locator('.badge-carried').isHidden()).toBe(true);
    const answers = async () =>
      (await request(t.http).get(`${api}/assessments/${thisYearId}/answers`).set(bearerOf(owner)).expect(200)).body as Array<{
        questionId: string;
        value: unknown;
        carriedOver: boolean;
        version: number;
      }>;
    expect((await answers()).find((a) => a.questionId === first.id)).toMatchObject({ carriedOver: false, version: 2 });

    // Changing an answer confirms it too: a better practice this year.
    const scored = second.options!.filter((o) => typeof o.score === 'number'); // the last option is "I don't know"
    const best = scored[scored.length - 1];
    await page.locator(`[id="q-${second.id}"] input[value="${best.id}"]`).check();
    await allSaved(page);
    expect(await page.locator(`[id="q-${second.id}"] .badge-carried`).isHidden()).toBe(true);

    // The rest of the section at once.
    await page.getByRole('button', { name: 'Confirmer toutes les réponses reprises de cette section' }).click();
    await page.getByText(/réponses confirmées/).waitFor({ state: 'attached' });
    await allSaved(page);
    // The button hid: focus went on to the next section, not to the page body.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('rel'))).toBe('next');
    expect(await page.locator('#questions .question:not([hidden]) .badge-carried:not([hidden])').count()).toBe(0);
    const sectionIds = new Set(procurement.questions.map((q) => q.id));
    expect((await answers()).filter((a) => sectionIds.has(a.questionId) && a.carriedOver)).toEqual([]);
    // Other sections still wait for a confirmation.
    expect((await answers()).some((a) => !sectionIds.has(a.questionId) && a.carriedOver)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('compares the two years: deltas by section, action and footprint, then the trend', async () => {
    const comparison = (
      await request(t.http).get(`${api}/assessments/${thisYearId}/compare/${lastYearId}`).set(bearerOf(owner)).expect(200)
    ).body;
    await page.getByRole('link', { name: 'Comparer' }).click();
    await page.waitForURL('**/compare');
    expect(await page.getByLabel('Année de référence').inputValue()).toBe(lastYearId);
    expect(await page.getByLabel('Comparée à').inputValue()).toBe(thisYearId);
    await page.locator('#comparison-title').waitFor();
    expect(await page.locator('#comparison-title').textContent()).toBe(`De ${year - 1} à ${year}`);
    const rows = page.locator('#cmp-sections ~ .table-scroll tbody tr');
    expect(await rows.count()).toBe(comparison.sections.matched.length);
    const procurement = comparison.sections.matched.find((s: { id: string }) => s.id === 'procurement');
    expect(procurement.score.status).toBe('improved');
    expect(await rows.first().locator('.delta').getAttribute('class')).toContain('delta-improved');
    expect(await page.locator('.count-improved strong').textContent()).toBe(String(comparison.actionCounts.improved));
    if (comparison.footprint) expect(await page.locator('#cmp-footprint').isVisible()).toBe(true);

    // The trend over every year: a line chart with one point per year, and its table.
    const trend = page.locator('.chart-line');
    await trend.waitFor();
    expect(await trend.getAttribute('role')).toBe('img');
    expect(await trend.locator('circle').count()).toBe(2);
    expect(await page.locator('#trend-root tbody tr').count()).toBe(2);
    await screenshot(page, 'compare');

    // The same year twice is refused in the page.
    await page.getByLabel('Comparée à').selectOption(lastYearId);
    await page.getByRole('button', { name: 'Comparer', exact: true }).click();
    expect(await page.locator('#compare-error').textContent()).toBe('Choisissez deux années différentes.');
    // Swapping works and updates the address.
    await page.getByLabel('Année de référence').selectOption(thisYearId);
    await page.getByRole('button', { name: 'Comparer', exact: true }).click();
    await page.waitForFunction((y) => document.querySelector('#comparison-title')?.textContent === `De ${y - 1} à ${y}`, year);
    expect(page.url()).toContain(`from=${thisYearId}`);
    expect(problems).toEqual([]);
  });
});
