/**
 * Display helpers: the one place footprint figures are rounded for people. The computation,
 * the JSON and the CSV keep full precision; summaries (web, PDF) show two significant digits and
 * the range, through `formatFigure` and `formatSignificant` here: the results carry the texts they
 * produce (`FootprintResult.display`), so the web page and the report print the same strings.
 */
import type { Lang } from '../questionnaires/template.types.js';
import * as figures from '../web/assets/figures.js';
import { CRITERION_UNITS, type Criterion } from './footprint.types.js';

/**
 * Significant digits kept for display. The reference figures carry at most three, and the
 * factors' ranges span tens of percent: two is the precision the totals deserve.
 */
export const DISPLAY_SIGNIFICANT_DIGITS = 2;

/**
 * Rounds a value for display. Rule (the same for every criterion): 2 significant digits
 * (13,947 -> 14,000; 0.0086 -> 0.0086; 495,471 -> 500,000); 0 stays 0; `null` (not estimated)
 * stays null. The criterion is taken so that a per-criterion rule can be added later without
 * changing the callers.
 */
export function roundForDisplay(value: number, criterion?: Criterion): number;
export function roundForDisplay(value: number | null, criterion?: Criterion): number | null;
export function roundForDisplay(value: number | null, _criterion?: Criterion): number | null {
  return value === null ? null : figures.roundSignificant(value);
}

/**
 * The digits themselves come from `src/web/assets/figures.js`, the one formatting function of the
 * figures people read, which the browser loads as it is: the results page, the report and these
 * display texts print a figure with the same code.
 */

/** Formats a number in the reader's language, without rounding it ("1 850" / "1,850"; "2,5" / "2.5"). */
export function formatNumber(value: number, lang: Lang): string {
  return figures.formatNumber(value, lang);
}

/**
 * A value rounded to two significant digits, in the reader's language ("14 000" / "14,000";
 * "0,0040" / "0.0040": below 10 the second digit is kept even when it is a zero).
 */
export function formatSignificant(value: number, lang: Lang): string {
  return figures.significant(value, lang);
}

/**
 * "12 000–17 000": the range rounded like the value. Empty when both ends round to the same
 * number (a single-source figure: the methodology says so).
 */
export function formatRange(low: number, high: number, lang: Lang): string {
  return figures.range(low, high, lang);
}

/**
 * The summary text of a figure: "14 000 kg CO2e (12 000–17 000)" / "14,000 kg CO2e (12,000–17,000)",
 * or "non estimé" / "not estimated" for null. `unit: false` leaves the unit out.
 */
export function formatFigure(
  value: number | null,
  criterion: Criterion,
  lang: Lang,
  range?: { low: number | null; high: number | null } | null,
  options: { unit?: boolean } = {},
): string {
  if (value === null) return lang === 'fr' ? 'non estimé' : 'not estimated';
  const unit = options.unit === false ? '' : `\u00a0${CRITERION_UNITS[criterion]}`;
  const spread = range && range.low !== null && range.high !== null ? formatRange(range.low, range.high, lang) : '';
  return `${formatSignificant(value, lang)}${unit}${spread ? ` (${spread})` : ''}`;
}

/** Formats a rounded number with its unit, or "not estimated" for null. */
export function formatForDisplay(value: number | null, criterion: Criterion, lang: Lang): string {
  return formatFigure(value, criterion, lang);
}

/** Formats a fraction 0..1 as a rounded percent ("30 %" / "30%"). */
export function formatPercent(fraction: number, lang: Lang): string {
  const percent = Math.round(fraction * 1000) / 10;
  const n = formatNumber(percent, lang);
  return lang === 'fr' ? `${n}\u00a0%` : `${n}%`;
}
