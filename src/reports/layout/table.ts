/**
 * Tables that break across pages with their header row repeated, rows that never
 * split (a row taller than a page has its longest texts cut with an ellipsis), zebra
 * rows and hairline rules.
 */
import type { FontKey } from '../report-fonts.js';
import type { Doc } from './context.js';
import { box, ensureSpace, fitLines, keepCursor, linesHeight, measure, newPage, textAt, useFont, type TextStyle } from './primitives.js';
import { COLORS, SPACE, TYPE } from './theme.js';

export type CellPart =
  | { kind: 'text'; text: string; font?: FontKey; size?: number; color?: string; maxLines?: number }
  | { kind: 'bullets'; items: readonly string[]; size?: number; color?: string }
  /** A 0-100 meter with a label on its right; null value = unknown (empty track). */
  | { kind: 'meter'; value: number | null; label: string; color: string }
  | { kind: 'space'; height: number };

export type Cell = string | CellPart | readonly CellPart[];

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableSpec {
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
  /** Optional first header row spanning several columns: label and number of columns. */
  headerGroups?: ReadonlyArray<{ label: string; span: number }>;
  /** Rows drawn with a bold top rule and no zebra (totals), by index. */
  emphasisedRows?: ReadonlySet<number>;
  fontSize?: number;
  x?: number;
}

const PAD_X = 4;
const PAD_Y = 4;
const METER_H = 5;

function parts(cell: Cell): readonly CellPart[] {
  if (typeof cell === 'string') return [{ kind: 'text', text: cell }];
  if (Array.isArray(cell)) return cell as readonly CellPart[];
  return [cell as CellPart];
}

function partStyle(part: { font?: FontKey; size?: number; color?: string }, base: number): TextStyle {
  return { font: part.font ?? 'regular', size: part.size ?? base, color: part.color ?? COLORS.text, lineGap: 1 };
}

/** Cuts texts so that the cell fits in maxHeight (rows must fit on one page). */
function fitPart(doc: Doc, part: CellPart, width: number, base: number, maxHeight: number): CellPart {
  if (part.kind === 'text') {
    const style = partStyle(part, base);
    const lineH = linesHeight(doc, 1, style);
    const allowed = Math.max(1, Math.floor(maxHeight / lineH));
    const maxLines = Math.min(part.maxLines ?? allowed, allowed);
    return { ...part, text: fitLines(doc, part.text, width, maxLines, style) };
  }
  if (part.kind === 'bullets') {
    const style = partStyle(part, base);
    const lineH = linesHeight(doc, 1, style);
    const allowed = Math.max(1, Math.floor(maxHeight / lineH / Math.max(1, part.items.length)));
    return { ...part, items: part.items.map((i) => fitLines(doc, i, width - bulletIndent(part.size ?? base), allowed, style)) };
  }
  return part;
}

function bulletIndent(size: number): number {
  return size * 0.95;
}

function partHeight(doc: Doc, part: CellPart, width: number, base: number): number {
  switch (part.kind) {
    case 'text':
      return measure(doc, part.text, width, partStyle(part, base));
    case 'bullets':
      return part.items.reduce(
        (sum, item) => sum + measure(doc, item, width - bulletIndent(part.size ?? base), partStyle(part, base)) + 1.5,
        0,
      );
    case 'meter':
      return Math.max(METER_H, linesHeight(doc, 1, { size: base }));
    case 'space':
      return part.height;
  }
}

function drawPart(doc: Doc, part: CellPart, x: number, y: number, width: number, base: number, align: Column['align']): number {
  switch (part.kind) {
    case 'text':
      return textAt(doc, part.text, x, y, { ...partStyle(part, base), width, align });
    case 'bullets': {
      const style = partStyle(part, base);
      const indent = bulletIndent(part.size ?? base);
      let dy = 0;
      for (const item of part.items) {
        useFont(doc, 'bold', part.size ?? base, COLORS.accent);
        keepCursor(doc, () => doc.text('·', x, y + dy, { width: indent, lineBreak: false, height: 12 }));
        dy += textAt(doc, item, x + indent, y + dy, { ...style, width: width - indent }) + 1.5;
      }
      return dy;
    }
    case 'meter': {
      const h = partHeight(doc, part, width, base);
      const labelW = Math.min(width * 0.45, 40);
      const trackW = width - labelW - 4;
      const ty = y + (h - METER_H) / 2;
      doc
        .save()
        .roundedRect(x, ty, trackW, METER_H, METER_H / 2)
        .fill(COLORS.track)
        .restore();
      if (part.value !== null) {
        const v = Math.max(0, Math.min(100, part.value));
        if (v > 0)
          doc
            .save()
            .roundedRect(x, ty, Math.max(METER_H, (trackW * v) / 100), METER_H, METER_H / 2)
            .fill(part.color)
            .restore();
      }
      textAt(doc, part.label, x + trackW + 4, y, { width: labelW, size: base, font: 'semibold', lineGap: 1, maxLines: 1 });
      return h;
    }
    case 'space':
      return part.height;
  }
}

