/**
 * The report's charts as SVG, for the DOCX (the PDF draws the same data as vector paths with
 * pdfkit, layout/charts.ts), and their PNG rendering without a browser.
 *
 * Rendering: resvg (the Rust SVG renderer) compiled to WebAssembly, npm package
 * `@resvg/resvg-wasm`: no native binary, no install script, nothing downloaded, the same pixels on
 * every platform; fonts are handed over from the report's own Noto Sans files (no system font is
 * read), so the chart text looks like the PDF's. Word shows the SVG; viewers that cannot (older
 * Word, LibreOffice) show the PNG fallback.
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadReportFonts } from './report-fonts.js';

export interface BarRow {
  label: string;
  /** 0-100, null = not scored (an empty dashed bar). */
  value: number | null;
  /** Right-hand text, e.g. "68 · Niveau 4". */
  valueText: string;
  /** Last year's value, drawn as a thin bar under this year's. */
  previous?: number | null;
}

export interface StackRow {
  label: string;
  embodied: number;
  use: number;
  valueText: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const FONT = `font-family="Noto Sans" `;
const DARK = '#1C2830';
const MUTED = '#56646C';

/** Cuts a chart label to `max` characters for the picture only; the full text is in the table under it. */
function label(s: string, max = 38): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** Horizontal 0-100 bars (scores by section), this year dark, last year thin grey: readable in black and white. */
export function scoreBarsSvg(rows: readonly BarRow[], legend: { current: string; previous: string | null }): string {
  const W = 640;
  const labelW = 230;
  const valueW = 110;
  const trackX = labelW + 10;
  const trackW = W - labelW - valueW - 20;
  const rowH = 30;
  const top = 20;
  const H = top + rows.length * rowH + 30;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<rect width="${W}" height="${H}" fill="#FFFFFF"/>`,
  ];
  for (let t = 0; t <= 100; t += 25) {
    const x = trackX + (trackW * t) / 100;
    out.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${top + rows.length * rowH}" stroke="#D3DCDF" stroke-width="1"/>`);
    out.push(`<text ${FONT}x="${x}" y="${top - 6}" font-size="10" fill="${MUTED}" text-anchor="middle">${t}</text>`);
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    out.push(`<text ${FONT}x="0" y="${y + 19}" font-size="12" font-weight="600" fill="${DARK}">${esc(label(r.label))}</text>`);
    if (r.value === null) {
      out.push(`<rect x="${trackX}" y="${y + 8}" width="${trackW}" height="12" fill="none" stroke="${MUTED}" stroke-dasharray="3 3"/>`);
    } else {
      out.push(
        `<rect x="${trackX}" y="${y + 8}" width="${Math.max(1, (trackW * Math.min(100, Math.max(0, r.value))) / 100)}" height="12" fill="#0A4A43"/>`,
      );
    }
    if (r.previous != null)
      out.push(`<rect x="${trackX}" y="${y + 22}" width="${Math.max(1, (trackW * r.previous) / 100)}" height="4" fill="#9AA8AE"/>`);
    out.push(
      `<text ${FONT}x="${trackX + trackW + 10}" y="${y + 19}" font-size="12" font-weight="600" fill="${DARK}">${esc(r.valueText)}</text>`,
    );
  });
  const ly = top + rows.length * rowH + 16;
  out.push(
    `<rect x="${trackX}" y="${ly - 9}" width="14" height="10" fill="#0A4A43"/><text ${FONT}x="${trackX + 20}" y="${ly}" font-size="11" fill="${MUTED}">${esc(legend.current)}</text>`,
  );
  if (legend.previous)
    out.push(
      `<rect x="${trackX + 220}" y="${ly - 6}" width="14" height="4" fill="#9AA8AE"/><text ${FONT}x="${trackX + 240}" y="${ly}" font-size="11" fill="${MUTED}">${esc(legend.previous)}</text>`,
    );
  out.push('</svg>');
  return out.join('');
}

/** Horizontal stacked bars (climate by device type): manufacturing dark, use light, on one scale. */
export function stackedBarsSvg(rows: readonly StackRow[], legend: { embodied: string; use: string }): string {
  const W = 640;
  const labelW = 200;
  const valueW = 80;
  const trackX = labelW + 10;
  const trackW = W - labelW - valueW - 20;
  const rowH = 24;
  const top = 8;
  const H = top + rows.length * rowH + 30;
  const max = Math.max(1e-9, ...rows.map((r) => r.embodied + r.use));
  const sx = (v: number) => (trackW * v) / max;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<rect width="${W}" height="${H}" fill="#FFFFFF"/>`,
  ];
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    out.push(`<text ${FONT}x="0" y="${y + 16}" font-size="12" font-weight="600" fill="${DARK}">${esc(label(r.label, 32))}</text>`);
    out.push(`<rect x="${trackX}" y="${y + 6}" width="${sx(r.embodied)}" height="12" fill="#0A4A43"/>`);
    out.push(
      `<rect x="${trackX + sx(r.embodied)}" y="${y + 6}" width="${sx(r.use)}" height="12" fill="#BFE3DB" stroke="#0A4A43" stroke-width="0.5"/>`,
    );
    out.push(
      `<text ${FONT}x="${trackX + sx(r.embodied + r.use) + 6}" y="${y + 16}" font-size="11" fill="${DARK}">${esc(r.valueText)}</text>`,
    );
  });
  const ly = top + rows.length * rowH + 18;
  out.push(
    `<rect x="${trackX}" y="${ly - 9}" width="14" height="10" fill="#0A4A43"/><text ${FONT}x="${trackX + 20}" y="${ly}" font-size="11" fill="${MUTED}">${esc(legend.embodied)}</text>`,
  );
  out.push(
    `<rect x="${trackX + 170}" y="${ly - 9}" width="14" height="10" fill="#BFE3DB" stroke="#0A4A43" stroke-width="0.5"/><text ${FONT}x="${trackX + 190}" y="${ly}" font-size="11" fill="${MUTED}">${esc(legend.use)}</text>`,
  );
  out.push('</svg>');
  return out.join('');
}

let ready: Promise<void> | null = null;

/** Loads the WebAssembly renderer once per thread, from the package's own file. */
function init(): Promise<void> {
  ready ??= initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return ready;
}

/** The SVG as a PNG, twice its size (sharp when printed), drawn with the report's fonts. */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  await init();
  const fonts = loadReportFonts();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { fontBuffers: [fonts.regular, fonts.semibold], defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
  });
  try {
    const image = resvg.render();
    const png = image.asPng();
    image.free();
    return png;
  } finally {
    resvg.free();
  }
}

/** Width and height an SVG declares. */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg);
  return { width: Number(m?.[1] ?? 640), height: Number(m?.[2] ?? 200) };
}
