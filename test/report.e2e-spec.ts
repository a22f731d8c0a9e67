import request from 'supertest';
import type { QuestionnaireTemplate } from '../src/questionnaires/template.types.js';
import { createFormatter } from '../src/reports/report-format.js';
import { reportLabels } from '../src/reports/report.labels.js';
import mammoth from 'mammoth';
import * as figures from '../src/web/assets/figures.js';
import { compact, extractPdfText, firstAnnexPage, normaliseSpace, runsOutsideTheContentArea } from './fixtures/reports/pdf-text.js';
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
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*metropole-de-lyon.*-20\d\d-(fr|en)\.pdf"/);
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    return extractPdfText(body);
  };

  const fetchDocx = async (id: string, lang: 'fr' | 'en') => {
    const res = await request(t.http)
      .get(`${api}/assessments/${id}/report.docx?lang=${lang}`)
      .set(bearer(owner))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*metropole-de-lyon.*-20(25|26)-(fr|en)\.docx"/);
    return res.body as Buffer;
  };

  it('in French and English: main body of at most 8 pages, the summary with the API figures, this year first, the plan, the DOCX; no year on year the first year', async () => {
    const first = await walk(owner, 2025, 'worst', inventory);
    const results = (await request(t.http).get(`${api}/assessments/${first}/results`).set(bearer(owner)).expect(200)).body;
    for (const lang of ['fr', 'en'] as const) {
      const pdf = await fetchPdf(first, lang);
      const text = normaliseSpace(pdf.text);
      expect(text).toContain('Métropole de Lyon');
      expect(text).toContain('2025');
      for (const section of template.sections.filter((s) => s.questions.some((q) => q.scoring?.actions.length)))
        expect(compact(pdf.text)).toContain(compact(section.title[lang]));
      // The main body (cover, summary, plan) is at most 8 pages; no text run outside the content area.
      expect(firstAnnexPage(pdf, lang) - 1).toBeLessThanOrEqual(8);
      expect(runsOutsideTheContentArea(pdf)).toEqual([]);
      // The summary's figures are the API's, rounded by the web page's function (figures.js).
      expect(compact(pdf.pages[1])).toContain(compact(`${figures.score(results.overall.score, lang)}/100`));
      expect(compact(pdf.pages[1])).toContain(compact(figures.percent(results.overall.confidence, lang)));
      // This year's actions, in the API's rank order, on the summary's second page, with their saving.
      const thisYear = results.priorities.filter((p: { group: string }) => p.group === 'this_year');
      expect(thisYear.length).toBeGreaterThanOrEqual(3);
      const summaryPage = compact(pdf.pages[2]);
      const positions = thisYear.map((p: { title: Record<string, string> }) => summaryPage.indexOf(compact(p.title[lang])));
      expect(positions.every((p: number) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const p of thisYear.filter(
        (x: { saving?: { climateKgCo2ePerYear: number | null } }) => x.saving?.climateKgCo2ePerYear != null,
      )) {
        expect(summaryPage).toContain(compact(figures.significant(p.saving.climateKgCo2ePerYear, lang)));
        expect(summaryPage).toContain(compact(figures.share(p.saving.shareOfClimateTotal, lang)));
      }
      // The plan page: every ranked action, ranks in the API's order.
      const planPage = compact(pdf.pages[3]);
      const ranked = results.priorities.filter((p: { group: string }) => p.group !== 'unknown');
      const planPositions = ranked.map((p: { title: Record<string, string> }) => planPage.indexOf(compact(p.title[lang])));
      expect(planPositions.every((p: number) => p >= 0)).toBe(true);
      expect([...planPositions].sort((a, b) => a - b)).toEqual(planPositions);
      // Each rank is printed whole: a column too narrow once broke "10" into "1" over "0".
      const planRuns = new Set(pdf.runs.filter((r) => r.page === 4).map((r) => r.str.trim()));
      for (const p of ranked as Array<{ rank: number }>) expect(planRuns.has(String(p.rank))).toBe(true);
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

      // The same report as an editable DOCX: Word headings, tables, charts as images, the same figures.
      const docx = await fetchDocx(first, lang);
      const { value: html } = await mammoth.convertToHtml({ buffer: docx });
      expect(html).toContain(`<h1>${reportLabels(lang).executiveSummary}</h1>`);
      expect((html.match(/<h1>/g) ?? []).length).toBeGreaterThanOrEqual(8);
      expect((html.match(/<table>/g) ?? []).length).toBeGreaterThanOrEqual(5);
      expect((html.match(/<img /g) ?? []).length).toBe(2);
      const docText = compact(html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&'));
      expect(docText).toContain(compact(figures.significant(climate.total, lang)));
      expect(docText).toContain(compact(results.footprint.display.leavesOut[lang]));
      for (const p of thisYear) expect(docText).toContain(compact(p.title[lang]));
    }
  });

  it('flags answers carried over from last year and not confirmed, on the cover and the summary, and only then', async () => {
    const list = (await request(t.http).get(`${api}/assessments`).set(bearer(owner)).expect(200)).body;
    const from = list.find((a: { year: number }) => a.year === 2026) ?? list[0];
    const copy = (
      await request(t.http).post(`${api}/assessments`).set(bearer(owner)).send({ year: 2027, copyFromAssessmentId: from.id }).expect(201)
    ).body;
    const detail = (await request(t.http).get(`${api}/assessments/${copy.id}`).set(bearer(owner)).expect(200)).body;
    const pending = detail.copyForward.pendingConfirmation;
    expect(pending).toBeGreaterThan(10);
    for (const lang of ['fr', 'en'] as const) {
      const pdf = await fetchPdf(copy.id, lang);
      const notice = lang === 'fr' ? `${pending} réponses reprises de ${from.year}` : `${pending} answers carried over from ${from.year}`;
      expect(normaliseSpace(pdf.pages[0])).toContain(notice);
      expect(normaliseSpace(pdf.pages[1])).toContain(notice);
    }
    // The walk of 2026 answered every question itself: nothing carried is left unconfirmed there.
    const confirmed = await fetchPdf(from.id, 'en');
    expect(confirmed.text).not.toContain('carried over from');
  });

  it("another organisation's report is not found, in PDF and DOCX", async () => {
    const list = (await request(t.http).get(`${api}/assessments`).set(bearer(owner)).expect(200)).body;
    const stranger = await register(t.http, 'Autre organisation');
    await request(t.http).get(`${api}/assessments/${list[0].id}/report.pdf`).set(bearer(stranger)).expect(404);
    await request(t.http).get(`${api}/assessments/${list[0].id}/report.docx`).set(bearer(stranger)).expect(404);
    const bad = await request(t.http).get(`${api}/assessments/${list[0].id}/report.docx?lang=de`).set(bearer(owner)).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'lang', rule: 'isIn' });
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
