import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEVICE_CLASSES,
  FIELDS,
  SIGNATURE_FIELDS,
  type ClassRule,
  type DeviceClass,
  type ExportFormat,
  type Field,
  type InventoryContent,
  type QuestionTargets,
  type StatusRule,
} from './inventory.types.js';

/** A problem in `templates/inventory/*.json`: the start stops with the file, the item and the problem. */
export class InventoryContentError extends Error {
  constructor(problems: string[]) {
    super(`Inventory import content is invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'InventoryContentError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0);

/** Lower case, accents removed, anything but letters and digits as one space: how headers and cells are compared. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function compiles(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Checks one list of classification rules (the defaults, or an organisation's own); returns the problems. */
export function classRuleProblems(rules: unknown, where: string): string[] {
  const problems: string[] = [];
  if (!Array.isArray(rules)) return [`${where}: rules must be a list`];
  const ids = new Set<string>();
  rules.forEach((r: unknown, i) => {
    const at = `${where}: rule ${i + 1}`;
    if (!isObject(r)) return problems.push(`${at}: must be an object`);
    const id = typeof r.id === 'string' && r.id ? r.id : undefined;
    const name = id ? `${where}: rule "${id}"` : at;
    if (!id) problems.push(`${at}: id must be a non-empty string`);
    else if (ids.has(id)) problems.push(`${name}: duplicate id`);
    else ids.add(id);
    if (!DEVICE_CLASSES.includes(r.class as DeviceClass)) problems.push(`${name}: class must be one of ${DEVICE_CLASSES.join(', ')}`);
    if (!isStringArray(r.field) || r.field.length === 0 || r.field.some((f) => !(SIGNATURE_FIELDS as readonly string[]).includes(f))) {
      problems.push(`${name}: field must list columns among ${SIGNATURE_FIELDS.join(', ')}`);
    }
    const hasPattern = typeof r.pattern === 'string' && r.pattern.length > 0;
    const hasRange = typeof r.gte === 'number' || typeof r.lt === 'number';
    if (hasPattern === hasRange) problems.push(`${name}: needs either a pattern or a number range (gte, lt), not both`);
    if (hasPattern) {
      const bad = compiles(r.pattern as string);
      if (bad) problems.push(`${name}: pattern is not a valid regular expression (${bad})`);
      if ((r.pattern as string).length > 500) problems.push(`${name}: pattern is longer than 500 characters`);
    }
    for (const k of ['gte', 'lt'] as const) {
      if (r[k] !== undefined && (typeof r[k] !== 'number' || !Number.isFinite(r[k]))) problems.push(`${name}: ${k} must be a number`);
    }
    const known = new Set(['id', 'class', 'field', 'pattern', 'gte', 'lt']);
    for (const k of Object.keys(r)) if (!known.has(k)) problems.push(`${name}: unknown property "${k}"`);
  });
  return problems;
}

function readJson(file: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    problems.push(`${file}: ${(e as Error).message}`);
    return undefined;
  }
}

/** Reads and checks `templates/inventory/`: formats, classification rules, the class -> question table. */
export function loadInventoryContent(templatesDir: string): InventoryContent {
  const dir = join(templatesDir, 'inventory');
  const problems: string[] = [];
  const formatsFile = join(dir, 'formats.json');
  const rulesFile = join(dir, 'classification-rules.json');
  const mapFile = join(dir, 'question-map.json');
  const formatsData = readJson(formatsFile, problems);
  const rulesData = readJson(rulesFile, problems);
  const mapData = readJson(mapFile, problems);
  if (problems.length) throw new InventoryContentError(problems);

  const formats: ExportFormat[] = [];
  if (!isObject(formatsData) || !Array.isArray(formatsData.formats)) problems.push(`${formatsFile}: "formats" must be a list`);
  else {
    const ids = new Set<string>();
    for (const [i, f] of (formatsData.formats as unknown[]).entries()) {
      const at = `${formatsFile}: format ${isObject(f) && typeof f.id === 'string' ? `"${f.id}"` : i + 1}`;
      if (!isObject(f) || typeof f.id !== 'string' || !f.id) {
        problems.push(`${at}: id must be a non-empty string`);
        continue;
      }
      if (ids.has(f.id)) problems.push(`${at}: duplicate id`);
      ids.add(f.id);
      if (!isObject(f.label) || typeof f.label.fr !== 'string' || typeof f.label.en !== 'string')
        problems.push(`${at}: label needs fr and en`);
      if (typeof f.source !== 'string' || !f.source) problems.push(`${at}: source must say where the shape comes from`);
      if (!isStringArray(f.all) || f.all.length === 0) problems.push(`${at}: "all" must list headers`);
      if (f.any !== undefined && !isStringArray(f.any)) problems.push(`${at}: "any" must list headers`);
      if (!['dmy', 'mdy', 'ymd'].includes(f.dateOrder as string)) problems.push(`${at}: dateOrder must be dmy, mdy or ymd`);
      if (!isObject(f.columns)) problems.push(`${at}: columns must map fields to headers`);
      else {
        for (const [k, v] of Object.entries(f.columns)) {
          if (!(FIELDS as readonly string[]).includes(k)) problems.push(`${at}: unknown field "${k}"`);
          if (!isStringArray(v)) problems.push(`${at}: columns.${k} must list headers`);
        }
      }
      for (const h of [...((f.all as string[]) ?? []), ...((f.any as string[]) ?? [])]) {
        if (typeof h === 'string' && normaliseText(h) !== h)
          problems.push(`${at}: header "${h}" must be written normalised ("${normaliseText(h)}")`);
      }
      formats.push(f as unknown as ExportFormat);
    }
  }
  const suggestions = isObject(formatsData) && isObject(formatsData.suggestions) ? formatsData.suggestions : {};
  const cleanSuggestions: Partial<Record<Field, string[]>> = {};
  for (const [k, v] of Object.entries(suggestions)) {
    if (k === '$comment') continue;
    if (!(FIELDS as readonly string[]).includes(k) || !isStringArray(v))
      problems.push(`${formatsFile}: suggestions.${k} must be a known field with headers`);
    else cleanSuggestions[k as Field] = v;
  }

  let rules: ClassRule[] = [];
  let status: StatusRule[] = [];
  let refurbished = { yes: '^$', no: '^$' };
  let rulesVersion = 1;
  const classLabels = {} as InventoryContent['classLabels'];
  if (!isObject(rulesData)) problems.push(`${rulesFile}: must be an object`);
  else {
    rulesVersion = typeof rulesData.version === 'number' ? rulesData.version : 1;
    problems.push(...classRuleProblems(rulesData.rules, rulesFile));
    rules = (Array.isArray(rulesData.rules) ? rulesData.rules : []) as ClassRule[];
    const labels = isObject(rulesData.classes) ? rulesData.classes : {};
    for (const c of DEVICE_CLASSES) {
      const l = labels[c];
      if (!isObject(l) || typeof l.fr !== 'string' || typeof l.en !== 'string')
        problems.push(`${rulesFile}: classes.${c} needs fr and en labels`);
      else classLabels[c] = { fr: l.fr, en: l.en };
    }
    if (!Array.isArray(rulesData.status)) problems.push(`${rulesFile}: status must be a list`);
    else {
      for (const s of rulesData.status as unknown[]) {
        if (
          !isObject(s) ||
          typeof s.id !== 'string' ||
          !['retired', 'excluded'].includes(s.state as string) ||
          !['status', 'ownership'].includes(s.field as string) ||
          typeof s.pattern !== 'string' ||
          compiles(s.pattern)
        ) {
          problems.push(
            `${rulesFile}: status rule ${JSON.stringify(isObject(s) ? s.id : s)} needs id, state (retired, excluded), field (status, ownership) and a valid pattern`,
          );
        }
      }
      status = rulesData.status as StatusRule[];
    }
    const r = rulesData.refurbished;
    if (!isObject(r) || typeof r.yes !== 'string' || typeof r.no !== 'string' || compiles(r.yes) || compiles(r.no)) {
      problems.push(`${rulesFile}: refurbished needs valid "yes" and "no" patterns`);
    } else refurbished = { yes: r.yes, no: r.no };
  }

  const questionMap = {} as InventoryContent['questionMap'];
  const classes = isObject(mapData) && isObject(mapData.classes) ? mapData.classes : undefined;
  if (!classes) problems.push(`${mapFile}: "classes" must map every class`);
  else {
    for (const c of DEVICE_CLASSES) {
      const t = classes[c];
      if (t === null) questionMap[c] = null;
      else if (
        isObject(t) &&
        typeof t.count === 'string' &&
        typeof t.lifespanYears === 'string' &&
        typeof t.refurbishedShare === 'string'
      ) {
        questionMap[c] = { count: t.count, lifespanYears: t.lifespanYears, refurbishedShare: t.refurbishedShare } satisfies QuestionTargets;
      } else problems.push(`${mapFile}: classes.${c} must be null or name count, lifespanYears and refurbishedShare questions`);
    }
    for (const k of Object.keys(classes))
      if (!(DEVICE_CLASSES as readonly string[]).includes(k)) problems.push(`${mapFile}: unknown class "${k}"`);
  }
  if (problems.length) throw new InventoryContentError(problems);
  return { formats, suggestions: cleanSuggestions, classLabels, rules, rulesVersion, status, refurbished, questionMap };
}
