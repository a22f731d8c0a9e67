/**
 * The prioritised action plan, on landscape pages: one table per group (this year, next,
 * keep up), header row repeated on every page; then the actions that do not apply, with why.
 */
import type { ActionPlanItemVm } from '../report.view-model.js';
import type { Immutable } from '../report.view-model.js';
import type { LayoutContext, LayoutFn } from './context.js';
import { box, flow, heading, measure, startPart, textAt } from './primitives.js';
import { columnsFor, drawTable, tableStartHeight, type Cell, type TableSpec } from './table.js';
import { COLORS, SPACE, TYPE } from './theme.js';

function row(ctx: LayoutContext, item: Immutable<ActionPlanItemVm>): Cell[] {
  const { t, fmt } = ctx;
  return [
    { kind: 'text', text: String(item.rank), font: 'bold', color: COLORS.accent, size: TYPE.small },
    { kind: 'text', text: item.title, font: 'semibold' },
    item.whyItMatters,
    [
      {
        kind: 'meter',
        value: item.maturity,
        color: COLORS.accent,
        label: item.maturity === null ? t.unknown : `${fmt.score(item.maturity)}/100`,
      },
      { kind: 'text', text: item.answersSummary, color: COLORS.muted, size: TYPE.tiny },
    ],
    { kind: 'bullets', items: item.nextSteps },
    item.ownerRoleLabel,
    item.indicator,
    item.effortLabel,
    item.expectedSavingText === null
      ? { kind: 'text', text: t.notQuantified, color: COLORS.muted }
      : { kind: 'text', text: item.expectedSavingText, font: 'semibold', color: COLORS.accentDark },
  ];
}

export const drawActionPlan: LayoutFn = (doc, vm, ctx) => {
  const { t } = ctx;
  startPart(doc, ctx, t.actionPlan, 'landscape');
  const b = box(doc);
  flow(doc, t.actionPlanIntro, { size: TYPE.body, color: COLORS.muted, gapAfter: SPACE.xs });

  const c = t.columns;
  const columns = columnsFor(b.width, [
    { header: c.rank, weight: 26, align: 'center' },
    { header: c.action, weight: 112 },
    { header: c.why, weight: 116 },
    { header: c.whereYouStand, weight: 96 },
    { header: c.nextSteps, weight: 134 },
    { header: c.owner, weight: 72 },
    { header: c.indicator, weight: 74 },
    { header: c.effort, weight: 42 },
    { header: c.saving, weight: 62 },
  ]);

  for (const group of vm.actionPlan.groups) {
    const labels = t.groups[group.group];
    const spec: TableSpec = { columns, rows: group.items.map((item) => row(ctx, item)), fontSize: TYPE.table };
    const descH = measure(doc, labels.description, b.width, { size: TYPE.small });
    const keep = descH + SPACE.sm + (group.items.length > 0 ? tableStartHeight(doc, spec) : 14);
    heading(doc, `${labels.title} (${group.items.length})`, 2, keep);
    doc.y +=
      textAt(doc, labels.description, b.left, doc.y, { width: b.width, size: TYPE.small, color: COLORS.muted, maxLines: 2 }) + SPACE.sm;
    if (group.items.length === 0) {
      doc.y += textAt(doc, t.emptyGroup, b.left, doc.y, { width: b.width, size: TYPE.small, color: COLORS.faint, maxLines: 1 }) + SPACE.md;
      continue;
    }
    drawTable(doc, spec);
  }

  // What does not apply: listed with the reason, not scored, not a zero.
  const na = vm.actionPlan.notApplicable;
  if (na.length > 0) {
    const lines = na.map((a) => `${a.title} — ${a.reason}`);
    const height = lines.reduce((sum, line) => sum + measure(doc, line, b.width, { size: TYPE.small }) + 2, 0);
    heading(doc, `${t.notApplicableActions} (${na.length})`, 2, height + 30);
    flow(doc, t.notApplicableActionsIntro, { size: TYPE.small, color: COLORS.muted, gapAfter: SPACE.xs });
    for (const line of lines) flow(doc, line, { size: TYPE.small, color: COLORS.text, gapAfter: 2 });
  }
};
