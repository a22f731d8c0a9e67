/// <reference lib="dom" />
import { jest } from '@jest/globals';
import type { Browser, Download, Page } from 'playwright-core';
import request from 'supertest';
import * as figures from '../../src/web/assets/figures.js';
import type { Question, QuestionnaireTemplate } from '../../src/questionnaires/template.types.js';
import { allQuestions } from '../support/answers.js';
import type { Account } from '../support/test-app.js';
import {
  allSaved,
  answerInPage,
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

async function downloaded(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * The owner answers the last questions in the browser, submits, reads the score and the
 * prioritised plan with its explanations, downloads the PDF report and the exports,
 * and reopens the assessment.
 */
describe('finishing an assessment, submitting it and reading the results', () => {
  let t: WebTestApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let owner: Account;
  let template: QuestionnaireTemplate;
  let id: string;
  let left: Question[];

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startWebApp();
    owner = await registerViaApi(t, 'Centre hospitalier de Test');
    template = await loadTemplate(t, owner);
    id = (await request(t.http).post(`${api}/assessments`).set(bearerOf(owner)).send({ year: new Date().getFullYear() }).expect(201)).body
      .id;
    await fillAssessment(t, owner, id, (i) => (i % 2 ? 'best' : 'worst'));
    // Three required questions of the last section are left for the browser.
    left = template.sections[template.sections.length - 1].questions.filter((q) => q.required && !q.showIf).slice(-3);
    for (const q of left) await request(t.http).delete(`${api}/assessments/${id}/answers/${q.id}`).set(bearerOf(owner)).expect(204);
    ({ page, problems } = await newContext(browser, t.baseUrl));
    await logIn(page, owner);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('submitting too early lists the required questions left, each a link to the question', async () => {
    await page.goto(`/assessments/${id}?section=procurement`);
    expect((await page.locator('#required-missing').textContent())?.trim()).toBe('3 questions obligatoires sans réponse.');
    await page.getByRole('button', { name: 'Soumettre l’évaluation' }).click();
    const box = page.locator('#lifecycle-error');
    await box.getByText('3 questions obligatoires n’ont pas de réponse').waitFor();
    // In the organisation's words: the walk answered "company" to the kind of organisation.
    const worded = (
      await request(t.http)
        .get(`${api}/questionnaires/${template.id}/versions/${template.version}?kind=company`)
        .set(bearerOf(owner))
        .expect(200)
    ).body as QuestionnaireTemplate;
    const labelOf = (q: Question) => allQuestions(worded).find((x) => x.id === q.id)!.label.fr;
    expect(await box.locator('a').allTextContents()).toEqual(left.map(labelOf));
    expect(left.map(labelOf).join(' ')).toContain('vos salariés');
    const last = template.sections[template.sections.length - 1];
    await Promise.all([page.waitForURL(new RegExp(`section=${last.id}`)), box.locator('a').first().click()]);
    await page.locator(`[id="q-${left[0].id}"]`).waitFor();
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => document.activeElement?.closest('.question')?.id)).toBe(`q-${left[0].id}`);
  });

  it('answers the last questions in the page, submits, and lands on the results', async () => {
    await page.goto('/dashboard');
    await Promise.all([page.waitForURL(`**/assessments/${id}`), page.getByRole('link', { name: /Continuer/ }).click()]);
    // Resumed at the first question left.
    expect(await page.evaluate(() => document.activeElement?.closest('.question')?.id)).toBe(`q-${left[0].id}`);
    for (const q of left) {
      await answerInPage(page, q);
      await allSaved(page);
    }
    // Answers can reveal conditional questions: answer those too.
    for (const q of template.sections[template.sections.length - 1].questions) {
      const block = page.locator(`[id="q-${q.id}"]`);
      if (q.required && (await block.isVisible()) && (await block.locator('.q-state').textContent()) === 'Pas encore de réponse') {
        await answerInPage(page, q);
        await allSaved(page);
      }
    }
    await page.waitForFunction(() => document.querySelector('#required-missing')?.getAttribute('data-count') === '0');
    expect(await page.locator('#overall-progress').getAttribute('aria-valuenow')).toBe('100');
    await Promise.all([
      page.waitForURL(`**/assessments/${id}/results?submitted=1`),
      page.getByRole('button', { name: 'Soumettre l’évaluation' }).click(),
    ]);
    await page.getByText('L’évaluation est soumise.').waitFor();
    const a = (await request(t.http).get(`${api}/assessments/${id}`).set(bearerOf(owner)).expect(200)).body;
    expect(a.status).toBe('submitted');
  });

  it('shows the score, the sections chart, the prioritised plan with explanations, and the footprint', async () => {
    const results = (await request(t.http).get(`${api}/assessments/${id}/results`).set(bearerOf(owner)).expect(200)).body;
    await page.locator('#overall-score').waitFor();
    // Rounded by figures.js, the function the PDF uses too: the page and the report print the same score.
    const score = figures.score(results.overall.score, 'fr');
    expect(await page.locator('#overall-score').textContent()).toBe(`${score} / 100`);
    expect(await page.locator('.level-chip').textContent()).toContain(`Niveau ${results.overall.level}`);

    // Scores by section: an SVG chart with a text alternative, and the data table.
    const chart = page.locator('.chart-bars');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.locator('title').textContent()).toBe('Score de chaque section, sur 100');
    expect(await chart.locator('.chart-label').allTextContents()).toEqual(
      results.sections.map((s: { title: { fr: string } }) => s.title.fr),
    );

    // The plan: ranked, grouped, each with why, effort and an explanation of its score.
    const firstScored = results.priorities.find((p: { group: string }) => p.group !== 'unknown');
    const item = page.locator(`#action-${firstScored.actionId}`);
    expect(await item.locator('h4').textContent()).toContain(firstScored.title.fr);
    expect(await item.locator('.plan-why').textContent()).toBe(firstScored.why.fr);
    await item.getByText('Que faire, et pourquoi ce score').click();
    const explanation = item.locator('table');
    await explanation.waitFor();
    expect(await explanation.locator('caption').textContent()).toBe('Les réponses qui font ce score');
    const action = results.actions.find((a: { id: string }) => a.id === firstScored.actionId);
    const known = action.explanation.filter((e: { status: string }) => e.status !== 'hidden' && e.status !== 'not_applicable');
    expect(await explanation.locator('tbody tr').count()).toBe(known.length);
    // Each explanation links back to its question in the walk.
    const href = await explanation.locator('tbody a').first().getAttribute('href');
    expect(href).toContain(`q=${encodeURIComponent(known[0].questionId)}`);

    // A saving is shown where the inventory allows it.
    const withSaving = results.priorities.find((p: { saving?: { climateKgCo2ePerYear: number | null } }) => p.saving?.climateKgCo2ePerYear);
    if (withSaving) {
      await page.locator(`#action-${withSaving.actionId}`).evaluate((el) => el.closest('details')?.setAttribute('open', ''));
      expect(await page.locator(`#action-${withSaving.actionId} .plan-saving`).textContent()).toMatch(/kg CO2e évités par an/);
    }

    // The footprint by device type and criterion.
    const table = page.locator('.footprint-table');
    expect(await table.locator('tbody tr').count()).toBe(results.footprint.devices.length);
    expect(await table.locator('thead th').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Changement climatique'), expect.stringContaining('Eau')]),
    );
    expect(await page.locator('.chart-stacked').getAttribute('role')).toBe('img');

    // The summary: the climate total as the results' summary text (two significant digits and the
    // range), per person naming the person, and what the total leaves out.
    expect(await page.locator('#climate-total').textContent()).toBe(results.footprint.display.totals.climate.fr);
    expect(await page.locator('#climate-per-person').textContent()).toContain(results.footprint.display.perPersonLabel.fr);
    expect(await page.locator('#climate-leaves-out').textContent()).toContain(results.footprint.display.leavesOut.fr);
    // What the estimate counts and what it leaves out, item by item.
    const scope = page.locator('#footprint-scope');
    expect(await scope.locator('#scope-estimated li').count()).toBe(results.footprint.scope.estimated.length);
    expect(await scope.locator('#scope-not-estimated li').allTextContents()).toEqual(
      results.footprint.scope.notEstimated.map(
        (e: { label: { fr: string }; detail: { fr: string } }) => `${e.label.fr}\u00a0: ${e.detail.fr}`,
      ),
    );
    await screenshot(page, 'results');
    expect(problems).toEqual([]);
  });

  it('downloads the PDF report in French and English, and the CSV and JSON exports', async () => {
    for (const link of ['#pdf-fr', '#pdf-en']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(link).click()]);
      const pdf = await downloaded(download);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
    }
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
    // In the page's language, French: semicolons, as a French spreadsheet expects.
    const csvText = (await downloaded(csv)).toString('utf8');
    expect(csvText).toMatch(/procurement\./);
    expect(csvText.split('\r\n')[0]).toMatch(/^\uFEFFkind;id;section;/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('#export-xlsx').click()]);
    expect((await downloaded(xlsx)).subarray(0, 2).toString('latin1')).toBe('PK');
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    expect(JSON.parse((await downloaded(json)).toString('utf8'))).toEqual(expect.any(Object));
  });

  it('the submitted assessment is read-only in the walk, until the owner reopens it', async () => {
    await page.goto(`/assessments/${id}?section=procurement`);
    expect(await page.getByText('Cette évaluation est soumise : elle est en lecture seule.').isVisible()).toBe(true);
    const enabled = await page.locator('#questions input:enabled, #questions textarea:enabled').count();
    expect(enabled).toBe(0);
    expect(await page.locator('.q-confirm, .q-clear').count()).toBe(0);
    await page.getByRole('button', { name: 'Rouvrir pour modification' }).click();
    await page.locator('#submit-button').waitFor();
    expect(await page.locator('#questions input:enabled').count()).toBeGreaterThan(0);
    const q = template.sections.find((s) => s.id === 'procurement')!.questions[0];
    await answerInPage(page, q, 'last');
    await allSaved(page);
    const history = (await request(t.http).get(`${api}/assessments/${id}/history?limit=3`).set(bearerOf(owner)).expect(200)).body;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['answered', 'reopened', 'submitted']);
    expect(problems).toEqual([]);
  });
});
