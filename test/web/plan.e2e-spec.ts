/// <reference lib="dom" />
import { jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import request from 'supertest';
import type { Account } from '../support/test-app.js';
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
 * The owner adopts this year's top actions from the results page, updates one on the plan page
 * (status, a measured value, a due date already passed), sees it overdue on the dashboard, and
 * downloads the plan as a spreadsheet, read back here with exceljs.
 */
describe('adopting actions and tracking them on the plan page', () => {
  let t: WebTestApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let owner: Account;
  let id: string;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startWebApp();
    owner = await registerViaApi(t, 'Mairie de Plan-sur-Test');
    id = (await request(t.http).post(`${api}/assessments`).set(bearerOf(owner)).send({ year }).expect(201)).body.id;
    await fillAssessment(t, owner, id, (i) => (i % 3 ? 'worst' : 'best'));
    ({ page, problems } = await newContext(browser, t.baseUrl));
    await logIn(page, owner);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const plan = async () => (await request(t.http).get(`${api}/assessments/${id}/plan`).set(bearerOf(owner)).expect(200)).body;

  it("adopts this year's actions from the results page", async () => {
    const { top } = await plan();
    const results = (await request(t.http).get(`${api}/assessments/${id}/results`).set(bearerOf(owner)).expect(200)).body;
    const thisYear = results.priorities
      .filter((p: { group: string }) => p.group === 'this_year')
      .map((p: { actionId: string }) => p.actionId);
    expect(top).toEqual(thisYear);
    expect(top.length).toBeGreaterThan(0);
    await page.goto(`/assessments/${id}/results`);
    const adoptTop = page.locator('#adopt-top');
    await adoptTop.waitFor();
    expect(await adoptTop.textContent()).toBe(`Adopter les ${top.length} actions de cette année`);
    await adoptTop.click();
    await page
      .locator('.badge-adopted')
      .nth(top.length - 1)
      .waitFor();
    expect(await page.locator('#adopt-top').count()).toBe(0);
    // Each adopted action of the plan links to its commitment.
    for (const actionId of top) expect(await page.locator(`#action-${actionId} .badge-adopted`).textContent()).toBe('Dans le plan ✓');
    const adopted = await plan();
    expect(adopted.commitments.map((c: { actionId: string }) => c.actionId).sort()).toEqual([...top].sort());
    // One more, by hand, from its own button.
    const another = page.locator('.adopt-one:visible').first();
    const anotherId = await another.getAttribute('data-action-id');
    await another.click();
    await page.locator(`#action-${anotherId} .badge-adopted`).waitFor();
    expect((await plan()).commitments).toHaveLength(6);
    await screenshot(page, 'results-adopted');
    expect(problems).toEqual([]);
  });

  it('updates a commitment on the plan page with the keyboard: status, due date, a measured value', async () => {
    const before = await plan();
    const target = before.commitments.find((c: { actionId: string }) => c.actionId === before.top[0]);
    await Promise.all([page.waitForURL(`**/assessments/${id}/plan`), page.locator('#to-plan').click()]);
    expect(await page.locator('h1').textContent()).toBe(`Plan d’action ${year}`);
    expect(await page.locator('.commitment').count()).toBe(6);
    const card = page.locator(`#c-${target.id}`);
    await card.locator('summary').focus();
    await page.keyboard.press('Enter');
    await card.getByLabel('Statut').selectOption('in_progress');
    await card.getByLabel('Échéance').fill('2020-Q1');
    await card.getByLabel(/^Valeur/).fill('4,5');
    await card.getByLabel('Notes').fill('Point d’étape en comité « numérique responsable »');
    await card.getByLabel('Notes').press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Enregistrer');
    await Promise.all([page.waitForURL(/saved=/), page.keyboard.press('Enter')]);
    await page.locator('#saved-notice').waitFor();
    const saved = page.locator(`#c-${target.id}`);
    expect(await saved.locator('.badge-status-in_progress').textContent()).toBe('En cours');
    expect(await saved.locator('.badge-overdue').textContent()).toMatch(/^En retard\u00a0: \d+ j$/);
    expect(await saved.locator('.commitment-indicator').textContent()).toContain('4,5');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`c-${target.id}`);
    const after = (await plan()).commitments.find((c: { id: string }) => c.id === target.id);
    expect(after).toMatchObject({
      status: 'in_progress',
      version: 2,
      due: { kind: 'quarter', date: '2020-03-31' },
      overdue: true,
      lastMeasurement: { value: 4.5 },
      notes: 'Point d’étape en comité « numérique responsable »',
    });
    await screenshot(page, 'plan');

    // Filters are a plain form: overdue only.
    await page.getByLabel('En retard seulement').check();
    await Promise.all([page.waitForURL(/overdue=1/), page.getByRole('button', { name: 'Appliquer' }).click()]);
    expect(await page.locator('.commitment').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it("a colleague's change meanwhile is shown instead of being overwritten", async () => {
    await page.goto(`/assessments/${id}/plan`);
    const current = (await plan()).commitments[1];
    await request(t.http)
      .patch(`${api}/assessments/${id}/plan/commitments/${current.id}`)
      .set(bearerOf(owner))
      .send({ expectedVersion: current.version, status: 'done' })
      .expect(200);
    const card = page.locator(`#c-${current.id}`);
    await card.locator('summary').click();
    await card.getByLabel('Statut').selectOption('in_progress');
    await card.getByRole('button', { name: 'Enregistrer' }).click();
    const error = card.locator('.form-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('a modifié cet engagement entre-temps');
    expect(await error.textContent()).toContain('Fait');
    expect((await plan()).commitments.find((c: { id: string }) => c.id === current.id).status).toBe('done');
  });

  it('downloads the plan as XLSX, one row per commitment', async () => {
    await page.goto(`/assessments/${id}/plan`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`engagements-mairie-de-plan-sur-test-${year}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await downloaded(download)) as never);
    const sheet = wb.getWorksheet('Plan')!;
    const current = await plan();
    expect(sheet.rowCount).toBe(1 + current.commitments.length);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining(['Action', 'Statut', 'Responsable', 'Échéance', 'Indicateur', 'Valeur de départ', 'Cible', 'Dernière valeur']),
    );
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = sheet.getRows(2, current.commitments.length)!;
    const updated = current.commitments.find((c: { lastMeasurement: unknown }) => c.lastMeasurement);
    const row = rows.find((r) => r.getCell(col('Identifiant de l’action')).value === updated.actionId)!;
    expect(row.getCell(col('Action')).value).toBe(updated.title.fr);
    expect(row.getCell(col('Statut')).value).toBe('En cours');
    expect((row.getCell(col('Échéance')).value as Date).toISOString()).toBe('2020-03-31T00:00:00.000Z');
    expect(row.getCell(col('Échéance saisie')).value).toBe('2020-Q1');
    expect(row.getCell(col('En retard')).value).toBe('Oui');
    expect(row.getCell(col('Dernière valeur')).value).toBe(4.5);
    expect(rows.map((r) => r.getCell(col('Statut')).value).sort()).toEqual(
      current.commitments
        .map(
          (c: { status: string }) =>
            ({ not_started: 'Pas commencé', in_progress: 'En cours', done: 'Fait', dropped: 'Abandonné' })[c.status],
        )
        .sort(),
    );
  });

  it('the dashboard headline names the overdue commitment', async () => {
    await page.goto('/dashboard');
    const headline = page.locator('#overdue-headline');
    expect(await headline.locator('h2').textContent()).toBe('Engagements en retard\u00a0: 1');
    await Promise.all([page.waitForURL(`**/assessments/${id}/plan#c-*`), headline.locator('a').first().click()]);
  });

  it('reads well at 360 px: no sideways scrolling', async () => {
    const small = await newContext(browser, t.baseUrl, { width: 360, height: 780 });
    await logIn(small.page, owner);
    await small.page.goto(`/assessments/${id}/plan`);
    await small.page.locator('.commitment').first().locator('summary').click();
    expect(await horizontalOverflow(small.page)).toEqual({ overflow: 0, culprits: [] });
    await screenshot(small.page, 'plan-360');
    await small.context.close();
    expect(small.problems).toEqual([]);
  });
});
