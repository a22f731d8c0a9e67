/**
 * The two-page summary, what a committee reads first.
 *
 * Page 1, where the organisation stands: the notices to read before the figures (unconfirmed
 * carried-over answers, low confidence, what does not apply, draft); the overall score, level,
 * change and confidence; the footprint with its range, per person and what it leaves out, on
 * every criterion.
 * Page 2, what to do: this year's three to five actions with their saving (kg and %), owner,
 * due date and first step; last year's commitments vs done; the next 90 days.
 *
 * Every figure is formatted by figures.js (through ctx.fmt), the function of the web results page.
 * No text is cut: blocks are measured, and move to the next page whole when they do not fit.
 */
import { fillLabel } from '../report.labels.js';
import { FOOTPRINT_CRITERIA } from '../report.view-model.js';
import { scoreRing } from './charts.js';
import type { LayoutContext, LayoutFn } from './context.js';
import { changeColor, labelled, levelColor, levelTextColor } from './helpers.js';
import { drawNotice } from './notices.js';
import { badge, box, bullets, heading, lineAt, measure, newPage, pill, startPart, textAt, type Box } from './primitives.js';
import { drawTable, tableHeight, type Cell, type TableSpec } from './table.js';
import { COLORS, SPACE, TYPE } from './theme.js';
import type { Doc } from './context.js';
import type { ReportViewModel } from '../report.view-model.js';

export const drawExecutiveSummary: LayoutFn = (doc, vm, ctx) => {
  drawWhereYouStand(doc, vm, ctx);
  drawWhatToDo(doc, vm, ctx);
};

/** The notices of the cover and the summary, the draft first. */
export function noticeLines(vm: ReportViewModel, ctx: LayoutContext, short: boolean): string[] {
  const lines = vm.honesty.notices.map((n) => (short ? n.short : n.text));
  return vm.meta.status === 'draft' ? [ctx.t.draftNotice, ...lines] : lines;
}

