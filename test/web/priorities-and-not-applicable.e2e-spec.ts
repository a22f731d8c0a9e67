/// <reference lib="dom" />
import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AnswerValue } from '../../src/questionnaires/template.types.js';
import type { Account } from '../support/test-app.js';
import {
  allSaved,
  api,
  bearerOf,
  horizontalOverflow,
  launchBrowser,
  logIn,
  newContext,
  registerViaApi,
  screenshot,
  startWebApp,
  type WebTestApp,
} from './browser.js';

jest.setTimeout(240_000);

const answers = (
  JSON.parse(readFileSync('test/fixtures/organisations/local-authority-no-services.json', 'utf8')) as {
    answers: Record<string, AnswerValue>;
  }
).answers;

/**
 * A local authority that builds no services reads its plan: five actions this year, levers and
 * foundations told apart, eco-design and the business model shown as not applicable; it answers
 * "I don't know" in the walk; once its assessment was submitted under methodology 1, the page shows
 * both sets of figures.
 */
describe('the plan of a local authority, what does not apply, and "I don\'t know"', () => {
  let t: WebTestApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let owner: Account;
  let id: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startWebApp();
    owner = await registerViaApi(t, 'Commune de Saint-Exemple');
    // The reference local authority answers version 1.
    id = (await request(t.http).post(`${api}/assessments`).set(bearerOf(owner)).send({ year: 2026, templateVersion: 1 }).expect(201)).body
      .id;
    for (const [questionId, value] of Object.entries(answers))
      await request(t.http).put(`${api}/assessments/${id}/answers/${questionId}`).set(bearerOf(owner)).send({ value }).expect(200);
    ({ page, problems } = await newContext(browser, t.baseUrl));
    await logIn(page, owner);
  });
  afterAll(async () => {
    expect(problems).toEqual([]);
    await browser?.close();
    await t?.close();
  });

  const answerOf = async (questionId: string) =>
    (await request(t.http).get(`${api}/assessments/${id}/answers`).set(bearerOf(owner)).expect(200)).body.find(
      (a: { questionId: string }) => a.questionId === questionId,
    )?.value;

  it('offers "I don\'t know" on yes/no and number questions, and saves it', async () => {
    await page.goto(`/assessments/${id}?section=usage`);
    const attention = page.locator('[id="q-usage.attention_settings"]');
    expect(await attention.getByLabel('Je ne sais pas', { exact: true }).isChecked()).toBe(true);
    const cleanup = page.locator('[id="q-usage.cleanup_campaign"]');
    await cleanup.getByLabel('Je ne sais pas', { exact: true }).check();
    await allSaved(page);
    expect(await answerOf('usage.cleanup_campaign')).toBe('dont_know');

    await page.goto(`/assessments/${id}?section=governance`);
    const share = page.locator('[id="q-governance.awareness_share"]');
    const dontKnow = share.getByLabel('Je ne sais pas', { exact: true });
    expect(await dontKnow.isChecked()).toBe(true);
    expect(await share.locator('input.q-number').isDisabled()).toBe(true);
    await dontKnow.uncheck();
    await share.locator('input.q-number').fill('20');
    await share.locator('input.q-number').blur();
    await allSaved(page);
    expect(await answerOf('governance.awareness_share')).toBe(20);
    await dontKnow.check();
    await allSaved(page);
    expect(await answerOf('governance.awareness_share')).toBe('dont_know');
    expect(await share.locator('input.q-number').inputValue()).toBe('');
    // The business-model question does not apply to a public body: it is not asked.
    expect(await page.locator('[id="q-governance.business_model"]').isHidden()).toBe(true);
  });

  it('says in the walk that eco-design does not apply, and still asks the software question', async () => {
    await page.goto(`/assessments/${id}?section=ecodesign`);
    const note = page.locator('#section-na');
    expect(await note.textContent()).toContain('vous avez répondu «\u00a0Non\u00a0» à «\u00a0Votre organisation conçoit-elle');
    expect(await page.locator('[id="q-ecodesign.software_purchase_check"]').isVisible()).toBe(true);
    expect(await page.locator('[id="q-ecodesign.need_questioning"]').isHidden()).toBe(true);
  });

  it('shows five actions this year, levers and foundations, and what does not apply', async () => {
    const results = (await request(t.http).get(`${api}/assessments/${id}/results`).set(bearerOf(owner)).expect(200)).body;
    await page.goto(`/assessments/${id}/results`);
    await page.locator('#overall-score').waitFor();
    const thisYear = results.priorities.filter((p: { group: string }) => p.group === 'this_year');
    expect(thisYear).toHaveLength(5);
    const group = page.locator('.plan-group-this_year');
    expect(await group.locator('h3').textContent()).toBe('Cette année (5)');
    expect(await group.locator('.plan-item h4').allTextContents()).toEqual(
      thisYear.map(
        (p: { title: { fr: string }; kind: string }) =>
          `Priorité ${thisYear.indexOf(p) + 1} : ${p.title.fr}${p.kind === 'lever' ? 'Levier' : 'Fondation'}`,
      ),
    );
    // A lever says its expected benefit, quantified or assumed.
    const refurbished = page.locator('#action-buy-refurbished');
    expect(await refurbished.locator('.plan-benefit dd').textContent()).toMatch(
      /^≈ [\d,]+\u00a0% à [\d,]+\u00a0% de votre empreinte \(score unique EF, chiffré sur votre inventaire\)$/,
    );
    expect(await page.locator('#action-limit-equipment-quantity .plan-benefit dd').textContent()).toBe(
      '5\u00a0% de l’empreinte, supposé d’après l’impact 5/5 (non chiffré sur votre inventaire)',
    );
    // Summary: this year's five.
    expect(await page.locator('.top-list li a').allTextContents()).toEqual(thisYear.map((p: { title: { fr: string } }) => p.title.fr));
    // Not applicable: a section without a score, two actions, each with the reason.
    expect(await page.locator('p.notice-na[data-section="ecodesign"]').textContent()).toContain('Sans objet');
    const na = page.locator('#not-applicable');
    expect(await na.locator('h3').textContent()).toBe('Sans objet pour votre organisation (2)');
    expect(await na.locator('li strong').allTextContents()).toEqual(
      expect.arrayContaining(['Éco-concevoir les services numériques', 'Questionner le modèle économique']),
    );
    expect(await page.locator('.methodology').textContent()).toContain('scoring-2');
    await screenshot(page, 'results-plan-1280');
  });

  it('reads at 360 px without sideways scrolling', async () => {
    const { page: small, problems: smallProblems } = await newContext(browser, t.baseUrl, { width: 360, height: 780 });
    await logIn(small, owner);
    await small.goto(`/assessments/${id}/results`);
    await small.locator('.plan-group-this_year').waitFor();
    expect(await horizontalOverflow(small)).toEqual({ overflow: 0, culprits: [] });
    await screenshot(small, 'results-plan-360');
    expect(smallProblems).toEqual([]);
  });

  it('a submitted assessment of methodology 1 shows its figures of then beside today’s', async () => {
    await request(t.http).post(`${api}/assessments/${id}/submit`).set(bearerOf(owner)).expect(200);
    await t.app.get(DataSource).query(`UPDATE assessments SET methodology_version = 'scoring-1' WHERE id = $1`, [id]);
    await page.goto(`/assessments/${id}/results`);
    const box = page.locator('#as-submitted');
    await box.waitFor();
    expect(await box.locator('h2').textContent()).toBe('Évaluation soumise avec la méthode scoring-1');
    expect(await box.textContent()).toMatch(/Score global\u00a0: [\d,]+ \(niveau \d\) avec scoring-1, [\d,]+ \(niveau \d\) aujourd’hui\./);
    expect(await box.textContent()).toContain('Éco-conception des services numériques\u00a0: 0 avec scoring-1, sans objet aujourd’hui.');
    await screenshot(page, 'results-as-submitted-1280');
  });
});
