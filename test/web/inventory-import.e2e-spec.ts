/// <reference lib="dom" />
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import {
  api,
  bearerOf,
  horizontalOverflow,
  launchBrowser,
  logIn,
  newContext,
  registerViaApi,
  screenshot,
  screenshotOf,
  startWebApp,
  type WebTestApp,
} from './browser.js';
import type { Account } from '../support/test-app.js';

jest.setTimeout(240_000);

const fixture = (name: string) => `test/fixtures/inventory/${name}`;
/** The text of an element with no-break spaces (French typography) as plain spaces. */
const text = async (locator: { textContent(): Promise<string | null> }) =>
  ((await locator.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');

/**
 * In the walk's inventory section, an IT manager reads the GLPI export, checks the preview and
 * applies it: the inventory answers and the footprint follow. A spreadsheet of their own needs a
 * column mapping; its preview shows what would change from the first import.
 */
describe('inventory import in the browser', () => {
  let t: WebTestApp;
  let browser: Browser;
  let owner: Account;
  let id: string;

  const laptops = async () =>
    (
      (await request(t.http).get(`${api}/assessments/${id}/results`).set(bearerOf(owner)).expect(200)).body.footprint.devices as Array<{
        device: string;
        count: number;
        lifespanYears: number;
      }>
    ).find((d) => d.device === 'laptop');

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startWebApp();
    owner = await registerViaApi(t, 'Mairie de Test');
    id = (await request(t.http).post(`${api}/assessments`).set(bearerOf(owner)).send({ year: 2026 }).expect(201)).body.id;
    for (const [q, value] of [
      ['inventory.laptop.count', 40],
      ['inventory.laptop.lifespan_years', 4],
    ] as const) {
      await request(t.http).put(`${api}/assessments/${id}/answers/${q}`).set(bearerOf(owner)).send({ value }).expect(200);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('reads a GLPI export, shows the preview and applies it; the answers say where they come from', async () => {
    const { page, problems } = await newContext(browser, t.baseUrl);
    await logIn(page, owner);
    await page.goto(`/assessments/${id}?section=inventory`);
    const panel = page.locator('#inventory-import');
    expect(await panel.getByRole('heading', { name: 'Importer l’inventaire depuis votre outil de gestion de parc' }).isVisible()).toBe(
      true,
    );
    await page.getByLabel('Fichier d’export (CSV ou XLSX)').setInputFiles(fixture('glpi-computers-fr.csv'));
    await page.getByLabel('Date de l’export').fill('2026-06-30');
    await page.getByRole('button', { name: 'Lire le fichier' }).click();
    const summary = page.locator('#inv-summary');
    await summary.waitFor();
    expect(await text(summary)).toContain(
      "« glpi-computers-fr.csv » : GLPI (export CSV d'une liste, en français). 17 lignes lues, 14 retenues, 3 écartées.",
    );
    expect(await text(summary)).toContain('Encodage Windows-1252');
    const classes = page.locator('#inv-classes');
    expect(await text(classes.locator('tr', { hasText: 'Ordinateurs portables' }).locator('td').first())).toBe('4');
    expect(await text(classes.locator('tr', { hasText: 'Ordinateurs portables' }))).toContain('4,8 ans (sur 3)');
    expect(await text(page.locator('.inv-unclassified summary'))).toBe('2 lignes non classées');
    expect(await text(page.locator('.inv-unclassified'))).toContain('Raspberry Pi 4');
    expect(await text(page.locator('.inv-rejected'))).toContain('31/02/2022');
    const proposals = page.locator('#inv-proposals');
    const laptopRow = proposals.locator('tr', { hasText: 'Nombre d’ordinateurs portables en service' });
    expect(await text(laptopRow)).toContain('40 (saisie)');
    expect(await laptopRow.locator('input[type=checkbox]').isChecked()).toBe(true);
    // The desktop lifespan rests on one retired desktop: shown, not ticked.
    const desktopLife = proposals.locator('tr', { hasText: 'Durée de vie moyenne des ordinateurs fixes' });
    expect(await desktopLife.locator('input[type=checkbox]').isDisabled()).toBe(true);
    await screenshotOf(panel, 'inventory-preview');

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Appliquer les réponses cochées' }).click()]);
    expect(await laptops()).toMatchObject({ count: 4, lifespanYears: 4.8 });
    expect(await text(page.locator('#inv-last'))).toContain('Appliqué le');
    expect(await text(page.locator('#inv-last'))).toContain('Nombre d’ordinateurs portables en service : 40 → 4');
    const laptopCount = page.locator('[id="q-inventory.laptop.count"]');
    expect(await laptopCount.locator('input').inputValue()).toBe('4');
    expect(await text(laptopCount.locator('.q-state'))).toContain('Issu de l’import « glpi-computers-fr.csv » (17 lignes)');
    await screenshot(page, 'inventory-applied-1280');
    expect(problems).toEqual([]);
  });

  it('a spreadsheet of its own asks for the column mapping; its preview shows the diff from the first import', async () => {
    const { page, problems } = await newContext(browser, t.baseUrl, { width: 360, height: 800 });
    await logIn(page, owner);
    await page.goto(`/assessments/${id}?section=inventory`);
    await page.getByLabel('Fichier d’export (CSV ou XLSX)').setInputFiles(fixture('generic-inventory.xlsx'));
    await page.getByLabel('Date de l’export').fill('2026-06-30');
    await page.getByRole('button', { name: 'Lire le fichier' }).click();
    await page.locator('#inv-mapping:not([hidden])').waitFor();
    // Suggested from the headers; the person adds the dates and the refurbished flag.
    expect(await page.getByLabel('Catégorie', { exact: true }).inputValue()).toBe('Catégorie');
    expect(await page.getByLabel('Modèle', { exact: true }).inputValue()).toBe('Référence');
    await page.getByLabel('Date d’achat').selectOption('Acquis le');
    await page.getByLabel('Date de réforme').selectOption('Sorti le');
    expect(await page.getByLabel('Reconditionné (oui ou non)').inputValue()).toBe('Reconditionné');
    await screenshotOf(page.locator('#inventory-import'), 'inventory-mapping-step-360');
    await page.getByRole('button', { name: 'Lire avec cette correspondance' }).click();
    await page.locator('#inv-summary').waitFor();
    const laptopRow = page.locator('#inv-proposals tr', { hasText: 'Nombre d’ordinateurs portables en service' });
    expect(await text(laptopRow)).toContain('4 (import « glpi-computers-fr.csv »)');
    expect(await text(laptopRow)).toContain('5');
    expect(await text(laptopRow)).toContain('modifiée');
    expect(await text(page.locator('#inv-proposals tr', { hasText: 'Part des ordinateurs portables achetés reconditionnés' }))).toContain(
      '40',
    );
    expect((await horizontalOverflow(page)).overflow).toBe(0);
    await screenshotOf(page.locator('#inventory-import'), 'inventory-mapping-preview-360');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Appliquer les réponses cochées' }).click()]);
    expect(await laptops()).toMatchObject({ count: 5, lifespanYears: 5.2 });
    expect(problems).toEqual([]);
  });
});
