/**
 * Annex: every action of the plan in its order, portrait, several to a page: why it matters here,
 * where the organisation stands (maturity and the answers that place it), the next steps, and
 * owner, due date, indicator, effort and saving. A block moves to the next page whole when it
 * fits on one, and flows otherwise; nothing is cut.
 */
import type { LayoutFn } from './context.js';
import { labelled } from './helpers.js';
import { annexTitle, badge, box, bullets, flow, heading, linesHeight, measure, newPage, startPart } from './primitives.js';
import { COLORS, SPACE, TYPE } from './theme.js';

export const drawActionDetails: LayoutFn = (doc, vm, ctx) => {
  const { t, fmt } = ctx;
  startPart(doc, ctx, annexTitle(ctx, t.actionDetails));
  const b = box(doc);
  flow(doc, t.actionDetailsIntro, { size: TYPE.small, color: COLORS.muted, gapAfter: SPACE.sm });
  const indent = 26;
  const w = b.width - indent;
  for (const group of vm.actionPlan.groups) {
    if (group.items.length === 0) continue;
    heading(doc, `${t.groups[group.group].title} (${group.items.length})`, 2, 90);
    for (const item of group.items) {
      const owner = item.owner.source === 'suggested' ? `${item.owner.name} (${t.suggested})` : item.owner.name;
      const facts = [
        item.kindLabel,
        labelled(ctx, t.owner, owner),
        labelled(ctx, t.due, item.due ?? t.notCommitted),
        labelled(ctx, t.columns.effort, item.effortLabel),
        ...(item.commitmentStatus ? [item.commitmentStatus] : []),
      ]
        .filter(Boolean)
        .join(' · ');
      const standing = `${labelled(ctx, t.maturity, item.maturity === null ? t.unknown : `${fmt.score(item.maturity)}/100`)}. ${labelled(ctx, t.answersThatMovedIt, item.answersSummary)}`;
      const saving = labelled(ctx, t.columns.saving, item.expectedSavingText ?? t.notQuantified);
      const texts: Array<[string, { size: number; font?: 'semibold'; color?: string }]> = [
        [item.title, { size: TYPE.h3, font: 'semibold' }],
        [facts, { size: TYPE.tiny, color: COLORS.muted }],
        [labelled(ctx, t.why, item.whyItMatters), { size: TYPE.small }],
        [standing, { size: TYPE.small }],
        [saving, { size: TYPE.small }],
        [labelled(ctx, t.columns.indicator, item.indicator), { size: TYPE.small }],
      ];
      const stepsH = item.nextSteps.reduce((s, x) => s + measure(doc, x, w - 10, { size: TYPE.small }) + 2, 0);
      const h =
        texts.reduce((s, [x, st]) => s + measure(doc, x, w, st) + 2, 0) +
        (stepsH ? linesHeight(doc, 1, { size: TYPE.small }) + stepsH : 0) +
        SPACE.md;
      if (h <= b.height && doc.y + h > b.bottom) newPage(doc);
      else if (doc.y + linesHeight(doc, 3, { size: TYPE.small }) > b.bottom) newPage(doc);
      const top = doc.y;
      badge(doc, String(item.rank), b.left + 10, top + 8, 9.5, COLORS.accentDark);
      for (const [x, st] of texts) flow(doc, x, { ...st, x: b.left + indent, width: w, gapAfter: 2, color: st.color ?? COLORS.text });
      if (item.nextSteps.length) {
        flow(doc, t.columns.nextSteps, { size: TYPE.small, font: 'semibold', x: b.left + indent, width: w, gapAfter: 1 });
        bullets(doc, item.nextSteps, { size: TYPE.small, x: b.left + indent, width: w });
      }
      doc.save().moveTo(b.left, doc.y).lineTo(b.right, doc.y).lineWidth(0.4).strokeColor(COLORS.rule).stroke().restore();
      doc.y += SPACE.sm;
    }
  }
  // What does not apply: listed with the reason, not scored, not a zero.
  const na = vm.actionPlan.notApplicable;
  if (na.length > 0) {
    heading(doc, `${t.notApplicableActions} (${na.length})`, 2, 50);
    flow(doc, t.notApplicableActionsIntro, { size: TYPE.small, color: COLORS.muted, gapAfter: SPACE.xs });
    bullets(
      doc,
      na.map((a) => `${a.title} — ${a.reason}`),
      { size: TYPE.small },
    );
  }
};
