/**
 * Running header (organisation · year, and the part title) and footer (report title,
 * questionnaire version, page x of n) on every page but the cover. Drawn once all
 * pages exist (buffered pages), so that the total page count is known.
 */
import { fillLabel } from '../report.labels.js';
import type { Doc, LayoutFn } from './context.js';
import { lineAt, useFont } from './primitives.js';
import { COLORS, FOOTER_OFFSET, HEADER_Y, MARGINS, TYPE } from './theme.js';

export const drawPageChrome: LayoutFn = (doc, vm, ctx) => {
  const { t } = ctx;
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + range.count; i++) {
    if (i === 0) continue; // the cover
    doc.switchToPage(i);
    const page = doc.page;
    // Writing in the margins must not make pdfkit open a new page.
    const savedMargins = { ...page.margins };
    page.margins = { top: 0, bottom: 0, left: savedMargins.left, right: savedMargins.right };
    const left = MARGINS.left;
    const width = page.width - MARGINS.left - MARGINS.right;
    const style = { size: TYPE.tiny, color: COLORS.muted, allowCut: true };

    const title = ctx.pageTitles[i] ?? '';
    const titleW = title ? Math.min(width * 0.45, lineWidth(doc, title)) : 0;
    const orgLine = `${vm.meta.organisationName} · ${vm.meta.year}`;
    lineAt(doc, orgLine, left, HEADER_Y, width - titleW - 24, { ...style, font: 'semibold', color: COLORS.accentDark });
    if (title) lineAt(doc, title, left + width - titleW, HEADER_Y, titleW, { ...style, align: 'right' });
    doc
      .save()
      .moveTo(left, HEADER_Y + 14)
      .lineTo(left + width, HEADER_Y + 14)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke()
      .restore();

    const fy = page.height - FOOTER_OFFSET;
    const pageLabel = fillLabel(t.pageOf, { n: i + 1, total });
    const pageW = lineWidth(doc, pageLabel) + 2;
    const footLeft = `${t.reportTitle} · ${vm.meta.templateId} v${vm.meta.templateVersion}`;
    lineAt(doc, footLeft, left, fy, width - pageW - 24, style);
    lineAt(doc, pageLabel, left + width - pageW, fy, pageW, { ...style, align: 'right' });

    page.margins = savedMargins;
  }
};

function lineWidth(doc: Doc, text: string): number {
  return useFont(doc, 'regular', TYPE.tiny).widthOfString(text) + 1;
}
