/// <reference lib="dom" />
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import type { QuestionnaireTemplate } from '../../src/questionnaires/template.types.js';
import { allQuestions, answerFor } from '../support/answers.js';
import { addMember, type Account } from '../support/test-app.js';
import {
  api,
  bearerOf,
  fillAssessment,
  horizontalOverflow,
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
 * Every page, in French and in English, fits a 360 px wide screen without sideways scrolling,
 * has labelled controls, and runs without script errors or CSP violations.
 */
describe('every page at 360 px and on a desktop, in both languages', () => {
  let t: WebTestApp;
  let browser: Browser;
  let owner: Account;
  let template: QuestionnaireTemplate;
  let lastYear: string;
  let thisYear: string;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startWebApp();
    owner = await registerViaApi(t, 'Agglomération du Bocage');
    template = await loadTemplate(t, owner);
    await addMember(t.http, owner, 'editor');
    await addMember(t.http, owner, 'viewer');
    lastYear = (
      await request(t.http)
        .post(`${api}/assessments`)
        .set(bearerOf(owner))
        .send({ year: year - 1 })
        .expect(201)
    ).body.id;
    await fillAssessment(t, owner, lastYear, (i) => (i % 3 === 0 ? 'best' : 'worst'));
    await request(t.http).post(`${api}/assessments/${lastYear}/submit`).set(bearerOf(owner)).expect(200);
    thisYear = (
      await request(t.http).post(`${api}/assessments`).set(bearerOf(owner)).send({ year, copyFromAssessmentId: lastYear }).expect(201)
    ).body.id;
    // Improve a few answers this year.
    for (const q of allQuestions(template)
      .filter((x) => x.type === 'scale' && !x.showIf)
      .slice(0, 8)) {
      await request(t.http)
        .put(`${api}/assessments/${thisYear}/answers/${q.id}`)
        .set(bearerOf(owner))
        .send({ value: answerFor(q, 'best') })
        .expect(200);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const pages = () => [
    { name: 'dashboard', path: '/dashboard' },
    { name: 'walk', path: `/assessments/${thisYear}?section=procurement` },
    { name: 'walk-inventory', path: `/assessments/${thisYear}?section=measurement` },
    { name: 'results', path: `/assessments/${thisYear}/results`, ready: '#overall-score' },
    { name: 'compare', path: `/compare?from=${lastYear}&to=${thisYear}`, ready: '#comparison-title' },
    { name: 'members', path: '/members' },
  ];

  for (const width of [360, 1280]) {
    it(`at ${width} px: no horizontal scroll, every control labelled, no script error`, async () => {
      const { context, page, problems } = await newContext(browser, t.baseUrl, { width, height: width < 500 ? 780 : 900 });
      for (const name of ['login', 'signup']) {
        await page.goto(`/${name}`);
        expect(await horizontalOverflow(page)).toEqual({ overflow: 0, culprits: [] });
        if (width === 360) await screenshot(page, `${name}-360`);
      }
      await logIn(page, owner);
      for (const p of pages()) {
        await page.goto(p.path);
        if (p.ready) await page.locator(p.ready).waitFor();
        await page.waitForLoadState('networkidle');
        await screenshot(page, `${p.name}-${width}`);
        expect({ page: p.name, ...(await horizontalOverflow(page)) }).toEqual({ page: p.name, overflow: 0, culprits: [] });
        const unlabelled = await page.evaluate(() =>
          [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
            .filter(
              (el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'),
            )
            .map((el) => el.outerHTML.slice(0, 120)),
        );
        expect({ page: p.name, unlabelled }).toEqual({ page: p.name, unlabelled: [] });
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('French by default; the language switch shows English and is remembered', async () => {
    const { context, page, problems } = await newContext(browser, t.baseUrl);
    await logIn(page, owner);
    await page.goto('/dashboard');
    expect(await page.locator('h1').textContent()).toBe('Tableau de bord');
    await Promise.all([page.waitForURL('**/dashboard'), page.getByRole('link', { name: 'English' }).click()]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Dashboard');
    await page.goto(`/assessments/${thisYear}?section=procurement`);
    expect(await page.locator('#section-title').textContent()).toBe(template.sections.find((s) => s.id === 'procurement')!.title.en);
    await page.goto(`/assessments/${thisYear}/results`);
    await page.locator('#overall-score').waitFor();
    expect(await page.getByRole('heading', { name: 'Prioritised action plan' }).isVisible()).toBe(true);
    await screenshot(page, 'results-en');
    // Remembered in a cookie: a new page in the same browser is still in English.
    const second = await context.newPage();
    await second.goto('/members');
    expect(await second.locator('h1').textContent()).toBe('Members');
    await second.getByRole('link', { name: 'Français' }).click();
    await second.waitForURL('**/members');
    expect(await second.locator('h1').textContent()).toBe('Membres');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a page needing a session sends to the log-in page and back; logging out ends the session', async () => {
    const { context, page } = await newContext(browser, t.baseUrl);
    await page.goto(`/assessments/${thisYear}/results`);
    await page.waitForURL(/\/login\?next=/);
    await logIn(page, owner, `/assessments/${thisYear}/results`);
    expect(new URL(page.url()).pathname).toBe(`/assessments/${thisYear}/results`);
    await Promise.all([page.waitForURL('**/login?done=logout'), page.getByRole('button', { name: 'Se déconnecter' }).click()]);
    expect(await page.getByText('Vous êtes déconnecté.').isVisible()).toBe(true);
    expect((await context.cookies()).find((c) => c.name === 'fi_session')).toBeUndefined();
    await page.goto('/dashboard');
    await page.waitForURL(/\/login\?next=%2Fdashboard/);
    // A wrong password is refused with the same message whatever the email.
    await page.getByLabel('Adresse e-mail').fill(owner.email);
    await page.getByLabel('Mot de passe').fill('not the password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    // Another organisation's assessment is a plain "not found" page.
    const other = await registerViaApi(t, 'Autre organisation');
    await logIn(page, other);
    const res = await page.goto(`/assessments/${thisYear}`);
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page introuvable');
    await context.close();
  });

  it('the keyboard reaches everything: skip link first, visible focus', async () => {
    const { context, page } = await newContext(browser, t.baseUrl);
    await logIn(page, owner);
    await page.goto(`/assessments/${thisYear}?section=usage`);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });
});
