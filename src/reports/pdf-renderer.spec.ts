import mammoth from 'mammoth';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../questionnaires/template.types.js';
import {
  compact,
  extractPdfText,
  firstAnnexPage,
  normaliseSpace,
  runsOutsideTheContentArea,
  type PdfText,
} from '../../test/fixtures/reports/pdf-text.js';
import { HOSTILE_LATIN_PART, sampleInput } from '../../test/fixtures/reports/report-input.js';
import * as figures from '../web/assets/figures.js';
import { renderDocx } from './docx-renderer.js';
import { cutTexts } from './layout/primitives.js';
import { renderReport } from './pdf-renderer.js';
import { fillLabel, reportLabels } from './report.labels.js';
import { buildReportViewModel } from './report.loader.js';
import type { ReportViewModel } from './report.view-model.js';

/** Set REPORT_SAMPLE_DIR=/tmp to keep the rendered files and look at them. */
const sampleDir = process.env.REPORT_SAMPLE_DIR;

function keep(name: string, file: Buffer): void {
  if (!sampleDir) return;
  mkdirSync(sampleDir, { recursive: true });
  writeFileSync(join(sampleDir, name), file);
}

function indexesInOrder(text: string, needles: readonly string[]): number[] {
  let from = 0;
  return needles.map((n) => {
    const i = text.indexOf(compact(n), from);
    if (i >= 0) from = i + 1;
    return i;
  });
}

/** Texts the layout had to cut (the running header's repetition of the name aside), during `render`. */
async function cutsDuring<T>(render: () => Promise<T>): Promise<[T, string[]]> {
  cutTexts.length = 0;
  const out = await render();
  return [out, cutTexts.splice(0)];
}

