import request from 'supertest';
import type { QuestionnaireTemplate } from '../src/questionnaires/template.types.js';
import { allQuestions, answerFor } from './support/answers.js';
import { walkAssessment } from './support/walk.js';
import { parseCsv } from './support/csv.js';
import * as figures from '../src/web/assets/figures.js';
import { bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';

const api = '/api/v1';

describe('results, priorities, footprint, comparison and export', () => {
  let t: TestApp;
  let owner: Account;
  let template: QuestionnaireTemplate;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await register(t.http, 'Agglo « Éco » & Cie');
    template = (await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/2`).set(bearer(owner)).expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
  });

  const walk = (who: Account, year: number, quality: 'best' | 'worst', overrides: Record<string, unknown> = {}, copyFrom?: string) =>
    walkAssessment(t.http, who, year, quality, { overrides, copyFrom });

  const inventory = {
    'organisation.country': 'FR',
    'organisation.employees': 120,
    'inventory.laptop.count': 100,
    'inventory.laptop.lifespan_years': 4,
    'inventory.laptop.refurbished_share': 0,
  };

  it('a draft already has results, with confidence below 1', async () => {
    const a = (await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: 2010 }).expect(201)).body;
    const empty = (await request(t.http).get(`${api}/assessments/${a.id}/results`).set(bearer(owner)).expect(200)).body;
    expect(empty.overall).toMatchObject({ score: null, confidence: 0 });
    const q = allQuestions(template).find((x) => x.type === 'scale')!;
    await request(t.http)
      .put(`${api}/assessments/${a.id}/answers/${q.id}`)
      .set(bearer(owner))
      .send({ value: answerFor(q, 'best') })
      .expect(200);
    const some = (await request(t.http).get(`${api}/assessments/${a.id}/results`).set(bearer(owner)).expect(200)).body;
    expect(some.overall.score).toBe(100);
    expect(some.overall.confidence).toBeGreaterThan(0);
    expect(some.overall.confidence).toBeLessThan(1);
  });

  it('the best answers give a higher score and level than the worst, and the plan puts at most five actions this year, with reasons', async () => {
    const best = await walk(owner, 2011, 'best', inventory);
    const worst = await walk(owner, 2012, 'worst', inventory);
    const rb = (await request(t.http).get(`${api}/assessments/${best}/results`).set(bearer(owner)).expect(200)).body;
    const rw = (await request(t.http).get(`${api}/assessments/${worst}/results`).set(bearer(owner)).expect(200)).body;
    expect(rb.overall.score).toBeGreaterThan(rw.overall.score);
    expect(rb.overall.level).toBeGreaterThan(rw.overall.level);
    expect(rb.overall.confidence).toBe(1);
    // Every section that scores something (the profile is context, not a score).
    const scoredSections = template.sections.filter((s) => s.questions.some((q) => q.scoring?.actions.length)).map((s) => s.id);
    expect(rw.sections.map((s: { id: string }) => s.id)).toEqual(scoredSections);
    for (const s of [...rb.sections, ...rw.sections]) {
      if (s.status === 'not_applicable') {
        expect(s.score).toBeNull(); // the worst walk builds no services: eco-design does not apply
        continue;
      }
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(100);
    }
    expect(rw.sections.find((s: { id: string }) => s.id === 'ecodesign').status).toBe('not_applicable');
    const ranks = rw.priorities.map((p: { rank: number }) => p.rank);
    expect(ranks).toEqual(ranks.map((_: number, i: number) => i + 1));
    // Within a group and a kind (levers, foundations), by priority.
    for (const group of ['this_year', 'next'])
      for (const kind of ['lever', 'foundation']) {
        const values = rw.priorities
          .filter((p: { group: string; kind: string }) => p.group === group && p.kind === kind)
          .map((p: { priority: number }) => p.priority);
        expect([...values].sort((a: number, b: number) => b - a)).toEqual(values);
      }
    expect(rw.priorities.filter((p: { group: string }) => p.group === 'this_year')).toHaveLength(5);
    for (const p of rw.priorities) {
      expect(p.why.fr.length).toBeGreaterThan(20);
      expect(p.why.en.length).toBeGreaterThan(20);
      expect(['this_year', 'next', 'keep_up']).toContain(p.group);
    }
    const action = rw.actions.find((x: { id: string }) => x.id === rw.priorities[0].actionId);
    expect(action.explanation.some((e: { status: string }) => e.status === 'known')).toBe(true);
    // The lifespan lever is quantified on this organisation's own laptops.
    const lifespan = rw.savings.find((s: { lever: string }) => s.lever === 'lifespan');
    expect(lifespan.applicable).toBe(true);
    expect(lifespan.climateKgCo2ePerYear).toBeGreaterThan(0);
    const extend = rw.priorities.find((p: { actionId: string }) => p.actionId === 'extend-lifespan');
    expect(extend.saving.climateKgCo2ePerYear).toBeCloseTo(lifespan.climateKgCo2ePerYear, 6);
  });

  it('the footprint of 100 laptops kept 4 years in France matches the reference figures, with its range and version', async () => {
    const id = await walk(owner, 2013, 'worst', { ...inventory, 'usage.switch_off_policy': 'left_on' });
    const r = (await request(t.http).get(`${api}/assessments/${id}/results`).set(bearer(owner)).expect(200)).body;
    expect(r.footprint.factorsVersion).toBe(2);
    const laptop = r.footprint.devices.find((d: { device: string }) => d.device === 'laptop');
    // (170 + 12.3 + 2.79) kg CO2e / 4 years x 100 laptops = 4,627.25; low with [B]'s 181 kg: 4,525
    expect(laptop.perCriterion.climate.embodied).toBeCloseTo(4627.25, 6);
    expect(laptop.perCriterion.climate.low.embodied).toBeCloseTo(4525, 6);
    // "They stay on": 26.5 W all year, 8,760 h: 232.14 kWh a laptop; x 100 x 0.0461 kg CO2e/kWh = 1,070.1654
    expect(laptop.kWhPerYear).toBeCloseTo(23214, 6);
    expect(laptop.perCriterion.climate.use).toBeCloseTo(1070.1654, 6);
    expect(r.footprint.totals.water.use).toBeNull();
    expect(r.footprint.totals.water.notEstimated).toEqual(
      expect.arrayContaining([expect.objectContaining({ device: 'laptop', part: 'use' })]),
    );
    // Two significant digits and the range, per person named after the kind of organisation (a company here)
    expect(r.footprint.display.totals.climate.en).toMatch(/^\d{1,3}(,\d{3})*\u00a0kg CO2e/);
    expect(r.footprint.display.perPersonLabel.en).toBe('per employee');
  });

  it('a switch-off answer changes the use-phase figure', async () => {
    const id = await walk(owner, 2015, 'worst', { ...inventory, 'usage.switch_off_policy': 'left_on' });
    const before = (await request(t.http).get(`${api}/assessments/${id}/results`).set(bearer(owner)).expect(200)).body;
    const useOf = (r: {
      footprint: { devices: Array<{ device: string; perCriterion: { climate: { use: number; embodied: number } } }> };
    }) => r.footprint.devices.find((d) => d.device === 'laptop')!.perCriterion.climate;
    await request(t.http)
      .put(`${api}/assessments/${id}/answers/usage.switch_off_policy`)
      .set(bearer(owner))
      .send({ value: 'scheduled_shutdown' })
      .expect(200);
    const after = (await request(t.http).get(`${api}/assessments/${id}/results`).set(bearer(owner)).expect(200)).body;
    // Left on: 100 x 26.5 W x 8,760 h = 23,214 kWh x 0.0461 = 1,070.1654 kg CO2e
    expect(useOf(before).use).toBeCloseTo(1070.1654, 6);
    // Shut down on schedule: 100 x (26.5 W x 1,760 h + 0.5 W x 7,000 h) / 1000 = 5,014 kWh x 0.0461 = 231.1454 kg CO2e
    expect(useOf(after).use).toBeCloseTo(231.1454, 6);
    // Manufacturing does not move; the switch-off lever now has less to save
    expect(useOf(after).embodied).toBe(useOf(before).embodied);
    const lever = (r: { savings: Array<{ lever: string; climateKgCo2ePerYear: number | null }> }) =>
      r.savings.find((s) => s.lever === 'switch_off')!.climateKgCo2ePerYear ?? 0;
    expect(lever(after)).toBeLessThan(lever(before));
  });

  it('lists what the footprint counts and what it leaves out, in the results and the CSV export', async () => {
    const id = await walk(owner, 2016, 'best', {
      ...inventory,
      'inventory.printer.count': 7,
      'inventory.network_switch.count': 4,
      'organisation.hosting': ['own_room', 'cloud'], // version 2 asks the cloud inventory of those who use it
      'inventory.cloud.vcpu_count': 16,
      'inventory.cloud.storage_tb': 2,
    });
    const r = (await request(t.http).get(`${api}/assessments/${id}/results`).set(bearer(owner)).expect(200)).body;
    const ids = (list: Array<{ id: string }>) => list.map((e) => e.id);
    expect(ids(r.footprint.scope.estimated)).toEqual(expect.arrayContaining(['user_devices', 'cloud']));
    expect(ids(r.footprint.scope.notEstimated)).toEqual(
      expect.arrayContaining(['device.printer', 'device.network_switch', 'telecom_networks', 'online_services', 'peripherals']),
    );
    expect(r.footprint.scope.notEstimated.find((e: { id: string }) => e.id === 'device.printer').detail.en).toContain(
      '7 printers counted, not estimated',
    );
    expect(r.footprint.display.leavesOut.fr).toMatch(/^Ne compte pas/);
    const csv = await request(t.http)
      .get(`${api}/assessments/${id}/export?format=csv&lang=en`)
      .set(bearer(owner))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
      });
    const rows = parseCsv((csv.body as string).slice(1));
    const header = rows[0];
    const col = (name: string) => header.indexOf(name);
    const kind = (k: string) => rows.filter((row) => row[0] === k);
    expect(kind('footprint_not_estimated').map((row) => row[col('id')])).toEqual(ids(r.footprint.scope.notEstimated));
    expect(kind('footprint_estimated').map((row) => row[col('id')])).toEqual(ids(r.footprint.scope.estimated));
    expect(kind('footprint_not_estimated').find((row) => row[col('id')] === 'telecom_networks')?.[col('label')]).toBe('Telecom networks');
    // Totals rounded to two significant digits as printed everywhere, with their low and high values
    const climate = kind('footprint_total').find((row) => row[col('id')] === 'climate')!;
    expect(Number(climate[col('value')])).toBe(figures.roundSignificant(r.footprint.totals.climate.total));
    expect(Number(climate[col('low')])).toBe(figures.roundSignificant(r.footprint.totals.climate.low.total));
    expect(Number(climate[col('high')])).toBe(figures.roundSignificant(r.footprint.totals.climate.high.total));
    expect(kind('footprint_factors')[0][col('value')]).toBe('2');
    expect(kind('footprint_per_person')).toHaveLength(5);
    // Every lever with its range
    const lifespan = kind('saving').find((row) => row[col('id')] === 'lifespan')!;
    expect(Number(lifespan[col('low')])).toBeLessThanOrEqual(Number(lifespan[col('value')]));
    expect(Number(lifespan[col('high')])).toBeGreaterThanOrEqual(Number(lifespan[col('value')]));
  });

  it('compares years, lists action changes, and gives the trend over three years', async () => {
    const other = await register(t.http, 'Trois ans');
    const y1 = await walk(other, 2021, 'worst', inventory);
    const y2 = await walk(other, 2022, 'best', { ...inventory, 'inventory.laptop.lifespan_years': 6 }, y1);
    const y3 = await walk(other, 2023, 'best', { ...inventory, 'inventory.laptop.lifespan_years': 6 }, y2);
    const cmp = (await request(t.http).get(`${api}/assessments/${y2}/compare/${y1}`).set(bearer(other)).expect(200)).body;
    expect(cmp.previous.year).toBe(2021);
    expect(cmp.current.year).toBe(2022);
    expect(cmp.overall.score.delta).toBeGreaterThan(0);
    expect(cmp.actions.find((a: { id: string }) => a.id === 'extend-lifespan').status).toBe('improved');
    expect(cmp.footprint.criteria.find((c: { criterion: string }) => c.criterion === 'climate').delta).toBeLessThan(0);
    // Both years are computed with one version of the footprint factors, and it says so
    expect(cmp.footprint).toMatchObject({ factorsVersion: 2, sameFactors: true });
    expect(cmp.footprint.note.en).toBe('Both years are computed with version 2 of the footprint factors.');
    const same = (await request(t.http).get(`${api}/assessments/${y3}/compare/${y2}`).set(bearer(other)).expect(200)).body;
    expect(same.overall.score.delta).toBe(0);
    await request(t.http).get(`${api}/assessments/${y3}/compare/${y3}`).set(bearer(other)).expect(400);

    const trend = (await request(t.http).get(`${api}/assessments/trend`).set(bearer(other)).expect(200)).body;
    expect(trend.points.map((p: { year: number }) => p.year)).toEqual([2021, 2022, 2023]);
    expect(trend.points[1].overall.delta).toBeGreaterThan(0);
    expect(trend.points[0].footprint.climate).toBeGreaterThan(trend.points[1].footprint.climate);
  });

  it('exports CSV that reads back in a spreadsheet, with formulas neutralised, and JSON with labels', async () => {
    const a = (await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: 2014 }).expect(201)).body;
    const text = allQuestions(template).find((q) => q.type === 'text' && !q.showIf)!;
    const scale = allQuestions(template).find((q) => q.type === 'scale')!;
    await request(t.http)
      .put(`${api}/assessments/${a.id}/answers/${text.id}`)
      .set(bearer(owner))
      .send({ value: '=HYPERLINK("http://evil")', comment: '+33 1 23, "quoted"\nline' })
      .expect(200);
    await request(t.http)
      .put(`${api}/assessments/${a.id}/answers/${scale.id}`)
      .set(bearer(owner))
      .send({ value: scale.options![1].id, comment: '@risk' })
      .expect(200);
    const csv = await request(t.http)
      .get(`${api}/assessments/${a.id}/export?format=csv&lang=en`)
      .set(bearer(owner))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
      });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const body = csv.body as string;
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(body.slice(1));
    const header = rows[0];
    const col = (name: string) => header.indexOf(name);
    const answerRows = rows.filter((r) => r[0] === 'answer');
    const textRow = answerRows.find((r) => r[col('id')] === text.id)!;
    expect(textRow[col('value')]).toBe(`'=HYPERLINK("http://evil")`);
    expect(textRow[col('comment')]).toBe(`'+33 1 23, "quoted"\nline`);
    const scaleRow = answerRows.find((r) => r[col('id')] === scale.id)!;
    expect(scaleRow[col('detail')]).toBe(scale.options![1].label.en);
    expect(scaleRow[col('comment')]).toBe(`'@risk`);
    expect(rows.filter((r) => r[0] === 'section').map((r) => r[1])).toEqual(
      template.sections.filter((s) => s.questions.some((q) => q.scoring?.actions.length)).map((s) => s.id),
    );
    expect(rows.every((r) => r.length === header.length)).toBe(true);

    const json = (await request(t.http).get(`${api}/assessments/${a.id}/export?format=json`).set(bearer(owner)).expect(200)).body;
    expect(json.organisation.name).toBe('Agglo « Éco » & Cie');
    expect(json.answers.find((x: { questionId: string }) => x.questionId === scale.id).valueLabel.fr).toBe(scale.options![1].label.fr);
    expect(json.results.overall).toBeDefined();
    await request(t.http).get(`${api}/assessments/${a.id}/export?format=xml`).set(bearer(owner)).expect(400);
  });
});
