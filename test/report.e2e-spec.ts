import request from 'supertest';
import type { QuestionnaireTemplate } from '../src/questionnaires/template.types.js';
import { createFormatter } from '../src/reports/report-format.js';
import { reportLabels } from '../src/reports/report.labels.js';
import { compact, extractPdfText, normaliseSpace } from './fixtures/reports/pdf-text.js';
import { answerFor } from './support/answers.js';
import { walkAssessment } from './support/walk.js';
import { bearer, createTestApp, register, type Account, type TestApp } from './support/test-app.js';

const api = '/api/v1';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('the PDF action plan', () => {
  let t: TestApp;
  let owner: Account;
  let template: QuestionnaireTemplate;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await register(t.http, 'Métropole de Lyon — Direction du numérique');
    template = (await request(t.http).get(`${api}/questionnaires/fresque-numerique/versions/2`).set(bearer(owner)).expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
  });

  const walk = (who: Account, year: number, quality: 'best' | 'worst', overrides: Record<string, unknown>, copyFrom?: string) =>
    walkAssessment(t.http, who, year, quality, {
      overrides,
      copyFrom,
      comments: { 'organisation.employees': 'Effectif au 31 décembre, « ETP »' },
    });

  const inventory = {
    'organisation.country': 'FR',
    'organisation.employees': 250,
    'inventory.laptop.count': 200,
    'inventory.laptop.lifespan_years': 4,
    'inventory.smartphone.count': 120,
    'inventory.meeting_screen.count': 6,
  };

  const fetchPdf = async (id: string, lang: 'fr' | 'en') => {
    const res = await request(t.http).get(`${api}/assessments/${id}/report.pdf?lang=${lang}`).set(bearer(owner)).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*metropole-de-lyon.*-20(25|26)-(fr|en)\.pdf"/);
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    return extractPdfText(body);
  };

  it('in French and English: organisation, year, sections, the five first priorities in order, the climate total; no year on year the first year', async () => {
    const first = await walk(owner, 2025, 'worst', inventory);
    const results = (await request(t.http).get(`${api}/assessments/${first}/results`).set(bearer(owner)).expect(200)).body;
    for (const lang of ['fr', 'en'] as const) {
      const pdf = await fetchPdf(first, lang);
      const text = normaliseSpace(pdf.text);
      expect(text).toContain('Métropole de Lyon');
      expect(text).toContain('2025');
      for (const section of template.sections.filter((s) => s.questions.some((q) => q.scoring?.actions.length)))
        expect(compact(pdf.text)).toContain(compact(section.title[lang]));
      // The first five priorities, in the same order as the API's.
      const top = results.priorities.slice(0, 5).map((p: { title: Record<string, string> }) => compact(p.title[lang]));
      const summaryPage = compact(pdf.pages[1]);
      const positions = top.map((title: string) => summaryPage.indexOf(title));
      expect(positions.every((p: number) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      // The climate total as the API gives it, two significant digits and the range, as the report formats it.
      const fmt = createFormatter(lang);
      const climate = results.footprint.totals.climate;
      expect(compact(pdf.pages[1])).toContain(compact(fmt.quantity(climate.total)));
      expect(compact(pdf.pages[1])).toContain(compact(fmt.range(climate.low.total, climate.high.total)));
      // The full figure is not printed: 2 significant digits in the summaries.
      const full = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 0 }).format(climate.total);
      expect(compact(pdf.pages[1])).not.toContain(compact(full));
      // What the footprint leaves out: on the summary page and, item by item, on the footprint pages.
      expect(compact(pdf.pages[1])).toContain(compact(results.footprint.display.leavesOut[lang]));
      expect(compact(pdf.pages[1])).toContain(compact(results.footprint.display.perPersonLabel[lang]));
      expect(compact(pdf.text)).toContain(compact(reportLabels(lang).scopeHeading));
      for (const e of results.footprint.scope.notEstimated) expect(compact(pdf.text)).toContain(compact(`${e.label[lang]}`));
      expect(results.footprint.scope.notEstimated.map((e: { id: string }) => e.id)).toEqual(
        expect.arrayContaining(['device.printer', 'device.network_switch', 'telecom_networks', 'online_services']),
      );
      expect(compact(pdf.text)).not.toContain(compact(reportLabels(lang).yearOnYear));
      expect(text).toContain('Effectif au 31 décembre, « ETP »');
    }
  });

  it('has a year-on-year part once an earlier assessment exists', async () => {
    const previous = (await request(t.http).get(`${api}/assessments`).set(bearer(owner)).expect(200)).body.find(
      (a: { year: number }) => a.year === 2025,
    );
    const second = await walk(owner, 2026, 'best', { ...inventory, 'inventory.laptop.lifespan_years': 6 }, previous.id);
    const pdf = await fetchPdf(second, 'en');
    expect(compact(pdf.text)).toContain(compact(reportLabels('en').yearOnYear));
    const fr = await fetchPdf(second, 'fr');
    expect(compact(fr.text)).toContain(compact(reportLabels('fr').yearOnYear));
    expect(normaliseSpace(pdf.text)).toContain('2025');
  });

  it('a language other than fr or en is refused', async () => {
    const list = (await request(t.http).get(`${api}/assessments`).set(bearer(owner)).expect(200)).body;
    const res = await request(t.http).get(`${api}/assessments/${list[0].id}/report.pdf?lang=de`).set(bearer(owner)).expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'lang', rule: 'isIn' });
  });

  it('hostile organisation names and long comments still give a valid PDF', async () => {
    const word = 'x'.repeat(200);
    const name = `🌍🚀 مؤسسة 数字影响 ${word} `.repeat(2).slice(0, 300);
    const hostile = await register(t.http, name);
    const a = (await request(t.http).post(`${api}/assessments`).set(bearer(hostile)).send({ year: 2025 }).expect(201)).body;
    const q = template.sections[0].questions.filter((x) => !x.showIf).slice(0, 3);
    for (const question of q) {
      await request(t.http)
        .put(`${api}/assessments/${a.id}/answers/${question.id}`)
        .set(bearer(hostile))
        .send({ value: answerFor(question), comment: '«éàç» 😀 مرحبا 你好 '.repeat(100).slice(0, 2000) })
        .expect(200);
    }
    const res = await request(t.http).get(`${api}/assessments/${a.id}/report.pdf`).set(bearer(hostile)).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const pdf = await extractPdfText(res.body as Buffer);
    expect(pdf.pageCount).toBeGreaterThan(5);
    expect(res.headers['content-disposition']).toMatch(/filename="plan-action-[a-z0-9-]+-2025-fr\.pdf"/);
  });
});
