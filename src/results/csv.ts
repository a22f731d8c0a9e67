/**
 * CSV that opens cleanly in a spreadsheet: UTF-8 with a byte-order mark, CRLF line ends, every
 * field that needs it quoted, and no formula injection: a text cell starting with =, +, -, @
 * (or a tab or carriage return) is prefixed with an apostrophe so it is shown, never run.
 * Numbers are written as numbers.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
