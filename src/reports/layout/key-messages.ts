/**
 * The seven key messages of La Fresque du Numérique, each with its dated, sourced figures.
 */
import type { LayoutFn } from './context.js';
import { labelled } from './helpers.js';
import { badge, box, flow, linesHeight, measure, newPage, annexTitle, startPart, textAt } from './primitives.js';
import { COLORS, SPACE, TYPE } from './theme.js';

export const drawKeyMessages: LayoutFn = (doc, vm, ctx) => {
  const { t } = ctx;
  startPart(doc, ctx, annexTitle(ctx, t.keyMessages));
  const b = box(doc);
  flow(doc, t.keyMessagesIntro, { size: TYPE.body, color: COLORS.muted, gapAfter: SPACE.sm });

  const indent = 38;
  const width = b.width - indent;
  const titleStyle = { font: 'semibold' as const, size: TYPE.h3, color: COLORS.text, lineGap: 0.5 };
  const bodyStyle = { size: TYPE.body, color: COLORS.text };
  for (const m of vm.keyMessages) {
    // Keep the number, the title, the body's first lines and the first figure together.
    const titleH = measure(doc, m.title, width, titleStyle);
    const firstFigure = m.figures[0] ? linesHeight(doc, 2, { size: TYPE.small }) : 0;
    const keep = titleH + 6 + Math.min(measure(doc, m.body, width, bodyStyle), linesHeight(doc, 3, bodyStyle)) + firstFigure + 8;
    if (doc.y + keep > b.bottom) newPage(doc);
    const top = doc.y;
    badge(doc, String(m.number), b.left + 13, top + 11, 12, COLORS.accent);
    doc.y = top + textAt(doc, m.title, b.left + indent, top + 2, { ...titleStyle, width, maxLines: 3 }) + 4;
    flow(doc, m.body, { ...bodyStyle, x: b.left + indent, width, gapAfter: 3 });
    for (const f of m.figures) {
      const sourceLine = labelled(ctx, t.source, `${f.source}, ${f.year}`);
      const h = measure(doc, f.text, width - 10, { size: TYPE.small, font: 'semibold' }) + linesHeight(doc, 1, { size: TYPE.tiny }) + 6;
      if (doc.y + h > b.bottom) newPage(doc);
      const y = doc.y;
      doc
        .save()
        .rect(b.left + indent, y + 1, 2, h - 5)
        .fill(COLORS.accentPale)
        .restore();
      const th = textAt(doc, f.text, b.left + indent + 10, y, {
        width: width - 10,
        size: TYPE.small,
        font: 'semibold',
        color: COLORS.accentDark,
      });
      const sh = textAt(doc, sourceLine, b.left + indent + 10, y + th + 1, {
        width: width - 10,
        size: TYPE.tiny,
        color: COLORS.muted,
        maxLines: 3,
      });
      doc.y = y + th + sh + 5;
    }
    doc.y += SPACE.sm + 2;
  }
};
