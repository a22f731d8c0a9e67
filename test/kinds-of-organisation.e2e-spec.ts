import request from 'supertest';
import type { AnswerValue, Question, QuestionnaireTemplate } from '../src/questionnaires/template.types.js';
import { fullWalk } from '../src/questionnaires/walk-estimate.js';
import { answerFor } from './support/answers.js';
import { bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';

const api = '/api/v1';

interface Walked {
  assessmentId: string;
  /** Every question asked through `next`, as the API gave it (worded for the organisation). */
  asked: Question[];
  /** The answers the profile filled in when the assessment was started. */
  prefilled: Record<string, AnswerValue>;
}

/**
 * A company, a public body (a French commune over 50,000 inhabitants) and an association sign up with
 * their profile and walk version 2 of the questionnaire through the API: each reads its own words
 * (employees, agents, staff and volunteers), is asked only what applies to it, and meets its own
 * obligations (CSRD for the company; REEN and AGEC for the commune).
 */
describe('version 2 for companies, public bodies and associations', () => {
  let t: TestApp;
  let raw: QuestionnaireTemplate;

  beforeAll(async () => {
    t = await createTestApp();
    const anyone = await register(t.http, 'Lecteur');
    raw = (await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/2`).set(bearer(anyone)).expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
  });

  /** Creates this year's assessment and answers through `next` (best practice) until 204. */
  async function walk(who: Account): Promise<Walked> {
    const a = (await request(t.http).post(`${api}/assessments`).set(bearer(who)).send({ year: 2026 }).expect(201)).body;
    expect(a.templateVersion).toBe(2);
    const answers = (await request(t.http).get(`${api}/assessments/${a.id}/answers`).set(bearer(who)).expect(200)).body as Array<{
      questionId: string;
      value: AnswerValue;
    }>;
    const prefilled = Object.fromEntries(answers.map((x) => [x.questionId, x.value]));
    const asked: Question[] = [];
    for (let guard = 0; guard < 300; guard++) {
      const next = await request(t.http).get(`${api}/assessments/${a.id}/next`).set(bearer(who));
      if (next.status === 204) return { assessmentId: a.id as string, asked, prefilled };
      const q = next.body.question as Question;
      asked.push(q);
      await request(t.http)
        .put(`${api}/assessments/${a.id}/answers/${q.id}`)
        .set(bearer(who))
        .send({ value: answerFor(q, 'best') })
        .expect(200);
    }
    throw new Error('the walk did not end');
  }

  const texts = (q: Question, lang: 'fr' | 'en') =>
    [q.label[lang], q.help?.[lang] ?? '', ...(q.options ?? []).map((o) => o.label[lang])].join(' ');
  const label = (w: Walked, id: string, lang: 'fr' | 'en' = 'en') => w.asked.find((q) => q.id === id)?.label[lang];
  const ids = (w: Walked) => new Set([...Object.keys(w.prefilled), ...w.asked.map((q) => q.id)]);
  const results = async (who: Account, id: string) =>
    (await request(t.http).get(`${api}/assessments/${id}/results`).set(bearer(who)).expect(200)).body;

  /** What the walk asked matches the full walk the README counts, for the same profile. */
  function expectFullWalk(w: Walked): void {
    const profile = w.prefilled;
    const expected = fullWalk(raw, profile).map((q) => q.id);
    const walked = raw.sections.flatMap((s) => s.questions.map((q) => q.id)).filter((id) => ids(w).has(id));
    expect(walked).toEqual(expected);
  }

  it('a company: "employees", its CSRD reporting, its business model; no public-sector obligation', async () => {
    const who = await register(t.http, 'Société Exemple', {
      country: 'FR',
      kind: 'company',
      staff: 250,
      buildsServices: true,
      hosting: ['own_room', 'cloud'],
    });
    const w = await walk(who);
    expect(w.prefilled).toEqual({
      'organisation.kind': 'company',
      'organisation.country': 'FR',
      'organisation.employees': 250,
      'ecodesign.builds_services': true,
      'organisation.hosting': ['own_room', 'cloud'],
    });
    expect(label(w, 'procurement.equipment_allocation')).toBe('How are devices allocated to employees?');
    expect(label(w, 'governance.awareness_share', 'fr')).toBe(
      'Part des salariés ayant participé à un atelier sur les impacts du numérique',
    );
    for (const q of w.asked) for (const lang of ['fr', 'en'] as const) expect(texts(q, lang)).not.toMatch(/\{[a-z]+\}/);
    const asked = ids(w);
    for (const id of [
      'governance.csrd_reporting',
      'governance.business_model',
      'ecodesign.rgesn_evaluation',
      'hosting.right_sizing',
      'inventory.cloud.vcpu_count',
    ])
      expect(asked).toContain(id);
    for (const id of [
      'organisation.public_body_type',
      'organisation.inhabitants',
      'governance.reen_strategy',
      'governance.agec_procurement_share',
      'endoflife.public_reuse_target',
    ])
      expect(asked).not.toContain(id);
    expectFullWalk(w);
    const r = await results(who, w.assessmentId);
    expect(r.footprint.display.perPersonLabel.en).toBe('per employee');
    expect(r.actions.map((a: { id: string }) => a.id)).toEqual(
      expect.arrayContaining(['responsible-digital-strategy', 'right-size-hosting']),
    );
    // Explanations quote the questions in the organisation's words.
    const limit = r.actions.find((a: { id: string }) => a.id === 'limit-equipment-quantity');
    expect(limit.explanation.map((e: { questionLabel: { en: string } }) => e.questionLabel.en)).toContain(
      'How are devices allocated to employees?',
    );
  });

  it('a French commune of 120,000 inhabitants: "agents", the REEN strategy and the AGEC purchasing share; no business model, no CSRD', async () => {
    const who = await register(t.http, 'Ville Exemple', {
      country: 'FR',
      kind: 'public_body',
      publicBodyType: 'commune_grouping',
      inhabitants: 120000,
      staff: 1800,
      buildsServices: false,
      hosting: ['own_room'],
    });
    const w = await walk(who);
    expect(w.prefilled).toMatchObject({
      'organisation.kind': 'public_body',
      'organisation.public_body_type': 'commune_grouping',
      'organisation.inhabitants': 120000,
    });
    expect(label(w, 'procurement.equipment_allocation')).toBe('How are devices allocated to agents?');
    expect(label(w, 'governance.staff_voice', 'fr')).toMatch(/^Les agents peuvent-ils proposer/);
    const asked = ids(w);
    for (const id of [
      'governance.reen_strategy',
      'governance.agec_procurement_share',
      'endoflife.public_reuse_target',
      'usage.hosting',
      'inventory.server.count',
    ])
      expect(asked).toContain(id);
    for (const id of [
      'governance.csrd_reporting',
      'governance.business_model',
      'ecodesign.need_questioning',
      'hosting.provider_figures',
      'inventory.cloud.vcpu_count',
    ])
      expect(asked).not.toContain(id);
    expect(w.asked.find((q) => q.id === 'governance.reen_strategy')!.help!.en).toContain('law 2021-1485 of 15 November 2021, article 35');
    expectFullWalk(w);
    const r = await results(who, w.assessmentId);
    expect(r.footprint.display.perPersonLabel.en).toBe('per agent');
    // Not applicable is not zero: said so, with the reason.
    const na = (kind: string) => r.notApplicable[kind].map((x: { id: string }) => x.id);
    expect(na('actions')).toEqual(expect.arrayContaining(['question-business-model', 'ecodesign-digital-services']));
    expect(na('questions')).toEqual(expect.arrayContaining(['governance.csrd_reporting', 'governance.business_model']));
    const csrd = r.notApplicable.questions.find((x: { id: string }) => x.id === 'governance.csrd_reporting');
    expect(csrd.reason.text.en).toBe(
      'Not applicable: you answered "Public body: local authority, administration, public institution" to "What kind of organisation is yours?"',
    );
  });

  it('a small commune (8,000 inhabitants) is not asked the REEN strategy; a public body abroad no French obligation', async () => {
    const small = await register(t.http, 'Village Exemple', {
      country: 'FR',
      kind: 'public_body',
      publicBodyType: 'commune_grouping',
      inhabitants: 8000,
    });
    const ws = await walk(small);
    expect(ids(ws)).not.toContain('governance.reen_strategy');
    expect(ids(ws)).toContain('governance.agec_procurement_share');
    const abroad = await register(t.http, 'Gemeinde Beispiel', {
      country: 'DE',
      kind: 'public_body',
      publicBodyType: 'commune_grouping',
      inhabitants: 90000,
    });
    const wa = await walk(abroad);
    expect(wa.prefilled['organisation.country']).toBe('DE');
    for (const id of ['governance.reen_strategy', 'governance.agec_procurement_share', 'endoflife.public_reuse_target'])
      expect(ids(wa)).not.toContain(id);
  });

  it('an association with only online software: "staff and volunteers"; no server, cloud or hosting questions, and hosting does not apply', async () => {
    const who = await register(t.http, 'Les Amis Exemple', {
      country: 'BE',
      kind: 'association',
      staff: 12,
      buildsServices: false,
      hosting: ['saas_only'],
    });
    const w = await walk(who);
    expect(w.prefilled['organisation.country']).toBe('BE');
    expect(label(w, 'procurement.equipment_allocation')).toBe('How are devices allocated to staff and volunteers?');
    expect(label(w, 'usage.slow_device_response', 'fr')).toMatch(/^Quand l’un de vos salariés et bénévoles signale/);
    const asked = ids(w);
    expect(asked).toContain('governance.business_model');
    for (const id of [
      'hosting.right_sizing',
      'usage.hosting',
      'usage.idle_servers',
      'inventory.server.count',
      'inventory.cloud.vcpu_count',
      'governance.csrd_reporting',
      'governance.reen_strategy',
    ])
      expect(asked).not.toContain(id);
    expectFullWalk(w);
    const r = await results(who, w.assessmentId);
    expect(r.footprint.display.perPersonLabel.en).toBe('per staff member or volunteer');
    expect(r.sections.find((s: { id: string }) => s.id === 'hosting').status).toBe('not_applicable');
    expect(r.notApplicable.actions.map((a: { id: string }) => a.id)).toContain('right-size-hosting');
  });

  it('the template is served with its placeholders, or worded for a kind; a kind it has no words for is a 400', async () => {
    const who = await register(t.http, 'Client API');
    const q = (body: QuestionnaireTemplate, id: string) => body.sections.flatMap((s) => s.questions).find((x) => x.id === id)!;
    expect(q(raw, 'procurement.equipment_allocation').label.en).toBe('How are devices allocated to {people}?');
    expect(raw.wording?.terms.people.public_body).toEqual({ fr: 'agents', en: 'agents' });
    const worded = (
      await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/2?kind=association`).set(bearer(who)).expect(200)
    ).body;
    expect(q(worded, 'procurement.equipment_allocation').label.fr).toBe(
      'Comment les appareils sont-ils attribués aux salariés et bénévoles\u00a0?',
    );
    const neutral = (
      await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/2?kind=default`).set(bearer(who)).expect(200)
    ).body;
    expect(q(neutral, 'procurement.equipment_allocation').label.en).toBe('How are devices allocated to staff?');
    const bad = await request(t.http)
      .get(`${api}/questionnaires/fresque-numerique/versions/2?kind=cooperative`)
      .set(bearer(who))
      .expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'kind' });
    await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/2?kind=Bad-Kind`).set(bearer(who)).expect(400);
    // Version 1 has no words to choose: served as it is.
    const v1 = (await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/1?kind=company`).set(bearer(who)).expect(200))
      .body;
    expect(v1.wording).toBeUndefined();
  });

  it('sign-up refuses a profile the questionnaire would refuse, naming the field and the rule, and creates nothing', async () => {
    const send = (extra: Record<string, unknown>) =>
      request(t.http)
        .post(`${api}/auth/register`)
        .send({
          email: `p${Math.random().toString(36).slice(2)}@example.org`,
          password: 'une phrase de passe solide',
          organisationName: 'Profil',
          ...extra,
        });
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ kind: 'cooperative' }, 'kind', 'isIn'],
      [{ staff: 0 }, 'staff', 'min'],
      [{ staff: 2.5 }, 'staff', 'isInt'],
      [{ inhabitants: -1 }, 'inhabitants', 'min'],
      [{ hosting: ['saas_only', 'cloud'] }, 'hosting', 'saasOnlyAlone'],
      [{ hosting: ['cloud', 'cloud'] }, 'hosting', 'arrayUnique'],
      [{ hosting: ['basement'] }, 'hosting', 'isIn'],
      [{ hosting: 'cloud' }, 'hosting', 'isArray'],
      [{ buildsServices: 'yes' }, 'buildsServices', 'isBoolean'],
      [{ publicBodyType: 'ministry' }, 'publicBodyType', 'isIn'],
    ];
    for (const [extra, field, rule] of cases) {
      const res = await send(extra).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    }
    const ok = await send({ kind: 'association', staff: 3, hosting: ['saas_only'], buildsServices: false }).expect(201);
    expect(ok.body.organisation).toMatchObject({
      kind: 'association',
      staff: 3,
      hosting: ['saas_only'],
      buildsServices: false,
      publicBodyType: null,
      inhabitants: null,
    });
  });
});
