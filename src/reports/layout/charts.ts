/**
 * Vector charts drawn with pdfkit paths: horizontal score bars (with last year),
 * stacked bars (manufacturing vs use), small year bars, a score ring.
 * Each chart draws inside the box it is given and returns the height it used.
 */
import type { Doc } from './context.js';
import { keepCursor, lineAt, linesHeight, measure, textAt, useFont } from './primitives.js';
import { COLORS, TYPE } from './theme.js';

/** A "nice" axis step so that about `count` ticks cover `max`. */
export function niceStep(max: number, count = 4): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
  return nice * mag;
}

/** A legend swatch (one colour, or a strip of several) and its label; returns the width used. */
function legendItem(doc: Doc, x: number, y: number, color: string | readonly string[], label: string, thin = false): number {
  const h = thin ? 3 : 8;
  const colors = typeof color === 'string' ? [color] : color;
  const sw = colors.length > 1 ? 4 * colors.length : 12;
  colors.forEach((c, i) => {
    const w = sw / colors.length;
    doc
      .save()
      .rect(x + i * w, y + (8 - h) / 2 + 1, w, h)
      .fill(c)
      .restore();
  });
  const w = lineAt(doc, label, x + sw + 4, y, 240, { size: TYPE.tiny, color: COLORS.muted });
  return sw + 4 + w + 14;
}

export interface ScoreBarRow {
  title: string;
  score: number | null;
  previous: number | null;
  color: string;
  /** Right-hand label, e.g. "68 · Niveau 4". */
  valueLabel: string;
  /** What a null score means for this row, when not "not assessed" (e.g. not applicable). */
  nullLabel?: string;
}

export interface ScoreBarsOptions {
  x: number;
  y: number;
  width: number;
  labelWidth: number;
  valueWidth: number;
  unknownLabel: string;
  /** Swatch colours of this year's bars (the level colours). */
  legend: { current: string; currentColors: readonly string[]; previous: string | null };
}

/** Horizontal bars 0-100, one per row, last year's score as a thin bar under this year's. */
export function scoreBars(doc: Doc, rows: readonly ScoreBarRow[], o: ScoreBarsOptions): number {
  const gap = 10;
  const trackX = o.x + o.labelWidth + gap;
  const trackW = o.width - o.labelWidth - o.valueWidth - 2 * gap;
  const barH = 11;
  const prevH = 4;
  let y = o.y;

  // axis ticks
  useFont(doc, 'regular', TYPE.tiny, COLORS.faint);
  for (let t = 0; t <= 100; t += 25) {
    const tx = trackX + (trackW * t) / 100;
    keepCursor(doc, () => doc.text(String(t), tx - 15, y, { width: 30, align: 'center', lineBreak: false, height: 10 }));
  }
  y += 12;
  const top = y;
  const labelStyle = { font: 'semibold' as const, size: TYPE.small, color: COLORS.text, lineGap: 0.5 };
  const rowHeights = rows.map((r) => Math.max(30, measure(doc, r.title, o.labelWidth, labelStyle) + 10));
  const chartH = rowHeights.reduce((s, h) => s + h, 0);

  // grid
  for (let t = 0; t <= 100; t += 25) {
    const tx = trackX + (trackW * t) / 100;
    doc
      .save()
      .moveTo(tx, top)
      .lineTo(tx, top + chartH)
      .lineWidth(t === 0 ? 0.8 : 0.4)
      .strokeColor(t === 0 ? COLORS.faint : COLORS.rule);
    if (t !== 0) doc.dash(2, { space: 2 });
    doc.stroke().undash().restore();
  }

  rows.forEach((r, i) => {
    const h = rowHeights[i];
    const th = measure(doc, r.title, o.labelWidth, { ...labelStyle });
    textAt(doc, r.title, o.x, y + (h - th) / 2, { ...labelStyle, width: o.labelWidth, maxLines: 3 });
    const by = y + (h - barH - (r.previous !== null ? prevH + 2 : 0)) / 2;
    if (r.score === null) {
      doc
        .save()
        .rect(trackX + 1, by, trackW - 1, barH)
        .lineWidth(0.6)
        .dash(2, { space: 2 })
        .strokeColor(COLORS.faint)
        .stroke()
        .undash()
        .restore();
      textAt(doc, r.nullLabel ?? o.unknownLabel, trackX + 6, by + 1, {
        width: trackW - 12,
        size: TYPE.tiny,
        color: COLORS.muted,
        maxLines: 1,
      });
    } else {
      const v = Math.max(0, Math.min(100, r.score));
      doc
        .save()
        .rect(trackX, by, Math.max(1, (trackW * v) / 100), barH)
        .fill(r.color)
        .restore();
    }
    if (r.previous !== null) {
      const pv = Math.max(0, Math.min(100, r.previous));
      doc
        .save()
        .rect(trackX, by + barH + 2, Math.max(1, (trackW * pv) / 100), prevH)
        .fill(COLORS.previous)
        .restore();
    }
    const vh = linesHeight(doc, 1, { size: TYPE.small });
    textAt(doc, r.valueLabel, trackX + trackW + gap, y + (h - vh) / 2, {
      width: o.valueWidth,
      size: TYPE.small,
      font: 'semibold',
      maxLines: 1,
    });
    y += h;
  });
  y += 8;
  let lx = trackX;
  lx += legendItem(doc, lx, y, o.legend.currentColors, o.legend.current);
  if (o.legend.previous) legendItem(doc, lx, y, COLORS.previous, o.legend.previous, true);
  return y + 14 - o.y;
}

