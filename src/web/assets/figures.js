// Figures as people read them: the one formatting of every number shown in a summary, used by the
// web pages (the browser loads this file as it is) and by the report, PDF and DOCX (imported by
// src/reports/report-format.ts), and behind the footprint's display texts
// (src/footprint/footprint.display.ts). A figure on the results page and the same figure in the
// report are printed by the same function, so they cannot differ.
//
// Plain ES module: no import, no DOM, no Node API. Languages: 'fr' and 'en'. French groups
// thousands with a no-break space (U+00A0, safer in every font than ICU's narrow one) and puts a
// no-break space before "%"; English groups with a comma.
//
// Rounding rules:
// - scores, maturities (0-100): to the unit ("33.6" -> "34"): a self-assessment does not
//   measure tenths of a point;
// - footprint quantities and savings: two significant digits (13,947 -> "14 000"; 0.0086 ->
//   "0,0086"), the precision the reference factors deserve, with their range;
// - shares of a footprint (a saving as a part of the total): two significant digits of the
//   percentage ("7,4 %", "28 %");
// - confidence: a whole percentage ("80 %");
// - changes: signed, with the typographic minus ("+7", "−3", "−40 %").

const LOCALES = { fr: 'fr-FR', en: 'en-GB' };
const MINUS = '\u2212';
const NBSP = '\u00a0';
/** Shown for a figure that is not a finite number (never a zero). */
export const DASH = '—';

const cache = new Map();
function nf(lang, key, options) {
  const id = `${lang}:${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang] ?? LOCALES.en, options);
    cache.set(id, f);
  }
  return f;
}
const clean = (text) => text.replace(/\u202f/g, NBSP);
const finite = (v) => typeof v === 'number' && Number.isFinite(v);

/** A number in the reader's language, not rounded ("1 850" / "1,850"; "2,5" / "2.5"). */
export function formatNumber(value, lang) {
  return clean(nf(lang, 'plain', { maximumFractionDigits: 20, useGrouping: true }).format(value));
}

/** `value` rounded to two significant digits (0 stays 0, -0 becomes 0). */
export function roundSignificant(value) {
  if (value === 0 || !finite(value)) return value;
  const rounded = Number(value.toPrecision(2));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Two significant digits: "14 000" / "14,000"; "0,0040" / "0.0040" (below 10 the second digit shows even when 0). */
export function significant(value, lang) {
  if (!finite(value)) return DASH;
  const rounded = roundSignificant(value);
  if (rounded === 0 || Math.abs(rounded) >= 10) return formatNumber(rounded, lang);
  return clean(nf(lang, 'sig2', { minimumSignificantDigits: 2, maximumSignificantDigits: 2 }).format(rounded));
}

/** "12 000–17 000", or '' when both ends round to one number (or one is missing). */
export function range(low, high, lang) {
  if (!finite(low) || !finite(high)) return '';
  const a = significant(low, lang);
  const b = significant(high, lang);
  return a === b ? '' : `${a}\u2013${b}`;
}

/** A score or a maturity, 0-100, to the unit: "34". */
export function score(value, lang) {
  if (!finite(value)) return DASH;
  return formatNumber(Math.round(value) + 0, lang);
}

/** "%" after a number: "80 %" in French, "80%" in English. */
function withPercent(number, lang) {
  return lang === 'fr' ? `${number}${NBSP}%` : `${number}%`;
}

/** A ratio 0-1 as a whole percentage (confidence, a share of answers): "80 %" / "80%". */
export function percent(ratio, lang) {
  if (!finite(ratio)) return DASH;
  return withPercent(formatNumber(Math.round(ratio * 100) + 0, lang), lang);
}

/** A share 0-1 of a footprint, two significant digits of the percentage: "7,4 %" / "28%". */
export function share(ratio, lang) {
  if (!finite(ratio)) return DASH;
  return withPercent(significant(ratio * 100, lang), lang);
}

function signed(value, body) {
  return value > 0 ? `+${body}` : value < 0 ? `${MINUS}${body}` : body;
}

/** A change of score, to the unit and signed: "+7", "−3", "0". */
export function signedPoints(delta, lang) {
  if (!finite(delta)) return DASH;
  const rounded = Math.round(delta) + 0;
  return signed(rounded, formatNumber(Math.abs(rounded), lang));
}

/** A change in percent (already x100), to the unit and signed: "−40 %", "+3 %", "0 %". */
export function signedPercent(pct, lang) {
  if (!finite(pct)) return DASH;
  const rounded = Math.round(pct) + 0;
  return signed(rounded, withPercent(formatNumber(Math.abs(rounded), lang), lang));
}

/** A change of a quantity, two significant digits and signed: "+1 200", "−3,5". */
export function signedSignificant(delta, lang) {
  if (!finite(delta)) return DASH;
  const body = significant(Math.abs(delta), lang);
  return body === '0' ? body : signed(delta, body);
}

/**
 * A yearly quantity with its unit and range: "16 000 kg CO2e (15 000–17 000)". `unit` as it should
 * read; `null` value: "non estimé" / "not estimated", never 0.
 */
export function figure(value, unit, low, high, lang) {
  if (!finite(value)) return lang === 'fr' ? 'non estimé' : 'not estimated';
  const spread = range(low, high, lang);
  return `${significant(value, lang)}${unit ? `${NBSP}${unit}` : ''}${spread ? ` (${spread})` : ''}`;
}

/**
 * The unit a set of footprint quantities is shown in: kilograms become tonnes when the largest of
 * them reaches 10,000 kg ("kg CO2e" -> "t CO2e", "kg Sb eq" -> "t Sb eq"); other units stay.
 * Returns the unit and the divisor, so that a table row reads in one unit.
 */
export function quantityScale(values, unit) {
  const largest = Math.max(0, ...values.filter(finite).map((v) => Math.abs(v)));
  if (typeof unit === 'string' && /^kg(\s|$)/.test(unit) && largest >= 10000) return { unit: `t${unit.slice(2)}`, divisor: 1000 };
  return { unit: unit ?? '', divisor: 1 };
}

/** A footprint quantity with its unit, two significant digits, tonnes from 10,000 kg: "2 400 kg CO2e", "16 t CO2e". */
export function quantity(value, unit, lang, scale = quantityScale([value], unit)) {
  if (!finite(value)) return lang === 'fr' ? 'non estimé' : 'not estimated';
  const body = significant(value / scale.divisor, lang);
  return scale.unit ? `${body}${NBSP}${scale.unit}` : body;
}

/** A change of a footprint quantity, signed, with its unit: "+1 200 kg CO2e", "−3,5 t CO2e". */
export function signedQuantity(delta, unit, lang, scale = quantityScale([delta], unit)) {
  if (!finite(delta)) return DASH;
  const body = signedSignificant(delta / scale.divisor, lang);
  return scale.unit ? `${body}${NBSP}${scale.unit}` : body;
}
