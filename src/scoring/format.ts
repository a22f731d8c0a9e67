/**
 * Number formatting for the sentences scoring writes (fr / en). Pure and independent of
 * the ICU data of the runtime: French uses a narrow no-break space (U+202F) between
 * thousands and a decimal comma; English a comma between thousands and a decimal point.
 */
import type { Lang } from '../questionnaires/template.types.js';

/** French narrow no-break space, thousands separator. */
export const NNBSP = '\u202f';
/** No-break space, before a French colon, semicolon or percent sign. */
export const NBSP = '\u00a0';

/** Round to `decimals` places (half away from zero), removing -0. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** Scores, maturities, gaps, priorities, contributions: one decimal at most. */
export function round1(value: number): number {
  return roundTo(value, 1);
}

/** Confidence (0..1): three decimals, i.e. a tenth of a percent. */
export function round3(value: number): number {
  return roundTo(value, 3);
}

/** Round to `digits` significant digits (for "about N kg" figures). */
export function roundSignificant(value: number, digits = 3): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = digits - 1 - magnitude;
  if (decimals >= 0) return roundTo(value, decimals);
  const factor = 10 ** -decimals;
  return Math.round(value / factor) * factor;
}

/** Format with at most `maxDecimals` decimals, no trailing zeros. */
export function formatNumber(value: number, lang: Lang, maxDecimals = 1): string {
  const rounded = roundTo(value, maxDecimals);
  const negative = rounded < 0;
  const [intPart, fracPart] = Math.abs(rounded).toFixed(maxDecimals).split('.');
  const thousands = lang === 'fr' ? NNBSP : ',';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const fraction = fracPart?.replace(/0+$/, '') ?? '';
  const decimal = lang === 'fr' ? ',' : '.';
  return `${negative ? '-' : ''}${grouped}${fraction ? decimal + fraction : ''}`;
}

/** A share 0..1 as a percentage: "12%" / "12 %". */
export function formatPercent(share: number, lang: Lang, maxDecimals = 0): string {
  const text = formatNumber(share * 100, lang, maxDecimals);
  return lang === 'fr' ? `${text}${NBSP}%` : `${text}%`;
}
