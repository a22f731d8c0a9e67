import { normaliseText } from './inventory-content.js';
import { FIELDS, type ColumnMapping, type DateOrder, type ExportFormat, type Field, type InventoryContent } from './inventory.types.js';

/**
 * Recognising an export by its headers, and checking a mapping given by a person. Pure.
 */

export interface Recognised {
  format: ExportFormat;
  mapping: ColumnMapping;
}

/** The known format these headers are, with its columns mapped to the file's own header text; undefined if none. */
export function recogniseFormat(headers: string[], formats: ExportFormat[]): Recognised | undefined {
  const byNormal = new Map<string, string>();
  for (const h of headers) {
    const n = normaliseText(h);
    if (n && !byNormal.has(n)) byNormal.set(n, h);
  }
  let best: { format: ExportFormat; score: number } | undefined;
  for (const format of formats) {
    if (!format.all.every((h) => byNormal.has(h))) continue;
    if (format.any && !format.any.some((h) => byNormal.has(h))) continue;
    const score = Object.values(format.columns).filter((alts) => alts?.some((h) => byNormal.has(h))).length;
    if (!best || score > best.score) best = { format, score };
  }
  if (!best) return undefined;
  const columns: ColumnMapping['columns'] = {};
  for (const [field, alts] of Object.entries(best.format.columns) as Array<[Field, string[]]>) {
    const found = alts.find((h) => byNormal.has(h));
    if (found) columns[field] = byNormal.get(found)!;
  }
  return { format: best.format, mapping: { columns, dateOrder: best.format.dateOrder } };
}

/** For a file no format recognises: the header that suggests each field (the person confirms). */
export function suggestMapping(headers: string[], content: InventoryContent): ColumnMapping['columns'] {
  const out: ColumnMapping['columns'] = {};
  const taken = new Set<string>();
  for (const field of FIELDS) {
    const wanted = content.suggestions[field] ?? [];
    const header = headers.find((h) => !taken.has(h) && wanted.includes(normaliseText(h)));
    if (header) {
      out[field] = header;
      taken.add(header);
    }
  }
  return out;
}

/** The fingerprint of a header row: saved mappings are found again by it next year. */
export function headerFingerprint(headers: string[]): string {
  return headers
    .map(normaliseText)
    .filter((h) => h.length > 0)
    .join('|');
}

export interface MappingProblem {
  field: string;
  rule: string;
  message: string;
}

/** Checks a mapping against the file's headers: each named header must exist, one column may not hold two fields, and something must say what a device is. */
export function mappingProblems(mapping: ColumnMapping, headers: string[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const present = new Set(headers);
  const used = new Map<string, string>();
  for (const [field, header] of Object.entries(mapping.columns)) {
    if (!(FIELDS as readonly string[]).includes(field)) {
      problems.push({
        field: `mapping.columns.${field}`,
        rule: 'unknownField',
        message: `"${field}" is not a field of the import (${FIELDS.join(', ')})`,
      });
      continue;
    }
    if (typeof header !== 'string' || !present.has(header)) {
      problems.push({
        field: `mapping.columns.${field}`,
        rule: 'header',
        message: `the file has no column "${String(header)}" (its columns: ${headers.filter((h) => h).join(', ')})`,
      });
      continue;
    }
    if (used.has(header)) {
      problems.push({
        field: `mapping.columns.${field}`,
        rule: 'unique',
        message: `column "${header}" is already mapped to ${used.get(header)}`,
      });
    }
    used.set(header, field);
  }
  const c = mapping.columns;
  if (!c.type && !c.category && !c.model && !c.os) {
    problems.push({
      field: 'mapping.columns',
      rule: 'classifiable',
      message: 'map at least one column that says what a device is: type, category, model or os',
    });
  }
  if (!['dmy', 'mdy', 'ymd'].includes(mapping.dateOrder)) {
    problems.push({ field: 'mapping.dateOrder', rule: 'isIn', message: 'dateOrder must be dmy, mdy or ymd' });
  }
  return problems;
}

/** Reads a date cell. Returns a UTC day, `null` when empty, or `undefined` when it is not a date in the given order. */
export function parseDate(cell: string | number | Date | null, order: DateOrder): Date | null | undefined {
  if (cell === null) return null;
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? undefined : utcDay(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  if (typeof cell === 'number') {
    // A spreadsheet serial day number (1900 date system): 1 = 1900-01-01, with Excel's 1900 leap-year bug.
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465) return undefined;
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000);
  }
  const text = cell.trim();
  if (!text) return null;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return utcDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?)?$/i.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return order === 'mdy' ? utcDay(Number(m[3]), a, b) : utcDay(Number(m[3]), b, a);
  }
  return undefined;
}

function utcDay(y: number, m: number, d: number): Date | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date;
}
