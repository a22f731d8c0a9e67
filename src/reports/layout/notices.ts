/**
 * The honesty marks: a boxed notice (a thick black rule on its left, readable in black and white)
 * listing what the reader must know before trusting the figures: unconfirmed carried-over
 * answers, low confidence, what does not apply, a draft.
 */
import type { Doc } from './context.js';
import { measure, textAt } from './primitives.js';
import { COLORS, TYPE } from './theme.js';

const PAD = 8;
const RULE = 3;

/** Height of the notice box for these lines at this width. */
export function noticeHeight(doc: Doc, title: string, lines: readonly string[], width: number, size: number = TYPE.small): number {
  const inner = width - RULE - 2 * PAD;
  const titleH = title ? measure(doc, title, inner, { font: 'semibold', size: size + 0.5, lineGap: 1 }) + 3 : 0;
  return 2 * PAD + titleH + lines.reduce((sum, l) => sum + measure(doc, `• ${l}`, inner, { size, lineGap: 1.2 }) + 2, 0);
}

/** Draws the notice at (x, y) and returns its height. Nothing is cut: the box grows with its text. */
export function drawNotice(
  doc: Doc,
  title: string,
  lines: readonly string[],
  x: number,
  y: number,
  width: number,
  size: number = TYPE.small,
): number {
  const h = noticeHeight(doc, title, lines, width, size);
  doc.save().rect(x, y, width, h).fill('#FFF8E6').restore();
  doc.save().rect(x, y, RULE, h).fill(COLORS.text).restore();
  const inner = width - RULE - 2 * PAD;
  let cy = y + PAD;
  if (title) cy += textAt(doc, title, x + RULE + PAD, cy, { width: inner, font: 'semibold', size: size + 0.5, lineGap: 1 }) + 3;
  for (const l of lines) cy += textAt(doc, `• ${l}`, x + RULE + PAD, cy, { width: inner, size, lineGap: 1.2 }) + 2;
  return h;
}
