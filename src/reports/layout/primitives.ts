/**
 * Drawing primitives shared by the layout functions: the grid, text that never
 * crosses the margins, page breaks that keep headings with what follows.
 */
import { FONT_NAMES, type FontKey } from '../report-fonts.js';
import type { Doc, LayoutContext } from './context.js';
import { COLORS, KEEP_WITH_HEADING, LINE_GAP, MARGINS, PAGE_SIZE, SPACE, TYPE } from './theme.js';

export const ELLIPSIS = '…';

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

/** The content area of the current page. */
export function box(doc: Doc): Box {
  const p = doc.page;
  const left = p.margins.left;
  const right = p.width - p.margins.right;
  const top = p.margins.top;
  const bottom = p.height - p.margins.bottom;
  return { left, right, top, bottom, width: right - left, height: bottom - top };
}

export function useFont(doc: Doc, key: FontKey, size: number, color: string = COLORS.text): Doc {
  return doc.font(FONT_NAMES[key]).fontSize(size).fillColor(color);
}

/** Runs `draw` and puts doc.x / doc.y back: placed drawing never moves the flow cursor. */
export function keepCursor<T>(doc: Doc, draw: () => T): T {
  const { x, y } = doc;
  try {
    return draw();
  } finally {
    doc.x = x;
    doc.y = y;
  }
}

export type Orientation = 'portrait' | 'landscape';

/** Adds a page with the report's grid; the running header records `ctx.part` for it. */
export function newPage(doc: Doc, orientation: Orientation = currentOrientation(doc)): void {
  doc.addPage({ size: PAGE_SIZE, layout: orientation, margins: { ...MARGINS } });
  doc.x = MARGINS.left;
  doc.y = MARGINS.top;
}

export function currentOrientation(doc: Doc): Orientation {
  return doc.page && doc.page.width > doc.page.height ? 'landscape' : 'portrait';
}

/** Starts a new page unless `height` still fits below the current position. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > box(doc).bottom) newPage(doc);
}

/**
 * Every text cut with an ellipsis by `fitLines` or `truncateToWidth`, in this thread. The report
 * cuts nothing but the running header's repetition of the organisation name and part title
 * (`allowCut`); the tests read this list to prove it.
 */
export const cutTexts: string[] = [];

export interface TextStyle {
  /** The running header only: a cut is allowed (the cover and the summary give the text whole). */
  allowCut?: boolean;
  font?: FontKey;
  size?: number;
  color?: string;
  lineGap?: number;
  align?: 'left' | 'right' | 'center';
  characterSpacing?: number;
}

function applyStyle(doc: Doc, style: TextStyle): Required<Pick<TextStyle, 'lineGap'>> {
  useFont(doc, style.font ?? 'regular', style.size ?? TYPE.body, style.color ?? COLORS.text);
  return { lineGap: style.lineGap ?? LINE_GAP };
}

/** Height the text takes when wrapped to `width` in `style`. */
export function measure(doc: Doc, text: string, width: number, style: TextStyle = {}): number {
  const { lineGap } = applyStyle(doc, style);
  if (text.length === 0) return 0;
  return doc.heightOfString(text, { width, lineGap, characterSpacing: style.characterSpacing });
}

/** Height of `lines` lines in `style`. */
export function linesHeight(doc: Doc, lines: number, style: TextStyle = {}): number {
  return measure(doc, Array.from({ length: Math.max(1, lines) }, () => 'Ag').join('\n'), 1000, style);
}

/** Cuts `text` so that it fits in `maxLines` lines of `width`, ending with an ellipsis when cut. */
export function fitLines(doc: Doc, text: string, width: number, maxLines: number, style: TextStyle = {}): string {
  const limit = linesHeight(doc, maxLines, style) + 0.5;
  if (measure(doc, text, width, style) <= limit) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(doc, cutAt(text, mid), width, style) <= limit) lo = mid;
    else hi = mid - 1;
  }
  if (!style.allowCut) cutTexts.push(text);
  return cutAt(text, lo, true);
}

