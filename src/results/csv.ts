/**
 * CSV that opens cleanly in a spreadsheet: UTF-8 with a byte-order mark, CRLF line ends, every
 * field that needs it quoted, and no formula injection: a text cell starting with =, +, -, @
 * (or a tab or carriage return) is prefixed with an apostrophe so it is shown, never run.
 * Numbers are written as numbers, in plain notation (never 1e-7), with the convention's decimal mark.
 *
 * Conventions: what a spreadsheet of that language expects when it opens the file. French: fields
 * separated by semicolons, decimal comma; English: commas and a decimal point.
 */
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvConvention {
  delimiter: ',' | ';';
  decimal: '.' | ',';
}

export const COMMA_POINT: CsvConvention = { delimiter: ',', decimal: '.' };
export const SEMICOLON_COMMA: CsvConvention = { delimiter: ';', decimal: ',' };

/** The convention of a language (fr: semicolon and decimal comma), unless a delimiter is asked for: then its decimal mark goes with it. */
export function csvConvention(lang: 'fr' | 'en', delimiter?: 'comma' | 'semicolon'): CsvConvention {
  if (delimiter === 'comma') return COMMA_POINT;
  if (delimiter === 'semicolon') return SEMICOLON_COMMA;
  return lang === 'fr' ? SEMICOLON_COMMA : COMMA_POINT;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A finite number without exponent, from its shortest representation: 1.2e-7 -> "0.00000012", 1e21 -> "1000000000000000000000". */
export function plainNumber(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa, exponent] = text.toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [int, frac = ''] = (negative ? mantissa.slice(1) : mantissa).split('.');
  const digits = int + frac;
  const point = int.length + Number(exponent);
  let plain: string;
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${plain}` : plain;
}

export function csvCell(value: CsvCell, convention: CsvConvention = COMMA_POINT): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = plainNumber(value);
    return convention.decimal === ',' ? text.replace('.', ',') : text;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: CsvCell[], convention: CsvConvention = COMMA_POINT): string {
  return cells.map((c) => csvCell(c, convention)).join(convention.delimiter);
}

export function toCsv(header: string[], rows: CsvCell[][], convention: CsvConvention = COMMA_POINT): string {
  const lines = [header, ...rows].map((row) => csvLine(row, convention));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
