/**
 * Executive summary, on one page: overall score and level, confidence, change since
 * last year, climate headline, key findings, top five priorities, multi-criteria footprint.
 */
import { fillLabel } from '../report.labels.js';
import { FOOTPRINT_CRITERIA } from '../report.view-model.js';
import { scoreRing } from './charts.js';
import type { LayoutFn } from './context.js';
import { changeColor, labelled, levelColor, levelTextColor } from './helpers.js';
import { badge, box, bullets, heading, lineAt, linesHeight, measure, pill, startPart, textAt } from './primitives.js';
import { drawTable, tableHeight, type Cell, type TableSpec } from './table.js';
import { COLORS, SPACE, TYPE } from './theme.js';

export const drawExecutiveSummary: LayoutFn = (doc, vm, ctx) => {
  const { t, fmt } = ctx;
  const s = vm.summary;
  startPart(doc, ctx, t.executiveSummary);
  const b = box(doc);

  const intro = fillLabel(t.summaryIntro, { year: vm.meta.year, organisation: vm.meta.organisationName });
  doc.y += textAt(doc, intro, b.left, doc.y, { width: b.width, size: TYPE.body, color: COLORS.muted, maxLines: 2 }) + SPACE.md;

  // Two cards: score, climate.
  const cardY = doc.y;
  const cardH = 132;
  const gap = 14;
  const wA = Math.round(b.width * 0.56);
  const wB = b.width - wA - gap;
  const xA = b.left;
  const xB = b.left + wA + gap;
  for (const [x, w] of [
    [xA, wA],
    [xB, wB],
  ] as const) {
    doc.save().roundedRect(x, cardY, w, cardH, 6).fill(COLORS.zebra).restore();
  }
  const kicker = { size: TYPE.tiny, font: 'semibold' as const, color: COLORS.muted };

  // Score card
  lineAt(doc, t.overallScore.toUpperCase(), xA + 16, cardY + 14, wA - 32, kicker);
  const r = 38;
  const cx = xA + 16 + r + 4;
  const cy = cardY + 28 + r + 8;
  scoreRing(doc, cx, cy, r, s.score, levelColor(s.level), 9);
  lineAt(doc, fmt.score(s.score), cx - r, cy - 17, 2 * r, { font: 'bold', size: 24, align: 'center', color: COLORS.text });
  lineAt(doc, t.outOf100, cx - r, cy + 13, 2 * r, { size: TYPE.tiny, align: 'center', color: COLORS.muted });

  const rx = cx + r + 22;
  const rw = xA + wA - 16 - rx;
  let ry = cardY + 32;
  pill(doc, fillLabel(t.level, { level: s.level }), rx, ry, levelTextColor(s.level), COLORS.white, TYPE.tiny);
  ry += 18;
  ry += textAt(doc, s.levelLabel, rx, ry, { width: rw, font: 'semibold', size: TYPE.h3, maxLines: 1 }) + 8;
  lineAt(doc, t.confidence, rx, ry, rw, { size: TYPE.tiny, color: COLORS.muted });
  ry += 11;
  const meterW = Math.min(90, rw - 36);
  doc
    .save()
    .roundedRect(rx, ry + 2, meterW, 5, 2.5)
    .fill(COLORS.track)
    .restore();
  const conf = Math.max(0, Math.min(1, s.confidence));
  if (conf > 0)
    doc
      .save()
      .roundedRect(rx, ry + 2, Math.max(5, meterW * conf), 5, 2.5)
      .fill(COLORS.accent)
      .restore();
  lineAt(doc, fmt.ratio(s.confidence), rx + meterW + 6, ry - 1, rw - meterW - 6, { size: TYPE.small, font: 'semibold' });
  ry += 16;
  if (s.scoreChange !== null && s.previousYear !== null) {
    const delta = s.scoreChange;
    const text = `${fmt.signedPoints(delta)} pts ${fillLabel(t.sinceYear, { year: s.previousYear })}`;
    lineAt(doc, text, rx, ry, rw, { size: TYPE.small, font: 'semibold', color: changeColor(delta, true) });
  } else {
    textAt(doc, t.noPreviousYear, rx, ry, { width: rw, size: TYPE.tiny, color: COLORS.muted, maxLines: 2 });
  }

  // Climate card
  const climate = s.footprint.find((f) => f.criterion === 'climate');
  const totals = vm.footprint.totals.climate;
  const unit = t.criteria.climate.unit;
  lineAt(doc, t.climateYearly.toUpperCase(), xB + 16, cardY + 14, wB - 32, kicker);
  let cyB = cardY + 34;
  if (climate && climate.value !== null) {
    cyB += textAt(doc, fmt.quantity(climate.value), xB + 16, cyB, { width: wB - 32, font: 'light', size: 28, lineGap: 0, maxLines: 1 });
    const spread = climate.low !== null && climate.high !== null ? fmt.range(climate.low, climate.high) : '';
    lineAt(doc, `${unit} ${t.perYear}`, xB + 16, cyB, wB - 32, { size: TYPE.small, color: COLORS.muted });
    cyB += 12;
    if (spread) lineAt(doc, `${t.range} ${spread}`, xB + 16, cyB, wB - 32, { size: TYPE.tiny, color: COLORS.muted });
    cyB += 12;
    if (climate.changePercent !== null && s.previousYear !== null) {
      lineAt(
        doc,
        `${fmt.signedPercent(climate.changePercent)} ${fillLabel(t.sinceYear, { year: s.previousYear })}`,
        xB + 16,
        cyB,
        wB - 32,
        {
          size: TYPE.small,
          font: 'semibold',
          color: changeColor(climate.changePercent, false),
        },
      );
    }
    cyB += 14;
    if (totals.embodied !== null && totals.use !== null && totals.embodied + totals.use > 0) {
      const bw = wB - 32;
      const e = (bw * totals.embodied) / (totals.embodied + totals.use);
      doc
        .save()
        .rect(xB + 16, cyB, e, 6)
        .fill(COLORS.embodied)
        .restore();
      doc
        .save()
        .rect(xB + 16 + e, cyB, bw - e, 6)
        .fill(COLORS.use)
        .restore();
      cyB += 10;
      const half = (wB - 32) / 2;
      lineAt(doc, `${t.embodied} ${fmt.quantity(totals.embodied)}`, xB + 16, cyB, half, { size: TYPE.tiny, color: COLORS.muted });
      lineAt(doc, `${t.use} ${fmt.quantity(totals.use)}`, xB + 16 + half, cyB, half, {
        size: TYPE.tiny,
        color: COLORS.muted,
        align: 'right',
      });
    }
  } else {
    textAt(doc, t.notEstimated, xB + 16, cyB, { width: wB - 32, font: 'light', size: 20, color: COLORS.muted, maxLines: 1 });
  }
  doc.y = cardY + cardH + SPACE.sm;

  // Footprint headline table, built first: the page budget depends on its height.
  const hasChange = s.previousYear !== null && s.footprint.some((f) => f.changePercent !== null);
  const wCrit = Math.round(b.width * 0.48);
  const wVal = hasChange ? Math.round(b.width * 0.3) : b.width - wCrit;
  const rows = FOOTPRINT_CRITERIA.map((c) => {
    const f = s.footprint.find((x) => x.criterion === c);
    const value = f?.value ?? null;
    const spread = f && f.low !== null && f.high !== null ? fmt.range(f.low, f.high) : '';
    const row: Cell[] = [
      t.criteria[c].label,
      value === null
        ? { kind: 'text' as const, text: t.notEstimated, color: COLORS.muted }
        : {
            kind: 'text' as const,
            text: `${fmt.quantity(value)} ${t.criteria[c].unit}${spread ? ` (${spread})` : ''}`,
            font: 'semibold' as const,
          },
    ];
    if (hasChange) {
      const pct = f?.changePercent ?? null;
      row.push(
        pct === null
          ? { kind: 'text' as const, text: '—', color: COLORS.muted }
          : { kind: 'text' as const, text: fmt.signedPercent(pct), color: changeColor(pct, false), font: 'semibold' as const },
      );
    }
    return row;
  });
  const columns = [
    { header: t.criterion, width: wCrit },
    { header: t.valuePerYear, width: wVal, align: 'right' as const },
  ];
  if (hasChange)
    columns.push({
      header: `${t.changeVsPrevious} ${fillLabel(t.sinceYear, { year: s.previousYear ?? '' })}`,
      width: b.width - wCrit - wVal,
      align: 'right',
    });
  const table: TableSpec = { columns, rows, fontSize: TYPE.small };
  // Under the table: per person (naming the person) and what the totals leave out.
  const fpVm = vm.footprint;
  const pp = fpVm.perPerson?.values.climate ?? null;
  const ppRange = pp ? fmt.range(pp.low, pp.high) : '';
  const perPerson =
    fpVm.perPerson && pp
      ? `${fmt.quantity(pp.value)} ${t.criteria.climate.unit}${ppRange ? ` (${ppRange})` : ''} ${fpVm.perPerson.label}.`
      : '';
  const footnote = [perPerson, fpVm.leavesOut].filter((x) => x.length > 0).join(' ');
  const footnoteH = measure(doc, footnote, b.width, { size: TYPE.tiny }) + SPACE.xs;

  // One page: key findings give way first when the rest would not fit.
  const headingH = linesHeight(doc, 1, { font: 'semibold', size: TYPE.h3 }) + SPACE.sm + SPACE.xs;
  const priorities = s.topPriorities.slice(0, 5);
  const priorityRowH = linesHeight(doc, 1, { font: 'semibold', size: TYPE.body }) + linesHeight(doc, 1, { size: TYPE.small }) + 9;
  const fixedH = headingH + Math.max(1, priorities.length) * priorityRowH + headingH + tableHeight(doc, table) + footnoteH;
  const bulletsH = (items: readonly string[]) =>
    items.reduce((sum, h) => sum + measure(doc, h, b.width - TYPE.body * 1.1, { size: TYPE.body }) + 2, 0) + SPACE.xs;
  let highlights = s.highlights.slice(0, 3);
  while (highlights.length > 0 && doc.y + headingH + bulletsH(highlights) + fixedH > b.bottom) highlights = highlights.slice(0, -1);

  if (highlights.length > 0) {
    heading(doc, t.keyFindings, 3, 30);
    bullets(doc, highlights, { size: TYPE.body });
  }

  heading(doc, t.topPriorities, 3, 40);
  if (priorities.length === 0) {
    doc.y += textAt(doc, t.noPriorities, b.left, doc.y, { width: b.width, color: COLORS.muted, maxLines: 2 }) + SPACE.sm;
  }
  for (const p of priorities) {
    const y = doc.y + 2;
    badge(doc, String(p.rank), b.left + 10, y + 9, 9.5, COLORS.accent);
    const tx = b.left + 28;
    const tw = b.width - 28;
    const th = textAt(doc, p.title, tx, y, { width: tw, font: 'semibold', size: TYPE.body, maxLines: 1 });
    const meta = [t.groups[p.group].title, labelled(ctx, t.columns.effort, p.effortLabel), p.expectedSavingText]
      .filter((x): x is string => !!x)
      .join('  ·  ');
    const mh = textAt(doc, meta, tx, y + th + 1, { width: tw, size: TYPE.small, color: COLORS.muted, maxLines: 1 });
    doc.y = y + Math.max(20, th + mh + 1) + 6;
  }

  heading(doc, t.footprintHeadline, 3, tableHeight(doc, table) + footnoteH);
  drawTable(doc, table);
  if (footnote) {
    doc.y += SPACE.xs;
    doc.y += textAt(doc, footnote, b.left, doc.y, { width: b.width, size: TYPE.tiny, color: COLORS.muted });
  }
};