/** Cuts `text` so that it fits in one line of `width`. */
export function truncateToWidth(doc: Doc, text: string, width: number, style: TextStyle = {}): string {
  applyStyle(doc, style);
  const single = text.replace(/\s*\n\s*/g, ' ');
  const w = (s: string) => doc.widthOfString(s, { characterSpacing: style.characterSpacing });
  if (w(single) <= width) return single;
  let lo = 0;
  let hi = single.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (w(cutAt(single, mid)) <= width) lo = mid;
    else hi = mid - 1;
  }
  if (!style.allowCut) cutTexts.push(text);
  return cutAt(single, lo, true);
}

/** The first `n` characters (never splitting a surrogate pair) plus an ellipsis; on a word boundary when `preferWords`. */
function cutAt(text: string, n: number, preferWords = false): string {
  if (n >= text.length) return text;
  let end = n;
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1])) end -= 1;
  let head = text.slice(0, end);
  if (preferWords) {
    const space = head.search(/\s\S*$/);
    if (space > 0 && head.length - space < 24) head = head.slice(0, space);
  }
  return `${head.replace(/[\s,;:.\-–—]+$/, '')}${ELLIPSIS}`;
}

export interface PlacedText extends TextStyle {
  width: number;
  /** Cut with an ellipsis beyond this many lines. */
  maxLines?: number;
}

/**
 * Draws text in a fixed box at (x, y) and returns its height. Never starts a new page
 * (pdfkit is given the height), never crosses `width`.
 */
export function textAt(doc: Doc, text: string, x: number, y: number, opts: PlacedText): number {
  const shown = opts.maxLines ? fitLines(doc, text, opts.width, opts.maxLines, opts) : text;
  const height = measure(doc, shown, opts.width, opts);
  if (height === 0) return 0;
  const { lineGap } = applyStyle(doc, opts);
  keepCursor(doc, () =>
    doc.text(shown, x, y, {
      width: opts.width,
      height: height + 2,
      lineGap,
      align: opts.align ?? 'left',
      characterSpacing: opts.characterSpacing,
    }),
  );
  return height;
}

/** Draws one line at (x, y), cut with an ellipsis to `width`. Returns the width used. */
export function lineAt(doc: Doc, text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
  const shown = truncateToWidth(doc, text, width, style);
  applyStyle(doc, style);
  keepCursor(doc, () =>
    doc.text(shown, x, y, {
      width,
      height: doc.currentLineHeight(true) + 2,
      lineBreak: false,
      align: style.align ?? 'left',
      characterSpacing: style.characterSpacing,
    }),
  );
  return doc.widthOfString(shown, { characterSpacing: style.characterSpacing });
}

export interface FlowOptions extends TextStyle {
  x?: number;
  width?: number;
  /** Space after the text. */
  gapAfter?: number;
}

/**
 * Running text that may span pages (pdfkit flows it onto new pages with the same grid).
 * Paragraphs are separated by blank lines in `text`. Starts at doc.y.
 */
export function flow(doc: Doc, text: string, opts: FlowOptions = {}): void {
  const b = box(doc);
  const x = opts.x ?? b.left;
  const width = opts.width ?? b.right - x;
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  paragraphs.forEach((p, i) => {
    ensureSpace(doc, linesHeight(doc, Math.min(2, p.split('\n').length + 1), opts));
    const { lineGap } = applyStyle(doc, opts);
    doc.text(p, x, doc.y, { width, lineGap, align: opts.align ?? 'left', characterSpacing: opts.characterSpacing });
    if (i < paragraphs.length - 1) doc.y += SPACE.sm * 0.75;
  });
  doc.x = b.left;
  doc.y += opts.gapAfter ?? SPACE.sm;
}

/** A bulleted list that may span pages. */
export function bullets(doc: Doc, items: readonly string[], opts: FlowOptions = {}): void {
  const b = box(doc);
  const x = opts.x ?? b.left;
  const width = opts.width ?? b.right - x;
  const indent = (opts.size ?? TYPE.body) * 1.1;
  items.forEach((item) => {
    ensureSpace(doc, linesHeight(doc, 1, opts) + 2);
    const y = doc.y;
    applyStyle(doc, { ...opts, color: COLORS.accent });
    keepCursor(doc, () => doc.text('•', x, y, { width: indent, height: doc.currentLineHeight(true) + 2, lineBreak: false }));
    const { lineGap } = applyStyle(doc, opts);
    doc.text(item, x + indent, y, { width: width - indent, lineGap });
    doc.y += 2;
  });
  doc.x = b.left;
  doc.y += opts.gapAfter ?? SPACE.xs;
}

