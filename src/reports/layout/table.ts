/**
 * Tables that break across pages with their header row repeated: a row moves whole to the next
 * page, a row taller than a page splits cleanly (its cells continue under the repeated header);
 * nothing is cut. Zebra rows and hairline rules (readable in black and white).
 */
import type { FontKey } from '../report-fonts.js';
import type { Doc } from './context.js';
import { box, ensureSpace, keepCursor, linesHeight, measure, newPage, textAt, useFont, type TextStyle } from './primitives.js';
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
  /** Space above and below a cell's content (default 4 pt). */
  padY?: number;
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
  const texts = spec.headerGroups.map((g) => g.label);
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
        const th = measure(doc, g.label, w - 2 * PAD_X, style);
        textAt(doc, g.label, cx + PAD_X, top + gh - PAD_Y - th, { ...style, width: w - 2 * PAD_X, align: 'center' });
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
  const firstH = first ? prepareRow(doc, spec, first, size).height : 0;
  // A first row taller than what is left of a page is split: keep a few lines of it with the heading.
  return hh + Math.min(firstH, box(doc).height / 4);
}

const padOf = (spec: TableSpec) => spec.padY ?? PAD_Y;

function prepareRow(doc: Doc, spec: TableSpec, row: readonly Cell[], size: number): PreparedRow {
  const cells = spec.columns.map((_, i) => parts(row[i] ?? ''));
  return measureRow(doc, spec, cells, size);
}

function measureRow(doc: Doc, spec: TableSpec, cells: (readonly CellPart[])[], size: number): PreparedRow {
  const inner = (i: number) => spec.columns[i].width - 2 * PAD_X;
  const heights = cells.map((ps, i) => cellHeight(doc, ps, inner(i), size));
  return { cells, height: Math.max(...heights) + 2 * padOf(spec) };
}

/** The longest head of `text` (on a space when there is one) whose height stays within `room`. */
function splitText(doc: Doc, text: string, width: number, style: TextStyle, room: number): [string, string] {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(doc, text.slice(0, mid), width, style) <= room) lo = mid;
    else hi = mid - 1;
  }
  let cut = lo;
  const space = text.lastIndexOf(' ', lo);
  if (space > lo * 0.6) cut = space;
  if (cut > 0 && /[\uD800-\uDBFF]/.test(text[cut - 1])) cut -= 1;
  return [text.slice(0, cut).trimEnd(), text.slice(cut).trimStart()];
}

/** Splits a cell's parts: what fits in `room` points, and the rest (drawn on the next page). */
function splitCell(doc: Doc, ps: readonly CellPart[], width: number, base: number, room: number): [CellPart[], CellPart[]] {
  const head: CellPart[] = [];
  let used = 0;
  for (let k = 0; k < ps.length; k++) {
    const p = ps[k];
    const gap = head.length ? GAP_BETWEEN_PARTS : 0;
    const h = partHeight(doc, p, width, base);
    if (used + gap + h <= room) {
      head.push(p);
      used += gap + h;
      continue;
    }
    const left = room - used - gap;
    if (p.kind === 'text' && left > 0) {
      const [a, b] = splitText(doc, p.text, width, partStyle(p, base), left);
      if (a) head.push({ ...p, text: a });
      return [head, [...(b ? [{ ...p, text: b }] : []), ...ps.slice(k + 1)]];
    }
    if (p.kind === 'bullets' && left > 0) {
      const items: string[] = [];
      let h2 = 0;
      for (let j = 0; j < p.items.length; j++) {
        const ih = measure(doc, p.items[j], width - bulletIndent(p.size ?? base), partStyle(p, base)) + 1.5;
        if (h2 + ih <= left) {
          items.push(p.items[j]);
          h2 += ih;
          continue;
        }
        const [a, b] = splitText(doc, p.items[j], width - bulletIndent(p.size ?? base), partStyle(p, base), left - h2 - 1.5);
        if (a) items.push(a);
        const rest = [...(b ? [b] : []), ...p.items.slice(j + 1)];
        if (items.length) head.push({ ...p, items });
        return [head, [...(rest.length ? [{ ...p, items: rest }] : []), ...ps.slice(k + 1)]];
      }
    }
    return [head, ps.slice(k)];
  }
  return [head, []];
}

/** Height of the whole table if drawn on one page (header, rows, space after). */
export function tableHeight(doc: Doc, spec: TableSpec): number {
  const size = spec.fontSize ?? TYPE.table;
  const hh = headerHeight(doc, spec, size);
  return hh + spec.rows.reduce((sum, r) => sum + prepareRow(doc, spec, r, size).height, 0) + SPACE.md;
}

/**
 * Draws the table from doc.y; leaves doc.y below it. A row that does not fit on what is left of
 * the page moves whole to the next one, under the header row repeated; a row taller than a whole
 * page is split, its cells continuing on the next page. Nothing is cut.
 */
export function drawTable(doc: Doc, spec: TableSpec): void {
  const size = spec.fontSize ?? TYPE.table;
  const b = box(doc);
  const x = spec.x ?? b.left;
  const total = spec.columns.reduce((s, c) => s + c.width, 0);
  const hh = headerHeight(doc, spec, size);
  const pad = padOf(spec);
  const rows = spec.rows.map((r) => prepareRow(doc, spec, r, size));
  const minPiece = linesHeight(doc, 3, { size }) + 2 * pad;

  ensureSpace(doc, hh + Math.min(rows[0]?.height ?? 0, minPiece));
  let y = doc.y;
  let pageTop = y;
  y += drawHeader(doc, spec, x, y, size);
  const freshPage = () => {
    newPage(doc);
    y = doc.y;
    pageTop = y;
    y += drawHeader(doc, spec, x, y, size);
  };
  rows.forEach((prepared, index) => {
    let row = prepared;
    for (;;) {
      const avail = box(doc).bottom - y;
      if (row.height <= avail) break;
      const atTop = y - pageTop <= hh + 0.5;
      if (!atTop && (row.height <= box(doc).bottom - pageTop - hh || avail < minPiece)) {
        freshPage();
        continue;
      }
      // Taller than a page: what fits here, the rest on the next page.
      const room = avail - 2 * pad;
      const split = row.cells.map((ps, i) => splitCell(doc, ps, spec.columns[i].width - 2 * PAD_X, size, room));
      drawRow(doc, spec, { cells: split.map((c) => c[0]), height: avail }, index, x, y, total, size);
      row = measureRow(
        doc,
        spec,
        split.map((c) => c[1]),
        size,
      );
      freshPage();
    }
    drawRow(doc, spec, row, index, x, y, total, size);
    y += row.height;
  });
  doc.x = b.left;
  doc.y = y + SPACE.md;
}

function drawRow(doc: Doc, spec: TableSpec, row: PreparedRow, index: number, x: number, y: number, total: number, size: number): void {
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
    let cy = y + padOf(spec);
    ps.forEach((p, k) => {
      const part = emphasised && p.kind === 'text' && !p.font ? { ...p, font: 'semibold' as const } : p;
      cy += drawPart(doc, part, cx + PAD_X, cy, col.width - 2 * PAD_X, size, col.align) + (k < ps.length - 1 ? GAP_BETWEEN_PARTS : 0);
    });
    cx += col.width;
  });
  doc
    .save()
    .moveTo(x, y + row.height)
    .lineTo(x + total, y + row.height)
    .lineWidth(0.4)
    .strokeColor(COLORS.rule)
    .stroke()
    .restore();
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
