import { StatusReader } from './classify.js';
import { InventoryFileError, LIMITS } from './limits.js';
import type { I18nText } from '../questionnaires/template.types.js';
import { readTable, type Cell } from './read-table.js';
import { headerFingerprint, mappingProblems, parseDate, recogniseFormat, suggestMapping } from './recognise.js';
import {
  AGE_BUCKETS,
  SIGNATURE_FIELDS,
  type ColumnMapping,
  type Field,
  type InventoryContent,
  type ParsedInventory,
  type RejectedRow,
  type SignatureField,
  type SignatureGroup,
} from './inventory.types.js';

/**
 * From the bytes of an export to what an import keeps: rows are read one at a time, only the
 * mapped columns are looked at, and each row is folded into the aggregates of its signature
 * (type, category, model, manufacturer, os, size). Names, serial numbers, users and e-mails are
 * never read; the bytes are dropped by the caller once this returns.
 */

export interface ParseOptions {
  /** The day the export was taken: ages are counted to it (UTC day). */
  asOf: Date;
  /** A mapping given by the person (the mapping step). */
  mapping?: ColumnMapping;
  /** The organisation's saved mappings, by header fingerprint. */
  savedMappings?: Record<string, ColumnMapping>;
}

const YEAR_MS = 365.25 * 86_400_000;
const EARLIEST = Date.UTC(1980, 0, 1);

function text(cell: Cell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'object' && !(cell instanceof Date)) return undefined;
  const s = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
  return s.length ? s : undefined;
}

function addLine(group: SignatureGroup, line: number): void {
  const last = group.lines[group.lines.length - 1];
  if (last && last[1] === line - 1) last[1] = line;
  else if (last && last[1] >= line) return;
  else if (group.lines.length < LIMITS.maxRangesPerSignature) group.lines.push([line, line]);
  else group.moreLines++;
}

function newGroup(signature: SignatureGroup['signature']): SignatureGroup {
  return {
    signature,
    rows: 0,
    inService: 0,
    retired: 0,
    excluded: 0,
    ageBuckets: AGE_BUCKETS.map(() => 0),
    ageSum: 0,
    dated: 0,
    undated: 0,
    lifespanSum: 0,
    lifespanCount: 0,
    lifespanMin: null,
    lifespanMax: null,
    refurbishedYes: 0,
    refurbishedNo: 0,
    refurbishedUnknown: 0,
    lines: [],
    moreLines: 0,
  };
}

