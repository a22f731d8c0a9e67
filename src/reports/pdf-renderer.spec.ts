import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../questionnaires/template.types.js';
import { compact, extractPdfText, normaliseSpace, type PdfText } from '../../test/fixtures/reports/pdf-text.js';
import { buildHostileViewModel, buildSampleViewModel, HOSTILE_LATIN_PART } from '../../test/fixtures/reports/sample-view-model.js';
import { MARGINS } from './layout/theme.js';
import { renderReport } from './pdf-renderer.js';
import { createFormatter } from './report-format.js';
import { fillLabel, reportLabels } from './report.labels.js';
import type { ReportViewModel } from './report.view-model.js';

/** Set REPORT_SAMPLE_DIR=/tmp to keep the rendered PDFs and look at them. */
const sampleDir = process.env.REPORT_SAMPLE_DIR;

function keep(name: string, pdf: Buffer): void {
  if (!sampleDir) return;
  mkdirSync(sampleDir, { recursive: true });
  writeFileSync(join(sampleDir, name), pdf);
}

function indexesInOrder(text: string, needles: readonly string[]): number[] {
  let from = 0;
  return needles.map((n) => {
    const i = text.indexOf(normaliseSpace(n), from);
    if (i >= 0) from = i + 1;
    return i;
  });
}

/** Text runs that start or end outside the side margins, or sit within 20 pt of the top or bottom edge. */
function runsOutsideTheGrid(parsed: PdfText): string[] {
  const tolerance = 3.5; // optical alignment of large type
  return parsed.runs
    .filter(
      (r) =>
        r.x < MARGINS.left - tolerance || r.x + r.width > r.pageWidth - MARGINS.right + tolerance || r.y < 20 || r.y > r.pageHeight - 20,
    )
    .map((r) => `page ${r.page}: "${r.str.slice(0, 40)}" at x=${r.x.toFixed(1)} w=${r.width.toFixed(1)} y=${r.y.toFixed(1)}`);
}

function climateHeadline(vm: ReportViewModel): string {
  const value = vm.summary.footprint.find((f) => f.criterion === 'climate')?.value;
  if (value == null) throw new Error('sample has a climate total');
  return `${createFormatter(vm.meta.lang).quantity(value)} ${reportLabels(vm.meta.lang).criteria.climate.unit}`;
}

describe.each<[Lang, string]>([
  ['fr', 'report-sample.pdf'],
  ['en', 'report-sample-en.pdf'],
])('an IT manager downloads the %s report', (lang, file) => {
  const vm = buildSampleViewModel(lang);
  const t = reportLabels(lang);
  let pdf: Buffer;
  let parsed: PdfText;

  beforeAll(async () => {
    pdf = await renderReport(vm);
    keep(file, pdf);
    parsed = await extractPdfText(pdf);
  });

  it('is a PDF whose text can be searched: organisation, year, date', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(compact(parsed.pages[0])).toContain(compact(vm.meta.organisationName));
    expect(parsed.pages[0]).toContain(String(vm.meta.year));
    expect(parsed.pages[0]).toContain(createFormatter(lang).date(vm.meta.generatedAt));
    expect(parsed.pages[0]).toContain(`version ${vm.meta.templateVersion}`);
  });

  it('has every part, in the order of the brief', () => {
    const headings = [
      t.executiveSummary,
      t.sectionScores,
      t.actionPlan,
      t.groups.this_year.title,
      t.groups.next.title,
      t.groups.keep_up.title,
      t.notApplicableActions,
      t.footprint,
      t.yearOnYear,
      t.keyMessages,
      t.methodology,
      t.sources,
      t.appendix,
    ];
    const found = indexesInOrder(parsed.text, headings);
    headings.forEach((h, i) => expect([h, found[i]]).not.toEqual([h, -1]));
  });

  it('fits the executive summary on one page with the five priorities in order and the climate total', () => {
    const summary = parsed.pages[1];
    expect(summary).toContain(`${normaliseSpace(vm.meta.organisationName)} · ${vm.meta.year}`);
    expect(summary).toContain(t.executiveSummary);
    const titles = vm.summary.topPriorities.map((p) => p.title);
    expect(titles).toHaveLength(5);
    const positions = indexesInOrder(summary, titles);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(summary).toContain(normaliseSpace(climateHeadline(vm)));
    expect(summary).toContain(t.footprintHeadline);
    expect(parsed.pages[2]).toContain(t.sectionScores);
  });

  it('shows the plan with its columns and every action', () => {
    for (const header of Object.values(t.columns)) expect(parsed.text).toContain(normaliseSpace(header));
    for (const group of vm.actionPlan.groups) {
      for (const item of group.items) expect(parsed.text).toContain(normaliseSpace(item.title));
    }
  });

  it('says what the footprint does not estimate, and quotes every source with its year', () => {
    expect(parsed.text).toContain(t.notEstimated);
    for (const n of vm.footprint.notEstimated) expect(parsed.text).toContain(normaliseSpace(n.subject));
    for (const s of vm.methodology.sources) {
      expect(parsed.text).toContain(normaliseSpace(`${s.label} (${s.year === null ? t.undated : s.year})`));
    }
    for (const m of vm.keyMessages) {
      expect(parsed.text).toContain(normaliseSpace(m.title));
      for (const f of m.figures) expect(parsed.text).toContain(normaliseSpace(`${f.source}, ${f.year}`));
    }
  });

  it('lists every answer with its comment and who gave it', () => {
    for (const section of vm.appendix.sections) {
      for (const a of section.answers) {
        expect(parsed.text).toContain(normaliseSpace(a.questionLabel));
        if (a.comment) expect(parsed.text).toContain(normaliseSpace(a.comment));
        if (a.answeredBy) expect(parsed.text).toContain(a.answeredBy);
      }
    }
  });

  it('numbers every page but the cover and repeats the running header', () => {
    expect(parsed.pages[0]).not.toContain(fillLabel(t.pageOf, { n: 1, total: parsed.pageCount }));
    for (let i = 1; i < parsed.pageCount; i++) {
      expect(parsed.pages[i]).toContain(fillLabel(t.pageOf, { n: i + 1, total: parsed.pageCount }));
      expect(parsed.pages[i]).toContain(`${normaliseSpace(vm.meta.organisationName)} · ${vm.meta.year}`);
    }
  });

  it('keeps every line of text inside the margins', () => {
    expect(parsed.runs.length).toBeGreaterThan(200);
    expect(runsOutsideTheGrid(parsed)).toEqual([]);
  });

  it('embeds its font (Noto Sans) instead of relying on the reader’s', () => {
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect(raw).toContain('/FontFile2');
  });
});

