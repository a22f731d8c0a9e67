/**
 * Number and date formatting of the report, per language. Pure and deterministic
 * (fixed locale and UTC), shared by the layout and by tests that look for a
 * formatted value in the PDF text.
 */
import { formatRange, formatSignificant } from '../footprint/footprint.display.js';
import type { Lang } from '../questionnaires/template.types.js';

/** U+2212, the typographic minus. */
const MINUS = '\u2212';
const DASH = '—';

export interface ReportFormatter {
  readonly lang: Lang;
  /**
   * Quantities (footprint values): two significant digits, the footprint module's rounding (the web
   * page and the results' summaries use the same). "—" when not finite.
   */
  quantity(value: number): string;
  /** A footprint range, "12 000–17 000"; '' when both ends round to one number. */
  range(low: number, high: number): string;
  /** Whole number with grouping. */
  integer(value: number): string;
  /** A score 0-100, rounded to the unit. */
  score(value: number): string;
  /** A ratio 0-1 as a percentage, e.g. "80 %". */
  ratio(value: number): string;
  /** A percentage value (already x100), signed, e.g. "−8 %". */
  signedPercent(value: number): string;
  /** Signed quantity, e.g. "+1 240" or "−3,5". */
  signedQuantity(value: number): string;
  /** Signed score points, e.g. "+7" / "−3" / "0". */
  signedPoints(value: number): string;
  /** A plain number with up to `digits` decimals. */
  decimal(value: number, digits: number): string;
  /** ISO date or date-time -> "12 mars 2025" / "12 March 2025" (UTC). */
  date(iso: string): string;
}

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export function createFormatter(lang: Lang): ReportFormatter {
  const locale = LOCALES[lang] ?? LOCALES.en;
  const cache = new Map<string, Intl.NumberFormat>();
  const nf = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    let f = cache.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locale, options);
      cache.set(key, f);
    }
    return f;
  };
  const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

  const quantity = (value: number): string => (Number.isFinite(value) ? formatSignificant(value, lang) : DASH);
  const sign = (value: number, body: string): string => (value > 0 ? `+${body}` : value < 0 ? `${MINUS}${body}` : body);

  return {
    lang,
    quantity,
    range: (low, high) => (Number.isFinite(low) && Number.isFinite(high) ? formatRange(low, high, lang) : ''),
    integer: (value) => (Number.isFinite(value) ? nf('int', { maximumFractionDigits: 0 }).format(value) : DASH),
    score: (value) => (Number.isFinite(value) ? nf('int', { maximumFractionDigits: 0 }).format(Math.round(value)) : DASH),
    ratio: (value) => (Number.isFinite(value) ? nf('pct', { style: 'percent', maximumFractionDigits: 0 }).format(value) : DASH),
    signedPercent: (value) => {
      if (!Number.isFinite(value)) return DASH;
      const body = nf('pct', { style: 'percent', maximumFractionDigits: 0 }).format(Math.abs(value) / 100);
      return Math.round(value) === 0 ? body : sign(value, body);
    },
    signedQuantity: (value) => (Number.isFinite(value) ? sign(value, quantity(Math.abs(value))) : DASH),
    signedPoints: (value) => {
      if (!Number.isFinite(value)) return DASH;
      const rounded = Math.round(value);
      return sign(rounded, nf('int', { maximumFractionDigits: 0 }).format(Math.abs(rounded)));
    },
    decimal: (value, digits) => (Number.isFinite(value) ? nf(`d${digits}`, { maximumFractionDigits: digits }).format(value) : DASH),
    date: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
    },
  };
}