const GAP_BETWEEN_PARTS = 2;

function cellHeight(doc: Doc, ps: readonly CellPart[], width: number, base: number): number {
  return ps.reduce((sum, p, i) => sum + partHeight(doc, p, width, base) + (i > 0 ? GAP_BETWEEN_PARTS : 0), 0);
}

interface PreparedRow {
  cells: (readonly CellPart[])[];
  height: number;
}

function groupWidths(spec: TableSpec): number[] {
  let col = 0;
  return (spec.headerGroups ?? []).map((g) => {
    const w = spec.columns.slice(col, col + g.span).reduce((s, c) => s + c.width, 0);
    col += g.span;
    return w;
  });
}

function groupRowHeight(doc: Doc, spec: TableSpec, style: TextStyle): number {
  if (!spec.headerGroups) return 0;
  const widths = groupWidths(spec);
  const texts = spec.headerGroups.map((g, i) => fitLines(doc, g.label, widths[i] - 2 * PAD_X, 2, style));
  return Math.max(linesHeight(doc, 1, style), ...texts.map((t, i) => measure(doc, t, widths[i] - 2 * PAD_X, style))) + 2 * PAD_Y;
}

function headerHeight(doc: Doc, spec: TableSpec, size: number): number {
  const style: TextStyle = { font: 'semibold', size, lineGap: 0.5 };
  const main = Math.max(...spec.columns.map((c) => measure(doc, c.header, c.width - 2 * PAD_X, style))) + 2 * PAD_Y + 2;
  return main + groupRowHeight(doc, spec, style);
}

function drawHeader(doc: Doc, spec: TableSpec, x: number, y: number, size: number): number {
  const total = spec.columns.reduce((s, c) => s + c.width, 0);
  const h = headerHeight(doc, spec, size);
  doc.save().rect(x, y, total, h).fill(COLORS.accentSoft).restore();
  const style: TextStyle = { font: 'semibold', size, lineGap: 0.5, color: COLORS.accentDark };
  let top = y;
  if (spec.headerGroups) {
    const gh = groupRowHeight(doc, spec, style);
    const widths = groupWidths(spec);
    let cx = x;
    spec.headerGroups.forEach((g, i) => {
      const w = widths[i];
      if (g.label) {
        const th = measure(doc, fitLines(doc, g.label, w - 2 * PAD_X, 2, style), w - 2 * PAD_X, style);
        textAt(doc, g.label, cx + PAD_X, top + gh - PAD_Y - th, { ...style, width: w - 2 * PAD_X, align: 'center', maxLines: 2 });
        doc
          .save()
          .moveTo(cx + PAD_X, top + gh - 1)
          .lineTo(cx + w - PAD_X, top + gh - 1)
          .lineWidth(0.6)
          .strokeColor(COLORS.accent)
          .stroke()
          .restore();
      }
      cx += w;
    });
    top += gh;
  }
  let cx = x;
  for (const c of spec.columns) {
    textAt(doc, c.header, cx + PAD_X, top + PAD_Y, { ...style, width: c.width - 2 * PAD_X, align: c.align });
    cx += c.width;
  }
  doc
    .save()
    .moveTo(x, y + h)
    .lineTo(x + total, y + h)
    .lineWidth(1)
    .strokeColor(COLORS.accent)
    .stroke()
    .restore();
  return h;
}

/** Height of the header plus the first row: what a heading above the table must keep with it. */
export function tableStartHeight(doc: Doc, spec: TableSpec): number {
  const size = spec.fontSize ?? TYPE.table;
  const first = spec.rows[0];
  const hh = headerHeight(doc, spec, size);
  const firstH = first ? prepareRow(doc, spec, first, size, maxRowHeightFor(box(doc).height, hh)).height : 0;
  return hh + firstH;
}

