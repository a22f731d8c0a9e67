import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import * as figures from '../src/web/assets/figures.js';
import { walkAssessment } from './support/walk.js';
import { bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';

const api = '/api/v1';

/** The raw body of a download. */
async function download(t: TestApp, who: Account, url: string): Promise<{ status: number; type: string; body: Buffer }> {
  const res = await request(t.http)
    .get(url)
    .set(bearer(who))
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  return { status: res.status, type: String(res.headers['content-type']), body: res.body as Buffer };
}

/** A French spreadsheet's reading of a number: decimal comma. */
const frNumber = (cell: string) => (cell === '' ? null : Number(cell.replace(',', '.')));

describe('exports that open where people work, and a comparison that explains itself', () => {
  let t: TestApp;
  let owner: Account;
  let stranger: Account;
  let lastYear: string;
  let thisYear: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await register(t.http, 'Mairie de Test');
    stranger = await register(t.http, 'Autre organisation');
    const inventory = {
      'organisation.country': 'FR',
      'organisation.employees': 120,
      'inventory.laptop.count': 100,
      'inventory.laptop.lifespan_years': 4,
      'inventory.laptop.refurbished_share': 0,
      'inventory.monitor.count': 80,
    };
    lastYear = await walkAssessment(t.http, owner, 2024, 'worst', { overrides: inventory });
    // A year later: 40 more laptops, kept 5 years, a fifth of them refurbished.
    thisYear = await walkAssessment(t.http, owner, 2025, 'best', {
      overrides: {
        ...inventory,
        'inventory.laptop.count': 140,
        'inventory.laptop.lifespan_years': 5,
        'inventory.laptop.refurbished_share': 20,
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('one CSV per table in the French convention reads back, with csv-parse, as the numbers of the API', async () => {
    const r = (await request(t.http).get(`${api}/assessments/${thisYear}/results`).set(bearer(owner)).expect(200)).body;
    const read = async (table: string, query = 'lang=fr') => {
      const res = await download(t, owner, `${api}/assessments/${thisYear}/export?format=csv&table=${table}&${query}`);
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^text\/csv; charset=utf-8/);
      const text = res.body.toString('utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      return parse(text, { bom: true, delimiter: ';', columns: true, relax_column_count: false }) as Array<Record<string, string>>;
    };

    const totals = await read('footprint_totals');
    const climate = totals.find((row) => row['critère_id'] === 'climate')!;
    expect(climate['Unité (par an)']).toBe('kg CO2e');
    expect(frNumber(climate['Total'])).toBe(figures.roundSignificant(r.footprint.totals.climate.total));
    expect(frNumber(climate['Bas'])).toBe(figures.roundSignificant(r.footprint.totals.climate.low.total));
    expect(frNumber(climate['Haut'])).toBe(figures.roundSignificant(r.footprint.totals.climate.high.total));
    // No spreadsheet noise: two significant digits at most.
    for (const row of totals)
      for (const key of ['Total', 'Bas', 'Haut']) expect(row[key]).toMatch(/^$|^-?\d{1,2}0*(,\d{1,2})?$|^-?0,0*\d{1,2}$/);
    const minerals = totals.find((row) => row['critère_id'] === 'minerals')!;
    expect(minerals['Unité (par an)']).toBe('kg Sb éq.');
    expect(minerals['Total']).toContain(',');

    const devices = await read('footprint');
    const laptops = devices.find((row) => row['appareil_id'] === 'laptop' && row['critère_id'] === 'climate')!;
    const laptop = r.footprint.devices.find((d: { device: string }) => d.device === 'laptop');
    expect(frNumber(laptops['Nombre'])).toBe(140);
    expect(frNumber(laptops['Part reconditionnée (%)'])).toBe(20);
    expect(frNumber(laptops['Fabrication'])).toBe(figures.roundSignificant(laptop.perCriterion.climate.embodied));
    expect(frNumber(laptops['Usage'])).toBe(figures.roundSignificant(laptop.perCriterion.climate.use));
    expect(new Set(devices.map((row) => Object.keys(row).length))).toEqual(new Set([14]));

    const scores = await read('scores');
    expect(scores[0]).toMatchObject({ id: 'overall', 'Score (/100)': String(Math.round(r.overall.score)) });
    expect(frNumber(scores[0]['Confiance (%)'])).toBe(Math.round(r.overall.confidence * 100));
    expect(scores.slice(1).map((row) => row.id)).toEqual(r.sections.map((s: { id: string }) => s.id));

    const priorities = await read('priorities');
    expect(priorities.map((row) => row['action_id'])).toEqual(r.priorities.map((p: { actionId: string }) => p.actionId));
    for (const [i, p] of (r.priorities as Array<{ saving?: { climateKgCo2ePerYear: number | null } }>).entries()) {
      const expected = p.saving?.climateKgCo2ePerYear;
      expect(frNumber(priorities[i]['Économie (kg CO2e/an)'])).toBe(
        typeof expected === 'number' ? figures.roundSignificant(expected) : null,
      );
    }

    const answers = await read('answers');
    const count = answers.find((row) => row['question_id'] === 'inventory.laptop.count')!;
    expect(count['Valeur']).toBe('140');
    expect(count['Section']).not.toBe('');
    expect(count['Répondu par']).toBe(owner.email);

    // English: commas and a decimal point; an explicit delimiter wins over the language.
    const en = await download(t, owner, `${api}/assessments/${thisYear}/export?format=csv&table=footprint_totals&lang=en`);
    const enRows = parse(en.body.toString('utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Number(enRows.find((row) => row.criterion_id === 'climate')!.Total)).toBe(
      figures.roundSignificant(r.footprint.totals.climate.total),
    );
    expect(Object.keys(enRows[0])).toContain('Unit (a year)');
    const forced = await download(t, owner, `${api}/assessments/${thisYear}/export?format=csv&table=scores&lang=fr&delimiter=comma`);
    expect(forced.body.toString('utf8').split('\r\n')[0]).toContain(',Libellé,');
    await request(t.http).get(`${api}/assessments/${thisYear}/export?format=csv&table=everything`).set(bearer(owner)).expect(400);
    await request(t.http).get(`${api}/assessments/${thisYear}/export?format=csv&delimiter=tab`).set(bearer(owner)).expect(400);
  });

  it('the XLSX has one sheet per table whose numbers, read back with exceljs, are the API’s', async () => {
    const r = (await request(t.http).get(`${api}/assessments/${thisYear}/results`).set(bearer(owner)).expect(200)).body;
    const res = await download(t, owner, `${api}/assessments/${thisYear}/export?format=xlsx&lang=en`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Answers', 'Scores', 'Priorities', 'Footprint by device', 'Footprint totals']);
    const rows = (name: string) => {
      const sheet = wb.getWorksheet(name)!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
      const out: Array<Record<string, unknown>> = [];
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        const values = (row.values as unknown[]).slice(1);
        out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
      });
      return out;
    };
    const totals = rows('Footprint totals');
    const climate = totals.find((row) => row.criterion_id === 'climate')!;
    expect(climate.Total).toBe(figures.roundSignificant(r.footprint.totals.climate.total));
    expect(typeof climate.Total).toBe('number');
    expect(climate['Unit (a year)']).toBe('kg CO2e');
    expect(rows('Scores')[0]['Score (/100)']).toBe(Math.round(r.overall.score));
    expect(rows('Priorities').map((row) => row.action_id)).toEqual(r.priorities.map((p: { actionId: string }) => p.actionId));
    expect(rows('Answers').find((row) => row.question_id === 'inventory.laptop.count')!.Value).toBe(140);
    const laptop = rows('Footprint by device').find((row) => row.device_id === 'laptop' && row.criterion_id === 'climate')!;
    expect(laptop.Count).toBe(140);
  });

  it('the comparison lists the changed answers by section, with who gave them, and says why the footprint moved', async () => {
    const c = (await request(t.http).get(`${api}/assessments/${thisYear}/compare/${lastYear}`).set(bearer(owner)).expect(200)).body;
    expect(c.answers.bySection.length).toBeGreaterThan(1);
    const all = c.answers.bySection.flatMap((s: { changes: unknown[] }) => s.changes);
    expect(all).toHaveLength(c.answers.changed.length);
    const count = all.find((x: { questionId: string }) => x.questionId === 'inventory.laptop.count');
    expect(count).toMatchObject({ previous: 100, current: 140, kind: 'modified', by: owner.email });
    expect(count.previousLabel.fr).toMatch(/^100/);
    expect(count.currentLabel.fr).toMatch(/^140/);
    expect(count.question.fr).toBeTruthy();

    const a = c.footprintAttribution;
    expect(a.order).toEqual(['inventory', 'practice', 'factors']);
    const laptop = a.devices.find((d: { device: string }) => d.device === 'laptop');
    expect(laptop).toMatchObject({ previousCount: 100, currentCount: 140 });
    const climate = laptop.criteria.find((x: { criterion: string }) => x.criterion === 'climate');
    // 40 more laptops push the footprint up; keeping them longer and buying refurbished pull it down.
    expect(climate.inventory).toBeGreaterThan(0);
    expect(climate.practice).toBeLessThan(0);
    expect(climate.factors).toBe(0);
    expect(climate.inventory + climate.practice + climate.factors).toBeCloseTo(climate.change, 6);
    const total = c.footprint.criteria.find((x: { criterion: string }) => x.criterion === 'climate');
    expect(a.totals.find((x: { criterion: string }) => x.criterion === 'climate').change).toBeCloseTo(total.delta, 6);
  });

  it('another organisation’s exports are not found', async () => {
    for (const query of [
      'format=csv&table=answers',
      'format=csv&table=footprint&lang=fr',
      'format=xlsx',
      'format=csv&delimiter=semicolon',
    ]) {
      await request(t.http).get(`${api}/assessments/${thisYear}/export?${query}`).set(bearer(stranger)).expect(404);
    }
    await request(t.http).get(`${api}/assessments/${thisYear}/compare/${lastYear}`).set(bearer(stranger)).expect(404);
  });
});
