/**
 * Cover: organisation, year, date, questionnaire and method versions. No running header.
 */
import { fillLabel } from '../report.labels.js';
import type { LayoutFn } from './context.js';
import { drawNotice } from './notices.js';
import { lineAt, linesHeight, measure, newPage, pill, textAt, useFont } from './primitives.js';
import { COLORS, MARGINS, TYPE } from './theme.js';

export const drawCover: LayoutFn = (doc, vm, ctx) => {
  const { t, fmt } = ctx;
  ctx.part = '';
  newPage(doc, 'portrait');
  const W = doc.page.width;
  const H = doc.page.height;
  const left = MARGINS.left;
  const width = W - MARGINS.left - MARGINS.right;
  const bandH = 430;

  // Accent band with a quiet geometric motif (concentric arcs), all vector.
  doc.save().rect(0, 0, W, bandH).fill(COLORS.accentDark).restore();
  doc.save();
  doc.rect(0, 0, W, bandH).clip();
  for (let i = 0; i < 7; i++) {
    doc
      .circle(W - 40, bandH - 10, 70 + i * 38)
      .lineWidth(0.8)
      .strokeOpacity(0.16 - i * 0.015)
      .strokeColor(COLORS.accentPale)
      .stroke();
  }
  doc.restore();
  doc.save().rect(left, 74, 36, 3).fill(COLORS.accentPale).restore();

  lineAt(doc, t.coverKicker.toUpperCase(), left, 88, width, { size: TYPE.tiny, font: 'semibold', color: COLORS.accentPale });

  let y = 136;
  y += textAt(doc, t.reportTitle, left, y, {
    width: width * 0.86,
    font: 'bold',
    size: TYPE.display,
    color: COLORS.white,
    lineGap: 0,
  });
  y += 26;
  lineAt(doc, t.coverPreparedFor.toUpperCase(), left, y, width, { size: TYPE.tiny, font: 'semibold', color: COLORS.accentPale });
  y += 14;
  // The whole name, never cut: the type steps down until it fits above the year.
  const room = bandH - 36 - 64 - 12 - y;
  let orgStyle = { font: 'semibold' as const, size: 20, color: COLORS.white, lineGap: 1 };
  while (orgStyle.size > 9 && measure(doc, vm.meta.organisationName, width * 0.86, orgStyle) > room)
    orgStyle = { ...orgStyle, size: orgStyle.size - 1 };
  y += textAt(doc, vm.meta.organisationName, left, y, { ...orgStyle, width: width * 0.86 });

  // The year, large, at the foot of the band.
  const yearStyle = { font: 'light' as const, size: 64, color: COLORS.white, lineGap: 0 };
  const yearH = linesHeight(doc, 1, yearStyle);
  const yearY = Math.max(y + 12, bandH - 36 - yearH);
  textAt(doc, String(vm.meta.year), left - 3, yearY, { ...yearStyle, width: width / 2 });

  let metaY = bandH + 62;
  if (vm.meta.status === 'draft') {
    pill(doc, t.draft, left, bandH + 18, '#FBE9E7', COLORS.negative, TYPE.small);
  }
  // What the reader must know before the figures: carried-over answers not confirmed, low confidence, not applicable.
  const notices = vm.honesty.notices.map((n) => n.short);
  if (notices.length) {
    const top = bandH + (vm.meta.status === 'draft' ? 46 : 18);
    metaY = top + drawNotice(doc, t.noticesHeading, notices, left, top, width) + 18;
  }

  // Metadata grid: two columns of label / value pairs.
  const items: Array<[string, string]> = [
    [t.coverDate, fmt.date(vm.meta.generatedAt)],
    [t.coverYear, String(vm.meta.year)],
    [t.coverTemplate, fillLabel(t.coverTemplateValue, { title: vm.meta.templateTitle, version: vm.meta.templateVersion })],
    [t.coverMethodology, vm.meta.methodologyVersion],
  ];
  if (vm.meta.catalogueVersion !== null) items.push([t.coverCatalogue, `v${vm.meta.catalogueVersion}`]);
  const colW = (width - 24) / 2;
  let gy = metaY;
  for (let i = 0; i < items.length; i += 2) {
    let rowH = 0;
    for (let k = 0; k < 2 && i + k < items.length; k++) {
      const [label, value] = items[i + k];
      const x = left + k * (colW + 24);
      doc
        .save()
        .moveTo(x, gy)
        .lineTo(x + colW, gy)
        .lineWidth(0.6)
        .strokeColor(COLORS.rule)
        .stroke()
        .restore();
      lineAt(doc, label.toUpperCase(), x, gy + 8, colW, { size: TYPE.tiny, font: 'semibold', color: COLORS.muted });
      const vh = textAt(doc, value, x, gy + 22, { width: colW, size: TYPE.h3, color: COLORS.text });
      rowH = Math.max(rowH, 22 + vh + 14);
    }
    gy += rowH;
  }

  // Foot of the cover.
  const footY = H - MARGINS.bottom - 30;
  doc
    .save()
    .moveTo(left, footY - 10)
    .lineTo(left + width, footY - 10)
    .lineWidth(0.6)
    .strokeColor(COLORS.rule)
    .stroke()
    .restore();
  useFont(doc, 'regular', TYPE.small, COLORS.muted);
  const basedH = measure(doc, t.coverBasedOn, width, { size: TYPE.small });
  textAt(doc, t.coverBasedOn, left, footY, { width, size: TYPE.small, color: COLORS.muted });
  textAt(doc, t.coverConfidential, left, footY + basedH + 2, { width, size: TYPE.small, color: COLORS.muted });
};