export interface StackedRow {
  label: string;
  embodied: number | null;
  use: number | null;
  /** Shown at the end of the bar, e.g. the total formatted. */
  valueLabel: string;
}

export interface StackedBarsOptions {
  x: number;
  y: number;
  width: number;
  labelWidth: number;
  valueWidth: number;
  format: (v: number) => string;
  legend: { embodied: string; use: string };
  notEstimated: string;
}

/** Horizontal stacked bars: manufacturing (dark) then use (light), on a shared linear scale. */
export function stackedBars(doc: Doc, rows: readonly StackedRow[], o: StackedBarsOptions): number {
  const gap = 10;
  // Labels are never cut: the label column widens to the longest (at most 40 % of the chart).
  const labelWidth = Math.min(
    o.width * 0.4,
    Math.max(o.labelWidth, ...rows.map((r) => useFont(doc, 'semibold', TYPE.small).widthOfString(r.label) + 4)),
  );
  const trackX = o.x + labelWidth + gap;
  const trackW = o.width - labelWidth - o.valueWidth - 2 * gap;
  const rowH = 19;
  const barH = 11;
  const max = Math.max(0, ...rows.map((r) => (r.embodied ?? 0) + (r.use ?? 0)));
  const step = niceStep(max, 4);
  const axisMax = max > 0 ? Math.ceil(max / step) * step : 1;
  const scale = (v: number) => (trackW * v) / axisMax;
  let y = o.y;

  useFont(doc, 'regular', TYPE.tiny, COLORS.faint);
  for (let t = 0; t <= axisMax + step / 1000; t += step) {
    const tx = trackX + scale(t);
    keepCursor(doc, () => doc.text(o.format(t), tx - 30, y, { width: 60, align: 'center', lineBreak: false, height: 10 }));
  }
  y += 12;
  const top = y;
  const chartH = rows.length * rowH;
  for (let t = 0; t <= axisMax + step / 1000; t += step) {
    const tx = trackX + scale(t);
    doc
      .save()
      .moveTo(tx, top)
      .lineTo(tx, top + chartH)
      .lineWidth(t === 0 ? 0.8 : 0.4)
      .strokeColor(t === 0 ? COLORS.faint : COLORS.rule);
    if (t !== 0) doc.dash(2, { space: 2 });
    doc.stroke().undash().restore();
  }
  rows.forEach((r) => {
    const ly = y + (rowH - linesHeight(doc, 1, { size: TYPE.small })) / 2;
    lineAt(doc, r.label, o.x, ly, labelWidth, { size: TYPE.small, font: 'semibold' });
    const by = y + (rowH - barH) / 2;
    if (r.embodied === null && r.use === null) {
      lineAt(doc, o.notEstimated, trackX + 6, ly, trackW, { size: TYPE.tiny, color: COLORS.muted });
    } else {
      const e = Math.max(0, r.embodied ?? 0);
      const u = Math.max(0, r.use ?? 0);
      if (e > 0) doc.save().rect(trackX, by, scale(e), barH).fill(COLORS.embodied).restore();
      if (u > 0)
        doc
          .save()
          .rect(trackX + scale(e), by, scale(u), barH)
          .fill(COLORS.use)
          .restore();
      const endX = trackX + scale(e + u) + 5;
      lineAt(doc, r.valueLabel, Math.min(endX, trackX + trackW + gap), ly, o.valueWidth + Math.max(0, trackX + trackW + gap - endX), {
        size: TYPE.tiny,
        font: 'semibold',
        color: COLORS.text,
      });
    }
    y += rowH;
  });
  y += 8;
  let lx = trackX;
  lx += legendItem(doc, lx, y, COLORS.embodied, o.legend.embodied);
  legendItem(doc, lx, y, COLORS.use, o.legend.use);
  return y + 14 - o.y;
}

