/**
 * A number typed by a person, read the same way on the page (src/web/assets/decimal.js, kept equal
 * by decimal-input.spec.ts) and in the API (a number question also accepts its value as text).
 *
 * The rule, in both languages:
 * - the decimal separator is a comma or a point: "1,5" and "1.5" are 1.5;
 * - thousands are separated by spaces (plain, no-break U+00A0, narrow no-break U+202F, thin U+2009)
 *   in groups of three digits: "1 234" is 1234, "12 345,5" is 12345.5;
 * - refused as ambiguous: a single comma or point followed by exactly three digits after a non-zero
 *   whole part ("1,234", "1.234": a thousands separator in one language, a decimal in the other),
 *   a separator used more than once ("1,234,567"), and a comma and a point together ("1.234,5").
 *   A leading zero ("0,125") or space-grouped thousands ("1 234,567") leave no doubt and are read.
 */
export type DecimalProblem = 'format' | 'ambiguous' | 'grouping';
export type DecimalResult = { ok: true; value: number } | { ok: false; problem: DecimalProblem };

const SPACES = /[ \u00a0\u202f\u2009]/;
const GROUPED = /^[+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?$/;

export function parseDecimal(raw: string): DecimalResult {
  let s = raw.trim();
  if (s === '') return { ok: false, problem: 'format' };
  const grouped = SPACES.test(s);
  if (grouped) {
    if (!GROUPED.test(s)) return { ok: false, problem: 'grouping' };
    s = s.replace(/[ \u00a0\u202f\u2009]/g, '');
  }
  const separators = s.match(/[.,]/g) ?? [];
  if (separators.length > 1) return { ok: false, problem: /^[+-]?[\d.,]+$/.test(s) ? 'ambiguous' : 'format' };
  const m = /^([+-]?)(\d*)(?:[.,](\d+))?$/.exec(s);
  if (!m || (m[2] === '' && m[3] === undefined)) return { ok: false, problem: 'format' };
  const [, sign, whole, fraction] = m;
  if (fraction !== undefined && fraction.length === 3 && !grouped && /[1-9]/.test(whole)) return { ok: false, problem: 'ambiguous' };
  const value = Number(`${sign}${whole || '0'}${fraction !== undefined ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: 'format' };
}

/** The API's message for a refused text, naming the rule (English, like every API message). */
export function decimalProblemMessage(raw: string, problem: DecimalProblem, questionId: string): string {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  switch (problem) {
    case 'ambiguous':
      return (
        `"${shown}" is ambiguous for ${questionId}: a comma or point followed by exactly three digits, or used more than once, ` +
        'may separate thousands. Write 1234 or 1 234 for a whole number, and 1,5 or 1.5 (one comma or point) for a decimal'
      );
    case 'grouping':
      return `"${shown}" is not a number for ${questionId}: spaces may only separate thousands, in groups of three digits (1 234 567)`;
    default:
      return `"${shown}" is not a number for ${questionId}: write digits with one comma or point for decimals (1,5 or 1.5)`;
  }
}