describe.each<Lang>(['fr', 'en'])('an IT manager downloads the %s report', (lang) => {
  const t = reportLabels(lang);
  let vm: ReportViewModel;
  let pdf: Buffer;
  let parsed: PdfText;
  let cuts: string[];

  beforeAll(async () => {
    vm = buildReportViewModel(await sampleInput(lang, { carried: 12 }));
    [pdf, cuts] = await cutsDuring(() => renderReport(vm));
    keep(`report-${lang}.pdf`, pdf);
    parsed = await extractPdfText(pdf);
  });

  it('keeps the main body, before the annexes, to at most 8 pages: cover, two-page summary, the plan on one page', () => {
    const annex = firstAnnexPage(parsed, lang);
    expect(annex).toBeGreaterThan(1);
    expect(annex - 1).toBeLessThanOrEqual(8);
    expect(annex - 1).toBe(4); // the cover, the summary (2 pages), the plan (1 page)
    expect(parsed.pages[1]).toContain(t.executiveSummary);
    expect(parsed.pages[3]).toContain(t.planPage);
  });

  it('summary: score, change, confidence, footprint with range, per person and what it leaves out, rounded by figures.js', () => {
    const p1 = compact(parsed.pages[1]);
    const s = vm.summary;
    expect(p1).toContain(compact(figures.score(s.score, lang)));
    expect(p1).toContain(compact(fillLabel(t.scoreChange, { change: figures.signedPoints(s.scoreChange!, lang), year: 2025 })));
    expect(p1).toContain(compact(figures.percent(s.confidence, lang)));
    const climate = s.footprint.find((f) => f.criterion === 'climate')!;
    expect(p1).toContain(compact(figures.significant(climate.value!, lang)));
    expect(p1).toContain(compact(figures.range(climate.low, climate.high, lang)));
    expect(p1).toContain(compact(s.perPersonText!));
    expect(p1).toContain(compact(s.leavesOut));
    // With no label before the sentence's own ("Left out: Leaves out: ..." once).
    for (const label of ['Left out', 'Hors périmètre']) expect(p1).not.toContain(compact(`${label}: ${s.leavesOut}`));
    // The notice: 12 carried-over answers not confirmed, and where.
    expect(p1).toContain(compact(vm.honesty.notices.find((n) => n.kind === 'unconfirmed')!.text));
    expect(compact(parsed.pages[0])).toContain(compact(vm.honesty.notices.find((n) => n.kind === 'unconfirmed')!.short));
  });

  it("summary, second page: this year's actions in rank order with saving (kg, %), owner and first step; last year's plan; 90 days", () => {
    const p2 = compact(parsed.pages[2]);
    const actions = vm.summary.thisYear;
    expect(actions.length).toBeGreaterThanOrEqual(3);
    expect(actions.length).toBeLessThanOrEqual(5);
    const positions = indexesInOrder(
      p2,
      actions.map((a) => a.title),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    const quantified = actions.filter((a) => a.saving);
    expect(quantified.length).toBeGreaterThan(0);
    for (const a of quantified) {
      expect(p2).toContain(compact(a.saving!.kgText));
      expect(p2).toContain(compact(a.saving!.shareText!));
    }
    for (const a of actions) {
      expect(p2).toContain(compact(a.owner.name));
      if (a.firstStep) expect(p2).toContain(compact(a.firstStep));
    }
    // Adopted actions name their owner and due date.
    expect(p2).toContain(compact('dsi@pays-basque.example'));
    expect(p2).toContain(compact(lang === 'fr' ? 'T2 2027' : 'Q2 2027'));
    expect(p2).toContain(compact(vm.commitments!.intro));
    expect(p2).toContain(compact(t.ninetyDays));
  });

  it('the plan page: one row per action, ranks 1, 2, 3... in plan order, this year first', () => {
    const plan = compact(parsed.pages[3]);
    const items = vm.actionPlan.groups.flatMap((g) => g.items);
    expect(items.map((i) => i.rank)).toEqual(items.map((_, i) => i + 1));
    expect(items.slice(0, vm.actionPlan.groups[0].items.length).every((i) => i.group === 'this_year')).toBe(true);
    const positions = indexesInOrder(
      plan,
      items.map((i) => i.title),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
  });

  it('draws every text run inside the content area, and cuts none', () => {
    expect(parsed.runs.length).toBeGreaterThan(300);
    expect(runsOutsideTheContentArea(parsed)).toEqual([]);
    expect(cuts).toEqual([]);
  });

  it('keeps the annexes: action details, scores, footprint, year on year, key messages, methodology, answers flagged', () => {
    const text = compact(parsed.text);
    for (const h of [t.actionDetails, t.sectionScores, t.footprint, t.yearOnYear, t.keyMessages, t.methodology, t.appendix]) {
      expect(text).toContain(compact(h));
    }
    for (const s of vm.methodology.sources) expect(text).toContain(compact(`${s.label} (${s.year === null ? t.undated : s.year})`));
    expect(text).toContain(compact(`[${t.unconfirmedAnswer}]`));
    for (const e of vm.footprint.scope.notEstimated) expect(text).toContain(compact(e.label));
  });

  it('gives the same report as an editable DOCX: Word headings, tables, charts as images', async () => {
    const docx = await renderDocx(vm);
    keep(`report-${lang}.docx`, docx);
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect((html.match(/<h1>/g) ?? []).length).toBeGreaterThanOrEqual(8);
    expect(html).toContain(`<h1>${t.executiveSummary}</h1>`);
    expect((html.match(/<table>/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect((html.match(/<img /g) ?? []).length).toBe(2);
    const text = normaliseSpace(html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&'));
    expect(text).toContain(normaliseSpace(vm.summary.leavesOut));
    for (const a of vm.summary.thisYear) expect(text).toContain(normaliseSpace(a.title));
  });
});

describe('honesty marks', () => {
  it('no unconfirmed-answers notice when every carried-over answer was confirmed', async () => {
    const vm = buildReportViewModel(await sampleInput('en', { carried: 0 }));
    expect(vm.honesty.notices.map((n) => n.kind)).not.toContain('unconfirmed');
    const parsed = await extractPdfText(await renderReport(vm));
    expect(parsed.text).not.toContain('not confirmed');
  });

  it('a first year: no year on year, no last-year block', async () => {
    const vm = buildReportViewModel(await sampleInput('fr', { previous: false, commitments: false }));
    const parsed = await extractPdfText(await renderReport(vm));
    expect(compact(parsed.text)).not.toContain(compact(reportLabels('fr').yearOnYear));
    expect(compact(parsed.pages[1])).toContain(compact(reportLabels('fr').noPreviousYear));
  });
});

describe('hostile user text', () => {
  it.each<Lang>(['fr', 'en'])('still gives a valid %s PDF and DOCX, nothing outside its box and nothing cut', async (lang) => {
    const vm = buildReportViewModel(await sampleInput(lang, { hostile: true, carried: 40 }));
    expect(vm.meta.organisationName).toHaveLength(300);
    const [pdf, cuts] = await cutsDuring(() => renderReport(vm));
    if (lang === 'fr') keep('report-hostile.pdf', pdf);
    const parsed = await extractPdfText(pdf);
    expect(compact(parsed.pages[0])).toContain(compact(HOSTILE_LATIN_PART));
    expect(parsed.text).toContain('\uFFFD');
    expect(runsOutsideTheContentArea(parsed)).toEqual([]);
    expect(cuts).toEqual([]);
    expect(firstAnnexPage(parsed, lang) - 1).toBeLessThanOrEqual(8);
    const docx = await renderDocx(vm);
    const { value } = await mammoth.extractRawText({ buffer: docx });
    expect(value).toContain('Supercalifragilistique');
  });
});

describe('deterministic rendering', () => {
  it('gives byte-identical PDFs for the same view model', async () => {
    const vm = buildReportViewModel(await sampleInput('fr'));
    const copy = JSON.parse(JSON.stringify(vm)) as ReportViewModel;
    const [a, b] = await Promise.all([renderReport(vm, { deterministic: true }), renderReport(copy, { deterministic: true })]);
    expect(Buffer.compare(a, b)).toBe(0);
    const { info } = await extractPdfText(a);
    expect(info.CreationDate).toMatch(/^D:20261129101500/);
  });
});
