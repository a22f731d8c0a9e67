/// <reference lib="dom" />
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { addMember, type Account } from '../support/test-app.js';
import {
  api,
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

/**
 * A member changes their password from the header link, which closes their other sessions; an owner
 * gives a colleague who forgot theirs a one-time link, and the colleague sets a new one with it.
 */
describe('passwords in the browser', () => {
  let t: WebTestApp;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startWebApp();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('changing one’s password: clear errors, then the other browser is signed out and this one stays in', async () => {
    const me = await registerViaApi(t, 'Communauté de communes');
    const desk = await newContext(browser, t.baseUrl);
    const phone = await newContext(browser, t.baseUrl, { width: 360, height: 780 });
    await logIn(desk.page, me);
    await logIn(phone.page, me);

    // Who is signed in, at the top right, leads to the page (on a phone, a "Mot de passe" button does).
    const { page } = desk;
    await page.getByRole('link', { name: /Changer votre mot de passe/ }).click();
    await page.waitForURL('**/account/password');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Changer de mot de passe');
    expect(await page.locator('.account-who').getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('link', { name: 'Mot de passe', exact: true }).count()).toBe(0);
    await phone.page.getByRole('link', { name: 'Mot de passe', exact: true }).click();
    await phone.page.waitForURL('**/account/password');

    const fill = async (current: string, next: string, confirm = next) => {
      await page.getByLabel('Mot de passe actuel').fill(current);
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(next);
      await page.getByLabel('Confirmez le nouveau mot de passe').fill(confirm);
      await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
      await page.waitForLoadState('domcontentloaded');
    };
    const fieldError = (id: string) => page.locator(`#${id}-error`).textContent();

    // A common password: refused, named, with the field marked and the summary focused.
    await fill(me.password, 'azertyuiop');
    expect(await fieldError('newPassword')).toBe(
      'Ce mot de passe fait partie des plus courants\u00a0: choisissez-en un autre, par exemple une phrase de quelques mots.',
    );
    expect(await page.getByLabel('Nouveau mot de passe', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await screenshot(page, 'password-common');

    // Only spaces, then two different entries.
    await fill(me.password, '            ');
    expect(await fieldError('newPassword')).toBe('Le mot de passe ne peut pas être fait que d’espaces.');
    await fill(me.password, 'une phrase de passe neuve', 'une autre phrase');
    expect(await fieldError('confirm')).toBe('Les deux mots de passe ne sont pas identiques.');

    // The wrong current password.
    await fill('pas le bon mot de passe', 'une phrase de passe neuve');
    expect(await fieldError('currentPassword')).toBe('Ce n’est pas votre mot de passe actuel.');

    // Done: this browser stays signed in, the other one is signed out at its next page.
    await fill(me.password, 'une phrase de passe neuve');
    await page.waitForURL('**/account/password?done=1');
    expect(await page.getByRole('status').textContent()).toBe('Votre mot de passe a été changé. Vos autres sessions ont été fermées.');
    await screenshot(page, 'password-done');
    await page.goto('/dashboard');
    expect(new URL(page.url()).pathname).toBe('/dashboard');

    await phone.page.goto('/dashboard');
    expect(new URL(phone.page.url()).pathname).toBe('/login');
    await logIn(phone.page, { email: me.email, password: 'une phrase de passe neuve' });
    expect(new URL(phone.page.url()).pathname).toBe('/dashboard');
    await phone.page.goto('/account/password');
    expect(await horizontalOverflow(phone.page)).toEqual({ overflow: 0, culprits: [] });
    await screenshot(phone.page, 'password-360');

    // In English too.
    await page.goto('/lang/en?next=/account/password');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Change your password');
    expect(await page.getByLabel('Current password').count()).toBe(1);
    await screenshot(page, 'password-en');

    // The old password no longer opens anything.
    await request(t.http).post(`${api}/auth/login`).send({ email: me.email, password: me.password }).expect(401);
    expect(desk.problems).toEqual([]);
    expect(phone.problems).toEqual([]);
    await desk.context.close();
    await phone.context.close();
  });

  it('an owner gives a colleague a one-time link; the colleague chooses a new password with it, once', async () => {
    const owner = await registerViaApi(t, 'Syndicat mixte');
    const colleague: Account = await addMember(t.http, owner, 'editor');
    const { context, page, problems } = await newContext(browser, t.baseUrl);
    await logIn(page, owner, '/members');
    const row = page.locator(`tr[data-email="${colleague.email}"]`);
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: /Lien de mot de passe/ }).click();
    const link = await page.locator('#invite-link');
    await link.waitFor();
    expect(await page.getByRole('heading', { name: `Lien de mot de passe pour ${colleague.email}` }).isVisible()).toBe(true);
    const url = await link.inputValue();
    expect(url).toMatch(new RegExp(`^${t.baseUrl}/reset-password\\?token=[\\w-]{20,}$`));
    await screenshot(page, 'members-reset-link');

    // Their session still works until the link is used.
    await request(t.http).get(`${api}/me`).set('Authorization', `Bearer ${colleague.token}`).expect(200);
    const other = await newContext(browser, t.baseUrl);
    await other.page.goto(url);
    expect(await other.page.getByRole('heading', { level: 1 }).textContent()).toBe('Choisir un nouveau mot de passe');
    await other.page.getByLabel('Nouveau mot de passe', { exact: true }).fill('mon nouveau départ');
    await other.page.getByLabel('Confirmez le nouveau mot de passe').fill('mon nouveau départ');
    await Promise.all([
      other.page.waitForURL('**/dashboard'),
      other.page.getByRole('button', { name: 'Enregistrer et me connecter' }).click(),
    ]);
    expect(await other.page.locator('.account-email').textContent()).toBe(`Contributeur · ${colleague.email}`);
    await request(t.http).get(`${api}/me`).set('Authorization', `Bearer ${colleague.token}`).expect(401);

    // A second use is refused.
    await other.context.clearCookies();
    await other.page.goto(url);
    await other.page.getByLabel('Nouveau mot de passe', { exact: true }).fill('encore une autre phrase');
    await other.page.getByLabel('Confirmez le nouveau mot de passe').fill('encore une autre phrase');
    await other.page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
    await other.page.getByText('Ce lien est inconnu, a déjà servi ou a expiré').waitFor();

    // The owner sees it all in the member history.
    await page.reload();
    const history = page.locator('.history-list li');
    expect(await history.first().textContent()).toContain(`${colleague.email} a choisi un nouveau mot de passe avec un lien.`);
    expect(await page.locator('.history-list li[data-action="reset_link_issued"]').textContent()).toContain(
      `${owner.email} a créé un lien de mot de passe pour ${colleague.email}.`,
    );
    await screenshot(page, 'members-history');
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await horizontalOverflow(page)).toEqual({ overflow: 0, culprits: [] });
    await screenshot(page, 'members-history-360');
    expect(problems).toEqual([]);
    expect(other.problems).toEqual([]);
    await other.context.close();
    await context.close();
  });
});
