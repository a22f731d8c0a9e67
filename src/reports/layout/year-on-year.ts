/**
 * Year on year, drawn only when an earlier assessment exists: trend over all years,
 * deltas per section, per action and per footprint criterion.
 */
import { fillLabel } from '../report.labels.js';
import { yearBars } from './charts.js';
import type { LayoutFn } from './context.js';
import { changeColor } from './helpers.js';
import { box, bullets, ensureSpace, flow, heading, annexTitle, startPart } from './primitives.js';
import { columnsFor, drawTable, tableStartHeight, type Cell, type TableSpec } from './table.js';
import { COLORS, SPACE, TYPE } from './theme.js';

const DASH: Cell = { kind: 'text', text: '—', color: COLORS.faint };

export const drawYearOnYear: LayoutFn = (doc, vm, ctx) => {
  const yoy = vm.yearOnYear;
  if (!yoy) return;
  const { t, fmt } = ctx;
  startPart(doc, ctx, annexTitle(ctx, t.yearOnYear));
  const b = box(doc);
  flow(doc, fillLabel(t.yearOnYearIntro, { year: vm.meta.year, previous: yoy.previousYear }), {
    size: TYPE.body,
    color: COLORS.muted,
    gapAfter: SPACE.sm,
  });
  if (yoy.notes.length > 0) bullets(doc, yoy.notes, { size: TYPE.small, color: COLORS.muted });

  // Trend: score and climate per year, side by side.
  const chartH = 150;
  heading(doc, t.trend, 3, chartH);
  ensureSpace(doc, chartH);
  const gap = 36;
  const w = (b.width - gap) / 2;
  const y = doc.y;
  yearBars(
    doc,
    yoy.trend.map((p) => ({ label: String(p.year), value: p.score, highlight: p.year === vm.meta.year })),
    { x: b.left, y, width: w, height: chartH, title: t.trendScore, format: (v) => fmt.score(v), max: 100, notEstimated: t.notEstimated },
  );
  yearBars(
    doc,
    yoy.trend.map((p) => ({ label: String(p.year), value: p.climateTotal, highlight: p.year === vm.meta.year })),
    {
      x: b.left + w + gap,
      y,
      width: w,
      height: chartH,
      title: t.trendClimate,
      format: (v) => fmt.quantity(v),
      notEstimated: t.notEstimated,
    },
  );
  doc.y = y + chartH + SPACE.md;

  const prev = String(yoy.previousYear);
  const cur = String(vm.meta.year);
  const signed = (delta: number | null, higherIsBetter: boolean, format: (v: number) => string): Cell =>
    delta === null ? DASH : { kind: 'text', text: format(delta), font: 'semibold', color: changeColor(delta, higherIsBetter) };

  // Sections
  const sectionSpec: TableSpec = {
    columns: columnsFor(b.width, [
      { header: t.section, weight: 52 },
      { header: prev, weight: 16, align: 'right' },
      { header: cur, weight: 16, align: 'right' },
      { header: t.delta, weight: 16, align: 'right' },
    ]),
    rows: yoy.sections.map((s) => [
      { kind: 'text', text: s.title, font: 'semibold' },
      s.previous === null ? DASH : fmt.score(s.previous),
      s.current === null ? DASH : fmt.score(s.current),
      signed(s.delta, true, (v) => fmt.signedPoints(v)),
    ]),
    fontSize: TYPE.small,
  };
  heading(doc, t.sectionDeltas, 3, tableStartHeight(doc, sectionSpec));
  drawTable(doc, sectionSpec);

  // Actions
  if (yoy.actions.length > 0) {
    const actionSpec: TableSpec = {
      columns: columnsFor(b.width, [
        { header: t.action, weight: 46 },
        { header: prev, weight: 12, align: 'right' },
        { header: cur, weight: 12, align: 'right' },
        { header: t.delta, weight: 12, align: 'right' },
        { header: t.status, weight: 18 },
      ]),
      rows: yoy.actions.map((a) => [
        a.title,
        a.previousMaturity === null ? DASH : fmt.score(a.previousMaturity),
        a.currentMaturity === null ? DASH : fmt.score(a.currentMaturity),
        signed(a.delta, true, (v) => fmt.signedPoints(v)),
        {
          kind: 'text',
          text: t.statuses[a.status],
          font: 'semibold',
          color: a.status === 'improved' ? COLORS.positive : a.status === 'regressed' ? COLORS.negative : COLORS.muted,
        },
      ]),
      fontSize: TYPE.small,
    };
    heading(doc, t.actionDeltas, 3, tableStartHeight(doc, actionSpec));
    drawTable(doc, actionSpec);
  }

  // Footprint
  const fpSpec: TableSpec = {
    columns: columnsFor(b.width, [
      { header: t.criterion, weight: 36 },
      { header: prev, weight: 16, align: 'right' },
      { header: cur, weight: 16, align: 'right' },
      { header: t.delta, weight: 18, align: 'right' },
      { header: '%', weight: 14, align: 'right' },
    ]),
    rows: yoy.footprint.map((f) => [
      [
        { kind: 'text', text: t.criteria[f.criterion].label, font: 'semibold' },
        { kind: 'text', text: `${t.criteria[f.criterion].unit} ${t.perYear}`, size: TYPE.tiny, color: COLORS.muted },
      ],
      f.previous === null ? { kind: 'text', text: t.notEstimated, color: COLORS.faint } : fmt.quantity(f.previous),
      f.current === null ? { kind: 'text', text: t.notEstimated, color: COLORS.faint } : fmt.quantity(f.current),
      signed(f.delta, false, (v) => fmt.signedQuantity(v)),
      signed(f.deltaPercent, false, (v) => fmt.signedPercent(v)),
    ]),
    fontSize: TYPE.small,
  };
  heading(doc, t.footprintDeltas, 3, tableStartHeight(doc, fpSpec));
  drawTable(doc, fpSpec);
};
