// Vector charts drawn at the width of their container (so text keeps its size on a phone),
// each with a title and a description for assistive technologies, and redrawn on resize.
import { fmtNumber, s } from './lib.js';

let uid = 0;

/** Draws `draw(width)` into `container` now and again when its width changes. */
export function responsive(container, draw) {
  let last = 0;
  const render = () => {
    const width = Math.max(240, Math.floor(container.clientWidth));
    if (width === last) return;
    last = width;
    container.replaceChildren(draw(width));
  };
  render();
  if ('ResizeObserver' in window) new ResizeObserver(() => render()).observe(container);
  return container;
}

function frame(width, height, title, desc, className) {
  const id = `chart${++uid}`;
  return s(
    'svg',
    {
      class: `chart ${className || ''}`,
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': `${id}-t ${id}-d`,
      focusable: 'false',
    },
    s('title', { id: `${id}-t` }, title),
    s('desc', { id: `${id}-d` }, desc),
  );
}

/** Fill colour of a 0-100 score, by maturity level band (all AA against white for the labels drawn beside). */
export function levelColor(score) {
  if (score === null || score === undefined) return '#b8c2cc';
  if (score >= 80) return '#0b7a55';
  if (score >= 60) return '#3f9c5a';
  if (score >= 40) return '#c9a227';
  if (score >= 20) return '#e07b39';
  return '#c8473d';
}

/**
 * Horizontal bars on a 0-100 scale, one row per item: the label and value above, the bar below,
 * with the level thresholds (20, 40, 60, 80) as light guides.
 * items: [{ label, value (0..100 or null), valueText, nullText? }] (nullText: what a null value means, e.g. not applicable)
 */
export function scoreBars(items, { title, desc, unknownText }) {
  return (width) => {
    const row = 50;
    const top = 4;
    const valueW = 92;
    const height = top + items.length * row + 18;
    const svg = frame(width, height, title, desc, 'chart-bars');
    const plot = width - valueW - 2;
    items.forEach((item, i) => {
      const y = top + i * row;
      svg.append(
        s('text', { x: 1, y: y + 15, class: 'chart-label' }, item.label),
        s('rect', { x: 1, y: y + 22, width: plot, height: 16, rx: 3, class: 'chart-track' }),
        s(
          'text',
          { x: width - 1, y: y + 35, class: 'chart-value', 'text-anchor': 'end' },
          item.value === null ? (item.nullText ?? unknownText) : item.valueText,
        ),
      );
      if (item.value !== null) {
        svg.append(
          s('rect', { x: 1, y: y + 22, width: Math.max(2, (plot * item.value) / 100), height: 16, rx: 3, fill: levelColor(item.value) }),
        );
      }
      // The level thresholds, as ticks across each bar.
      for (const t of [20, 40, 60, 80]) {
        const x = 1 + (plot * t) / 100;
        svg.append(s('line', { x1: x, x2: x, y1: y + 19, y2: y + 41, class: 'chart-guide' }));
      }
    });
    for (const t of [0, 20, 40, 60, 80, 100]) {
      const x = 1 + (plot * t) / 100;
      svg.append(
        s('text', { x, y: height - 3, class: 'chart-axis', 'text-anchor': t === 0 ? 'start' : t === 100 ? 'end' : 'middle' }, String(t)),
      );
    }
    return svg;
  };
}

/**
 * Stacked horizontal bars (e.g. embodied + use), one row per item, scaled to the largest total.
 * items: [{ label, parts: [number|null, ...], totalText }]; parts: [{ name, className }]
 */
export function stackedBars(items, parts, { title, desc }) {
  return (width) => {
    const row = 48;
    const legend = 26;
    const valueW = 112;
    const height = legend + items.length * row + 4;
    const svg = frame(width, height, title, desc, 'chart-stacked');
    let lx = 1;
    for (const p of parts) {
      svg.append(
        s('rect', { x: lx, y: 4, width: 14, height: 14, rx: 2, class: p.className }),
        s('text', { x: lx + 20, y: 16, class: 'chart-axis' }, p.name),
      );
      lx += 36 + p.name.length * 7.5;
    }
    const max = Math.max(1e-9, ...items.map((it) => it.parts.reduce((sum, v) => sum + (v || 0), 0)));
    const plot = width - valueW - 2;
    items.forEach((item, i) => {
      const y = legend + i * row;
      svg.append(
        s('text', { x: 1, y: y + 14, class: 'chart-label' }, item.label),
        s('rect', { x: 1, y: y + 21, width: plot, height: 16, rx: 3, class: 'chart-track' }),
        s('text', { x: width - 1, y: y + 34, class: 'chart-value', 'text-anchor': 'end' }, item.totalText),
      );
      let x = 1;
      item.parts.forEach((v, k) => {
        if (!v) return;
        const w = Math.max(1, (plot * v) / max);
        svg.append(s('rect', { x, y: y + 21, width: w, height: 16, class: parts[k].className }));
        x += w;
      });
    });
    return svg;
  };
}

/**
 * A line over the years, 0-100. points: [{ label (year), value|null }]
 */
export function scoreLine(points, { title, desc }) {
  return (width) => {
    const height = 240;
    const left = 34;
    const right = 16;
    const top = 16;
    const bottom = 30;
    const svg = frame(width, height, title, desc, 'chart-line');
    const plotW = width - left - right;
    const plotH = height - top - bottom;
    const pad = 28;
    const xOf = (i) => left + pad + (points.length === 1 ? (plotW - 2 * pad) / 2 : ((plotW - 2 * pad) * i) / (points.length - 1));
    const yOf = (v) => top + plotH - (plotH * v) / 100;
    for (const t of [0, 20, 40, 60, 80, 100]) {
      svg.append(
        s('line', { x1: left, x2: width - right, y1: yOf(t), y2: yOf(t), class: t === 0 ? 'chart-baseline' : 'chart-guide' }),
        s('text', { x: left - 6, y: yOf(t) + 4, class: 'chart-axis', 'text-anchor': 'end' }, String(t)),
      );
    }
    let path = '';
    points.forEach((p, i) => {
      if (p.value === null) return;
      path += `${path ? 'L' : 'M'}${xOf(i).toFixed(1)},${yOf(p.value).toFixed(1)}`;
    });
    if (path) svg.append(s('path', { d: path, class: 'chart-path' }));
    points.forEach((p, i) => {
      svg.append(s('text', { x: xOf(i), y: height - 8, class: 'chart-axis', 'text-anchor': 'middle' }, String(p.label)));
      if (p.value === null) return;
      svg.append(
        s('circle', { cx: xOf(i), cy: yOf(p.value), r: 5, class: 'chart-point', fill: levelColor(p.value) }),
        s('text', { x: xOf(i), y: yOf(p.value) - 10, class: 'chart-value', 'text-anchor': 'middle' }, fmtNumber(p.value)),
      );
    });
    return svg;
  };
}
