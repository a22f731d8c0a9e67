/**
 * Display helpers: the one place footprint figures are rounded for people. The computation,
 * the JSON and the CSV keep full precision; summaries (web, PDF) show two significant digits and
 * the range, through `formatFigure` and `formatSignificant` here: the results carry the texts they
 * produce (`FootprintResult.display`), so the web page and the report print the same strings.
 */
import type { Lang } from '../questionnaires/template.types.js';
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
  if (value === null) return null;
  if (value === 0) return 0;
  if (!Number.isFinite(value)) return value;
  const rounded = Number(value.toPrecision(DISPLAY_SIGNIFICANT_DIGITS));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Formats a number in the reader's language, without rounding it ("1 850" / "1,850"; "2,5" / "2.5"). */
const NUMBER_FORMATS: Record<Lang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 20, useGrouping: true }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 20, useGrouping: true }),
};

export function formatNumber(value: number, lang: Lang): string {
  const text = NUMBER_FORMATS[lang].format(value);
  // French uses a narrow no-break space as thousands separator; a plain no-break space is safer in every font.
  return text.replace(/\u202f/g, '\u00a0');
}

const SMALL_FORMATS: Record<Lang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', {
    minimumSignificantDigits: DISPLAY_SIGNIFICANT_DIGITS,
    maximumSignificantDigits: DISPLAY_SIGNIFICANT_DIGITS,
  }),
  en: new Intl.NumberFormat('en-GB', {
    minimumSignificantDigits: DISPLAY_SIGNIFICANT_DIGITS,
    maximumSignificantDigits: DISPLAY_SIGNIFICANT_DIGITS,
  }),
};

/**
 * A value rounded to two significant digits, in the reader's language ("14 000" / "14,000";
 * "0,0040" / "0.0040": below 10 the second digit is kept even when it is a zero).
 */
export function formatSignificant(value: number, lang: Lang): string {
  const rounded = roundForDisplay(value);
  if (rounded === 0 || !Number.isFinite(rounded) || Math.abs(rounded) >= 10) return formatNumber(rounded, lang);
  return SMALL_FORMATS[lang].format(rounded);
}

/**
 * "12 000–17 000": the range rounded like the value. Empty when both ends round to the same
 * number (a single-source figure: the methodology says so).
 */
export function formatRange(low: number, high: number, lang: Lang): string {
  const a = formatSignificant(low, lang);
  const b = formatSignificant(high, lang);
  return a === b ? '' : `${a}\u2013${b}`;
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
