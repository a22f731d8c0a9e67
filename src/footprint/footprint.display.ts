/**
 * Display helpers. The computation keeps full precision; rounding happens here,
 * when a number is shown.
 */
import type { Lang } from '../questionnaires/template.types.js';
import { CRITERION_UNITS, type Criterion } from './footprint.types.js';

/** Significant digits kept for display: the reference figures carry at most 3. */
export const DISPLAY_SIGNIFICANT_DIGITS = 3;

/**
 * Rounds a value for display. Rule (the same for every criterion): 3 significant
 * digits (4627.25 -> 4630; 0.0086 -> 0.0086; 2150.104 -> 2150); 0 stays 0; `null`
 * (not estimated) stays null. The criterion is taken so that a per-criterion rule can be
 * added later without changing the callers.
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

/** Formats a rounded number with its unit, or "not estimated" for null. */
export function formatForDisplay(value: number | null, criterion: Criterion, lang: Lang): string {
  if (value === null) return lang === 'fr' ? 'non estimé' : 'not estimated';
  return `${formatNumber(roundForDisplay(value, criterion), lang)} ${CRITERION_UNITS[criterion]}`;
}

/** Formats a fraction 0..1 as a rounded percent ("30 %" / "30%"). */
export function formatPercent(fraction: number, lang: Lang): string {
  const percent = Math.round(fraction * 1000) / 10;
  const n = formatNumber(percent, lang);
  return lang === 'fr' ? `${n}\u00a0%` : `${n}%`;
}
