import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { InventoryFileError, LIMITS } from './limits.js';

/**
 * Reading an uploaded export as rows of cells, whatever it is: CSV (any delimiter, UTF-8 with or
 * without BOM, UTF-16 with BOM, Windows-1252) through csv-parse in streaming mode, or XLSX through
 * exceljs. Rows come out one at a time with their line (CSV) or row (XLSX) number; the event loop
 * is given a turn every few thousand rows. Limits (rows, columns, record size) are enforced here.
 */

/** A formula cell with no computed value, or an error value (#N/A...): not a usable value. */
export interface UnusableCell {
  unusable: 'formula' | 'error';
  text: string;
}
export type Cell = string | number | Date | null | UnusableCell;

export interface TableRow {
  line: number;
  cells: Cell[];
}

export interface TableInfo {
  fileKind: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  /** Formula cells whose last computed value was used. */
  formulaValues: number;
  otherSheets: string[];
}

export interface Table {
  info: TableInfo;
  rows: AsyncIterable<TableRow>;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const YIELD_EVERY = 2_000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function isXlsx(buf: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => buf[i] === b);
}

/** Bytes that Windows-1252 leaves undefined: a file holding them is in neither of the accepted encodings. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export interface DetectedEncoding {
  /** WHATWG label for TextDecoder. */
  decoder: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** As shown to people. */
  name: string;
  bomLength: number;
}

/**
 * The stated rule: a byte-order mark decides (UTF-8, UTF-16 LE or BE); without one, a file that
 * is valid UTF-8 is UTF-8; anything else is Windows-1252 (what Excel writes for "CSV" on a French
 * or English Windows), unless it holds NUL bytes (UTF-16 without a mark, or not text) or bytes
 * Windows-1252 does not define: those are refused, naming the encodings accepted.
 */