function prepareRow(doc: Doc, spec: TableSpec, row: readonly Cell[], size: number, maxRowHeight: number): PreparedRow {
  const inner = (i: number) => spec.columns[i].width - 2 * PAD_X;
  const cells = spec.columns.map((c, i) =>
    parts(row[i] ?? '').map((p) =>
      p.kind === 'text' && p.maxLines ? { ...p, text: fitLines(doc, p.text, inner(i), p.maxLines, partStyle(p, size)) } : p,
    ),
  );
  let heights = cells.map((ps, i) => cellHeight(doc, ps, inner(i), size));
  let height = Math.max(...heights) + 2 * PAD_Y;
  if (height > maxRowHeight) {
    const limit = maxRowHeight - 2 * PAD_Y;
    for (let i = 0; i < cells.length; i++) {
      if (heights[i] > limit) {
        const share = limit / cells[i].length;
        cells[i] = cells[i].map((p) => fitPart(doc, p, inner(i), size, share));
      }
    }
    heights = cells.map((ps, i) => cellHeight(doc, ps, inner(i), size));
    height = Math.min(maxRowHeight, Math.max(...heights) + 2 * PAD_Y);
  }
  return { cells, height };
}

/** Height of the whole table if drawn on one page (header, rows, space after). */
export function tableHeight(doc: Doc, spec: TableSpec): number {
  const size = spec.fontSize ?? TYPE.table;
  const hh = headerHeight(doc, spec, size);
  const max = maxRowHeightFor(box(doc).height, hh);
  return hh + spec.rows.reduce((sum, r) => sum + prepareRow(doc, spec, r, size, max).height, 0) + SPACE.md;
}

/**
 * A row never splits across pages and never takes more than half a page: longer cell
 * texts (a pasted 2,000-character paragraph) are cut with an ellipsis. Half a page also
 * guarantees that a heading, the header row and the first row fit under a part title.
 */
function maxRowHeightFor(contentHeight: number, headerH: number): number {
  return Math.min(contentHeight - headerH - SPACE.sm, contentHeight * 0.5);
}

/** Draws the table from doc.y; leaves doc.y below it. */
export function drawTable(doc: Doc, spec: TableSpec): void {
  const size = spec.fontSize ?? TYPE.table;
  const b = box(doc);
  const x = spec.x ?? b.left;
  const total = spec.columns.reduce((s, c) => s + c.width, 0);
  const hh = headerHeight(doc, spec, size);
  const maxRowHeight = maxRowHeightFor(b.height, hh);
  const rows = spec.rows.map((r) => prepareRow(doc, spec, r, size, maxRowHeight));

  ensureSpace(doc, hh + (rows[0]?.height ?? 0));
  let y = doc.y;
  y += drawHeader(doc, spec, x, y, size);
  rows.forEach((row, index) => {
    if (y + row.height > box(doc).bottom) {
      newPage(doc);
      y = doc.y;
      y += drawHeader(doc, spec, x, y, size);
    }
    const emphasised = spec.emphasisedRows?.has(index) ?? false;
    if (emphasised) {
      doc
        .save()
        .moveTo(x, y)
        .lineTo(x + total, y)
        .lineWidth(1)
        .strokeColor(COLORS.text)
        .stroke()
        .restore();
    } else if (index % 2 === 1) {
      doc.save().rect(x, y, total, row.height).fill(COLORS.zebra).restore();
    }
    let cx = x;
    row.cells.forEach((ps, i) => {
      const col = spec.columns[i];
      let cy = y + PAD_Y;
      ps.forEach((p, k) => {
        const part = emphasised && p.kind === 'text' && !p.font ? { ...p, font: 'semibold' as const } : p;
        cy += drawPart(doc, part, cx + PAD_X, cy, col.width - 2 * PAD_X, size, col.align) + (k < ps.length - 1 ? GAP_BETWEEN_PARTS : 0);
      });
      cx += col.width;
    });
    y += row.height;
    doc
      .save()
      .moveTo(x, y)
      .lineTo(x + total, y)
      .lineWidth(0.4)
      .strokeColor(COLORS.rule)
      .stroke()
      .restore();
  });
  doc.x = b.left;
  doc.y = y + SPACE.md;
}

/** Scales column weights to the given total width. */
export function columnsFor(total: number, defs: ReadonlyArray<Omit<Column, 'width'> & { weight: number }>): Column[] {
  const sum = defs.reduce((s, d) => s + d.weight, 0);
  let used = 0;
  return defs.map((d, i) => {
    const width = i === defs.length - 1 ? total - used : Math.floor((total * d.weight) / sum);
    used += width;
    return { header: d.header, align: d.align, width };
  });
}
