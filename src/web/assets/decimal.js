// A number typed by a person: the page's copy of src/questionnaires/decimal-input.ts (the same
// rule, checked equal by its spec). Comma or point for decimals, spaces for thousands, and
// anything ambiguous ("1,234", "1.234,5") refused rather than guessed.

const SPACES = /[ \u00a0\u202f\u2009]/;
const GROUPED = /^[+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?$/;

/** { ok: true, value } or { ok: false, problem: 'format' | 'ambiguous' | 'grouping' }. */
export function parseDecimal(raw) {
  let s = String(raw).trim();
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
