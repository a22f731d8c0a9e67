/// <reference lib="dom" />
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import type { Question, QuestionnaireTemplate } from '../../src/questionnaires/template.types.js';
import { addMember, type Account } from '../support/test-app.js';
import {
  allSaved,
  api,
  bearerOf,
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

jest.setTimeout(240_000);

/**
 * Colleagues work on the same assessment: a viewer can read but not edit, a stale edit shows
 * the colleague's answer with the choice to keep theirs or mine, and the owner manages members.
 */
describe('roles, concurrent edits and members in the browser', () => {
  let t: WebTestApp;
  let browser: Browser;
  let owner: Account;
  let editor: Account;
  let viewer: Account;
  let template: QuestionnaireTemplate;
  let id: string;
  let scales: Question[];

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startWebApp();
    owner = await registerViaApi(t, 'Département de Test');
    editor = await addMember(t.http, owner, 'editor');
    viewer = await addMember(t.http, owner, 'viewer');
    template = await loadTemplate(t, owner);
    id = (await request(t.http).post(`${api}/assessments`).set(bearerOf(owner)).send({ year: new Date().getFullYear() }).expect(201)).body
      .id;
    scales = template.sections.find((s) => s.id === 'procurement')!.questions.filter((q) => q.type === 'scale' && !q.showIf);
    for (const q of scales.slice(0, 3)) {
      await request(t.http)
        .put(`${api}/assessments/${id}/answers/${q.id}`)
        .set(bearerOf(owner))
        .send({ value: q.options![0].id, expectedVersion: 0 })
        .expect(200);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const answerOf = async (questionId: string) =>
    (
      (await request(t.http).get(`${api}/assessments/${id}/answers`).set(bearerOf(owner)).expect(200)).body as Array<{
        questionId: string;
        value: unknown;
        version: number;
      }>
    ).find((a) => a.questionId === questionId);

  it('a viewer sees everything read-only: no control enabled, no start, no member management', async () => {
    const { context, page, problems } = await newContext(browser, t.baseUrl);
    await logIn(page, viewer);
    expect(await page.locator('#start-form').count()).toBe(0);
    await page.goto(`/assessments/${id}?section=procurement`);
    expect(await page.getByText('Vous consultez cette évaluation en lecture seule (rôle lecteur).').isVisible()).toBe(true);
    expect(await page.locator('#questions input:enabled, #questions textarea:enabled').count()).toBe(0);
    expect(await page.locator('.q-confirm, .q-clear, #submit-button').count()).toBe(0);
    // Answers are shown.
    expect(await page.locator(`[id="q-${scales[0].id}"] input[value="${scales[0].options![0].id}"]`).isChecked()).toBe(true);
    // Even a hand-made request from the page is refused by the API.
    const status = await page.evaluate(
      async ([url, body]) => {
        const csrf =
          document.cookie
            .split('; ')
            .find((c) => c.startsWith('fi_csrf='))
            ?.slice(8) ?? '';
        const res = await fetch(url, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
          body,
        });
        return res.status;
      },
      [`${api}/assessments/${id}/answers/${scales[0].id}`, JSON.stringify({ value: scales[0].options![1].id })] as const,
    );
    expect(status).toBe(403);
    await page.goto('/members');
    expect(await page.locator('#invite-form, .member-role, .member-remove').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a state-changing API call without the CSRF header is refused, even with the session cookie', async () => {
    const { context, page } = await newContext(browser, t.baseUrl);
    await logIn(page, editor);
    const status = await page.evaluate(
      async (url) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"year":2001}' })).status,
      `${api}/assessments`,
    );
    expect(status).toBe(403);
    await context.close();
  });

  it('a stale edit shows the colleague’s answer; "keep mine" saves mine over theirs', async () => {
    const { context, page, problems } = await newContext(browser, t.baseUrl);
    await logIn(page, editor);
    const q = scales[0];
    await page.goto(`/assessments/${id}?section=procurement`);
    // Meanwhile the owner changes the answer through the API.
    await request(t.http)
      .put(`${api}/assessments/${id}/answers/${q.id}`)
      .set(bearerOf(owner))
      .send({ value: q.options![1].id, expectedVersion: 1 })
      .expect(200);
    // The editor, who still sees version 1, picks another option.
    const block = page.locator(`[id="q-${q.id}"]`);
    await block.locator(`input[value="${q.options![2].id}"]`).check();
    const conflict = block.locator('.q-conflict');
    await conflict.waitFor({ state: 'visible' });
    expect(await conflict.getAttribute('role')).toBe('alert');
    expect(await conflict.textContent()).toContain(`${owner.email} a modifié cette réponse pendant que vous la modifiiez`);
    expect(await conflict.locator('dd').allTextContents()).toEqual([q.options![1].label.fr, q.options![2].label.fr]);
    expect(await block.locator('.q-state').textContent()).toBe('Modifiée par un collègue entre-temps');
    expect(await page.locator('#save-indicator').textContent()).toBe('Des réponses ne sont pas enregistrées');
    await screenshotOf(block, 'conflict');
    await conflict.getByRole('button', { name: 'Garder ma réponse' }).click();
    await allSaved(page);
    expect(await conflict.isHidden()).toBe(true);
    expect(await answerOf(q.id)).toMatchObject({ value: q.options![2].id, version: 3 });
    expect(await page.locator('#save-indicator').textContent()).toBe('Tout est enregistré');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('"keep theirs" puts the colleague’s answer back in the form, and the next edit saves normally', async () => {
    const { context, page, problems } = await newContext(browser, t.baseUrl);
    await logIn(page, editor);
    const q = scales[1];
    await page.goto(`/assessments/${id}?section=procurement`);
    await request(t.http)
      .put(`${api}/assessments/${id}/answers/${q.id}`)
      .set(bearerOf(owner))
      .send({ value: q.options![3].id, expectedVersion: 1 })
      .expect(200);
    const block = page.locator(`[id="q-${q.id}"]`);
    await block.locator(`input[value="${q.options![2].id}"]`).check();
    await block.locator('.q-conflict').waitFor({ state: 'visible' });
    await block.getByRole('button', { name: 'Garder sa réponse' }).click();
    expect(await block.locator(`input[value="${q.options![3].id}"]`).isChecked()).toBe(true);
    expect(await block.locator('.q-conflict').isHidden()).toBe(true);
    expect(await answerOf(q.id)).toMatchObject({ value: q.options![3].id, version: 2 });
    await block.locator(`input[value="${q.options![1].id}"]`).check();
    await allSaved(page);
    expect(await block.locator('.q-conflict').isHidden()).toBe(true);
    expect(await answerOf(q.id)).toMatchObject({ value: q.options![1].id, version: 3 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the owner invites a colleague, who accepts with the link; the owner changes their role and removes them', async () => {
    const { context, page, problems } = await newContext(browser, t.baseUrl);
    await logIn(page, owner);
    await page.goto('/members');
    expect(await page.locator('tbody tr').count()).toBe(3);
    await page.getByLabel('Adresse e-mail', { exact: true }).fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Créer l’invitation' }).click();
    await page.getByText('Saisissez une adresse e-mail valide.').waitFor();
    const email = `achats.${Date.now()}@example.org`;
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
    await page.getByLabel('Rôle', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Créer l’invitation' }).click();
    const link = page.locator('#invite-link');
    await link.waitFor();
    expect(await page.getByRole('heading', { name: `Invitation créée pour ${email}` }).isVisible()).toBe(true);
    const url = await link.inputValue();
    expect(url).toMatch(new RegExp(`^${t.baseUrl}/invite\\?token=[\\w-]{20,}$`));
    expect(await page.locator(`tr[data-email="${email}"] .badge-invited`).textContent()).toBe('Invité');
    await screenshot(page, 'members');

    // The colleague opens the link in their own browser and sets a password.
    const invitee = await newContext(browser, t.baseUrl);
    await invitee.page.goto(url);
    await invitee.page.getByLabel('Choisissez un mot de passe').fill('un mot de passe long');
    await invitee.page.getByLabel('Confirmez le mot de passe').fill('un autre mot de passe');
    await invitee.page.getByRole('button', { name: 'Activer mon compte' }).click();
    await invitee.page.getByText('Les deux mots de passe ne sont pas identiques.').first().waitFor();
    await invitee.page.getByLabel('Choisissez un mot de passe').fill('un mot de passe long');
    await invitee.page.getByLabel('Confirmez le mot de passe').fill('un mot de passe long');
    await Promise.all([
      invitee.page.waitForURL('**/dashboard?welcome=1'),
      invitee.page.getByRole('button', { name: 'Activer mon compte' }).click(),
    ]);
    expect(await invitee.page.locator('.account-email').textContent()).toBe(`Lecteur · ${email}`);
    // The link works once.
    await invitee.page.goto(url);
    await invitee.page.getByLabel('Choisissez un mot de passe').fill('un mot de passe long');
    await invitee.page.getByLabel('Confirmez le mot de passe').fill('un mot de passe long');
    await invitee.page.getByRole('button', { name: 'Activer mon compte' }).click();
    await invitee.page.getByText('Cette invitation est inconnue ou a expiré').waitFor();
    expect(invitee.problems).toEqual([]);
    await invitee.context.close();

    // The owner makes them an editor, then removes them.
    await page.reload();
    const row = page.locator(`tr[data-email="${email}"]`);
    expect(await row.locator('.badge-active').textContent()).toBe('Actif');
    await row.getByLabel(`Rôle de ${email}`).selectOption('editor');
    await page.getByText(`Le rôle de ${email} est maintenant`).waitFor({ state: 'attached' });
    const members = async () =>
      (await request(t.http).get(`${api}/organisation/members`).set(bearerOf(owner)).expect(200)).body as Array<{
        email: string;
        role: string;
      }>;
    expect((await members()).find((m) => m.email === email)?.role).toBe('editor');
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: /Retirer/ }).click();
    await row.waitFor({ state: 'detached' });
    expect((await members()).map((m) => m.email)).not.toContain(email);
    expect(problems).toEqual([]);
    await context.close();
  });
});
