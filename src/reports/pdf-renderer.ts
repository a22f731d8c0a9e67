/**
 * Renders a report view model to a PDF (pdfkit). Pure CPU work: call it from a worker
 * thread (report-worker-pool.ts) in the service; directly in tools and tests.
 *
 * Only this file and layout/* import pdfkit.
 */
import PDFDocument from 'pdfkit';
import { drawActionDetails } from './layout/action-details.js';
import { drawAppendix } from './layout/appendix.js';
import { drawCommitments } from './layout/commitments.js';
import type { LayoutContext, LayoutFn } from './layout/context.js';
import { drawCover } from './layout/cover.js';
import { drawExecutiveSummary } from './layout/executive-summary.js';
import { drawFootprint } from './layout/footprint.js';
import { drawKeyMessages } from './layout/key-messages.js';
import { drawMethodology } from './layout/methodology.js';
import { drawPageChrome } from './layout/page-chrome.js';
import { drawPlanPage } from './layout/plan-page.js';
import { drawSectionScores } from './layout/section-scores.js';
import { MARGINS, PAGE_SIZE } from './layout/theme.js';
import { drawYearOnYear } from './layout/year-on-year.js';
import { FONT_NAMES, loadParsedReportFonts, type FontKey } from './report-fonts.js';
import { createFormatter } from './report-format.js';
import { reportLabels } from './report.labels.js';
import type { ReportViewModel } from './report.view-model.js';
import { intersectCoverage, sanitizeDeep, type GlyphCoverage } from './sanitize.js';

export interface RenderOptions {
  /**
   * Same view model, same bytes: the PDF dates are `meta.generatedAt` instead of now,
   * and the document ID (an MD5 of the document info) follows from them.
   */
  deterministic?: boolean;
}

/** The parts of the report, in order. The year-on-year and commitments parts draw nothing without previous data. */
export const REPORT_PARTS: readonly LayoutFn[] = [
  // The main body: at most 8 pages.
  drawCover,
  drawExecutiveSummary,
  drawPlanPage,
  // The annexes, lettered A, B, C...
  drawActionDetails,
  drawSectionScores,
  drawFootprint,
  drawYearOnYear,
  drawCommitments,
  drawKeyMessages,
  drawMethodology,
  drawAppendix,
];

/** Fallback PDF date when `generatedAt` is not a valid date in a deterministic render. */
const FIXED_EPOCH = new Date(Date.UTC(2000, 0, 1));

function pdfDate(vm: ReportViewModel, deterministic: boolean): Date {
  if (!deterministic) return new Date();
  const d = new Date(vm.meta.generatedAt);
  return Number.isNaN(d.getTime()) ? FIXED_EPOCH : d;
}

/** The fontkit font behind a registered pdfkit font, as a glyph coverage. */
function coverageOf(doc: PDFKit.PDFDocument, name: string): GlyphCoverage {
  doc.font(name);
  const font = (doc as unknown as { _font?: { font?: Partial<GlyphCoverage> } })._font?.font;
  if (!font || typeof font.hasGlyphForCodePoint !== 'function') {
    throw new Error(`Font ${name} exposes no glyph coverage`);
  }
  return font as GlyphCoverage;
}

export async function renderReport(vm: ReportViewModel, opts: RenderOptions = {}): Promise<Buffer> {
  const deterministic = opts.deterministic ?? false;
  const date = pdfDate(vm, deterministic);
  const t = reportLabels(vm.meta.lang);
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    size: PAGE_SIZE,
    margins: { ...MARGINS },
    pdfVersion: '1.7',
    lang: vm.meta.lang,
    displayTitle: true,
    info: {
      Title: `${t.reportTitle} · ${Array.from(vm.meta.organisationName).slice(0, 200).join('')} · ${vm.meta.year}`,
      Subject: `${vm.meta.templateTitle} (${vm.meta.templateId} v${vm.meta.templateVersion})`,
      // The versions the report was produced with (STYLE.md point 11).
      Keywords: [
        `template=${vm.meta.templateId}@${vm.meta.templateVersion}`,
        `catalogue=${vm.meta.catalogueVersion ?? 'none'}`,
        `methodology=${vm.meta.methodologyVersion}`,
        `lang=${vm.meta.lang}`,
      ].join('; '),
      Creator: 'fresque-impact',
      CreationDate: date,
      ModDate: date,
    },
  });

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const fonts = loadParsedReportFonts();
  for (const key of Object.keys(FONT_NAMES) as FontKey[]) doc.registerFont(FONT_NAMES[key], fonts[key] as never);
  const coverage = intersectCoverage((Object.keys(FONT_NAMES) as FontKey[]).map((k) => coverageOf(doc, FONT_NAMES[k])));
  // Every string of the view model, user-typed or not, made drawable with these fonts.
  const safe = sanitizeDeep(vm, coverage);

  const ctx: LayoutContext = { lang: safe.meta.lang, t, fmt: createFormatter(safe.meta.lang), part: '', pageTitles: [], annexes: 0 };
  doc.on('pageAdded', () => ctx.pageTitles.push(ctx.part));

  try {
    for (const draw of REPORT_PARTS) draw(doc, safe, ctx);
    drawPageChrome(doc, safe, ctx);
  } catch (err) {
    doc.end();
    await done.catch(() => undefined);
    throw err;
  }
  doc.end();
  return done;
}
