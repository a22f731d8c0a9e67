/**
 * Number and date formatting of the report, per language. Pure and deterministic
 * (fixed locale and UTC), shared by the layout and by tests that look for a
 * formatted value in the PDF text.
 */
import type { Lang } from '../questionnaires/template.types.js';
import * as figures from '../web/assets/figures.js';

export interface ReportFormatter {
  readonly lang: Lang;
  /** Quantities (footprint values, savings): two significant digits (figures.js, as the web page). "—" when not finite. */
  quantity(value: number): string;
  /** A footprint range, "12 000–17 000"; '' when both ends round to one number. */
  range(low: number, high: number): string;
  /** Whole number with grouping. */
  integer(value: number): string;
  /** A score 0-100, rounded to the unit (figures.js, as the web page). */
  score(value: number): string;
  /** A ratio 0-1 as a whole percentage, e.g. "80 %" (confidence). */
  ratio(value: number): string;
  /** A share 0-1 of a footprint, two significant digits, e.g. "7,4 %" (savings, as the web page). */
  share(value: number): string;
  /** A percentage value (already x100), signed, e.g. "−8 %". */
  signedPercent(value: number): string;
  /** Signed quantity, two significant digits, e.g. "+1 200" or "−3,5". */
  signedQuantity(value: number): string;
  /** Signed score points, e.g. "+7" / "−3" / "0". */
  signedPoints(value: number): string;
  /** A plain number with up to `digits` decimals. */
  decimal(value: number, digits: number): string;
  /** ISO date or date-time -> "12 mars 2025" / "12 March 2025" (UTC). */
  date(iso: string): string;
}

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * Every figure goes through `src/web/assets/figures.js`, the function the results page uses: a
 * figure of the report and the same figure on the page cannot be rounded differently.
 */
export function createFormatter(lang: Lang): ReportFormatter {
  const l: Lang = lang === 'en' ? 'en' : 'fr';
  const locale = LOCALES[l];
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
  const plain = (text: string) => text.replace(/\u202f/g, '\u00a0');

  return {
    lang: l,
    quantity: (value) => figures.significant(value, l),
    range: (low, high) => figures.range(low, high, l),
    integer: (value) => (Number.isFinite(value) ? plain(nf('int', { maximumFractionDigits: 0 }).format(value)) : figures.DASH),
    score: (value) => figures.score(value, l),
    ratio: (value) => figures.percent(value, l),
    share: (value) => figures.share(value, l),
    signedPercent: (value) => figures.signedPercent(value, l),
    signedQuantity: (value) => figures.signedSignificant(value, l),
    signedPoints: (value) => figures.signedPoints(value, l),
    decimal: (value, digits) =>
      Number.isFinite(value) ? plain(nf(`d${digits}`, { maximumFractionDigits: digits }).format(value)) : figures.DASH,
    date: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
    },
  };
}
