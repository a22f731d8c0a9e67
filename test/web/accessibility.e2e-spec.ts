/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { Question, QuestionnaireTemplate } from '../../src/questionnaires/template.types.js';
import { LANG_COOKIE } from '../../src/web/i18n.js';
import { allQuestions } from '../support/answers.js';
import { addMember, uniqueEmail, type Account } from '../support/test-app.js';
import {
  api,
  bearerOf,
  fillAssessment,
  launchBrowser,
  newContext,
  registerViaApi,
  startWebApp,
  template as loadTemplate,
  type WebTestApp,
} from './browser.js';

jest.setTimeout(600_000);

/** WCAG 2.0 and 2.1, levels A and AA: what RGAA (French public bodies) rests on. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

interface Finding {
  where: string;
  impact: string;
  rule: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (the engine behind most accessibility audits) on the page as it is now, every
 * <details> opened first so that folded content is checked too, and returns what it finds.
 */
async function scan(page: Page, where: string): Promise<Finding[]> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const { violations } = await new AxeBuilder({ page })
    .withTags(process.env.A11Y_BEST_PRACTICE ? [...WCAG_TAGS, 'best-practice'] : WCAG_TAGS)
    .analyze();
  return violations.map((v) => ({
    where,
    impact: v.impact ?? 'unknown',
    rule: v.id,
    help: `${v.help} (${v.helpUrl.replace(/\?.*$/, '')})`,
    targets: v.nodes
      .slice(0, 5)
      .map((n) => `${n.target.join(' ')}${n.failureSummary ? `: ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`),
  }));
}

/** One readable paragraph per finding: page, impact, rule, help and the elements concerned. */
const readable = (findings: Finding[]) =>
  findings.map((f) => `[${f.where}] ${f.impact} ${f.rule}: ${f.help}\n${f.targets.map((x) => `    - ${x}`).join('\n')}`).join('\n');

/**
 * Walks the page with the Tab key (40 stops: the header and well into the content): each stop must
 * come after the previous one in the document (no positive tabindex jumping about) and show a
 * focus indicator (an outline or a ring).
 */
async function tabThrough(page: Page, where: string, stops = 40): Promise<string[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const problems: string[] = [];
  await page.evaluate(() => ((window as unknown as { __lastFocus: Element | null }).__lastFocus = null));
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const w = window as unknown as { __lastFocus: Element | null };
      const el = document.activeElement;
      if (!el || el === document.body) return { done: true, name: '', visible: true, forward: true };
      // Tab also moves between the parts of a native control (a date's day, month and year), which
      // the browser highlights itself: the same element again is not a new stop.
      if (el === w.__lastFocus) return { done: false, name: '', visible: true, forward: true };
      const style = getComputedStyle(el);
      const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      const forward = !w.__lastFocus || Boolean(w.__lastFocus.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
      w.__lastFocus = el;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      return { done: false, name, visible, forward };
    });
    if (stop.done) break;
    if (!stop.visible) problems.push(`[${where}] no visible focus indicator on ${stop.name}`);
    if (!stop.forward) problems.push(`[${where}] focus went backwards to ${stop.name}`);
  }
  return problems;
}

/**
 * Every page, in French and in English, on a desktop and at 360 px, is checked with axe-core
 * against WCAG 2.0 and 2.1 A and AA (the basis of RGAA): no serious or critical violation.
 * The data is a real organisation's: last year submitted with its plan, this year carried over
 * with commitments under way, an inventory, a colleague and an invitation pending.
 */
describe('accessibility of every page (axe-core, WCAG 2.1 AA)', () => {
  let t: WebTestApp;
  let browser: Browser;
  let owner: Account;
  let editor: Account;
  let template: QuestionnaireTemplate;
  let lastYear: string;
  let thisYear: string;
  let cleared: Question;
  let contested: Question;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startWebApp();
    owner = await registerViaApi(t, 'Communauté de communes du Val d’Essai');
    template = await loadTemplate(t, owner);
    editor = await addMember(t.http, owner, 'editor');
    // An invitation not yet accepted.
    await request(t.http)
      .post(`${api}/organisation/members`)
      .set(bearerOf(owner))
      .send({ email: uniqueEmail('achats'), role: 'viewer' })
      .expect(201);

    // Last year: complete, with its plan, submitted.
    lastYear = (
      await request(t.http)
        .post(`${api}/assessments`)
        .set(bearerOf(owner))
        .send({ year: year - 1 })
        .expect(201)
    ).body.id;
    await fillAssessment(t, owner, lastYear, (i) => (i % 3 === 0 ? 'best' : 'worst'));
    const lastPlan = (await request(t.http).get(`${api}/assessments/${lastYear}/plan`).set(bearerOf(owner)).expect(200)).body;
    for (const [i, actionId] of (lastPlan.top as string[]).entries()) {
      await request(t.http)
        .post(`${api}/assessments/${lastYear}/plan/commitments`)
        .set(bearerOf(owner))
        .send({ actionId, ...(i % 2 ? { ownerRole: 'Responsable des achats' } : { ownerUserId: editor.userId }), due: `${year - 1}-Q4` })
        .expect(201);
    }
    await request(t.http).post(`${api}/assessments/${lastYear}/submit`).set(bearerOf(owner)).expect(200);

    // This year: carried over, its plan under way, one required answer left to give.
    thisYear = (
      await request(t.http).post(`${api}/assessments`).set(bearerOf(owner)).send({ year, copyFromAssessmentId: lastYear }).expect(201)
    ).body.id;
    await request(t.http).post(`${api}/assessments/${thisYear}/plan/carry-over`).set(bearerOf(owner)).send({}).expect(200);
    const plan = (await request(t.http).get(`${api}/assessments/${thisYear}/plan`).set(bearerOf(owner)).expect(200)).body;
    const first = plan.commitments[0];
    await request(t.http)
      .patch(`${api}/assessments/${thisYear}/plan/commitments/${first.id}`)
      .set(bearerOf(owner))
      .send({
        expectedVersion: first.version,
        status: 'in_progress',
        due: `${year - 1}-12-31`,
        target: { value: 6, text: 'Six ans de durée de vie' },
        measurements: [{ date: `${year}-01-15`, value: 4.5, note: 'Inventaire de janvier' }],
        notes: 'Point d’étape en comité « numérique responsable »',
      })
      .expect(200);
    cleared = allQuestions(template).find((q) => q.required && !q.showIf && q.id.startsWith('governance.'))!;
    await request(t.http).delete(`${api}/assessments/${thisYear}/answers/${cleared.id}`).set(bearerOf(owner)).expect(204);
    contested = template.sections[0].questions.find((q) => (q.type === 'single_choice' || q.type === 'scale') && !q.showIf)!;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signedInPages = () => [
    { name: 'dashboard', path: '/dashboard' },
    { name: 'walk: first section', path: `/assessments/${thisYear}` },
    { name: 'walk: inventory section', path: `/assessments/${thisYear}?section=inventory` },
    { name: 'walk: submitted year (read-only)', path: `/assessments/${lastYear}?section=procurement` },
    { name: 'results', path: `/assessments/${thisYear}/results`, ready: '#overall-score' },
    { name: 'results of last year', path: `/assessments/${lastYear}/results`, ready: '#overall-score' },
    { name: 'plan', path: `/assessments/${thisYear}/plan`, ready: '.commitment' },
    { name: 'compare', path: `/compare?from=${lastYear}&to=${thisYear}`, ready: '#comparison-title' },
    { name: 'members', path: '/members' },
    { name: 'password change', path: '/account/password' },
    { name: 'error 404', path: '/assessments/00000000-0000-4000-8000-000000000000' },
  ];
  const publicPages = [
    { name: 'log-in', path: '/login' },
    { name: 'sign-up', path: '/signup' },
    { name: 'password reset', path: `/reset-password?token=${'a'.repeat(32)}` },
    { name: 'password reset, bad link', path: '/reset-password' },
    { name: 'invitation', path: `/invite?token=${'b'.repeat(32)}` },
    { name: 'error 404, signed out', path: '/no-such-page' },
  ];

  it('an unknown address shows the "page not found" page to a person; the API and machines keep problem+json', async () => {
    const page = await request(t.http).get('/no-such-page').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('<h1>Page introuvable</h1>');
    const english = await request(t.http).get('/no-such-page').set('Cookie', `${LANG_COOKIE}=en`).set('Accept', 'text/html').expect(404);
    expect(english.text).toContain('<html lang="en">');
    const machines = {
      'GET /api/v1/nothing-here, HTML accepted': await request(t.http).get('/api/v1/nothing-here').set('Accept', 'text/html').expect(404),
      'GET /no-such-page, JSON asked for': await request(t.http).get('/no-such-page').set('Accept', 'application/json').expect(404),
      'POST /no-such-page': await request(t.http).post('/no-such-page').set('Accept', 'text/html').expect(404),
    };
    for (const [what, res] of Object.entries(machines))
      expect(`${what}: ${res.headers['content-type']}`).toMatch(/: application\/problem\+json/);
  });

  for (const lang of ['fr', 'en'] as const) {
    for (const width of [1280, 360]) {
      it(`${lang} at ${width} px: no serious or critical WCAG 2.1 AA violation on any page or state`, async () => {
        const { context, page, problems } = await newContext(browser, t.baseUrl, { width, height: width < 500 ? 780 : 900 });
        await context.addCookies([{ name: LANG_COOKIE, value: lang, url: t.baseUrl }]);
        const at = (name: string) => `${name}, ${lang}, ${width} px`;
        const findings: Finding[] = [];
        const focus: string[] = [];

        for (const p of publicPages) {
          await page.goto(p.path);
          findings.push(...(await scan(page, at(p.name))));
        }
        // A form sent with mistakes: the error summary and the fields' messages.
        await page.goto('/signup');
        await page.locator('form button[type=submit]').click();
        await page.locator('.error-summary').waitFor();
        findings.push(...(await scan(page, at('sign-up with errors'))));
        await page.goto('/login');
        await page.locator('#email').fill(owner.email);
        await page.locator('#password').fill('not the password');
        await page.locator('form button[type=submit]').click();
        await page.locator('.form-error, .error-summary, [role=alert]').first().waitFor();
        findings.push(...(await scan(page, at('log-in refused'))));

        await page.locator('#password').fill(owner.password);
        await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.locator('form button[type=submit]').click()]);
        for (const p of signedInPages()) {
          await page.goto(p.path);
          if (p.ready) await page.locator(p.ready).first().waitFor();
          await page.waitForLoadState('networkidle');
          findings.push(...(await scan(page, at(p.name))));
          if (width === 1280) focus.push(...(await tabThrough(page, at(p.name))));
        }

        // The walk's states: a colleague's answer meanwhile (the conflict panel)...
        await page.goto(`/assessments/${thisYear}?section=${template.sections[0].id}`);
        const current = (
          (await request(t.http).get(`${api}/assessments/${thisYear}/answers`).set(bearerOf(owner)).expect(200)).body as Array<{
            questionId: string;
            value: unknown;
            version: number;
          }>
        ).find((a) => a.questionId === contested.id);
        const options = contested.options!.map((o) => o.id).filter((o) => o !== current?.value);
        await request(t.http)
          .put(`${api}/assessments/${thisYear}/answers/${contested.id}`)
          .set(bearerOf(editor))
          .send({ value: options[0], expectedVersion: current?.version ?? 0 })
          .expect(200);
        const block = page.locator(`[id="q-${contested.id}"]`);
        await block.locator(`input[value="${options[1]}"]`).check();
        await block.locator('.q-conflict').waitFor({ state: 'visible' });
        findings.push(...(await scan(page, at('walk: conflict panel'))));
        await block.locator('.q-conflict button').first().click();
        await block.locator('.q-conflict').waitFor({ state: 'hidden' });

        // ... submitting with a required answer missing (the submit panel's list)...
        await page.locator('#submit-button').click();
        await page.locator('#lifecycle-error:not([hidden])').waitFor();
        findings.push(...(await scan(page, at('walk: submit panel with a required answer missing'))));

        // ... the inventory import's preview...
        await page.goto(`/assessments/${thisYear}?section=inventory`);
        await page.locator('#inventory-import input[type=file]').setInputFiles('test/fixtures/inventory/glpi-computers-fr.csv');
        await page.locator('#inventory-import input[type=date]').fill(`${year}-01-31`);
        await page.locator('#inv-read').click();
        await page.locator('#inv-summary').waitFor();
        findings.push(...(await scan(page, at('walk: inventory import preview'))));

        // ... and the link of a new invitation on the members page.
        await page.goto('/members');
        await page.locator('#invite-form input[type=email]').fill(uniqueEmail('dpo'));
        await page.locator('#invite-form button[type=submit]').click();
        await page.locator('#invite-link').waitFor();
        findings.push(...(await scan(page, at('members: invitation created'))));

        const blocking = findings.filter((f) => BLOCKING.has(f.impact));
        const others = findings.filter((f) => !BLOCKING.has(f.impact));
        if (others.length && process.env.A11Y_VERBOSE) console.log(`moderate and minor findings:\n${readable(others)}`);
        expect(readable(blocking)).toBe('');
        expect(focus).toEqual([]);
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }
});
