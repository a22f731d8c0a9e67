/// <reference lib="dom" />
import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { Question, QuestionnaireTemplate } from '../../src/questionnaires/template.types.js';
import { addMember, type Account } from '../support/test-app.js';
import {
  allSaved,
  api,
  bearerOf,
  fillAssessment,
  horizontalOverflow,
  launchBrowser,
  logIn,
  newContext,
  registerViaApi,
  screenshot,
  screenshotOf,
  startWebApp,
  template as loadTemplate,
  type WebTestApp,
} from './browser.js';

jest.setTimeout(300_000);

/** Text with no-break spaces (French typography) as plain spaces. */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

/**
 * The IT manager of a local authority and a colleague walk the questionnaire together, in French
 * and in English, with the keyboard: nobody's comment is lost to a stale page, numbers are read the
 * French way, year two is reviewed answer by answer, and submitting it unreviewed is a choice.
 */
describe('the walk as a team uses it', () => {
  let t: WebTestApp;
  let browser: Browser;
  let owner: Account;
  let editor: Account;
  let template: QuestionnaireTemplate;
  let id: string;
  let scales: Question[];
  const year = new Date().getFullYear();

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startWebApp();
    owner = await registerViaApi(t, 'Communauté d’agglomération de Test');
    editor = await addMember(t.http, owner, 'editor');
    template = await loadTemplate(t, owner);
    id = (await request(t.http).post(`${api}/assessments`).set(bearerOf(owner)).send({ year }).expect(201)).body.id;
    scales = template.sections.find((s) => s.id === 'procurement')!.questions.filter((q) => q.type === 'scale' && !q.showIf);
    await request(t.http)
      .put(`${api}/assessments/${id}/answers/${scales[0].id}`)
      .set(bearerOf(owner))
      .send({ value: scales[0].options![0].id, expectedVersion: 0 })
      .expect(200);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const answerOf = async (assessmentId: string, questionId: string) =>
    (
      (await request(t.http).get(`${api}/assessments/${assessmentId}/answers`).set(bearerOf(owner)).expect(200)).body as Array<{
        questionId: string;
        value: unknown;
        comment: string | null;
        version: number;
        carriedOver: boolean;
      }>
    ).find((a) => a.questionId === questionId);

  const english = async (page: Page) => page.context().addCookies([{ name: 'fi_lang', value: 'en', url: t.baseUrl }]);

  it('a colleague’s comment survives a stale page: the conflict shows both fields and "keep mine" keeps their comment', async () => {
    const q = scales[0];
    const colleague = await newContext(browser, t.baseUrl);
    await logIn(colleague.page, editor);
    await colleague.page.goto(`/assessments/${id}?section=procurement`);

    // The owner, in another browser, adds a comment to the answer.
    const mine = await newContext(browser, t.baseUrl);
    await logIn(mine.page, owner);
    await mine.page.goto(`/assessments/${id}?section=procurement`);
    const ownerBlock = mine.page.locator(`[id="q-${q.id}"]`);
    await ownerBlock.locator('.q-comment summary').click();
    await ownerBlock.locator('.q-comment-input').fill('Source : marché 2024 de la centrale d’achat');
    await ownerBlock.locator('.q-comment-input').blur();
    await allSaved(mine.page);
    expect(await answerOf(id, q.id)).toMatchObject({ comment: 'Source : marché 2024 de la centrale d’achat', version: 2 });

    // The colleague's page still shows version 1, without the comment: they change the answer.
    const block = colleague.page.locator(`[id="q-${q.id}"]`);
    await block.locator(`input[value="${q.options![2].id}"]`).check();
    const conflict = block.locator('.q-conflict');
    await conflict.waitFor({ state: 'visible' });
    // Every field that differs is shown: the answer and the comment.
    expect(await conflict.locator('.conflict-field').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.field))).toEqual([
      'value',
      'comment',
    ]);
    expect(await conflict.locator('[data-field="value"] dd').allTextContents()).toEqual([q.options![0].label.fr, q.options![2].label.fr]);
    expect((await conflict.locator('[data-field="comment"] dd').allTextContents()).map(plain)).toEqual([
      '« Source : marché 2024 de la centrale d’achat »',
      'inchangé de votre côté : le sien est gardé',
    ]);
    await screenshotOf(block, 'conflict-comment');
    await conflict.getByRole('button', { name: 'Garder ma réponse' }).click();
    await allSaved(colleague.page);
    // Their answer, and the owner's comment kept.
    expect(await answerOf(id, q.id)).toMatchObject({
      value: q.options![2].id,
      comment: 'Source : marché 2024 de la centrale d’achat',
      version: 3,
    });
    expect(await block.locator('.q-comment-input').inputValue()).toBe('Source : marché 2024 de la centrale d’achat');
    const history = (await request(t.http).get(`${api}/assessments/${id}/history?questionId=${q.id}`).set(bearerOf(owner)).expect(200))
      .body as Array<{ newComment: string | null; action: string }>;
    expect(history.filter((e) => e.action === 'answered').map((e) => e.newComment)).toEqual([
      'Source : marché 2024 de la centrale d’achat',
      'Source : marché 2024 de la centrale d’achat',
      null,
    ]);
    expect(colleague.problems).toEqual([]);
    expect(mine.problems).toEqual([]);

    // The question's history is one click away: who changed what, when.
    const details = ownerBlock.locator('.q-history');
    await details.locator('summary').click();
    const items = details.locator('.history-list li');
    await items.first().waitFor();
    expect(await items.count()).toBe(3);
    const newest = plain(await items.nth(0).textContent());
    expect(newest).toContain(editor.email);
    expect(newest).toContain(plain(`Réponse : ${q.options![0].label.fr} → ${q.options![2].label.fr}`));
    expect(plain(await items.nth(1).textContent())).toContain(
      `${owner.email}Commentaire : (aucun commentaire) → Source : marché 2024 de la centrale d’achat`,
    );
    await screenshotOf(ownerBlock, 'question-history');
    await colleague.context.close();
    await mine.context.close();
  });

  it('arrow keys move between options without saving each one: the choice is saved once, on leaving the group', async () => {
    const q = scales[1];
    expect(q.options!.length).toBeGreaterThanOrEqual(4);
    const { context, page, problems } = await newContext(browser, t.baseUrl);
    await logIn(page, editor);
    await page.goto(`/assessments/${id}?section=procurement`);
    const puts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().endsWith(`/answers/${q.id}`)) puts.push(JSON.parse(r.postData() ?? '{}').value);
    });
    const block = page.locator(`[id="q-${q.id}"]`);
    // Keyboard only: on the group (nothing chosen yet), then the arrow keys choose option after option.
    await block.locator('input[type=radio]').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await block.locator(`input[value="${q.options![3].id}"]`).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await allSaved(page);
    expect(puts).toEqual([q.options![3].id]);
    expect((await answerOf(id, q.id))?.value).toBe(q.options![3].id);
    const history = (await request(t.http).get(`${api}/assessments/${id}/history?questionId=${q.id}`).set(bearerOf(owner)).expect(200))
      .body;
    expect(history).toHaveLength(1);
    // A click saves at once, as before.
    await block.locator(`input[value="${q.options![1].id}"]`).check();
    await allSaved(page);
    expect(puts).toEqual([q.options![3].id, q.options![1].id]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the inventory is one table at 1280 px and one card per device type at 360 px; "1,5" years is saved as 1.5', async () => {
    for (const width of [1280, 360]) {
      const { context, page, problems } = await newContext(browser, t.baseUrl, { width, height: 900 });
      await logIn(page, owner);
      await page.goto(`/assessments/${id}?section=inventory`);
      const table = page.locator('#inventory-table');
      expect(await table.locator('tbody tr').count()).toBe(10);
      expect(await page.locator('#inventory-import').isVisible()).toBe(true);
      const laptop = table.locator('tr[data-device="laptop"]');
      expect(await laptop.locator('th').textContent()).toMatch(/portables/);
      expect(await page.locator('[id="q-inventory.laptop.count"] .q-number').isVisible()).toBe(true);
      const headers = await table.locator('thead th').allTextContents();
      expect(headers).toEqual(['Type d’équipement', 'Nombre', 'Durée de vie moyenne', 'Part reconditionnée']);
      const cells = await laptop.locator('td').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect()));
      if (width === 1280) {
        // A table: the three cells of a row side by side.
        expect(cells[1].left).toBeGreaterThan(cells[0].right - 1);
        expect(cells[2].left).toBeGreaterThan(cells[1].right - 1);
      } else {
        // A card: the cells one under the other, each with its column's name.
        expect(cells[1].top).toBeGreaterThanOrEqual(cells[0].bottom - 1);
        expect(
          await laptop
            .locator('td')
            .first()
            .evaluate((td) => getComputedStyle(td, '::before').content),
        ).toBe('"Nombre"');
        expect((await horizontalOverflow(page)).overflow).toBe(0);
      }
      if (width === 1280) {
        // The section list, the progress and the submit panel stay on screen down a long section.
        await page.locator('tr[data-device="network_switch"]').scrollIntoViewIfNeeded();
        expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
        const inView = (selector: string) =>
          page.locator(selector).evaluate((el) => {
            const r = el.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
          });
        expect(await inView('#submit-button')).toBe(true);
        expect(await inView('#sn-overall')).toBe(true);
        expect(await inView('.section-nav a[aria-current="step"]')).toBe(true);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.locator('[id="q-inventory.laptop.count"] .q-number').fill('300');
        await page.locator('[id="q-inventory.laptop.count"] .q-number').blur();
        const lifespan = page.locator('[id="q-inventory.laptop.lifespan_years"] .q-number');
        await lifespan.waitFor({ state: 'visible' });
        await lifespan.fill('1,5');
        await lifespan.blur();
        await allSaved(page);
        expect((await answerOf(id, 'inventory.laptop.lifespan_years'))?.value).toBe(1.5);
        // Ambiguous: refused on the page with the rule, nothing saved.
        const count = page.locator('[id="q-inventory.laptop.count"] .q-number');
        await count.fill('1,234');
        await count.blur();
        const error = page.locator('[id="q-inventory.laptop.count"] .q-error');
        await error.waitFor({ state: 'visible' });
        expect(plain(await error.textContent())).toBe(
          '« 1,234 » est ambigu : une virgule ou un point suivi d’exactement trois chiffres, ou répété, peut séparer des milliers. Écrivez 1234 ou 1 234 pour un nombre entier, 1,5 ou 1.5 pour un nombre décimal.',
        );
        expect(await count.getAttribute('aria-invalid')).toBe('true');
        await count.fill('1 234');
        await count.blur();
        await allSaved(page);
        expect((await answerOf(id, 'inventory.laptop.count'))?.value).toBe(1234);
        await page.reload();
        expect(await page.locator('[id="q-inventory.laptop.lifespan_years"] .q-number').inputValue()).toBe('1,5');
      }
      await screenshot(page, `walk-inventory-${width}`);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('in English too: "1.5" and "1,5" are 1.5, and "1.234,5" is refused with the rule', async () => {
    const { context, page, problems } = await newContext(browser, t.baseUrl);
    await logIn(page, owner);
    await english(page);
    await page.goto(`/assessments/${id}?section=inventory`);
    expect(await page.locator('#inventory-table thead th').allTextContents()).toEqual([
      'Device type',
      'Number',
      'Average lifespan',
      'Refurbished share',
    ]);
    const lifespan = page.getByRole('textbox', { name: /^Average lifespan of laptops/ });
    await lifespan.fill('4.5');
    await lifespan.blur();
    await allSaved(page);
    expect((await answerOf(id, 'inventory.laptop.lifespan_years'))?.value).toBe(4.5);
    await lifespan.fill('1.234,5');
    await lifespan.blur();
    const error = page.locator('[id="q-inventory.laptop.lifespan_years"] .q-error');
    await error.waitFor({ state: 'visible' });
    expect(plain(await error.textContent())).toContain('“1.234,5” is ambiguous: a comma or point followed by exactly three digits');
    expect((await answerOf(id, 'inventory.laptop.lifespan_years'))?.value).toBe(4.5);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the country is a select with type-ahead, filled from sign-up', async () => {
    const { context, page, problems } = await newContext(browser, t.baseUrl);
    await logIn(page, owner);
    await page.goto(`/assessments/${id}?section=profile`);
    const country = page.locator('[id="q-organisation.country"] select');
    expect(await country.inputValue()).toBe('FR');
    expect(await page.getByRole('combobox', { name: /pays/i }).count()).toBe(1);
    await country.focus();
    await country.selectOption('DE');
    await allSaved(page);
    expect((await answerOf(id, 'organisation.country'))?.value).toBe('DE');
    await country.selectOption('FR');
    await allSaved(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  describe('year two', () => {
    let lastYearId: string;
    let thisYearId: string;

    beforeAll(async () => {
      const other = await registerViaApi(t, 'Commune de Relecture');
      owner = other;
      lastYearId = (
        await request(t.http)
          .post(`${api}/assessments`)
          .set(bearerOf(owner))
          .send({ year: year - 1 })
          .expect(201)
      ).body.id;
      await fillAssessment(t, owner, lastYearId, () => 'worst');
      await request(t.http).post(`${api}/assessments/${lastYearId}/submit`).set(bearerOf(owner)).expect(200);
      thisYearId = (
        await request(t.http).post(`${api}/assessments`).set(bearerOf(owner)).send({ year, copyFromAssessmentId: lastYearId }).expect(201)
      ).body.id;
      // What this year asks anew is answered; the carried-over answers wait for a review.
      await fillAssessment(t, owner, thisYearId, () => 'best');
    });

    it('opens on section 1 in review mode; Enter on "Unchanged" confirms and moves to the next answer, keyboard only', async () => {
      const { context, page, problems } = await newContext(browser, t.baseUrl);
      await logIn(page, owner);
      await page.goto(`/assessments/${thisYearId}`);
      await page.waitForURL(`**/assessments/${thisYearId}?section=${template.sections[0].id}`);
      const carried = (
        (await request(t.http).get(`${api}/assessments/${thisYearId}/answers`).set(bearerOf(owner)).expect(200)).body as Array<{
          questionId: string;
          carriedOver: boolean;
          visible: boolean;
        }>
      ).filter((a) => a.carriedOver && a.visible);
      const section = template.sections[0];
      const inSection = section.questions.filter((q) => carried.some((a) => a.questionId === q.id));
      expect(inSection.length).toBeGreaterThanOrEqual(2);
      const [first, second] = inSection;
      const active = () =>
        page.evaluate(() => ({ q: document.activeElement?.closest('.question')?.id, cls: document.activeElement?.className }));
      await page.waitForFunction(() => document.activeElement?.classList.contains('q-confirm'));
      expect(await active()).toMatchObject({ q: `q-${first.id}` });
      // Last year's value beside it, and the section list counting what is reviewed.
      expect(plain(await page.locator(`[id="q-${first.id}"] .q-lastyear`).textContent())).toMatch(new RegExp(`^En ${year - 1} : .+`));
      const review = page.locator(`.section-nav li[data-section="${section.id}"] [data-section-review]`);
      expect(plain(await review.textContent())).toBe(`0/${inSection.length} reprises relues`);
      await screenshot(page, 'walk-review-mode');

      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => document.activeElement?.closest('.question')?.id === `q-${id}`, second.id);
      expect(await active()).toMatchObject({ q: `q-${second.id}`, cls: expect.stringContaining('q-confirm') });
      expect(await answerOf(thisYearId, first.id)).toMatchObject({ carriedOver: false, version: 2 });
      await page.waitForFunction(
        (n) => document.querySelector('[data-section-review]')?.textContent?.startsWith(`1/${n}`),
        inSection.length,
      );

      // "Change": Tab to it, Enter, and the cursor is on the answer.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^\s*Modifier/);
      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => ({
        q: document.activeElement?.closest('.question')?.id,
        tag: document.activeElement?.tagName,
      }));
      expect(focused.q).toBe(`q-${second.id}`);
      expect(['INPUT', 'SELECT', 'TEXTAREA']).toContain(focused.tag);

      // The same review in English.
      await english(page);
      await page.goto(`/assessments/${thisYearId}?section=${section.id}`);
      const block = page.locator(`[id="q-${second.id}"]`);
      expect((await block.locator('.q-confirm').textContent())?.trim()).toMatch(/^Unchanged/);
      expect((await block.locator('.q-change').textContent())?.trim()).toMatch(/^Change/);
      expect(plain(await block.locator('.q-lastyear').textContent())).toMatch(new RegExp(`^In ${year - 1}: .+`));
      expect(plain(await review.textContent())).toBe(`1/${inSection.length} carried-over reviewed`);
      expect(problems).toEqual([]);
      await context.close();
    });

    it('submitting lists the unconfirmed answers and asks for an explicit choice; the results and the dashboard say so', async () => {
      const { context, page, problems } = await newContext(browser, t.baseUrl);
      await logIn(page, owner);
      await page.goto(`/assessments/${thisYearId}?section=${template.sections[1].id}`);
      const pending = (await request(t.http).get(`${api}/assessments/${thisYearId}`).set(bearerOf(owner)).expect(200)).body.copyForward
        .pendingConfirmation as number;
      expect(pending).toBeGreaterThan(1);
      await page.locator('#submit-button').focus();
      await page.keyboard.press('Enter');
      const box = page.locator('#lifecycle-error');
      await box.locator('#unconfirmed-list').waitFor();
      expect(plain(await box.locator('p').first().textContent())).toMatch(
        new RegExp(`^\\d+ réponses reprises de ${year - 1} n’ont été ni confirmées ni modifiées :$`),
      );
      expect(await box.locator('#unconfirmed-list li').count()).toBe(Math.min(12, pending));
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('lifecycle-error');
      expect(await box.textContent()).not.toContain('null');
      expect((await request(t.http).get(`${api}/assessments/${thisYearId}`).set(bearerOf(owner)).expect(200)).body.status).toBe('draft');
      await screenshotOf(page.locator('.lifecycle'), 'submit-unreviewed');
      await page.getByRole('button', { name: 'Soumettre sans les relire' }).focus();
      await Promise.all([page.waitForURL('**/results?submitted=1'), page.keyboard.press('Enter')]);
      expect(plain(await page.locator('#unconfirmed-note').textContent())).toMatch(
        new RegExp(
          `Soumise avec \\d+ réponses reprises de ${year - 1} sans relecture, par un choix explicite consigné dans l’historique\\.`,
        ),
      );
      await page.goto('/dashboard');
      expect(plain(await page.locator(`[data-assessment-id="${thisYearId}"] .carried-note`).textContent())).toMatch(
        /Soumise avec \d+ réponses reprises non confirmées \(choix consigné\)/,
      );
      await english(page);
      await page.goto(`/assessments/${thisYearId}/results`);
      expect(plain(await page.locator('#unconfirmed-note').textContent())).toMatch(
        new RegExp(
          `Submitted with \\d+ answers carried over from ${year - 1} unreviewed, by an explicit choice recorded in the audit trail\\.`,
        ),
      );
      expect(problems).toEqual([]);
      await context.close();
    });
  });
});