/** "Annexe B · Scores par thème": the title of the next annex part, lettered in order. */
export function annexTitle(ctx: LayoutContext, title: string): string {
  const letter = String.fromCharCode(65 + ctx.annexes);
  ctx.annexes += 1;
  return `${ctx.t.annex.replace('{letter}', letter)} · ${title}`;
}

/** Starts a part of the report on a new page with its title (22 pt) under a short accent rule. */
export function startPart(
  doc: Doc,
  ctx: LayoutContext,
  title: string,
  orientation: Orientation = 'portrait',
  size: number = TYPE.h1,
): void {
  ctx.part = title;
  newPage(doc, orientation);
  const b = box(doc);
  doc.save().rect(b.left, b.top, 36, 3).fill(COLORS.accent).restore();
  const h = textAt(doc, title, b.left, b.top + 12, {
    width: b.width,
    font: 'bold',
    size,
    color: COLORS.accentDark,
    lineGap: 0,
  });
  doc.y = b.top + 12 + h + (size < TYPE.h1 ? SPACE.sm : SPACE.md);
}

/**
 * A heading that is never left alone at the bottom of a page: if `keepWith` points of
 * content do not fit after it, it moves to the next page.
 */
export function heading(doc: Doc, text: string, level: 2 | 3, keepWith: number = KEEP_WITH_HEADING): void {
  const b = box(doc);
  const style: TextStyle =
    level === 2
      ? { font: 'semibold', size: TYPE.h2, color: COLORS.accentDark, lineGap: 0 }
      : { font: 'semibold', size: TYPE.h3, color: COLORS.text, lineGap: 0 };
  const before = doc.y > b.top + 1 ? (level === 2 ? SPACE.md : SPACE.sm) : 0;
  const after = level === 2 ? SPACE.sm : SPACE.xs;
  const h = measure(doc, text, b.width, style);
  if (doc.y + before + h + after + keepWith > b.bottom) newPage(doc);
  else doc.y += before;
  const drawn = textAt(doc, text, b.left, doc.y, { ...style, width: b.width });
  doc.y += drawn + after;
}

/** A horizontal hairline across the content width at doc.y. */
export function rule(doc: Doc, color: string = COLORS.rule, x?: number, width?: number): void {
  const b = box(doc);
  const x0 = x ?? b.left;
  doc
    .save()
    .moveTo(x0, doc.y)
    .lineTo(x0 + (width ?? b.width), doc.y)
    .lineWidth(0.6)
    .strokeColor(color)
    .stroke()
    .restore();
}

/** A small rounded label (pill) at (x, y); returns its width. */
export function pill(doc: Doc, text: string, x: number, y: number, fill: string, color: string, size: number = TYPE.tiny): number {
  useFont(doc, 'semibold', size, color);
  const w = doc.widthOfString(text) + size * 1.4;
  const h = size * 1.9;
  doc
    .save()
    .roundedRect(x, y, w, h, h / 2)
    .fill(fill)
    .restore();
  useFont(doc, 'semibold', size, color);
  keepCursor(doc, () => doc.text(text, x, y + (h - size * 1.36) / 2, { width: w, align: 'center', lineBreak: false, height: h }));
  return w;
}

/** A filled circle with a centred label (ranks, message numbers). */
export function badge(doc: Doc, label: string, cx: number, cy: number, r: number, fill: string, color: string = COLORS.white): void {
  doc.save().circle(cx, cy, r).fill(fill).restore();
  const size = r * (label.length > 1 ? 0.95 : 1.1);
  useFont(doc, 'bold', size, color);
  keepCursor(doc, () => doc.text(label, cx - r, cy - size * 0.68, { width: 2 * r, align: 'center', lineBreak: false, height: r * 2 }));
}
