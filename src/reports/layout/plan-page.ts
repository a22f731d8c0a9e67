/**
 * The plan on one page: one line (a table row: the action and, under it, its indicator; the owner and,
 * under it, the due date) per action, in the order of the plan (this year first, then
 * next, keep up, to assess), ranks numbered consecutively (what does not apply is in annex A); owner and due date from the
 * commitments once adopted, the suggested role otherwise. The type steps down (8 to 6.5 pt) until
 * the table fits one page; a plan that still does not fit continues on the next page, rows whole.
 */
import type { ActionPlanItemVm, Immutable } from '../report.view-model.js';
import type { LayoutContext, LayoutFn } from './context.js';
import { box, startPart, textAt } from './primitives.js';
import { columnsFor, drawTable, tableHeight, type Cell, type TableSpec } from './table.js';
import { COLORS, SPACE, TYPE } from './theme.js';

function row(ctx: LayoutContext, item: Immutable<ActionPlanItemVm>, size: number): Cell[] {
  const { t } = ctx;
  const muted = { kind: 'text' as const, color: COLORS.muted, size };
  return [
    { kind: 'text', text: String(item.rank), font: 'bold', size },
    [
      { kind: 'text', text: item.title, font: 'semibold', size },
      { kind: 'text', text: item.indicator, size: size - 0.5, color: COLORS.muted },
    ],
    { kind: 'text', text: t.groups[item.group].title, size },
    // Owner and, under it, the due date once committed: one column, so the action's gets the width.
    [
      item.owner.source === 'commitment'
        ? { kind: 'text', text: item.owner.name, size, font: 'semibold' }
        : { ...muted, text: `${item.owner.name}\u00a0*` },
      ...(item.due ? [{ kind: 'text' as const, text: item.due, size, font: 'semibold' as const }] : []),
    ],
    { kind: 'text', text: item.effortLabel, size },
    item.saving
      ? {
          kind: 'text',
          text: `${item.saving.kgText} ${t.criteria.climate.unit}${item.saving.shareText ? ` (${item.saving.shareText})` : ''}`,
          size,
          font: 'semibold',
        }
      : { ...muted, text: t.notQuantified },
  ];
}

export const drawPlanPage: LayoutFn = (doc, vm, ctx) => {
  const { t } = ctx;
  startPart(doc, ctx, t.planPage, 'portrait', TYPE.h2);
  const b = box(doc);
  doc.y += textAt(doc, t.planPageIntro, b.left, doc.y, { width: b.width, size: TYPE.small, color: COLORS.muted }) + SPACE.sm;
  const c = t.planColumns;
  const columns = columnsFor(b.width, [
    // Wide enough for a two-digit rank and its header on one line.
    { header: c.rank, weight: 20, align: 'right' },
    { header: `${c.action} · ${c.indicator}`, weight: 270 },
    { header: c.group, weight: 44 },
    { header: `${c.owner} · ${c.due}`, weight: 76 },
    { header: c.effort, weight: 30 },
    { header: c.saving, weight: 43 },
  ]);
  const items = vm.actionPlan.groups.flatMap((g) => g.items);
  let size: number = TYPE.table + 0.5;
  let spec: TableSpec = { columns, rows: items.map((i) => row(ctx, i, size)), fontSize: size, padY: 1 };
  while (size > 5.75 && doc.y + tableHeight(doc, spec) > b.bottom) {
    size = Math.round((size - 0.25) * 100) / 100;
    spec = { columns, rows: items.map((i) => row(ctx, i, size)), fontSize: size, padY: 1 };
  }
  drawTable(doc, spec);
};
