/**
 * Methodology and sources: how scores, priorities and the footprint are computed, and
 * every source with its year.
 */
import type { LayoutFn } from './context.js';
import { box, flow, heading, linesHeight, measure, newPage, annexTitle, startPart, textAt } from './primitives.js';
import { COLORS, SPACE, TYPE } from './theme.js';

export const drawMethodology: LayoutFn = (doc, vm, ctx) => {
  const { t } = ctx;
  const m = vm.methodology;
  startPart(doc, ctx, annexTitle(ctx, t.methodology));
  const b = box(doc);
  flow(doc, `${t.methodologyIntro} ${t.coverMethodology} ${vm.meta.methodologyVersion}.`, {
    size: TYPE.body,
    color: COLORS.muted,
    gapAfter: SPACE.sm,
  });
  const body = { size: TYPE.body, color: COLORS.text };
  for (const [title, text] of [
    [t.scoringFormula, m.scoring],
    [t.priorityFormula, m.priority],
    [t.footprintModel, m.footprint],
  ] as const) {
    heading(doc, title, 3, linesHeight(doc, 3, body));
    flow(doc, text, { ...body, gapAfter: SPACE.sm });
  }

  heading(doc, t.sources, 3, linesHeight(doc, 3, body));
  const numW = 22;
  m.sources.forEach((s, i) => {
    const year = s.year === null ? t.undated : String(s.year);
    const main = `${s.label} (${year})`;
    const sub = s.usedFor ? `${t.usedFor} ${s.usedFor}` : '';
    const w = b.width - numW;
    const h = measure(doc, main, w, { size: TYPE.small }) + (sub ? measure(doc, sub, w, { size: TYPE.tiny }) + 1 : 0) + 5;
    if (doc.y + h > b.bottom) newPage(doc);
    const y = doc.y;
    textAt(doc, `[${i + 1}]`, b.left, y, { width: numW, size: TYPE.small, font: 'semibold', color: COLORS.accent });
    const mh = textAt(doc, main, b.left + numW, y, { width: w, size: TYPE.small });
    const sh = sub ? textAt(doc, sub, b.left + numW, y + mh + 1, { width: w, size: TYPE.tiny, color: COLORS.muted }) + 1 : 0;
    doc.y = y + mh + sh + 5;
  });
};
