/// <reference lib="dom" />
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import request from 'supertest';
import type { QuestionnaireTemplate, Question } from '../../src/questionnaires/template.types.js';
import { answerFor } from '../support/answers.js';
import { createTestApp, uniqueEmail, type Account, type TestApp } from '../support/test-app.js';

/**
 * Browser tests drive the real pages in a real headless Chromium (never one downloaded at run
 * time) against the real app listening on an ephemeral port, on a throw-away database.
 * The Chromium is, in this order: CHROMIUM_PATH, the system's /usr/bin/chromium, else the
 * headless Chromium shipped inside the npm package @sparticuz/chromium (a devDependency: the
 * binary comes in the registry tarball; it is unpacked to the temporary folder with its fonts).
 */
export const SCREENSHOT_DIR = process.env.WEB_SCREENSHOT_DIR ?? '/tmp';
export const api = '/api/v1';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function findChromium(): Promise<{ executablePath: string; args: string[]; source: string }> {
  if (process.env.CHROMIUM_PATH) {
    if (!existsSync(process.env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
    return { executablePath: process.env.CHROMIUM_PATH, args: FLAGS, source: 'CHROMIUM_PATH' };
  }
  if (existsSync('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium', args: FLAGS, source: 'system' };
  const { default: packaged } = await import('@sparticuz/chromium');
  // executablePath() unpacks the binary and its fonts, and points FONTCONFIG_PATH at the fonts.
  const executablePath = await packaged.executablePath();
  // Its own flags, minus the ones for a one-process Lambda: the tests open several contexts at once.
  const args = packaged.args.filter((a) => !['--single-process', '--no-zygote'].includes(a));
  return { executablePath, args: [...new Set([...args, ...FLAGS])], source: '@sparticuz/chromium' };
}

export async function launchBrowser(): Promise<Browser> {
  const { executablePath, args } = await findChromium();
  return chromium.launch({ executablePath, args });
}

export interface WebTestApp extends TestApp {
  baseUrl: string;
}

export async function startWebApp(): Promise<WebTestApp> {
  const t = await createTestApp();
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return Object.assign(t, { baseUrl: `http://127.0.0.1:${port}` });
}

/** A browser context that records script errors and CSP violations, so tests can assert there are none. */
export async function newContext(
  browser: Browser,
  baseUrl: string,
  options: { width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    acceptDownloads: true,
    locale: 'fr-FR',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 40[0-9]/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/web-${name}.png`, fullPage: true });
}

/** A picture of one part of the page (a question, a panel). */
export async function screenshotOf(locator: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await locator.screenshot({ path: `${SCREENSHOT_DIR}/web-${name}.png` });
}

/** Signs up through the API (fast set-up for scenarios that are not about signing up). */
export async function registerViaApi(t: TestApp, organisationName = 'Mairie de Test'): Promise<Account> {
  const email = uniqueEmail('dsi');
  const password = 'correct horse battery';
  const res = await request(t.http).post(`${api}/auth/register`).send({ email, password, organisationName, country: 'FR' }).expect(201);
  return { token: res.body.accessToken, userId: res.body.user.id, organisationId: res.body.organisation.id, email, password };
}

export async function logIn(page: Page, who: { email: string; password: string }, next = ''): Promise<void> {
  await page.goto(`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel('Mot de passe').fill(who.password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.getByRole('button', { name: 'Se connecter' }).click()]);
}

export async function template(t: TestApp, who: Account): Promise<QuestionnaireTemplate> {
  const list = await request(t.http).get(`${api}/questionnaires`).set('Authorization', `Bearer ${who.token}`).expect(200);
  const { id, version } = list.body[0];
  return (
    await request(t.http).get(`${api}/questionnaires/${id}/versions/${version}`).set('Authorization', `Bearer ${who.token}`).expect(200)
  ).body;
}

/** Waits until the walk has no save waiting or in flight (a failed save counts as done: its message shows). */
export async function allSaved(page: Page): Promise<void> {
  await page.locator('#questions[data-pending="0"]').waitFor({ state: 'attached' });
  await page.locator('#save-indicator:not(.is-saving)').waitFor({ state: 'attached' });
}

/** Answers one visible question in the page the way a person would, and returns the value given. */
export async function answerInPage(page: Page, q: Question, pick: 'first' | 'last' = 'last'): Promise<unknown> {
  // The page's script marks the form once it listens (data-pending): a page just loaded (after a
  // reopen, say) can show its inputs before then, and an answer given that early is never saved.
  await page.locator('#questions[data-pending]').waitFor({ state: 'attached' });
  const block = page.locator(`[id="q-${q.id}"]`);
  switch (q.type) {
    case 'boolean': {
      const yes = pick === 'last';
      await block.getByLabel(yes ? 'Oui' : 'Non', { exact: true }).check();
      return yes;
    }
    case 'single_choice':
    case 'scale': {
      // The first or last scored option (the last option is often "I don't know").
      const scored = (q.options ?? []).filter((o) => typeof o.score === 'number');
      const options = scored.length ? scored : (q.options ?? []);
      const option = pick === 'last' ? options[options.length - 1] : options[0];
      await block.locator(`input[value="${option.id}"]`).check();
      return option.id;
    }
    case 'multi_choice': {
      const option = (q.options ?? []).find((o) => !o.exclusive) ?? q.options![0];
      await block.locator(`input[value="${option.id}"]`).check();
      return [option.id];
    }
    case 'number': {
      const value = Math.min(Math.max(q.min ?? 0, pick === 'last' ? 5 : 3), q.max ?? 5);
      await block.locator('input.q-number').fill(String(value));
      await block.locator('input.q-number').blur();
      return value;
    }
    case 'text': {
      const value = 'Réponse « test » : éco-conception, œuvre — 数字';
      await block.locator('textarea').first().fill(value);
      await block.locator('textarea').first().blur();
      return value;
    }
  }
}

/**
 * How far the page scrolls sideways, in CSS pixels (0 when it does not), and the elements that
 * stick out of the viewport (to say what to fix).
 */
export async function horizontalOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflow = Math.max(0, Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - width);
    const culprits = overflow
      ? [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > width + 0.5)
          // Content inside a sideways-scrolling box (a wide table) does not move the page.
          .filter((el) => {
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
              if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return false;
            }
            return true;
          })
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)}px)`)
      : [];
    return { overflow, culprits };
  });
}

export const bearerOf = (a: Account) => ({ Authorization: `Bearer ${a.token}` });

/** Fills a whole assessment through the API, next by next (the quality alternates to vary scores). */
export async function fillAssessment(t: TestApp, who: Account, id: string, quality: (i: number) => 'best' | 'worst'): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const next = await request(t.http).get(`${api}/assessments/${id}/next`).set(bearerOf(who));
    if (next.status === 204) return;
    const q = next.body.question;
    let value = answerFor(q, quality(i));
    if (q.id === 'organisation.country') value = 'FR';
    if (/^inventory\..*\.count$/.test(q.id))
      value = q.id.includes('laptop') ? 120 : q.id.includes('monitor') ? 150 : q.id.includes('smartphone') ? 60 : 4;
    if (/lifespan_years$/.test(q.id)) value = 4;
    if (/refurbished_share$/.test(q.id)) value = 10;
    await request(t.http).put(`${api}/assessments/${id}/answers/${q.id}`).set(bearerOf(who)).send({ value }).expect(200);
  }
}
