/**
 * Footprint by device type and criterion, on landscape pages: yearly totals per
 * criterion, a stacked chart (climate, manufacturing vs use), the full table, and
 * what is not estimated.
 */
import { fillLabel } from '../report.labels.js';
import { FOOTPRINT_CRITERIA, type FootprintCriterion } from '../report.view-model.js';
import { stackedBars } from './charts.js';
import type { LayoutContext, LayoutFn } from './context.js';
import { labelled } from './helpers.js';
import { box, bullets, ensureSpace, flow, heading, lineAt, annexTitle, startPart, textAt } from './primitives.js';
import { drawTable, tableStartHeight, type Cell, type CellPart, type Column, type TableSpec } from './table.js';
import { COLORS, SPACE, TYPE } from './theme.js';

function valueCell(ctx: LayoutContext, v: number | null): CellPart {
  return v === null ? { kind: 'text', text: ctx.t.notEstimated, color: COLORS.faint } : { kind: 'text', text: ctx.fmt.quantity(v) };
}

export const drawFootprint: LayoutFn = (doc, vm, ctx) => {
  const { t, fmt } = ctx;
  const fp = vm.footprint;
  startPart(doc, ctx, annexTitle(ctx, t.footprint), 'landscape');
  const b = box(doc);
  flow(doc, `${t.footprintIntro} ${fillLabel(t.factorsVersion, { version: fp.factorsVersion })}`, {
    size: TYPE.body,
    color: COLORS.muted,
    gapAfter: SPACE.xs,
  });
  const context = [
    fp.electricityFactor === null
      ? fp.electricityZone
      : fillLabel(t.electricity, { zone: fp.electricityZone, factor: fmt.decimal(fp.electricityFactor, 4) }),
    fp.usageProfile ? labelled(ctx, t.usageProfile, fp.usageProfile) : '',
  ]
    .filter((s) => s.length > 0)
    .join(' ');
  flow(doc, context, { size: TYPE.small, color: COLORS.muted, gapAfter: SPACE.md });

  // Left: yearly totals per criterion. Right: climate by device type (stacked bars).
  const leftW = 196;
  const gap = 28;
  const rightX = b.left + leftW + gap;
  const rightW = b.width - leftW - gap;
  const rowH = 52;
  const titleStyle = { font: 'semibold' as const, size: TYPE.small + 1, color: COLORS.accentDark };
  const chartRowsH = 12 + Math.max(1, fp.devices.length) * 19 + 22;
  const blockH = Math.max(18 + FOOTPRINT_CRITERIA.length * rowH, 18 + chartRowsH);
  ensureSpace(doc, blockH);
  const top = doc.y;

  lineAt(doc, t.totalsTitle, b.left, top, leftW, titleStyle);
  FOOTPRINT_CRITERIA.forEach((c: FootprintCriterion, i) => {
    const x = b.left;
    const y = top + 18 + i * rowH;
    const tot = fp.totals[c];
    doc
      .save()
      .moveTo(x, y)
      .lineTo(x + leftW, y)
      .lineWidth(0.4)
      .strokeColor(COLORS.rule)
      .stroke()
      .restore();
    lineAt(doc, t.criteria[c].label, x, y + 5, leftW, { size: TYPE.tiny, font: 'semibold', color: COLORS.muted });
    if (tot.total === null) {
      lineAt(doc, t.notEstimated, x, y + 17, leftW, { size: TYPE.h3, color: COLORS.faint });
      return;
    }
    const vw = lineAt(doc, fmt.quantity(tot.total), x, y + 15, leftW * 0.45, { size: 13, font: 'semibold' });
    const r = fp.totalRanges[c];
    const spread = r.low !== null && r.high !== null ? fmt.range(r.low, r.high) : '';
    lineAt(doc, `${t.criteria[c].unit} ${t.perYear}${spread ? ` (${spread})` : ''}`, x + vw + 5, y + 19.5, leftW - vw - 5, {
      size: TYPE.tiny,
      color: COLORS.muted,
    });
    const e = tot.embodied ?? 0;
    const u = tot.use ?? 0;
    if (e + u > 0) {
      const ew = (leftW * e) / (e + u);
      doc
        .save()
        .rect(x, y + 35, ew, 3.5)
        .fill(COLORS.embodied)
        .restore();
      if (u > 0)
        doc
          .save()
          .rect(x + ew, y + 35, leftW - ew, 3.5)
          .fill(COLORS.use)
          .restore();
    }
    const embText = tot.embodied === null ? t.notEstimated : fmt.quantity(tot.embodied);
    const useText = tot.use === null ? t.notEstimated : fmt.quantity(tot.use);
    lineAt(doc, `${t.embodied} ${embText}`, x, y + 40, leftW / 2, { size: 6.5, color: COLORS.muted });
    lineAt(doc, `${t.use} ${useText}`, x + leftW / 2, y + 40, leftW / 2, { size: 6.5, color: COLORS.muted, align: 'right' });
  });

  lineAt(doc, t.climateChartTitle, rightX, top, rightW, titleStyle);
  if (fp.devices.length === 0) {
    textAt(doc, t.noDevices, rightX, top + 24, { width: rightW, color: COLORS.muted, maxLines: 3 });
  } else {
    stackedBars(
      doc,
      fp.devices.map((d) => ({
        label: d.label,
        embodied: d.impacts.climate.embodied,
        use: d.impacts.climate.use,
        valueLabel: d.impacts.climate.total === null ? '' : fmt.quantity(d.impacts.climate.total),
      })),
      {
        x: rightX,
        y: top + 18,
        width: rightW,
        labelWidth: 128,
        valueWidth: 52,
        format: (v) => fmt.quantity(v),
        legend: { embodied: t.embodied, use: t.use },
        notEstimated: t.notEstimated,
      },
    );
  }
  doc.y = top + blockH + SPACE.lg;

  if (fp.devices.length > 0) {
    // Full table: device, count, lifespan, then manufacturing / use for each criterion.
    const fixed: Column[] = [
      { header: t.deviceType, width: 116 },
      { header: t.count, width: 40, align: 'right' },
      { header: t.lifespan, width: 56, align: 'right' },
    ];
    const rest = b.width - fixed.reduce((s, c) => s + c.width, 0);
    const sub = Math.floor(rest / (FOOTPRINT_CRITERIA.length * 2));
    const columns: Column[] = [...fixed];
    FOOTPRINT_CRITERIA.forEach((c, i) => {
      const last = i === FOOTPRINT_CRITERIA.length - 1;
      columns.push({ header: t.embodiedShort, width: sub, align: 'right' });
      columns.push({ header: t.useShort, width: last ? rest - sub * (FOOTPRINT_CRITERIA.length * 2 - 1) : sub, align: 'right' });
    });
    const headerGroups = [
      { label: '', span: fixed.length },
      ...FOOTPRINT_CRITERIA.map((c) => ({ label: `${t.criteria[c].short} (${t.criteria[c].unit})`, span: 2 })),
    ];
    const rows: Cell[][] = fp.devices.map((d) => {
      const sublines: string[] = [];
      if (d.refurbishedShare !== null && d.refurbishedShare > 0) sublines.push(`${fmt.ratio(d.refurbishedShare)} ${t.refurbished}`);
      const deviceCell: CellPart[] = [{ kind: 'text', text: d.label, font: 'semibold' }];
      if (sublines.length) deviceCell.push({ kind: 'text', text: sublines.join(' · '), size: TYPE.tiny, color: COLORS.muted });
      const cells: Cell[] = [
        deviceCell,
        fmt.integer(d.count),
        [
          { kind: 'text', text: `${fmt.decimal(d.lifespanYears, 1)} ${t.yearsShort}` },
          { kind: 'text', text: d.lifespanSource === 'declared' ? t.declared : t.referenceLifespan, size: TYPE.tiny, color: COLORS.muted },
        ],
      ];
      for (const c of FOOTPRINT_CRITERIA) {
        cells.push(valueCell(ctx, d.impacts[c].embodied), valueCell(ctx, d.impacts[c].use));
      }
      return cells;
    });
    const totalsRow: Cell[] = [t.total, '', ''];
    for (const c of FOOTPRINT_CRITERIA) totalsRow.push(valueCell(ctx, fp.totals[c].embodied), valueCell(ctx, fp.totals[c].use));
    rows.push(totalsRow);
    const spec: TableSpec = { columns, rows, headerGroups, emphasisedRows: new Set([rows.length - 1]), fontSize: 7.5 };
    heading(doc, t.tableTitle, 3, tableStartHeight(doc, spec));
    drawTable(doc, spec);
  }

  // What the estimate counts and what it leaves out: wherever the total appears, so is this.
  heading(doc, t.scopeHeading, 3, 60);
  const perPersonFigure = (c: FootprintCriterion): string => {
    const v = fp.perPerson?.values[c] ?? null;
    if (v === null) return `${t.criteria[c].short} ${t.notEstimated}`;
    const spread = fmt.range(v.low, v.high);
    return `${t.criteria[c].short} ${fmt.quantity(v.value)} ${t.criteria[c].unit}${spread ? ` (${spread})` : ''}`;
  };
  const perPerson = fp.perPerson ? [labelled(ctx, fp.perPerson.label, FOOTPRINT_CRITERIA.map(perPersonFigure).join(' · '))] : [];
  bullets(
    doc,
    [
      ...fp.scope.estimated.map((e) => labelled(ctx, `${t.scopeEstimated} — ${e.label}`, e.detail)),
      ...fp.scope.notEstimated.map((e) => labelled(ctx, `${t.scopeNotEstimated} — ${e.label}`, e.detail)),
      ...perPerson,
    ],
    { size: TYPE.small, color: COLORS.text },
  );

  const notes = fp.devices.filter((d) => d.note).map((d) => labelled(ctx, d.label, d.note ?? ''));
  if (fp.notEstimated.length > 0) {
    heading(doc, t.notEstimatedHeading, 3, 30);
    bullets(
      doc,
      fp.notEstimated.map((n) => labelled(ctx, n.subject, n.reason)),
      { size: TYPE.small, color: COLORS.text },
    );
  }
  if (notes.length > 0) {
    heading(doc, t.notes, 3, 30);
    bullets(doc, notes, { size: TYPE.small, color: COLORS.text });
  }
};