function drawWhereYouStand(doc: Doc, vm: ReportViewModel, ctx: LayoutContext): void {
  const { t, fmt } = ctx;
  const s = vm.summary;
  startPart(doc, ctx, t.executiveSummary);
  const b = box(doc);
  const intro = fillLabel(t.summaryIntro, { year: vm.meta.year, organisation: vm.meta.organisationName });
  doc.y += textAt(doc, intro, b.left, doc.y, { width: b.width, size: TYPE.body, color: COLORS.muted }) + SPACE.sm;

  const notices = noticeLines(vm, ctx, false);
  if (notices.length) {
    doc.y += drawNotice(doc, t.noticesHeading, notices, b.left, doc.y, b.width) + SPACE.md;
  }

  drawCards(doc, vm, ctx, b);

  // Every criterion: the yearly total with its range, and the change since last year.
  const hasChange = s.previousYear !== null && s.footprint.some((f) => f.changePercent !== null);
  const wCrit = Math.round(b.width * 0.42);
  const wVal = hasChange ? Math.round(b.width * 0.38) : b.width - wCrit;
  const rows = FOOTPRINT_CRITERIA.map((c) => {
    const f = s.footprint.find((x) => x.criterion === c);
    const value = f?.value ?? null;
    const row: Cell[] = [
      t.criteria[c].label,
      value === null
        ? { kind: 'text' as const, text: t.notEstimated, color: COLORS.muted }
        : {
            kind: 'text' as const,
            text: fmt.quantity(value) + ` ${t.criteria[c].unit}` + rangeText(ctx, f?.low ?? null, f?.high ?? null),
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
  heading(doc, t.footprintHeadline, 3, tableHeight(doc, table));
  drawTable(doc, table);
  doc.y -= SPACE.sm;
  // Per person, naming the person, and what the totals leave out: wherever the total appears (the
  // footprint's sentence says "Leaves out: ..." itself).
  const notes = [...(s.perPersonText ? [labelled(ctx, t.perPerson, s.perPersonText)] : []), s.leavesOut];
  bullets(doc, notes, { size: TYPE.small, color: COLORS.text });

  if (s.highlights.length) {
    heading(doc, t.keyFindings, 3, 30);
    bullets(doc, s.highlights, { size: TYPE.small });
  }
}

function rangeText(ctx: LayoutContext, low: number | null, high: number | null): string {
  const spread = low !== null && high !== null ? ctx.fmt.range(low, high) : '';
  return spread ? ` (${spread})` : '';
}

/** Score and climate, side by side; the cards grow with their text. */
function drawCards(doc: Doc, vm: ReportViewModel, ctx: LayoutContext, b: Box): void {
  const { t, fmt } = ctx;
  const s = vm.summary;
  const gap = 14;
  const wA = Math.round(b.width * 0.5);
  const wB = b.width - wA - gap;
  const xA = b.left;
  const xB = b.left + wA + gap;
  const pad = 14;
  const kicker = { size: TYPE.tiny, font: 'semibold' as const, color: COLORS.muted };
  const r = 36;
  const rx = xA + pad + 2 * r + 22;
  const rw = xA + wA - pad - rx;
  const change =
    s.scoreChange !== null && s.previousYear !== null
      ? fillLabel(t.scoreChange, { change: fmt.signedPoints(s.scoreChange), year: s.previousYear })
      : t.noPreviousYear;
  const confidence = labelled(ctx, t.confidence, fmt.ratio(s.confidence));
  const scoreTextH =
    18 +
    measure(doc, s.levelLabel, rw, { font: 'semibold', size: TYPE.h3 }) +
    6 +
    measure(doc, change, rw, { size: TYPE.small, font: 'semibold' }) +
    4 +
    measure(doc, confidence, rw, { size: TYPE.small });
  const climate = s.footprint.find((f) => f.criterion === 'climate');
  const cw = wB - 2 * pad;
  const climateLines: Array<{ text: string; style: { size: number; font?: 'semibold' | 'light'; color?: string } }> = [];
  if (climate && climate.value !== null) {
    climateLines.push({
      text: `${t.criteria.climate.unit} ${t.perYear}${rangeText(ctx, climate.low, climate.high)}`,
      style: { size: TYPE.small, color: COLORS.muted },
    });
    if (climate.changePercent !== null && s.previousYear !== null)
      climateLines.push({
        text: `${fmt.signedPercent(climate.changePercent)} ${fillLabel(t.sinceYear, { year: s.previousYear })}`,
        style: { size: TYPE.small, font: 'semibold', color: changeColor(climate.changePercent, false) },
      });
    if (s.perPersonText) climateLines.push({ text: s.perPersonText, style: { size: TYPE.small } });
  }
  const climateH = 30 + climateLines.reduce((sum, l) => sum + measure(doc, l.text, cw, l.style) + 3, 0);
  const cardH = Math.max(2 * r + 44, 30 + scoreTextH + 14, climateH + 24);
  if (doc.y + cardH > b.bottom) newPage(doc);
  const cardY = doc.y;
  for (const [x, w] of [
    [xA, wA],
    [xB, wB],
  ] as const) {
    doc.save().roundedRect(x, cardY, w, cardH, 6).fill(COLORS.zebra).restore();
    doc.save().roundedRect(x, cardY, w, cardH, 6).lineWidth(0.6).strokeColor(COLORS.rule).stroke().restore();
  }

  lineAt(doc, t.overallScore.toUpperCase(), xA + pad, cardY + 12, wA - 2 * pad, kicker);
  const cx = xA + pad + r + 2;
  const cy = cardY + 30 + r;
  scoreRing(doc, cx, cy, r, s.score, levelColor(s.level), 9);
  lineAt(doc, fmt.score(s.score), cx - r, cy - 16, 2 * r, { font: 'bold', size: 24, align: 'center', color: COLORS.text });
  lineAt(doc, t.outOf100, cx - r, cy + 12, 2 * r, { size: TYPE.tiny, align: 'center', color: COLORS.muted });
  let ry = cardY + 30;
  pill(doc, fillLabel(t.level, { level: s.level }), rx, ry, levelTextColor(s.level), COLORS.white, TYPE.tiny);
  ry += 18;
  ry += textAt(doc, s.levelLabel, rx, ry, { width: rw, font: 'semibold', size: TYPE.h3 }) + 6;
  ry +=
    textAt(doc, change, rx, ry, {
      width: rw,
      size: TYPE.small,
      font: 'semibold',
      color: s.scoreChange === null ? COLORS.muted : changeColor(s.scoreChange, true),
    }) + 4;
  textAt(doc, confidence, rx, ry, { width: rw, size: TYPE.small });

  lineAt(doc, t.climateYearly.toUpperCase(), xB + pad, cardY + 12, cw, kicker);
  let yB = cardY + 28;
  if (climate && climate.value !== null) {
    yB += textAt(doc, fmt.quantity(climate.value), xB + pad, yB, { width: cw, font: 'light', size: 26, lineGap: 0 });
    for (const l of climateLines) yB += textAt(doc, l.text, xB + pad, yB, { width: cw, ...l.style }) + 3;
  } else {
    textAt(doc, t.notEstimated, xB + pad, yB, { width: cw, font: 'light', size: 18, color: COLORS.muted });
  }
  doc.y = cardY + cardH + SPACE.sm;
}

function drawWhatToDo(doc: Doc, vm: ReportViewModel, ctx: LayoutContext): void {
  const { t } = ctx;
  const s = vm.summary;
  newPage(doc);
  const b = box(doc);
  heading(doc, s.thisYearGroup === 'this_year' ? t.thisYearHeading : t.firstActionsHeading, 2, 80);
  doc.y += textAt(doc, t.thisYearIntro, b.left, doc.y, { width: b.width, size: TYPE.tiny, color: COLORS.muted }) + SPACE.xs;
  if (s.thisYear.length === 0) {
    doc.y += textAt(doc, t.noPriorities, b.left, doc.y, { width: b.width, color: COLORS.muted }) + SPACE.sm;
  }
  const tx = b.left + 28;
  const tw = b.width - 28;
  for (const a of s.thisYear) {
    const saving = a.saving
      ? `${a.saving.kgText} ${t.criteria.climate.unit} ${t.perYear}${a.saving.rangeText ? ` (${a.saving.rangeText})` : ''}` +
        (a.saving.shareText ? ` · ${a.saving.shareText} ${t.ofClimateFootprint}` : '')
      : t.notQuantified;
    const owner = a.owner.source === 'suggested' ? `${a.owner.name} (${t.suggested})` : a.owner.name;
    const lines: Array<{ text: string; font?: 'semibold'; size: number; color?: string }> = [
      { text: a.kindLabel ? `${a.title} · ${a.kindLabel}` : a.title, font: 'semibold', size: TYPE.body },
      {
        text: labelled(ctx, t.expectedSaving, saving),
        size: TYPE.small,
        font: a.saving ? 'semibold' : undefined,
        color: a.saving ? COLORS.accentDark : COLORS.muted,
      },
      {
        text: [
          labelled(ctx, t.owner, owner),
          labelled(ctx, t.due, a.due ?? t.notCommitted),
          labelled(ctx, t.columns.effort, a.effortLabel),
        ].join(' · '),
        size: TYPE.small,
      },
      ...(a.firstStep ? [{ text: labelled(ctx, t.firstStep, a.firstStep), size: TYPE.small }] : []),
    ];
    const h = lines.reduce((sum, l) => sum + measure(doc, l.text, tw, { size: l.size, font: l.font }) + 1, 0) + SPACE.xs + 2;
    if (doc.y + h > b.bottom) newPage(doc);
    const y = doc.y;
    badge(doc, String(a.rank), b.left + 10, y + 9, 9.5, COLORS.accentDark);
    let cy = y;
    for (const l of lines)
      cy += textAt(doc, l.text, tx, cy, { width: tw, size: l.size, font: l.font ?? 'regular', color: l.color ?? COLORS.text }) + 1;
    doc.y = cy + SPACE.xs + 2;
  }

  const c = vm.commitments;
  if (c) {
    // The counts here; action by action in the annex.
    const lines = [c.intro, ...(c.moved ? [c.moved] : [])];
    heading(doc, c.title, 3, 40);
    for (const l of lines) doc.y += textAt(doc, l, b.left, doc.y, { width: b.width, size: TYPE.small }) + 2;
    doc.y += SPACE.xs;
  }

  // The next 90 days: three columns when they fit side by side, else one after the other.
  const periods = s.ninetyDays.filter((p) => p.items.length > 0);
  if (periods.length) {
    const gap = 12;
    const colW = (b.width - gap * (periods.length - 1)) / periods.length;
    const size = TYPE.small - 0.5;
    const colH = (items: readonly string[]) => items.reduce((sum, i) => sum + measure(doc, `• ${i}`, colW, { size, lineGap: 1 }) + 2, 0);
    const labelH = measure(doc, 'Ag', colW, { font: 'semibold', size: TYPE.small }) + 6;
    const height = labelH + Math.max(...periods.map((p) => colH(p.items)));
    heading(doc, t.ninetyDays, 3, Math.min(height, b.height / 2));
    if (doc.y + height > b.bottom && height < b.height / 2) newPage(doc);
    if (doc.y + height <= b.bottom) {
      const y = doc.y;
      periods.forEach((p, i) => {
        const x = b.left + i * (colW + gap);
        doc.save().rect(x, y, colW, 2).fill(COLORS.accentDark).restore();
        let cy = y + 5;
        cy += textAt(doc, p.label, x, cy, { width: colW, font: 'semibold', size: TYPE.small }) + 3;
        for (const item of p.items) cy += textAt(doc, `• ${item}`, x, cy, { width: colW, size, lineGap: 1 }) + 2;
      });
      doc.y = y + height + SPACE.sm;
    } else {
      for (const p of periods) {
        heading(doc, p.label, 3, 30);
        bullets(doc, p.items, { size: TYPE.small });
      }
    }
  }
}
