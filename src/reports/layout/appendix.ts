/**
 * Appendix: every answer, with its comment, who gave it and when. Long comments flow
 * across pages.
 */
import { fillLabel } from '../report.labels.js';
import type { LayoutFn } from './context.js';
import { labelled } from './helpers.js';
import { box, flow, heading, linesHeight, measure, newPage, annexTitle, startPart } from './primitives.js';
import { COLORS, SPACE, TYPE } from './theme.js';

export const drawAppendix: LayoutFn = (doc, vm, ctx) => {
  const { t, fmt } = ctx;
  startPart(doc, ctx, annexTitle(ctx, t.appendix));
  const b = box(doc);
  flow(doc, t.appendixIntro, { size: TYPE.body, color: COLORS.muted, gapAfter: SPACE.sm });

  const qStyle = { font: 'semibold' as const, size: TYPE.small + 0.5, color: COLORS.text, lineGap: 1 };
  const aStyle = { size: TYPE.small + 0.5, color: COLORS.accentDark, lineGap: 1.5 };
  const indent = 12;
  for (const section of vm.appendix.sections) {
    heading(doc, section.title, 2, 60);
    for (const a of section.answers) {
      // Keep the question with the first lines of its answer.
      const qh = measure(doc, a.questionLabel, b.width, qStyle);
      const keep = Math.min(qh, linesHeight(doc, 4, qStyle)) + linesHeight(doc, 2, aStyle) + 6;
      if (doc.y + keep > b.bottom) newPage(doc);
      doc.save().moveTo(b.left, doc.y).lineTo(b.right, doc.y).lineWidth(0.4).strokeColor(COLORS.rule).stroke().restore();
      doc.y += 5;
      flow(doc, a.questionLabel, { ...qStyle, gapAfter: 2 });
      if (a.answerText === null) {
        flow(doc, t.unanswered, { ...aStyle, color: COLORS.faint, x: b.left + indent, width: b.width - indent, gapAfter: 2 });
      } else {
        flow(doc, a.answerText, { ...aStyle, x: b.left + indent, width: b.width - indent, gapAfter: 2 });
      }
      if (a.unconfirmed) {
        flow(doc, `[${t.unconfirmedAnswer}]`, {
          size: TYPE.small,
          font: 'semibold',
          x: b.left + indent,
          width: b.width - indent,
          gapAfter: 2,
        });
      }
      if (a.comment) {
        flow(doc, labelled(ctx, t.comment, a.comment), {
          size: TYPE.small,
          color: COLORS.muted,
          x: b.left + indent,
          width: b.width - indent,
          gapAfter: 2,
        });
      }
      if (a.answeredBy || a.answeredAt) {
        const by = fillLabel(t.answeredBy, {
          name: a.answeredBy ?? '—',
          date: a.answeredAt ? fmt.date(a.answeredAt) : '—',
        });
        flow(doc, by, { x: b.left + indent, width: b.width - indent, size: TYPE.tiny, color: COLORS.muted, gapAfter: 0 });
      }
      doc.y += SPACE.sm;
    }
  }
};
