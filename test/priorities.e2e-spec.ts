/**
 * The ranking an expert would defend (methodology scoring-2), through the API, on the reference
 * organisations under test/fixtures/organisations (complete answer files, the shape of
 * examples/answers.json). Each expected top five is written down by hand with one line of reasoning
 * per action; the figures are those of the results (benefit s, gap, effort).
 */
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AnswerValue } from '../src/questionnaires/template.types.js';
import { compact, extractPdfText } from './fixtures/reports/pdf-text.js';
import { parseCsv } from './support/csv.js';
import { bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';

const api = '/api/v1';

interface Fixture {
  organisation: string;
  year: number;
  answers: Record<string, AnswerValue>;
}
const fixture = (name: string): Fixture => JSON.parse(readFileSync(`test/fixtures/organisations/${name}.json`, 'utf8')) as Fixture;

interface Priority {
  rank: number;
  actionId: string;
  group: string;
  kind: string;
  priority: number;
  why: { fr: string; en: string };
  benefit?: { source: string; share: number };
}

describe('priorities an expert would defend (scoring-2)', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await register(t.http, 'Organisations de référence');
  });
  afterAll(async () => {
    await t.close();
  });

  /** Creates the year's assessment and gives every answer of the file through the API. */
  async function answer(who: Account, year: number, answers: Record<string, AnswerValue>): Promise<string> {
    const a = (await request(t.http).post(`${api}/assessments`).set(bearer(who)).send({ year, templateVersion: 1 }).expect(201)).body; // the reference organisations answer version 1
    for (const [questionId, value] of Object.entries(answers)) {
      await request(t.http).put(`${api}/assessments/${a.id}/answers/${questionId}`).set(bearer(who)).send({ value }).expect(200);
    }
    return a.id as string;
  }

  const results = async (id: string, query = '') =>
    (await request(t.http).get(`${api}/assessments/${id}/results${query}`).set(bearer(owner)).expect(200)).body;
  const top5 = (r: { priorities: Priority[] }) => r.priorities.slice(0, 5).map((p) => p.actionId);
  const groupOf = (r: { priorities: Priority[] }, group: string) => r.priorities.filter((p) => p.group === group).map((p) => p.actionId);

  it('the README example (a French conurbation that builds no services): keeping devices longer comes first', async () => {
    const id = await answer(owner, 2026, fixture('readme-example').answers);
    const r = await results(id);
    expect(r.methodologyVersion).toBe('scoring-2');
    expect(top5(r)).toEqual([
      'extend-lifespan', //           lever, quantified: laptops 4 -> 6 years, smartphones 2.5 -> 4...: s ≈ 23 % of the EF footprint (4,600 kg CO2e, 28 % of climate); gap 65, medium effort: P 10.2
      'buy-refurbished', //           lever, quantified: laptops 10 % -> 30 % refurbished, smartphones 0 -> 30 %: s ≈ 4.9 % (1,100 kg CO2e, low end of the range); gap 56, low effort: P 2.81
      'limit-equipment-quantity', //  lever, not quantified: impact 5 assumed 5 %; needs checked on criteria but no dormant-stock review: gap 50, medium effort: P 1.83
      'buy-durable-repairable', //    foundation (enables lifespan and repair), impact 4: one durability criterion, no index check: gap 79, low effort: P 57.8
      'raise-awareness', //           foundation, impact 3: some workshops, 15 % of staff, one role trained: gap 61, low effort: P 36.5
      // next: resell or donate (assumed 2.5 %, gap 60: P 1.49), fewer and smaller screens (quantified 2.9 %, gap 43: P 1.42)
    ]);
    expect(groupOf(r, 'this_year')).toEqual(top5(r));
    // The one-answer artefact of scoring-1 ("End software obsolescence" 3rd on software_purchase_check = no) cannot happen:
    const obsolescence = r.priorities.find((p: Priority) => p.actionId === 'end-software-obsolescence');
    expect(obsolescence.group).toBe('next');
    expect(obsolescence.why.en).toContain('counted as 75.6 because its answers carry a credibility of 40%');
    // Eco-design does not apply: no score, out of the floor, said so.
    const ecodesign = r.sections.find((s: { id: string }) => s.id === 'ecodesign');
    expect([ecodesign.status, ecodesign.score, ecodesign.level]).toEqual(['not_applicable', null, null]);
    expect(ecodesign.notApplicable.text.en).toContain('you answered "No" to "Does your organisation build or commission digital services');
    expect(r.overall.cappedBy).not.toBe('ecodesign');
    expect(r.notApplicable.actions.map((a: { id: string }) => a.id).sort()).toEqual([
      'ecodesign-digital-services',
      'question-business-model',
    ]);
  });

  it('a 250-staff company in France that builds services: lifespan, refurbished and fewer devices lead', async () => {
    const id = await answer(owner, 2025, fixture('company-250-fr').answers);
    const r = await results(id);
    expect(top5(r)).toEqual([
      'extend-lifespan', //           lever, quantified: 240 laptops renewed every 3 years (-> 6), 200 smartphones at 2.5 (-> 4): s ≈ 31 % (12,000 kg CO2e, 37 % of climate); gap 72: P 15.0
      'buy-refurbished', //           lever, quantified: never bought refurbished (0 -> 30 %): s ≈ 7.3 % (3,300 kg CO2e, low end); gap 100, low effort: P 6.59
      'limit-equipment-quantity', //  lever, not quantified: impact 5 assumed 5 %; standard kits, manager-only needs check: gap 54, medium effort: P 1.98,
      //                              level with fewer and smaller screens (quantified 2.6 %, gap 85, low effort: P 1.98); equal priorities go by impact (5 against 4)
      'buy-durable-repairable', //    foundation, impact 4: an eco-label as its only criterion, no index check: gap 87, low effort: P 63.7
      'ecodesign-hardware-warranty', // foundation, impact 3: 3-year warranties, occasional supplier requirements: gap 70, low effort: P 40.9
    ]);
    expect(r.sections.every((s: { status: string }) => s.status === 'scored')).toBe(true);
    expect(r.notApplicable).toEqual({ sections: [], actions: [], questions: [] });
    // Quick wins are gone: five this-year actions, the rest next or keep up.
    expect(groupOf(r, 'this_year')).toHaveLength(5);
    const extend = r.priorities[0];
    expect(extend.benefit.source).toBe('quantified');
    expect(extend.why.en).toMatch(
      /^Lever quantified on your inventory: it would avoid about \d+% of your footprint \(EF single score over climate, minerals and metals and fossil resources; [\d,]+ kg CO2e a year, \d+% of the climate footprint\)/,
    );
    // The API's footprint of this file is the one worked out by hand in src/footprint/footprint.company-250-fr.spec.ts:
    // 30,585.79 kg CO2e embodied + 65,264.096 kWh x 0.0461 = 3,008.6748256 of use = 33,594.4648256 kg CO2e
    // (low 29,959.62 + 1,717.407005936528 = 31,677.027005936528; high 31,206.67 + 6,016.9347512 = 37,223.6047512),
    // and lifespan, the first lever, 12,380.393714285714 kg CO2e a year.
    const climate = r.footprint.totals.climate;
    expect(Math.abs(climate.total - 33594.4648256)).toBeLessThan(1e-6);
    expect(Math.abs(climate.low.total - 31677.027005936528)).toBeLessThan(1e-6);
    expect(Math.abs(climate.high.total - 37223.6047512)).toBeLessThan(1e-6);
    expect(r.footprint.display.totals.climate.en).toBe('34,000\u00a0kg CO2e (32,000–37,000)');
    const lifespan = r.savings.find((s: { lever: string }) => s.lever === 'lifespan');
    expect(Math.abs(lifespan.climateKgCo2ePerYear - 12380.393714285714)).toBeLessThan(1e-6);
  });

  it('a local authority that builds no services: switching off, fewer devices and refurbished first; eco-design and business model do not apply', async () => {
    const id = await answer(owner, 2024, fixture('local-authority-no-services').answers);
    const r = await results(id);
    expect(top5(r)).toEqual([
      'switch-off-equipment', //      lever, quantified: 90 desktops and 140 monitors left on day and night; a scheduled shutdown avoids s ≈ 38 % of the EF
      //                              footprint (3,300 kg CO2e, 23 % of climate; the electricity weighs on non-renewable energy too); gap 100, low effort: P 31.9
      'limit-equipment-quantity', //  lever, not quantified: impact 5 assumed 5 %; full kit for everyone, needs never checked: gap 90, medium effort: P 2.98
      'buy-refurbished', //           lever, quantified: never refurbished (0 -> 30 %): s ≈ 2.7 % (710 kg CO2e, low end); gap 100, low effort: P 2.52
      'raise-awareness', //           foundation, impact 3: a communication only, no role trained: gap 85, low effort: P 46.9
      'ecodesign-hardware-warranty', // foundation, impact 3: no supplier requirement, warranty and criteria unknown (credibility 22 %, g* 78): P 46.6
    ]);
    // Laptops 5 years and desktops 7: lifespan is already a practice to keep up, whatever its quantified saving.
    expect(r.priorities.find((p: Priority) => p.actionId === 'extend-lifespan').group).toBe('keep_up');
    // "I don't know" everywhere on durability: unknown, not zero.
    const durable = r.priorities.find((p: Priority) => p.actionId === 'buy-durable-repairable');
    expect([durable.group]).toEqual(['unknown']);
    const na = r.notApplicable;
    expect(na.sections.map((s: { id: string }) => s.id)).toEqual(['ecodesign']);
    expect(na.actions.map((a: { id: string }) => a.id).sort()).toEqual(['ecodesign-digital-services', 'question-business-model']);
    expect(na.questions.map((q: { id: string }) => q.id)).toEqual(['governance.business_model']);
    expect(na.questions[0].reason.text.fr).toContain('vous avez répondu «\u00a0Organisme public');
    for (const p of r.priorities) expect(['ecodesign-digital-services', 'question-business-model']).not.toContain(p.actionId);

    // The CSV says the same: the methodology, the section without a score and why, the groups, what does not apply.
    const text = (
      await request(t.http)
        .get(`${api}/assessments/${id}/export?format=csv&lang=fr`)
        .set(bearer(owner))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
        })
        .expect(200)
    ).body as string;
    // French: semicolons (and decimal commas), as a French spreadsheet expects.
    const rows = parseCsv(text.slice(1), ';');
    const col = (name: string) => rows[0].indexOf(name);
    expect(rows.find((x) => x[0] === 'methodology')![col('value')]).toBe('scoring-2');
    const ecoRow = rows.find((x) => x[0] === 'section' && x[1] === 'ecodesign')!;
    expect([ecoRow[col('value')], ecoRow[col('score')], ecoRow[col('detail')].slice(0, 24)]).toEqual([
      '',
      '',
      'sans objet: Sans objet\u00a0:',
    ]);
    const plan = rows.filter((x) => x[0] === 'priority');
    expect(plan.slice(0, 5).map((x) => [x[col('id')], x[col('section')]])).toEqual(top5(r).map((a) => [a, 'this_year']));
    expect(plan[0][col('level')]).toBe('lever; quantified benefit 38% of the footprint (EF)');
    expect(plan[1][col('level')]).toBe('lever; assumed benefit 5% of the footprint (EF)');
    expect(rows.filter((x) => x[0] === 'not_applicable').map((x) => x[1])).toEqual(
      expect.arrayContaining(['question-business-model', 'ecodesign-digital-services', 'governance.business_model']),
    );

    // And the PDF: the plan's groups, what does not apply, the methodology version 2.
    const pdf = await request(t.http)
      .get(`${api}/assessments/${id}/report.pdf?lang=fr`)
      .set(bearer(owner))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const parsed = await extractPdfText(pdf.body as Buffer);
    const all = compact(parsed.text);
    for (const expected of [
      'Les actions de cette année',
      'Cette année (5)',
      'Sans objet pour votre organisation (2)',
      'Méthode de calcul des scores et des priorités (version scoring-2)',
      'Environmental Footprint 3.1 normalisation and weighting factors',
    ])
      expect(all).toContain(compact(expected));
    // This year's actions: the summary's second page.
    expect(compact(parsed.pages[2])).toContain(compact('Limiter la quantité d’équipements'));
  });

  it('a small association with 10 laptops and no server: lifespan and refurbished on its own laptops, servers not applicable', async () => {
    const other = await register(t.http, 'Les Amis du Quartier');
    const { answers } = fixture('association-10-laptops');
    const a = (await request(t.http).post(`${api}/assessments`).set(bearer(other)).send({ year: 2026, templateVersion: 1 }).expect(201))
      .body;
    for (const [questionId, value] of Object.entries(answers)) {
      await request(t.http).put(`${api}/assessments/${a.id}/answers/${questionId}`).set(bearer(other)).send({ value }).expect(200);
    }
    const r = (await request(t.http).get(`${api}/assessments/${a.id}/results`).set(bearer(other)).expect(200)).body;
    expect(top5(r)).toEqual([
      'extend-lifespan', //           lever, quantified: laptops already 6 years, one more (and smartphones 2.5 -> 4): s ≈ 14 %; gap 55: P 5.54
      'buy-refurbished', //           lever, quantified: laptops 50 % -> 70 % refurbished: s ≈ 9.8 %; gap 52, low effort: P 5.21
      'switch-off-equipment', //      lever, quantified: s ≈ 1.9 % (switch-off practice half in place: gap 67), low effort: P 1.13; software maintenance,
      //                              assumed 1.25 %, follows (P 0.72); fewer devices, reuse and repair are kept up
      'buy-durable-repairable', //    foundation, impact 4: no durability criterion, no index check: gap 100, low effort: P 67.8
      'ecodesign-hardware-warranty', // foundation, impact 3: legal warranty only, no supplier requirement: gap 100, low effort: P 50.8
    ]);
    // No server, no hosted application: the hosting and idle-server questions do not apply (not zero).
    expect(r.notApplicable.questions.map((q: { id: string }) => q.id).sort()).toEqual(['usage.hosting', 'usage.idle_servers']);
    const pooling = r.actions.find((x: { id: string }) => x.id === 'pooling-shared-equipment');
    expect(pooling.explanation.find((e: { questionId: string }) => e.questionId === 'usage.hosting').status).toBe('not_applicable');
    // Submitting works with "I don't know" answers: they count as answers, and as unknown in the figures.
    await request(t.http).post(`${api}/assessments/${a.id}/submit`).set(bearer(other)).expect(200);
    expect(r.overall.confidence).toBeLessThan(1);
    expect(r.overall.score).toBeGreaterThan(0);
  });

  it('"I don\'t know" is an answer on every practice question, counted as unknown, never as zero; profile facts have none', async () => {
    const who = await register(t.http, 'Ne sait pas');
    const a = (await request(t.http).post(`${api}/assessments`).set(bearer(who)).send({ year: 2026 }).expect(201)).body;
    const put = (questionId: string, value: unknown) =>
      request(t.http).put(`${api}/assessments/${a.id}/answers/${questionId}`).set(bearer(who)).send({ value });
    await put('usage.attention_settings', 'dont_know').expect(200);
    await put('governance.awareness_share', 'dont_know').expect(200);
    await put('usage.video_quality', 'dont_know').expect(200);
    await put('governance.training_roles', ['dont_know']).expect(200);
    const refused = await put('ecodesign.builds_services', 'dont_know').expect(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'value', rule: 'type' });
    await put('governance.training_roles', ['dont_know', 'procurement']).expect(400); // exclusive
    await put('usage.video_quality', 'guidance').expect(200);
    const r = (await request(t.http).get(`${api}/assessments/${a.id}/results`).set(bearer(who)).expect(200)).body;
    const sober = r.actions.find((x: { id: string }) => x.id === 'sober-video-and-attention');
    const attention = sober.explanation.find((e: { questionId: string }) => e.questionId === 'usage.attention_settings');
    expect([attention.status, attention.answerLabel.en, attention.questionMaturity]).toEqual(['unknown', "I don't know", null]);
    expect(sober.maturity).toBe(67); // the known answer alone, not dragged down by the unknown one
    expect(sober.confidence).toBeLessThan(1);
  });

  it('keeps methodology 1 reproducible on request, names the methodology everywhere, and validates the parameter', async () => {
    // The README example as it was before scoring-2, and scoring-1's results on it as recorded then
    // (src/scoring/fixtures/scoring-1.golden.json): the same through the API today.
    const golden = JSON.parse(readFileSync('src/scoring/fixtures/scoring-1.golden.json', 'utf8')).cases[0];
    const id = await answer(owner, 2023, golden.answers);
    const v1 = await results(id, '?methodology=scoring-1');
    expect(v1.methodologyVersion).toBe('scoring-1');
    expect(v1.overall).toEqual(golden.results.overall);
    expect(top5(v1)).toEqual([
      'buy-durable-repairable',
      'buy-refurbished',
      'end-software-obsolescence',
      'reuse-retired-equipment',
      'extend-lifespan',
    ]);
    expect(top5(v1)).toEqual(golden.results.priorities.slice(0, 5).map((p: Priority) => p.actionId));
    expect(new Set(v1.priorities.map((p: Priority) => p.group))).toEqual(new Set(['quick_win', 'structural', 'keep_up']));
    expect((await results(id, '?methodology=SCORING-2')).methodologyVersion).toBe('scoring-2');

    const bad = await request(t.http).get(`${api}/assessments/${id}/results?methodology=scoring-9`).set(bearer(owner)).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ field: 'methodology', message: 'methodology must be one of scoring-1, scoring-2' }),
    ]);
    await request(t.http).get(`${api}/assessments/${id}/results?methodology=scoring-1&extra=1`).set(bearer(owner)).expect(400);

    // Another organisation's assessment is not found, whatever the methodology asked for.
    const stranger = await register(t.http, 'Autre organisation');
    for (const query of ['', '?methodology=scoring-1']) {
      await request(t.http).get(`${api}/assessments/${id}/results${query}`).set(bearer(stranger)).expect(404);
    }
  });

  it('compares two years with one methodology and says which', async () => {
    const who = await register(t.http, 'Deux années');
    const y1 = await answer(who, 2024, fixture('local-authority-no-services').answers);
    const y2 = await answer(who, 2025, {
      ...fixture('local-authority-no-services').answers,
      'procurement.refurbished_policy': 'in_catalogue',
    });
    for (const [query, version] of [
      ['', 'scoring-2'],
      ['?methodology=scoring-1', 'scoring-1'],
    ]) {
      const cmp = (await request(t.http).get(`${api}/assessments/${y2}/compare/${y1}${query}`).set(bearer(who)).expect(200)).body;
      expect(cmp.methodologyVersion).toBe(version);
      expect(cmp.actions.find((a: { id: string }) => a.id === 'buy-refurbished').status).toBe('improved');
      const trend = (await request(t.http).get(`${api}/assessments/trend${query}`).set(bearer(who)).expect(200)).body;
      expect(trend.methodologyVersion).toBe(version);
    }
    // Under scoring-2 the eco-design section does not apply in either year: it is not compared as a score.
    const cmp = (await request(t.http).get(`${api}/assessments/${y2}/compare/${y1}`).set(bearer(who)).expect(200)).body;
    expect(cmp.sections.matched.find((s: { id: string }) => s.id === 'ecodesign').score).toMatchObject({
      previous: null,
      current: null,
      delta: null,
    });
    await request(t.http).get(`${api}/assessments/${y2}/compare/${y1}?methodology=nope`).set(bearer(who)).expect(400);
  });

  it('a submitted assessment keeps its figures: results under a newer methodology show both where they differ', async () => {
    const who = await register(t.http, 'Envoyée en version 1');
    const id = await answer(who, 2022, fixture('readme-example').answers);
    await request(t.http).post(`${api}/assessments/${id}/submit`).set(bearer(who)).expect(200);
    const now = (await request(t.http).get(`${api}/assessments/${id}/results`).set(bearer(who)).expect(200)).body;
    expect(now.asSubmitted).toBeUndefined(); // submitted under the current methodology
    // As if it had been submitted before scoring-2 existed (what the migration records for those).
    await t.app.get(DataSource).query(`UPDATE assessments SET methodology_version = 'scoring-1' WHERE id = $1`, [id]);
    const r = (await request(t.http).get(`${api}/assessments/${id}/results`).set(bearer(who)).expect(200)).body;
    expect(r.methodologyVersion).toBe('scoring-2');
    expect(r.asSubmitted.methodologyVersion).toBe('scoring-1');
    expect(r.asSubmitted.differs).toBe(true);
    // scoring-1 scored eco-design on one answer (0, level 1) and capped the overall level at 2
    expect(r.asSubmitted.overall).toEqual({
      submitted: { score: 41.2, level: 2 },
      now: { score: r.overall.score, level: r.overall.level },
    });
    expect(r.asSubmitted.sections.find((s: { id: string }) => s.id === 'ecodesign')).toMatchObject({
      submitted: { score: 0, level: 1 },
      now: { score: null, level: null },
    });
    expect(r.asSubmitted.topFive.submitted[0]).toBe('buy-durable-repairable');
    expect(r.asSubmitted.topFive.now[0]).toBe('extend-lifespan');
    // Asked under the methodology it was submitted under: nothing to show beside.
    const v1 = (await request(t.http).get(`${api}/assessments/${id}/results?methodology=scoring-1`).set(bearer(who)).expect(200)).body;
    expect(v1.asSubmitted).toBeUndefined();
    expect(v1.overall).toMatchObject({ score: 41.2, level: 2, cappedBy: 'ecodesign' });
  });
});
