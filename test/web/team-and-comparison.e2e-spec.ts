/// <reference lib="dom" />
import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import * as figures from '../../src/web/assets/figures.js';
import { t as text } from '../../src/web/i18n.js';
import { walkAssessment } from '../support/walk.js';
import { addMember, type Account } from '../support/test-app.js';
import {
  api,
  bearerOf,
  launchBrowser,
  logIn,
  newContext,
  registerViaApi,
  screenshot,
  screenshotOf,
  startWebApp,
  type WebTestApp,
} from './browser.js';

jest.setTimeout(240_000);

/**
 * The owner hands the procurement section to the buyer, who finds it on the dashboard and in the walk;
 * a year later the comparison lists what changed, who changed it, and why the footprint moved.
 */
describe('a team walks the questionnaire and reads the comparison', () => {
  let t: WebTestApp;
  let browser: Browser;
  let owner: Account;
  let buyer: Account;
  let ownerPage: Page;
  let ownerProblems: string[];
  let lastYear: string;
  let thisYear: string;
  const inventory = {
    'organisation.country': 'FR',
    'organisation.employees': 400,
    'inventory.laptop.count': 300,
    'inventory.laptop.lifespan_years': 4,
    'inventory.laptop.refurbished_share': 0,
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startWebApp();
    owner = await registerViaApi(t, 'Communauté de communes du Test');
    buyer = await addMember(t.http, owner, 'editor');
    lastYear = await walkAssessment(t.http, owner, 2024, 'worst', { overrides: inventory });
    // This year: 40 more laptops, kept 5 years, a fifth refurbished.
    thisYear = await walkAssessment(t.http, owner, 2025, 'best', {
      overrides: {
        ...inventory,
        'inventory.laptop.count': 340,
        'inventory.laptop.lifespan_years': 5,
        'inventory.laptop.refurbished_share': 20,
      },
    });
    ({ page: ownerPage, problems: ownerProblems } = await newContext(browser, t.baseUrl));
    await logIn(ownerPage, owner);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the owner assigns the procurement section in the walk; the buyer sees it on the dashboard and in the walk', async () => {
    await ownerPage.goto(`/assessments/${thisYear}?section=procurement`);
    await ownerPage.getByLabel('Confier cette partie à').selectOption({ label: buyer.email });
    await ownerPage.getByRole('button', { name: 'Confier', exact: true }).click();
    await ownerPage.locator('#assign-status').getByText(`Partie confiée à ${buyer.email}.`).waitFor();
    const navLabel = ownerPage.locator('.section-nav li[data-section="procurement"] [data-assignee]');
    expect(await navLabel.textContent()).toBe(`Confiée à ${buyer.email}`);
    await screenshotOf(ownerPage.locator('.section-nav'), 'walk-assigned-nav');
    await screenshotOf(ownerPage.locator('.section-intro'), 'walk-assign-control');
    const list = (await request(t.http).get(`${api}/assessments/${thisYear}/assignments`).set(bearerOf(owner)).expect(200)).body;
    expect(list.assignments).toEqual([
      expect.objectContaining({ sectionId: 'procurement', assignee: { userId: buyer.userId, email: buyer.email } }),
    ]);
    // After a reload too, and on any other section's page.
    await ownerPage.goto(`/assessments/${thisYear}?section=ecodesign`);
    expect(await ownerPage.locator('.section-nav li[data-section="procurement"] [data-assignee]').textContent()).toBe(
      `Confiée à ${buyer.email}`,
    );
    expect(await ownerPage.locator('.section-nav li[data-section="ecodesign"] [data-assignee]').count()).toBe(0);

    const { page, problems } = await newContext(browser, t.baseUrl);
    await logIn(page, buyer);
    await page.goto('/dashboard');
    const mine = page.locator('#my-sections');
    expect(await mine.getByRole('heading').textContent()).toBe('La partie qui vous est confiée');
    const item = mine.locator('[data-assigned-section="procurement"]');
    const [assigned] = (await request(t.http).get(`${api}/me/assignments`).set(bearerOf(buyer)).expect(200)).body;
    expect(await item.getByRole('link').textContent()).toBe(assigned.sectionTitle.fr);
    expect(await item.locator('[data-section-progress]').textContent()).toBe(
      text('fr', 'progress.text', {
        answered: assigned.progress.answered,
        total: assigned.progress.total,
        percent: assigned.progress.percent,
      }),
    );
    expect(await item.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(String(assigned.progress.percent));
    await screenshot(page, 'dashboard-my-sections');
    await Promise.all([page.waitForURL(/section=procurement/), item.getByRole('link').click()]);
    expect(await page.locator('.section-nav li[data-section="procurement"] [data-assignee]').textContent()).toBe('Confiée à vous');
    // An editor reads who holds a section but cannot assign one.
    expect(await page.locator('#assign-form').count()).toBe(0);
    expect(problems).toEqual([]);
    expect(ownerProblems).toEqual([]);
  });

  it('the comparison lists the changed answers by section with who gave them, every footprint figure with its unit, and why it moved', async () => {
    const c = (await request(t.http).get(`${api}/assessments/${thisYear}/compare/${lastYear}`).set(bearerOf(owner)).expect(200)).body;
    await ownerPage.goto(`/compare?from=${lastYear}&to=${thisYear}`);
    await ownerPage.locator('#comparison-title').waitFor();

    // Changed answers, by section: question, before -> after, who.
    const sections = ownerPage.locator('.changed-section');
    expect(await sections.count()).toBe(c.answers.bySection.length);
    const inventorySection = c.answers.bySection.find((s: { changes: Array<{ questionId: string }> }) =>
      s.changes.some((x) => x.questionId === 'inventory.laptop.count'),
    );
    const block = ownerPage.locator(`.changed-section[data-section="${inventorySection.sectionId}"]`);
    await block.locator('summary').click();
    expect(await block.locator('summary').textContent()).toBe(
      `${inventorySection.title.fr} · ${inventorySection.changes.length} ${inventorySection.changes.length === 1 ? 'réponse modifiée' : 'réponses modifiées'}`,
    );
    const count = block.locator('[data-question="inventory.laptop.count"]');
    const change = inventorySection.changes.find((x: { questionId: string }) => x.questionId === 'inventory.laptop.count');
    expect(await count.locator('.changed-values').textContent()).toBe(`${change.previousLabel.fr} → ${change.currentLabel.fr}`);
    expect(await count.locator('.changed-values').textContent()).toMatch(/^300.* → 340/);
    expect(await count.locator('.changed-by').textContent()).toBe(` par ${owner.email}`);

    // Units on every footprint figure; tonnes from 10,000 kg.
    const climate = c.footprint.criteria.find((d: { criterion: string }) => d.criterion === 'climate');
    expect(climate.unit).toBe('kg CO2e');
    expect(Math.max(climate.previous, climate.current)).toBeGreaterThanOrEqual(10000);
    const scale = figures.quantityScale([climate.previous, climate.current], 'kg CO2e');
    const row = ownerPage.locator('#cmp-footprint ~ .table-scroll tr[data-criterion="climate"] td');
    expect(await row.nth(0).textContent()).toBe(figures.quantity(climate.previous, 'kg CO2e', 'fr', scale));
    expect(await row.nth(1).textContent()).toBe(figures.quantity(climate.current, 'kg CO2e', 'fr', scale));
    expect(await row.nth(0).textContent()).toMatch(/\u00a0t CO2e$/);
    for (const d of c.footprint.criteria as Array<{ criterion: string; unit: string; previous: number | null }>) {
      const cell = await ownerPage.locator(`#cmp-footprint ~ .table-scroll tr[data-criterion="${d.criterion}"] td`).first().textContent();
      if (d.previous !== null) expect(cell).toMatch(/\u00a0(t|kg|MJ|L)( |$)/);
    }

    // Why it moved: 40 more laptops (inventory) against keeping them longer and refurbished (practice).
    const laptop = c.footprintAttribution.devices.find((d: { device: string }) => d.device === 'laptop');
    const f = laptop.criteria.find((x: { criterion: string }) => x.criterion === 'climate');
    expect(f.inventory).toBeGreaterThan(0);
    expect(f.practice).toBeLessThan(0);
    const table = ownerPage.locator('table.attribution[data-criterion="climate"]');
    const total = c.footprintAttribution.totals.find((x: { criterion: string }) => x.criterion === 'climate');
    const tableScale = figures.quantityScale(
      [
        total.previous,
        total.current,
        ...c.footprintAttribution.devices.flatMap((d: { criteria: Array<{ criterion: string; previous: number; current: number }> }) =>
          d.criteria.filter((x) => x.criterion === 'climate').flatMap((x) => [x.previous, x.current]),
        ),
      ],
      'kg CO2e',
    );
    const laptopRow = table.locator(`tbody tr[data-device="${laptop.label.fr}"]`);
    expect(await laptopRow.locator('td').first().textContent()).toBe('300 → 340');
    for (const effect of ['inventory', 'practice', 'factors', 'change'] as const) {
      expect(await laptopRow.locator(`[data-effect="${effect}"]`).textContent()).toBe(
        figures.signedQuantity(f[effect], 'kg CO2e', 'fr', tableScale),
      );
    }
    expect(await laptopRow.locator('[data-effect="inventory"]').textContent()).toMatch(/^\+.*\u00a0t CO2e$/);
    expect(await laptopRow.locator('[data-effect="practice"]').textContent()).toMatch(/^\u2212/);
    expect(await table.locator('thead').textContent()).toContain('Parc (nombre d’appareils)');
    expect(await ownerPage.locator('#cmp-why-method').textContent()).toContain('Substitution successive');
    await screenshot(ownerPage, 'compare-why');
    expect(ownerProblems).toEqual([]);
  });
});
