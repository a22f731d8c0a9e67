/// <reference lib="dom" />
import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { Question, QuestionnaireTemplate } from '../../src/questionnaires/template.types.js';
import { uniqueEmail } from '../support/test-app.js';
import { allSaved, answerInPage, api, launchBrowser, newContext, screenshot, startWebApp, type WebTestApp } from './browser.js';

jest.setTimeout(180_000);

/**
 * A new IT manager signs up in the browser with the organisation's profile (a commune of 62,000
 * inhabitants), starts this year's assessment, finds the profile already answered in the first
 * section in the commune's words (agents), walks the procurement section (every answer saved as it is
 * given), reloads and finds every answer, and comes back to exactly where they left off.
 */
describe('signing up and walking the questionnaire in the browser', () => {
  let t: WebTestApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let template: QuestionnaireTemplate;
  let assessmentId: string;
  let token: string;
  const email = uniqueEmail('dsi');
  const password = 'une phrase de passe solide';
  const given = new Map<string, unknown>();

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startWebApp();
    ({ page, problems } = await newContext(browser, t.baseUrl));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const visibleQuestions = async (section: QuestionnaireTemplate['sections'][number]): Promise<Question[]> => {
    const shown: Question[] = [];
    for (const q of section.questions) if (await page.locator(`[id="q-${q.id}"]`).isVisible()) shown.push(q);
    return shown;
  };

  it('signs up with the form: errors are explained next to the fields, then the dashboard welcomes them', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('link', { name: 'Créer un compte pour votre organisation' }).click();
    await page.waitForURL('**/signup');

    // A too-short password and a malformed email are refused with messages tied to their fields.
    await page.getByLabel('Nom de l’organisation').fill('Communauté de communes du Val');
    await page.getByLabel('Adresse e-mail professionnelle').fill('pas-une-adresse');
    await page.getByLabel('Mot de passe').fill('court');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await page.waitForSelector('.error-summary');
    expect(await page.locator('.error-summary').evaluate((el) => el === document.activeElement)).toBe(true);
    const emailInput = page.getByLabel('Adresse e-mail professionnelle');
    expect(await emailInput.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#email-error').textContent()).toMatch(/adresse e-mail valide/);
    expect(await page.locator('#password-error').textContent()).toMatch(/au moins 10 caractères/);
    expect(await page.getByLabel('Nom de l’organisation').inputValue()).toBe('Communauté de communes du Val');

    await emailInput.fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByLabel('Secteur d’activité').fill('Collectivité');
    await page.getByLabel('Pays de la majorité de vos équipements').selectOption('FR');
    // The organisation's profile, asked once: it fills the questionnaire's first section.
    await page.getByLabel('Type d’organisation').selectOption('public_body');
    await page.getByLabel('Type d’organisme public').selectOption('commune_grouping');
    await page.getByLabel('Effectif').fill('180');
    await page.getByLabel('Nombre d’habitants').fill('62000');
    await page
      .getByRole('group', { name: /Concevez-vous ou faites-vous développer/ })
      .getByLabel('Non', { exact: true })
      .check();
    await page.getByLabel('Dans nos locaux (salle serveur, baie)').check();
    await page.getByLabel(/^Dans le cloud/).check();
    await screenshot(page, 'signup-profile');
    await Promise.all([page.waitForURL('**/dashboard?welcome=1'), page.getByRole('button', { name: 'Créer le compte' }).click()]);
    await page.getByText('Bienvenue').waitFor();
    expect(await page.locator('.account-org').textContent()).toBe('Communauté de communes du Val');

    // The session cookie is httpOnly: page scripts cannot read the token.
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'fi_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate(() => document.cookie)).not.toMatch(/fi_session/);
    // The same account logs in on the API too (for the checks below).
    token = (await request(t.http).post(`${api}/auth/login`).send({ email, password }).expect(200)).body.accessToken;
    const list = await request(t.http).get(`${api}/questionnaires`).set('Authorization', `Bearer ${token}`).expect(200);
    template = (
      await request(t.http)
        .get(`${api}/questionnaires/${list.body[0].id}/versions/${list.body[0].version}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200)
    ).body;
  });

  it('starts this year’s assessment from the dashboard: the profile is already answered, in the commune’s words', async () => {
    const year = new Date().getFullYear();
    await page.getByRole('heading', { name: `Démarrer l’évaluation ${year}` }).waitFor();
    await screenshot(page, 'dashboard-empty');
    await Promise.all([page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Commencer' }).click()]);
    assessmentId = new URL(page.url()).pathname.split('/').pop()!;
    const answers = (
      await request(t.http).get(`${api}/assessments/${assessmentId}/answers`).set('Authorization', `Bearer ${token}`).expect(200)
    ).body as Array<{ questionId: string; value: unknown }>;
    expect(Object.fromEntries(answers.map((a) => [a.questionId, a.value]))).toEqual({
      'organisation.kind': 'public_body',
      'organisation.public_body_type': 'commune_grouping',
      'organisation.inhabitants': 62000,
      'organisation.country': 'FR',
      'organisation.employees': 180,
      'ecodesign.builds_services': false,
      'organisation.hosting': ['own_room', 'cloud'],
    });
    // Nothing of the profile is left to answer: the walk resumes at the first question of the next section.
    await page.getByRole('heading', { name: template.sections[1].title.fr, level: 2 }).waitFor();
    expect(Number(await page.locator('#overall-progress').getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    const first = template.sections[1].questions[0];
    expect(await page.evaluate(() => document.activeElement?.closest('.question')?.id)).toBe(`q-${first.id}`);
    // The questions say "agents", and the profile section shows what sign-up said.
    expect(await page.locator('[id="q-procurement.equipment_allocation"] legend').textContent()).toMatch(
      /^Comment les appareils sont-ils attribués aux agents/,
    );
    await page.goto(`/assessments/${assessmentId}?section=profile`);
    expect(await page.locator('[id="q-organisation.kind"] input[value="public_body"]').isChecked()).toBe(true);
    expect(await page.locator('[id="q-organisation.inhabitants"] input.q-number').inputValue()).toBe('62000');
    await screenshot(page, 'walk-profile');
    await page.goto(`/assessments/${assessmentId}?section=${template.sections[1].id}`);
  });

  it('walks the procurement section: each answer is saved as soon as it is given, progress follows', async () => {
    const section = template.sections[1];
    for (const q of await visibleQuestions(section)) {
      given.set(q.id, await answerInPage(page, q));
      await allSaved(page);
    }
    // Conditional questions that appeared along the way are answered too.
    for (const q of await visibleQuestions(section)) {
      if (!given.has(q.id)) {
        given.set(q.id, await answerInPage(page, q));
        await allSaved(page);
      }
    }
    // A comment on the first question.
    const first = page.locator(`[id="q-${section.questions[0].id}"]`);
    await first.getByText('Ajouter un commentaire').click();
    await first.getByLabel(/Commentaire sur la question/).fill('Validé avec le service achats');
    await first.getByLabel(/Commentaire sur la question/).blur();
    await allSaved(page);

    const answers = (
      await request(t.http).get(`${api}/assessments/${assessmentId}/answers`).set('Authorization', `Bearer ${token}`).expect(200)
    ).body;
    const inSection = answers.filter((a: { questionId: string }) => section.questions.some((q) => q.id === a.questionId));
    expect(Object.fromEntries(inSection.map((a: { questionId: string; value: unknown }) => [a.questionId, a.value]))).toEqual(
      Object.fromEntries(given),
    );
    expect(inSection[0].comment).toBe('Validé avec le service achats');

    const progress = (await request(t.http).get(`${api}/assessments/${assessmentId}`).set('Authorization', `Bearer ${token}`).expect(200))
      .body;
    const sectionProgress = progress.sections[1];
    expect(sectionProgress.answered).toBe(sectionProgress.total);
    await page.waitForFunction(
      (expected) => document.querySelector('#overall-progress')?.getAttribute('aria-valuenow') === expected,
      String(progress.progress.percent),
    );
    expect(await page.locator('.section-nav li[data-section="procurement"] [data-section-count]').textContent()).toBe(
      `${sectionProgress.answered}/${sectionProgress.total}`,
    );
    expect(await page.locator('.section-nav li[data-section="procurement"]').getAttribute('class')).toContain('is-done');
    await screenshot(page, 'walk');
    expect(problems).toEqual([]);
  });

  it('after a reload every answer and comment is still there', async () => {
    await page.reload();
    const section = template.sections[1];
    for (const [id, value] of given) {
      const q = section.questions.find((x) => x.id === id)!;
      const block = page.locator(`[id="q-${id}"]`);
      expect(await block.isVisible()).toBe(true);
      if (q.type === 'boolean') expect(await block.getByLabel(value ? 'Oui' : 'Non', { exact: true }).isChecked()).toBe(true);
      else if (q.type === 'number') expect(Number(await block.locator('input.q-number').inputValue())).toBe(value);
      else if (q.type === 'text') expect(await block.locator('textarea').first().inputValue()).toBe(value);
      else
        for (const optionId of [value].flat() as string[]) expect(await block.locator(`input[value="${optionId}"]`).isChecked()).toBe(true);
    }
    const first = page.locator(`[id="q-${section.questions[0].id}"]`);
    expect(await first.locator('.q-comment-input').inputValue()).toBe('Validé avec le service achats');
    expect(await first.locator('.q-comment summary').textContent()).toBe('Commentaire');
    expect(await first.locator('.q-state').textContent()).toContain(email);
  });

  it('an answer cleared, then given again after a reload, is saved without a false conflict', async () => {
    const q = template.sections[1].questions.find((x) => x.type === 'scale' && !x.showIf && x.id !== template.sections[1].questions[0].id)!;
    const block = page.locator(`[id="q-${q.id}"]`);
    await block.getByRole('button', { name: /Effacer la réponse/ }).click();
    await allSaved(page);
    expect(await block.locator('input:checked').count()).toBe(0);
    expect(await block.locator('.q-state').textContent()).toBe('Réponse effacée');
    await page.reload();
    await block.locator(`input[value="${q.options![1].id}"]`).check();
    await allSaved(page);
    expect(await block.locator('.q-conflict').isHidden()).toBe(true);
    expect(await block.locator('.q-state').textContent()).toMatch(/^Enregistré à/);
    const answers = (
      await request(t.http).get(`${api}/assessments/${assessmentId}/answers`).set('Authorization', `Bearer ${token}`).expect(200)
    ).body;
    expect(answers.find((a: { questionId: string }) => a.questionId === q.id)).toMatchObject({ value: q.options![1].id, version: 3 });
    given.set(q.id, q.options![1].id);
  });

  it('resumes exactly where they left off: the next section, scrolled to its first open question', async () => {
    await page.goto('/dashboard');
    await Promise.all([page.waitForURL(`**/assessments/${assessmentId}`), page.getByRole('link', { name: /Continuer/ }).click()]);
    const next = (await request(t.http).get(`${api}/assessments/${assessmentId}/next`).set('Authorization', `Bearer ${token}`).expect(200))
      .body;
    expect(next.section.id).toBe(template.sections[2].id);
    await page.getByRole('heading', { name: template.sections[2].title.fr, level: 2 }).waitFor();
    expect(await page.locator('.section-nav a[aria-current="step"]').textContent()).toContain(template.sections[2].title.fr);
    expect(await page.evaluate(() => document.activeElement?.closest('.question')?.id)).toBe(`q-${next.question.id}`);
    expect(await page.locator(`[id="q-${next.question.id}"]`).isVisible()).toBe(true);
  });

  it('conditional questions appear and disappear as the answer they depend on changes', async () => {
    const index = template.sections.findIndex((s) =>
      s.questions.some((q) => q.type === 'boolean' && s.questions.some((d) => d.showIf?.questionId === q.id)),
    );
    const section = template.sections[index];
    await page.goto(`/assessments/${assessmentId}?section=${section.id}`);
    const controller = section.questions.find((q) => section.questions.some((d) => d.showIf?.questionId === q.id) && q.type === 'boolean')!;
    const dependents = section.questions.filter((q) => q.showIf?.questionId === controller.id);
    const block = page.locator(`[id="q-${controller.id}"]`);
    const shownWhen = dependents[0].showIf!.in![0] === true;
    await block.getByLabel(shownWhen ? 'Non' : 'Oui', { exact: true }).check();
    await allSaved(page);
    for (const d of dependents) expect(await page.locator(`[id="q-${d.id}"]`).isHidden()).toBe(true);
    await block.getByLabel(shownWhen ? 'Oui' : 'Non', { exact: true }).check();
    for (const d of dependents) await page.locator(`[id="q-${d.id}"]`).waitFor({ state: 'visible' });
    await allSaved(page);
    // The section's count follows the visible questions.
    const progress = (await request(t.http).get(`${api}/assessments/${assessmentId}`).set('Authorization', `Bearer ${token}`).expect(200))
      .body;
    await page.waitForFunction(([selector, text]) => document.querySelector(selector)?.textContent === text, [
      `.section-nav li[data-section="${section.id}"] [data-section-count]`,
      `${progress.sections[index].answered}/${progress.sections[index].total}`,
    ] as const);
  });

  it('a value the question refuses is explained next to it and not saved', async () => {
    const measurement = template.sections.find((s) => s.questions.some((q) => q.type === 'number' && q.integer && (q.min ?? 0) >= 1))!;
    await page.goto(`/assessments/${assessmentId}?section=${measurement.id}`);
    const employees = measurement.questions.find((q) => q.type === 'number' && q.integer && (q.min ?? 0) >= 1)!;
    const block = page.locator(`[id="q-${employees.id}"]`);
    await block.locator('input.q-number').fill('2.5');
    await block.locator('input.q-number').blur();
    await block.locator('.q-error').waitFor({ state: 'visible' });
    expect(await block.locator('.q-error').textContent()).toBe('Saisissez un nombre entier.');
    expect(await block.locator('input.q-number').getAttribute('aria-invalid')).toBe('true');
    expect(await block.locator('input.q-number').getAttribute('aria-describedby')).toContain(
      await block.locator('.q-error').getAttribute('id'),
    );
    await block.locator('input.q-number').fill('120');
    await block.locator('input.q-number').blur();
    await allSaved(page);
    expect(await block.locator('.q-error').isHidden()).toBe(true);
    const answers = (
      await request(t.http).get(`${api}/assessments/${assessmentId}/answers`).set('Authorization', `Bearer ${token}`).expect(200)
    ).body;
    expect(answers.find((a: { questionId: string }) => a.questionId === employees.id).value).toBe(120);
    expect(problems).toEqual([]);
  });
});