describe('year on year', () => {
  it('is left out of a first assessment', async () => {
    const vm = buildSampleViewModel('fr', { withPrevious: false });
    const pdf = await renderReport(vm);
    keep('report-sample-first-year.pdf', pdf);
    const { text } = await extractPdfText(pdf);
    const t = reportLabels('fr');
    expect(text).not.toContain(t.yearOnYear);
    expect(text).not.toContain(t.trend);
    expect(text).not.toContain('promis et faits');
    expect(text).toContain(t.keyMessages);
  });

  it('shows the trend over every year and the deltas when an earlier assessment exists', async () => {
    const vm = buildSampleViewModel('en');
    const { text } = await extractPdfText(await renderReport(vm));
    const t = reportLabels('en');
    expect(text).toContain(t.yearOnYear);
    expect(text).toContain(t.trend);
    for (const p of vm.yearOnYear!.trend) expect(text).toContain(String(p.year));
    expect(text).toContain(t.statuses.improved);
    expect(text).toContain(t.statuses.regressed);
  });

  it("shows last year's commitments vs done: counts, final statuses and whether the figures moved", async () => {
    const vm = buildSampleViewModel('en');
    const pdf = await renderReport(vm);
    keep('report-sample-commitments.pdf', pdf);
    const { text } = await extractPdfText(pdf);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('2023 commitments: committed vs done');
    expect(flat).toContain('3 commitments made in 2023: 1 done, 1 in progress, 0 not started, 1 dropped; 1 carried into the 2024 plan.');
    expect(flat).toContain('Of the 1 actions done, maturity rose for 1');
    // Laptops kept 3 then 5 years: 185.09 / 3 = 61.7 and 185.09 / 5 = 37.0 kg CO2e per device a year, -40 %;
    // footprint figures are shown with two significant digits: 62 -> 37.
    expect(flat).toMatch(/62 (→|->) 37 kg CO2e \(−40\s?%\)/);
    expect(flat).toContain('as expected');
    expect(flat).toContain('no figure of its own');
    expect(flat).toContain('Reporté');
  });
});

describe('hostile user text', () => {
  it.each<Lang>(['fr', 'en'])(
    'still gives a valid %s PDF: emoji, Arabic, Chinese, 200-character words, 2,000-character comments',
    async (lang) => {
      const vm = buildHostileViewModel(lang);
      expect(vm.meta.organisationName).toHaveLength(300);
      const pdf = await renderReport(vm);
      if (lang === 'fr') keep('report-hostile.pdf', pdf);
      const parsed = await extractPdfText(pdf);
      expect(parsed.pageCount).toBeGreaterThan(5);
      expect(parsed.pages[0]).toContain(normaliseSpace(HOSTILE_LATIN_PART));
      expect(parsed.pages[0]).toContain(String(vm.meta.year));
      // Characters the font lacks are replaced visibly, not dropped.
      expect(parsed.text).toContain('\uFFFD');
      expect(parsed.text).not.toMatch(/[\u0600-\u06FF\u4E00-\u9FFF]/u);
      // The long comment flowed: its tail is in the appendix.
      expect(parsed.text).toContain('override');
      // Long words were wrapped or cut, never drawn past the margin.
      expect(runsOutsideTheGrid(parsed)).toEqual([]);
    },
  );
});

describe('deterministic rendering', () => {
  it('gives byte-identical PDFs for the same view model', async () => {
    const vm = buildSampleViewModel('fr');
    const copy = JSON.parse(JSON.stringify(vm)) as ReportViewModel;
    const [a, b] = await Promise.all([renderReport(vm, { deterministic: true }), renderReport(copy, { deterministic: true })]);
    expect(a.length).toBeGreaterThan(10_000);
    expect(Buffer.compare(a, b)).toBe(0);
    expect(a.toString('latin1')).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
    const { info } = await extractPdfText(a);
    expect(info.CreationDate).toMatch(/^D:20250312101500/);
    expect(info.ModDate).toMatch(/^D:20250312101500/);
    expect(info.Keywords).toBe('template=fresque-numerique@3; catalogue=2; methodology=2025.1; lang=fr');
  });

  it('dates an ordinary render now', async () => {
    const before = Date.now();
    const { info } = await extractPdfText(await renderReport(buildSampleViewModel('en', { withPrevious: false })));
    const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(String(info.CreationDate));
    expect(m).not.toBeNull();
    const created = Date.UTC(+m![1], +m![2] - 1, +m![3], +m![4], +m![5], +m![6]);
    expect(created).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
  });
});