export function detectEncoding(buf: Uint8Array): DetectedEncoding {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { decoder: 'utf-8', name: 'UTF-8 (BOM)', bomLength: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { decoder: 'utf-16le', name: 'UTF-16 LE (BOM)', bomLength: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { decoder: 'utf-16be', name: 'UTF-16 BE (BOM)', bomLength: 2 };
  if (buf.subarray(0, 65536).includes(0)) {
    throw new InventoryFileError(
      'encoding',
      'The file holds NUL bytes: it is either UTF-16 text without a byte-order mark or not a text file. Save it as "CSV UTF-8" (or CSV) or XLSX and upload it again.',
    );
  }
  if (isUtf8(buf)) return { decoder: 'utf-8', name: 'UTF-8', bomLength: 0 };
  const bad = buf.findIndex((b) => UNDEFINED_IN_1252.has(b));
  if (bad >= 0) {
    throw new InventoryFileError(
      'encoding',
      `The file is neither UTF-8 nor Windows-1252 (byte 0x${buf[bad].toString(16)} at offset ${bad} is undefined in Windows-1252). Save it as "CSV UTF-8" and upload it again.`,
    );
  }
  return { decoder: 'windows-1252', name: 'Windows-1252', bomLength: 0 };
}

/** The delimiter of the header line: the candidate that occurs most often outside quotes (ties: ';' then ',', tab, '|'). */
export function sniffDelimiter(firstLine: string): string {
  const candidates = [';', ',', '\t', '|'];
  const counts = new Map(candidates.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ';';
  for (const c of candidates) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

const CHUNK = 64 * 1024;

function* decodedChunks(buf: Uint8Array, encoding: DetectedEncoding): Generator<string> {
  const decoder = new TextDecoder(encoding.decoder);
  for (let at = encoding.bomLength; at < buf.length; at += CHUNK) {
    yield decoder.decode(buf.subarray(at, Math.min(at + CHUNK, buf.length)), { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function firstLineOf(buf: Uint8Array, encoding: DetectedEncoding): string {
  const head = new TextDecoder(encoding.decoder).decode(buf.subarray(encoding.bomLength, encoding.bomLength + 65536));
  return head.split(/\r\n|\n|\r/).find((l) => l.trim().length > 0) ?? '';
}

export function readCsv(buf: Uint8Array): Table {
  const encoding = detectEncoding(buf);
  const delimiter = sniffDelimiter(firstLineOf(buf, encoding));
  const info: TableInfo = { fileKind: 'csv', encoding: encoding.name, delimiter, sheet: null, formulaValues: 0, otherSheets: [] };
  async function* rows(): AsyncGenerator<TableRow> {
    const parser = parse({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: LIMITS.maxRecordChars,
      info: true,
    });
    const source = Readable.from(decodedChunks(buf, encoding), { objectMode: false });
    source.pipe(parser);
    let n = 0;
    try {
      for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (++n % YIELD_EVERY === 0) await yieldToEventLoop();
        yield { line: item.info.lines, cells: item.record };
      }
    } catch (e) {
      if (e instanceof InventoryFileError) throw e;
      const err = e as { code?: string; message?: string; lines?: number };
      if (err.code === 'CSV_MAX_RECORD_SIZE') {
        throw new InventoryFileError(
          'maxRecordSize',
          `Line ${err.lines ?? '?'} is longer than ${LIMITS.maxRecordChars.toLocaleString('en')} characters: probably a quote that is never closed`,
          413,
        );
      }
      throw new InventoryFileError('csvSyntax', `The CSV cannot be read: ${err.message ?? 'syntax error'}`);
    } finally {
      source.destroy();
    }
  }
  return { info, rows: rows() };
}

function cellOf(value: ExcelJS.CellValue, info: TableInfo): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date))) {
        return {
          unusable: 'formula',
          text: `=${(value as { formula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula ?? ''}`,
        };
      }
      info.formulaValues++;
      return result as string | number | Date;
    }
    if ('error' in value) return { unusable: 'error', text: String(value.error) };
    if ('text' in value) return String((value as { text: unknown }).text);
  }
  return String(value as unknown);
}

/**
 * XLSX: the first worksheet, read in memory by exceljs (its streaming reader copies worksheets
 * to temporary files when the shared strings come last, as Excel writes them: an export's names
 * and serial numbers would touch the disk). The reading runs in the import's worker thread.
 */
export async function readXlsx(buf: Uint8Array): Promise<Table> {
  // Loaded only for XLSX files: reading a CSV does not pay for exceljs's start-up.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new InventoryFileError('xlsx', `The XLSX file cannot be read: ${(e as Error).message}`);
  }
  const sheets = workbook.worksheets;
  const sheet = sheets.find((s) => s.actualRowCount > 0) ?? sheets[0];
  if (!sheet) throw new InventoryFileError('empty', 'The workbook has no worksheet');
  const info: TableInfo = {
    fileKind: 'xlsx',
    encoding: null,
    delimiter: null,
    sheet: sheet.name,
    formulaValues: 0,
    otherSheets: sheets.filter((s) => s !== sheet && s.actualRowCount > 0).map((s) => s.name),
  };
  if (sheet.columnCount > LIMITS.maxColumns) {
    throw new InventoryFileError(
      'maxColumns',
      `The sheet "${sheet.name}" has ${sheet.columnCount} columns; at most ${LIMITS.maxColumns} are read`,
      413,
    );
  }
  async function* rows(): AsyncGenerator<TableRow> {
    const last = sheet.rowCount;
    for (let r = 1; r <= last; r++) {
      if (r % YIELD_EVERY === 0) await yieldToEventLoop();
      const row = sheet.getRow(r);
      if (!row.hasValues) continue;
      const cells: Cell[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellOf(row.getCell(c).value, info));
      yield { line: r, cells };
    }
  }
  return { info, rows: rows() };
}

export async function readTable(buf: Uint8Array): Promise<Table> {
  if (buf.length === 0) throw new InventoryFileError('empty', 'The file is empty (0 bytes)');
  return isXlsx(buf) ? readXlsx(buf) : readCsv(buf);
}