export function ageBucket(years: number): number {
  const i = AGE_BUCKETS.findIndex(([lo, hi]) => years >= lo && (hi === null || years < hi));
  return i < 0 ? 0 : i;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export async function parseInventory(buf: Uint8Array, content: InventoryContent, options: ParseOptions): Promise<ParsedInventory> {
  const table = await readTable(buf);
  const iterator = table.rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new InventoryFileError('empty', 'The file has no rows: not even a header line');
  const headerLine = first.value.line;
  const headers = first.value.cells.map((c) => text(c) ?? '');
  if (headers.length > LIMITS.maxColumns) {
    throw new InventoryFileError('maxColumns', `The header has ${headers.length} columns; at most ${LIMITS.maxColumns} are read`, 413);
  }
  while (headers.length > 0 && headers[headers.length - 1] === '' && table.info.fileKind === 'xlsx') headers.pop();

  // Which columns: the person's mapping, else the organisation's saved one for these headers, else a known export.
  const fingerprint = headerFingerprint(headers);
  let formatId: string | null = null;
  let mapping = options.mapping ?? options.savedMappings?.[fingerprint];
  if (mapping && !options.mapping) formatId = 'saved-mapping';
  if (options.mapping) formatId = 'mapping';
  if (!mapping) {
    const recognised = recogniseFormat(headers, content.formats);
    if (recognised) {
      mapping = recognised.mapping;
      formatId = recognised.format.id;
    }
  }
  if (!mapping) {
    throw new InventoryFileError(
      'mappingRequired',
      'This file is not an export this service recognises: say which column holds what (mapping) and upload it again',
      400,
      { headers: headers.filter((h) => h), suggestedMapping: suggestMapping(headers, content) },
    );
  }
  const problems = mappingProblems(mapping, headers);
  if (problems.length) {
    throw new InventoryFileError('mapping', problems.map((p) => `${p.field}: ${p.message}`).join('; '), 400, {
      errors: problems,
      headers: headers.filter((h) => h),
    });
  }
  const index: Partial<Record<Field, number>> = {};
  for (const [field, header] of Object.entries(mapping.columns) as Array<[Field, string]>) index[field] = headers.indexOf(header);

  const reader = new StatusReader(content.status, content.refurbished);
  const asOf = Date.UTC(options.asOf.getUTCFullYear(), options.asOf.getUTCMonth(), options.asOf.getUTCDate());
  const groups = new Map<string, SignatureGroup>();
  const rejected: RejectedRow[] = [];
  const rejectedByReason: Record<string, number> = {};
  let rowCount = 0;
  let rejectedCount = 0;
  let mojibake = false;
  const reject = (line: number, code: string, reason: I18nText, field?: Field) => {
    rejectedCount++;
    rejectedByReason[code] = (rejectedByReason[code] ?? 0) + 1;
    if (rejected.length < LIMITS.maxRejectedListed) rejected.push({ line, ...(field ? { field } : {}), reason });
  };
  const dateOf = (cells: Cell[], field: Field, line: number): Date | null | false => {
    const i = index[field];
    if (i === undefined) return null;
    const cell = cells[i] ?? null;
    if (typeof cell === 'object' && cell !== null && !(cell instanceof Date)) return null;
    const d = parseDate(cell, mapping.dateOrder);
    if (d === undefined) {
      const order = {
        dmy: ['jour/mois/année', 'day/month/year'],
        mdy: ['mois/jour/année', 'month/day/year'],
        ymd: ['année-mois-jour', 'year-month-day'],
      }[mapping.dateOrder];
      const shown = String(cell).slice(0, 40);
      reject(
        line,
        'invalidDate',
        {
          fr: `${mapping.columns[field]} « ${shown} » n’est pas une date (lue comme ${order[0]})`,
          en: `${mapping.columns[field]} "${shown}" is not a date (read as ${order[1]})`,
        },
        field,
      );
      return false;
    }
    return d;
  };

  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const { line, cells } = next.value;
    if (cells.every((c) => text(c) === undefined)) continue;
    if (++rowCount > LIMITS.maxRows) {
      throw new InventoryFileError(
        'maxRows',
        `The file has more than ${LIMITS.maxRows.toLocaleString('en')} rows after its header (line ${line}); split it (for example by entity or device type) and import each part`,
        413,
      );
    }
    if (table.info.fileKind === 'csv' && cells.length !== headers.length) {
      const extraEmpty = cells.length > headers.length && cells.slice(headers.length).every((c) => text(c) === undefined);
      if (!extraEmpty) {
        reject(line, 'ragged', {
          fr: `${cells.length} cellules alors que l’en-tête (ligne ${headerLine}) en a ${headers.length} : une valeur contenant le séparateur sans guillemets, ou une ligne coupée`,
          en: `${cells.length} cells where the header (line ${headerLine}) has ${headers.length}: a value holding the delimiter without quotes, or a cut line`,
        });
        continue;
      }
    }
    const unusable = (Object.entries(index) as Array<[Field, number]>).find(([, i]) => {
      const c = cells[i];
      return typeof c === 'object' && c !== null && !(c instanceof Date);
    });
    if (unusable) {
      const cell = cells[unusable[1]] as { unusable: string; text: string };
      reject(
        line,
        cell.unusable === 'formula' ? 'formulaWithoutValue' : 'errorValue',
        cell.unusable === 'formula'
          ? {
              fr: `${mapping.columns[unusable[0]]} est une formule (${cell.text.slice(0, 40)}) sans valeur calculée : ouvrez et enregistrez le fichier dans un tableur, ou collez les valeurs`,
              en: `${mapping.columns[unusable[0]]} is a formula (${cell.text.slice(0, 40)}) with no computed value: open and save the file in a spreadsheet, or paste values`,
            }
          : {
              fr: `${mapping.columns[unusable[0]]} contient la valeur d’erreur ${cell.text}`,
              en: `${mapping.columns[unusable[0]]} holds the error value ${cell.text}`,
            },
        unusable[0],
      );
      continue;
    }
    const purchase = dateOf(cells, 'purchaseDate', line);
    if (purchase === false) continue;
    const firstSeen = dateOf(cells, 'firstSeenDate', line);
    if (firstSeen === false) continue;
    const retirement = dateOf(cells, 'retirementDate', line);
    if (retirement === false) continue;
    const start = purchase ?? firstSeen;
    const startField: Field = purchase ? 'purchaseDate' : 'firstSeenDate';
    if (start && start.getTime() > asOf) {
      const [d, e] = [start.toISOString().slice(0, 10), new Date(asOf).toISOString().slice(0, 10)];
      reject(
        line,
        'futureDate',
        {
          fr: `${mapping.columns[startField]} ${d} est postérieure à la date de l’export ${e}`,
          en: `${mapping.columns[startField]} ${d} is after the export date ${e}`,
        },
        startField,
      );
      continue;
    }
    if (start && start.getTime() < EARLIEST) {
      const d = start.toISOString().slice(0, 10);
      reject(
        line,
        'implausibleDate',
        { fr: `${mapping.columns[startField]} ${d} est antérieure à 1980`, en: `${mapping.columns[startField]} ${d} is before 1980` },
        startField,
      );
      continue;
    }
    if (start && retirement && retirement.getTime() < start.getTime()) {
      const [r, d] = [retirement.toISOString().slice(0, 10), start.toISOString().slice(0, 10)];
      reject(
        line,
        'retiredBeforeStart',
        {
          fr: `${mapping.columns.retirementDate} ${r} est antérieure à ${mapping.columns[startField]} ${d}`,
          en: `${mapping.columns.retirementDate} ${r} is before ${mapping.columns[startField]} ${d}`,
        },
        'retirementDate',
      );
      continue;
    }

    const signature: SignatureGroup['signature'] = {};
    for (const f of SIGNATURE_FIELDS) {
      const i = index[f];
      const v = i === undefined ? undefined : text(cells[i]);
      if (v) signature[f as SignatureField] = v.slice(0, LIMITS.maxSignatureChars);
    }
    if (!mojibake && /Ã[\u0080-\u00BF©¨ª«§¢]/.test(Object.values(signature).join(' '))) mojibake = true;
    const key = JSON.stringify(SIGNATURE_FIELDS.map((f) => signature[f] ?? null));
    let group = groups.get(key);
    if (!group) {
      if (groups.size >= LIMITS.maxSignatures) {
        throw new InventoryFileError(
          'maxSignatures',
          `More than ${LIMITS.maxSignatures.toLocaleString('en')} different type/model combinations: is a serial number or a name mapped as the model?`,
        );
      }
      group = newGroup(signature);
      groups.set(key, group);
    }
    group.rows++;
    addLine(group, line);
    const statusText = index.status === undefined ? undefined : text(cells[index.status]);
    const ownershipText = index.ownership === undefined ? undefined : text(cells[index.ownership]);
    let state = reader.state(statusText, ownershipText);
    if (state === 'in_service' && retirement && retirement.getTime() <= asOf) state = 'retired';
    if (state === 'excluded') {
      group.excluded++;
      continue;
    }
    if (state === 'retired') {
      group.retired++;
      if (start && retirement) {
        const years = (retirement.getTime() - start.getTime()) / YEAR_MS;
        group.lifespanSum += years;
        group.lifespanCount++;
        group.lifespanMin = group.lifespanMin === null ? years : Math.min(group.lifespanMin, years);
        group.lifespanMax = group.lifespanMax === null ? years : Math.max(group.lifespanMax, years);
      }
      continue;
    }
    group.inService++;
    if (start) {
      const years = (asOf - start.getTime()) / YEAR_MS;
      group.ageBuckets[ageBucket(years)]++;
      group.ageSum += years;
      group.dated++;
    } else group.undated++;
    const refurbished = reader.refurbished(index.refurbished === undefined ? undefined : text(cells[index.refurbished]));
    if (refurbished === true) group.refurbishedYes++;
    else if (refurbished === false) group.refurbishedNo++;
    else group.refurbishedUnknown++;
  }

  const warnings: ParsedInventory['warnings'] = [];
  if (table.info.formulaValues > 0) {
    warnings.push({
      fr: `${table.info.formulaValues} cellule(s) sont des formules : leur dernière valeur calculée a été lue.`,
      en: `${table.info.formulaValues} cell(s) are formulas: their last computed value was read.`,
    });
  }
  if (table.info.otherSheets.length) {
    const names = table.info.otherSheets.map((s) => `« ${s} »`).join(', ');
    warnings.push({
      fr: `Seule la feuille « ${table.info.sheet} » a été lue ; non lues : ${names}.`,
      en: `Only the sheet "${table.info.sheet}" was read; not read: ${table.info.otherSheets.map((s) => `"${s}"`).join(', ')}.`,
    });
  }
  if (mojibake) {
    warnings.push({
      fr: 'Des textes semblent mal encodés (« Ã© » au lieu de « é ») : le fichier a peut-être été converti deux fois. Les règles de classement peuvent ne pas les reconnaître.',
      en: 'Some texts look wrongly encoded ("Ã©" for "é"): the file may have been converted twice. Classification rules may not recognise them.',
    });
  }
  for (const g of groups.values()) {
    g.ageSum = round(g.ageSum, 6);
    g.lifespanSum = round(g.lifespanSum, 6);
    if (g.lifespanMin !== null) g.lifespanMin = round(g.lifespanMin, 6);
    if (g.lifespanMax !== null) g.lifespanMax = round(g.lifespanMax, 6);
  }
  return {
    fileKind: table.info.fileKind,
    encoding: table.info.encoding,
    delimiter: table.info.delimiter,
    sheet: table.info.sheet,
    headers: headers.filter((h) => h),
    formatId,
    mapping,
    rowCount,
    acceptedCount: rowCount - rejectedCount,
    rejectedCount,
    rejected,
    rejectedByReason,
    groups: [...groups.values()],
    warnings,
    ageFrom: mapping.columns.purchaseDate ? 'purchaseDate' : mapping.columns.firstSeenDate ? 'firstSeenDate' : null,
  };
}