export interface YearBar {
  label: string;
  value: number | null;
  highlight: boolean;
}

export interface YearBarsOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
  format: (v: number) => string;
  /** Fixed axis maximum (e.g. 100 for scores); computed from the data otherwise. */
  max?: number;
  notEstimated: string;
}

/** Small vertical bars, one per year, value above each bar, the current year in the accent colour. */
export function yearBars(doc: Doc, bars: readonly YearBar[], o: YearBarsOptions): number {
  const titleH = textAt(doc, o.title, o.x, o.y, { width: o.width, size: TYPE.small, font: 'semibold', color: COLORS.text, maxLines: 1 });
  const top = o.y + titleH + 20;
  const labelH = 12;
  const plotH = o.height - titleH - 20 - labelH;
  const base = top + plotH;
  const max = o.max ?? Math.max(0, ...bars.map((b) => b.value ?? 0));
  const axisMax = max > 0 ? max : 1;
  doc
    .save()
    .moveTo(o.x, base)
    .lineTo(o.x + o.width, base)
    .lineWidth(0.8)
    .strokeColor(COLORS.faint)
    .stroke()
    .restore();
  const n = Math.max(1, bars.length);
  const slot = o.width / n;
  const barW = Math.min(34, slot * 0.6);
  bars.forEach((b, i) => {
    const cx = o.x + slot * i + slot / 2;
    if (b.value === null) {
      lineAt(doc, '—', cx - slot / 2, base - 12, slot, { size: TYPE.tiny, color: COLORS.muted, align: 'center' });
    } else {
      const h = Math.max(1, (plotH * Math.max(0, b.value)) / axisMax);
      doc
        .save()
        .rect(cx - barW / 2, base - h, barW, h)
        .fill(b.highlight ? COLORS.accent : COLORS.previous)
        .restore();
      lineAt(doc, o.format(b.value), cx - slot / 2, base - h - 11, slot, {
        size: TYPE.tiny,
        font: 'semibold',
        align: 'center',
        color: COLORS.text,
      });
    }
    lineAt(doc, b.label, cx - slot / 2, base + 3, slot, {
      size: TYPE.tiny,
      font: b.highlight ? 'semibold' : 'regular',
      color: b.highlight ? COLORS.text : COLORS.muted,
      align: 'center',
    });
  });
  return o.height;
}

/** A ring showing a 0-100 value, drawn as two stroked arcs. */
export function scoreRing(doc: Doc, cx: number, cy: number, r: number, value: number, color: string, thickness = 9): void {
  doc.save().circle(cx, cy, r).lineWidth(thickness).strokeColor(COLORS.track).stroke().restore();
  const v = Math.max(0, Math.min(100, value));
  if (v <= 0) return;
  if (v >= 100) {
    doc.save().circle(cx, cy, r).lineWidth(thickness).strokeColor(color).stroke().restore();
    return;
  }
  const start = -Math.PI / 2;
  const end = start + (2 * Math.PI * v) / 100;
  const x0 = cx + r * Math.cos(start);
  const y0 = cy + r * Math.sin(start);
  const x1 = cx + r * Math.cos(end);
  const y1 = cy + r * Math.sin(end);
  const large = v > 50 ? 1 : 0;
  doc
    .save()
    .path(`M ${x0.toFixed(3)} ${y0.toFixed(3)} A ${r} ${r} 0 ${large} 1 ${x1.toFixed(3)} ${y1.toFixed(3)}`)
    .lineWidth(thickness)
    .lineCap('round')
    .strokeColor(color)
    .stroke()
    .restore();
}
