/**
 * Loads and validates the content kept as data under `templates/`:
 *
 *   <dir>/actions.json                              ActionCatalogue
 *   <dir>/key-messages.json                         KeyMessage[] (or { keyMessages: KeyMessage[] })
 *   <dir>/questionnaires/<questionnaireId>/v<N>.json QuestionnaireTemplate (id = folder, version = N)
 *
 * Every problem found is collected (not only the first one) and reported together in a
 * single TemplateValidationError, each line naming the file, the element (question,
 * section, action, key message) and the problem, so that a malformed template is refused
 * at start-up with an actionable message.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';

import { conditionMatches } from './conditions.js';
import { DONT_KNOW, NOT_APPLICABLE_OPTION } from './template.types.js';
import type { ActionCatalogue, AnswerValue, KeyMessage, QuestionnaireTemplate, QuestionType } from './template.types.js';
import { DEFAULT_WORDING, PLACEHOLDER, templateTexts } from './wording.js';

export interface LoadedContent {
  /** All versions of all questionnaires, sorted by id then version. */
  questionnaires: QuestionnaireTemplate[];
  actions: ActionCatalogue;
  /** Sorted by number (1 to 7). */
  keyMessages: KeyMessage[];
}

export class TemplateValidationError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    const count = problems.length;
    super(`Invalid templates (${count} problem${count === 1 ? '' : 's'}):\n` + problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'TemplateValidationError';
    this.problems = problems;
  }
}

export const QUESTION_TYPES: readonly QuestionType[] = ['single_choice', 'multi_choice', 'boolean', 'number', 'scale', 'text'];
export const EFFORTS = ['low', 'medium', 'high'] as const;
export const OWNER_ROLES = ['procurement', 'it_operations', 'product_development', 'management', 'all_staff'] as const;
export const ACTION_CATEGORIES = ['user', 'company', 'collective'] as const;
export const ACTION_KINDS = ['lever', 'foundation'] as const;
export const FOOTPRINT_LEVERS = ['lifespan', 'refurbished', 'fewer_screens', 'switch_off'] as const;

const CHOICE_TYPES: readonly QuestionType[] = ['single_choice', 'multi_choice', 'scale'];
/** Keys tolerated anywhere for editors' convenience (JSON schema reference, comments). */
const META_KEYS = new Set(['$schema', '$comment']);
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERSION_FILE = /^v([1-9][0-9]*)\.json$/;

/* ------------------------------------------------------------------------------------------ */
/* Small helpers                                                                               */
/* ------------------------------------------------------------------------------------------ */

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function list(values: readonly string[]): string {
  return values.join('|');
}

/** A path for messages: relative to the process cwd when inside it, absolute otherwise. */
export function displayPath(file: string): string {
  const abs = path.resolve(file);
  const rel = path.relative(process.cwd(), abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return abs;
  return rel.split(path.sep).join('/');
}

/** Collects problems for one file; `at(where)` prefixes the element being checked. */
class Reporter {
  constructor(
    readonly file: string,
    readonly problems: string[] = [],
  ) {}

  add(where: string | undefined, problem: string): void {
    this.problems.push(where ? `${this.file}: ${where}: ${problem}` : `${this.file}: ${problem}`);
  }

  at(where: string | undefined): (problem: string) => void {
    return (problem) => this.add(where, problem);
  }
}

type Report = (problem: string) => void;

function checkKnownKeys(obj: Obj, allowed: readonly string[], report: Report, what?: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key) && !META_KEYS.has(key)) {
      report(`unknown field "${key}"${what ? ` in ${what}` : ''} (allowed: ${allowed.join(', ')})`);
    }
  }
}

/**
 * Checks an I18nText. `name` says where it is (e.g. `label`, `option "yes" label`).
 * Returns true when it is valid.
 */
function checkI18n(value: unknown, name: string, report: Report, optional = false): boolean {
  if (value === undefined) {
    if (!optional) report(`${name} is missing (expected { "fr": "...", "en": "..." })`);
    return optional;
  }
  if (!isObject(value)) {
    report(`${name} must be an object { "fr": "...", "en": "..." }, got ${describe(value)}`);
    return false;
  }
  let ok = true;
  for (const lang of ['fr', 'en'] as const) {
    const text = value[lang];
    if (text === undefined) {
      report(`${name} is missing its "${lang}" translation`);
      ok = false;
    } else if (typeof text !== 'string') {
      report(`${name} "${lang}" translation must be a string, got ${describe(text)}`);
      ok = false;
    } else if (text.trim() === '') {
      report(`${name} has an empty "${lang}" translation`);
      ok = false;
    }
  }
  checkKnownKeys(value, ['fr', 'en'], report, name);
  return ok;
}

function checkIdField(obj: Obj, report: Report, kebab = false): string | undefined {
  const id = obj.id;
  if (id === undefined) {
    report('"id" is missing');
    return undefined;
  }
  if (!isNonEmptyString(id)) {
    report(`"id" must be a non-empty string, got ${describe(id)}`);
    return undefined;
  }
  if (id !== id.trim() || /\s/.test(id)) report(`id "${id}" must not contain whitespace`);
  if (kebab && !KEBAB_CASE.test(id)) report(`id "${id}" must be kebab-case (e.g. "extend-lifespan")`);
  return id;
}

function checkEnum(value: unknown, field: string, allowed: readonly string[], report: Report): void {
  if (value === undefined) report(`"${field}" is missing (expected ${list(allowed)})`);
  else if (typeof value !== 'string' || !allowed.includes(value))
    report(`"${field}" must be one of ${list(allowed)}, got ${describe(value)}`);
}

function checkIntRange(value: unknown, field: string, min: number, max: number, report: Report): void {
  if (value === undefined) report(`"${field}" is missing (expected an integer ${min} to ${max})`);
  else if (!isInt(value) || value < min || value > max)
    report(`"${field}" must be an integer from ${min} to ${max}, got ${describe(value)}`);
}

function throwIfAny(problems: string[]): void {
  if (problems.length > 0) throw new TemplateValidationError(problems);
}

/* ------------------------------------------------------------------------------------------ */
/* Action catalogue                                                                            */
/* ------------------------------------------------------------------------------------------ */

const ACTION_KEYS = [
  'id',
  'category',
  'title',
  'description',
  'impactWeight',
  'justification',
  'effort',
  'ownerRole',
  'indicator',
  'nextSteps',
  'lever',
  'kind',
  'enables',
  'applicableIf',
];

function collectActionCatalogueProblems(data: unknown, rep: Reporter): void {
  if (!isObject(data)) {
    rep.add(undefined, `expected an object { "version": 1, "actions": [...] }, got ${describe(data)}`);
    return;
  }
  const top = rep.at(undefined);
  checkKnownKeys(data, ['version', 'actions'], top);
  if (data.version === undefined) top('"version" is missing (expected an integer >= 1)');
  else if (!isInt(data.version) || data.version < 1) top(`"version" must be an integer >= 1, got ${describe(data.version)}`);

  if (!Array.isArray(data.actions)) {
    top(data.actions === undefined ? '"actions" is missing' : `"actions" must be an array, got ${describe(data.actions)}`);
    return;
  }
  if (data.actions.length === 0) top('"actions" must not be empty');

  const seenIds = new Set<string>();
  const leverOwners = new Map<string, string>();
  const kinds = new Map<string, unknown>();
  for (const raw of data.actions) if (isObject(raw) && typeof raw.id === 'string' && !kinds.has(raw.id)) kinds.set(raw.id, raw.kind);
  data.actions.forEach((raw: unknown, index: number) => {
    if (!isObject(raw)) {
      rep.add(`actions[${index}]`, `must be an object, got ${describe(raw)}`);
      return;
    }
    const idReport = rep.at(isNonEmptyString(raw.id) ? `action "${raw.id}"` : `actions[${index}]`);
    const id = checkIdField(raw, idReport, true);
    const where = id !== undefined ? `action "${id}"` : `actions[${index}]`;
    const report = rep.at(where);
    if (id !== undefined) {
      if (seenIds.has(id)) report(`duplicate action id "${id}"`);
      seenIds.add(id);
    }
    checkKnownKeys(raw, ACTION_KEYS, report);
    checkEnum(raw.category, 'category', ACTION_CATEGORIES, report);
    checkEnum(raw.kind, 'kind', ACTION_KINDS, report);
    if (raw.enables !== undefined) {
      if (raw.kind !== 'foundation')
        report('"enables" is only allowed on a foundation (it lists the levers the foundation makes possible)');
      if (!Array.isArray(raw.enables) || raw.enables.length === 0)
        report(`"enables" must be a non-empty array of action ids, got ${describe(raw.enables)}`);
      else
        for (const target of raw.enables) {
          if (typeof target !== 'string' || !kinds.has(target)) report(`"enables" refers to unknown action ${describe(target)}`);
          else if (kinds.get(target) !== 'lever') report(`"enables" refers to "${target}", which is not a lever`);
        }
    }
    if (raw.applicableIf !== undefined) checkConditionShape(raw.applicableIf, 'applicableIf', report);
    checkI18n(raw.title, 'title', report);
    checkI18n(raw.description, 'description', report);
    checkIntRange(raw.impactWeight, 'impactWeight', 1, 5, report);
    checkEnum(raw.effort, 'effort', EFFORTS, report);
    checkEnum(raw.ownerRole, 'ownerRole', OWNER_ROLES, report);
    checkI18n(raw.indicator, 'indicator', report);

    const just = raw.justification;
    if (just === undefined) report('"justification" is missing');
    else if (!isObject(just)) report(`"justification" must be an object { keyMessages, text }, got ${describe(just)}`);
    else {
      checkKnownKeys(just, ['keyMessages', 'text'], report, 'justification');
      const km = just.keyMessages;
      if (!Array.isArray(km) || km.length === 0)
        report(`justification.keyMessages must be a non-empty array of key-message numbers 1 to 7, got ${describe(km)}`);
      else {
        const seen = new Set<number>();
        for (const n of km) {
          if (!isInt(n) || n < 1 || n > 7) report(`justification.keyMessages: ${describe(n)} is not a key-message number (1 to 7)`);
          else if (seen.has(n)) report(`justification.keyMessages: key message ${n} listed twice`);
          else seen.add(n);
        }
      }
      checkI18n(just.text, 'justification.text', report);
    }

    const steps = raw.nextSteps;
    if (!Array.isArray(steps) || steps.length === 0)
      report(`"nextSteps" must be a non-empty array of { "fr", "en" } texts, got ${describe(steps)}`);
    else steps.forEach((step: unknown, i: number) => checkI18n(step, `nextSteps[${i}]`, report));

    if (raw.lever !== undefined) {
      if (typeof raw.lever !== 'string' || !(FOOTPRINT_LEVERS as readonly string[]).includes(raw.lever))
        report(`"lever" must be one of ${list(FOOTPRINT_LEVERS)}, got ${describe(raw.lever)}`);
      else {
        const owner = leverOwners.get(raw.lever);
        if (owner !== undefined) report(`lever "${raw.lever}" is already used by action "${owner}" (each lever at most once)`);
        else leverOwners.set(raw.lever, id ?? `actions[${index}]`);
      }
    }
  });
}

/** Validates the parsed content of `actions.json`; throws TemplateValidationError listing every problem. */
export function validateActionCatalogue(data: unknown, file: string): ActionCatalogue {
  const rep = new Reporter(file);
  collectActionCatalogueProblems(data, rep);
  throwIfAny(rep.problems);
  return data as ActionCatalogue;
}

/* ------------------------------------------------------------------------------------------ */
/* Key messages                                                                                */
/* ------------------------------------------------------------------------------------------ */

/** Accepts a top-level array, or an object `{ "version"?: n, "keyMessages": [...] }`. */
function keyMessagesArray(data: unknown, rep: Reporter): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (isObject(data) && Array.isArray(data.keyMessages)) {
    const top = rep.at(undefined);
    checkKnownKeys(data, ['version', 'keyMessages'], top);
    if (data.version !== undefined && (!isInt(data.version) || data.version < 1))
      top(`"version" must be an integer >= 1, got ${describe(data.version)}`);
    return data.keyMessages;
  }
  rep.add(undefined, `expected an array of 7 key messages (or { "keyMessages": [...] }), got ${describe(data)}`);
  return undefined;
}

function collectKeyMessagesProblems(data: unknown, rep: Reporter): KeyMessage[] {
  const messages = keyMessagesArray(data, rep);
  if (!messages) return [];
  const seen = new Map<number, number>();
  const currentYear = new Date().getFullYear();
  messages.forEach((raw: unknown, index: number) => {
    if (!isObject(raw)) {
      rep.add(`keyMessages[${index}]`, `must be an object, got ${describe(raw)}`);
      return;
    }
    const where = isInt(raw.number) ? `key message ${raw.number}` : `keyMessages[${index}]`;
    const report = rep.at(where);
    checkKnownKeys(raw, ['number', 'title', 'body', 'figures'], report);
    checkIntRange(raw.number, 'number', 1, 7, report);
    if (isInt(raw.number)) {
      if (seen.has(raw.number)) report(`duplicate key message number ${raw.number}`);
      seen.set(raw.number, index);
    }
    checkI18n(raw.title, 'title', report);
    checkI18n(raw.body, 'body', report);
    if (!Array.isArray(raw.figures)) {
      report(`"figures" must be an array, got ${describe(raw.figures)}`);
      return;
    }
    raw.figures.forEach((fig: unknown, i: number) => {
      const name = `figures[${i}]`;
      if (!isObject(fig)) {
        report(`${name} must be an object { text, source, year }, got ${describe(fig)}`);
        return;
      }
      checkKnownKeys(fig, ['text', 'source', 'year'], report, name);
      checkI18n(fig.text, `${name}.text`, report);
      if (!isNonEmptyString(fig.source)) report(`${name} has no source (non-empty string), got ${describe(fig.source)}`);
      if (!isInt(fig.year) || fig.year < 1950 || fig.year > currentYear + 1)
        report(`${name} has no valid year (integer from 1950 to ${currentYear + 1}), got ${describe(fig.year)}`);
    });
  });
  const missing = [1, 2, 3, 4, 5, 6, 7].filter((n) => !seen.has(n));
  if (messages.length !== 7 || missing.length > 0) {
    rep.add(
      undefined,
      `expected exactly 7 key messages numbered 1 to 7, got ${messages.length}` +
        (missing.length > 0 ? ` (missing: ${missing.join(', ')})` : ''),
    );
  }
  return messages as KeyMessage[];
}

/**
 * Validates the parsed content of `key-messages.json`; throws TemplateValidationError listing
 * every problem. Returns the messages sorted by number.
 */
export function validateKeyMessages(data: unknown, file: string): KeyMessage[] {
  const rep = new Reporter(file);
  const messages = collectKeyMessagesProblems(data, rep);
  throwIfAny(rep.problems);
  return [...messages].sort((a, b) => a.number - b.number);
}

/* ------------------------------------------------------------------------------------------ */
/* Questionnaire template                                                                      */
/* ------------------------------------------------------------------------------------------ */

const TEMPLATE_KEYS = ['id', 'version', 'title', 'description', 'wording', 'sections'];
const SECTION_KEYS = ['id', 'title', 'description', 'applicableIf', 'questions'];
const QUESTION_KEYS = [
  'id',
  'type',
  'label',
  'help',
  'required',
  'options',
  'min',
  'max',
  'integer',
  'unit',
  'maxLength',
  'showIf',
  'applicableIf',
  'dontKnow',
  'scoring',
];

/** What the showIf pass needs to know about each question, gathered during the first pass. */
interface QuestionInfo {
  id: string;
  index: number;
  type: QuestionType | undefined;
  optionIds: Set<string>;
  showIf: unknown;
  applicableIf: unknown;
}

function checkOptions(q: Obj, type: QuestionType | undefined, report: Report): Set<string> {
  const optionIds = new Set<string>();
  const isChoice = type !== undefined && CHOICE_TYPES.includes(type);
  if (q.options === undefined) {
    if (isChoice) report(`"options" is missing: a ${type} question needs at least 2 options`);
    return optionIds;
  }
  if (type !== undefined && !isChoice) {
    report(`"options" is not allowed on a ${type} question (only on ${CHOICE_TYPES.join(', ')})`);
  }
  if (!Array.isArray(q.options)) {
    report(`"options" must be an array, got ${describe(q.options)}`);
    return optionIds;
  }
  if (isChoice && q.options.length < 2) report(`a ${type} question needs at least 2 options, got ${q.options.length}`);

  q.options.forEach((opt: unknown, i: number) => {
    if (!isObject(opt)) {
      report(`options[${i}] must be an object { id, label, score? }, got ${describe(opt)}`);
      return;
    }
    let name = `options[${i}]`;
    if (!isNonEmptyString(opt.id)) report(`options[${i}] "id" must be a non-empty string, got ${describe(opt.id)}`);
    else {
      name = `option "${opt.id}"`;
      if (optionIds.has(opt.id)) report(`duplicate option id "${opt.id}"`);
      optionIds.add(opt.id);
    }
    checkKnownKeys(opt, ['id', 'label', 'score', 'exclusive'], report, name);
    checkI18n(opt.label, `${name} label`, report);
    if (opt.score !== undefined && opt.score !== null) {
      if (!isFiniteNumber(opt.score) || opt.score < 0 || opt.score > 100)
        report(`${name} score must be null or a number from 0 to 100, got ${describe(opt.score)}`);
    }
    if (opt.exclusive !== undefined) {
      if (type !== 'multi_choice') report(`${name}: "exclusive" is only allowed on multi_choice options`);
      else if (typeof opt.exclusive !== 'boolean') report(`${name}: "exclusive" must be a boolean, got ${describe(opt.exclusive)}`);
    }
    if (opt.id === DONT_KNOW || opt.id === NOT_APPLICABLE_OPTION) {
      const meaning = opt.id === DONT_KNOW ? '"I don\'t know"' : '"not applicable"';
      if (opt.score !== undefined && opt.score !== null) report(`${name} means ${meaning}: its score must be null (it is not a maturity)`);
      if (type === 'multi_choice' && opt.exclusive !== true) report(`${name} means ${meaning}: it must be exclusive`);
    }
  });
  return optionIds;
}

function checkNumberFields(q: Obj, type: QuestionType | undefined, report: Report): void {
  if (type === 'number') {
    const hasMin = q.min !== undefined;
    const hasMax = q.max !== undefined;
    if (!hasMin || !hasMax) {
      const missing = [!hasMin ? '"min"' : '', !hasMax ? '"max"' : ''].filter(Boolean).join(' and ');
      report(`number question without bounds: ${missing} ${!hasMin && !hasMax ? 'are' : 'is'} missing (both are mandatory)`);
    }
    if (hasMin && !isFiniteNumber(q.min)) report(`"min" must be a number, got ${describe(q.min)}`);
    if (hasMax && !isFiniteNumber(q.max)) report(`"max" must be a number, got ${describe(q.max)}`);
    if (isFiniteNumber(q.min) && isFiniteNumber(q.max) && q.min > q.max) report(`"min" (${q.min}) is greater than "max" (${q.max})`);
    if (q.integer !== undefined && typeof q.integer !== 'boolean') report(`"integer" must be a boolean, got ${describe(q.integer)}`);
    if (q.integer === true) {
      if (isFiniteNumber(q.min) && !Number.isInteger(q.min)) report(`"min" must be a whole number on an integer question`);
      if (isFiniteNumber(q.max) && !Number.isInteger(q.max)) report(`"max" must be a whole number on an integer question`);
    }
  } else if (type !== undefined) {
    for (const field of ['min', 'max', 'integer'] as const) {
      if (q[field] !== undefined) report(`"${field}" is only allowed on number questions`);
    }
  }
  if (q.unit !== undefined) checkI18n(q.unit, 'unit', report);

  if (q.maxLength !== undefined) {
    if (type !== undefined && type !== 'text') report('"maxLength" is only allowed on text questions');
    else if (!isInt(q.maxLength) || q.maxLength < 1) report(`"maxLength" must be an integer >= 1, got ${describe(q.maxLength)}`);
  }
}

function checkScoring(
  q: Obj,
  type: QuestionType | undefined,
  optionIds: Set<string>,
  knownActionIds: ReadonlySet<string> | undefined,
  report: Report,
): void {
  const s = q.scoring;
  if (s === undefined) return;
  if (!isObject(s)) {
    report(`"scoring" must be an object { actions, linear?, boolean? }, got ${describe(s)}`);
    return;
  }
  checkKnownKeys(s, ['actions', 'linear', 'boolean'], report, 'scoring');
  if (type === 'text') report('a text question cannot be scored (remove "scoring")');

  let hasActions = false;
  if (!Array.isArray(s.actions)) {
    report(`scoring.actions must be an array of { actionId, weight }, got ${describe(s.actions)}`);
  } else {
    hasActions = s.actions.length > 0;
    const seen = new Set<string>();
    s.actions.forEach((a: unknown, i: number) => {
      if (!isObject(a)) {
        report(`scoring.actions[${i}] must be an object { actionId, weight }, got ${describe(a)}`);
        return;
      }
      checkKnownKeys(a, ['actionId', 'weight'], report, `scoring.actions[${i}]`);
      if (!isNonEmptyString(a.actionId)) report(`scoring.actions[${i}].actionId must be a non-empty string, got ${describe(a.actionId)}`);
      else {
        // undefined: the catalogue could not be read, so action ids cannot be checked.
        if (knownActionIds !== undefined && !knownActionIds.has(a.actionId))
          report(`scoring refers to unknown action "${a.actionId}" (not in the action catalogue)`);
        if (seen.has(a.actionId)) report(`scoring lists action "${a.actionId}" twice`);
        seen.add(a.actionId);
      }
      if (!isInt(a.weight) || a.weight < 1 || a.weight > 3)
        report(`scoring weight for action "${String(a.actionId)}" must be an integer from 1 to 3, got ${describe(a.weight)}`);
    });
  }

  if (s.linear !== undefined) {
    if (type !== undefined && type !== 'number') report('scoring.linear is only allowed on number questions');
    if (!isObject(s.linear) || !isFiniteNumber(s.linear.worst) || !isFiniteNumber(s.linear.best))
      report(`scoring.linear must be { "worst": number, "best": number }, got ${describe(s.linear)}`);
    else {
      checkKnownKeys(s.linear, ['worst', 'best'], report, 'scoring.linear');
      if (s.linear.worst === s.linear.best) report('scoring.linear "worst" and "best" must differ');
    }
  } else if (type === 'number' && hasActions) {
    report('a number question with scoring.actions must have scoring.linear { worst, best }');
  }

  if (s.boolean !== undefined) {
    if (type !== undefined && type !== 'boolean') report('scoring.boolean is only allowed on boolean questions');
    if (!isObject(s.boolean)) report(`scoring.boolean must be { "yes": 0-100, "no": 0-100 }, got ${describe(s.boolean)}`);
    else {
      checkKnownKeys(s.boolean, ['yes', 'no'], report, 'scoring.boolean');
      for (const k of ['yes', 'no'] as const) {
        const v = s.boolean[k];
        if (!isFiniteNumber(v) || v < 0 || v > 100) report(`scoring.boolean.${k} must be a number from 0 to 100, got ${describe(v)}`);
      }
    }
  } else if (type === 'boolean' && hasActions) {
    report('a boolean question with scoring.actions must have scoring.boolean { yes, no }');
  }

  if (type !== undefined && CHOICE_TYPES.includes(type) && hasActions && Array.isArray(q.options)) {
    const scored = q.options.some((o: unknown) => isObject(o) && isFiniteNumber(o.score));
    if (!scored && optionIds.size > 0) report(`a scored ${type} question needs a numeric "score" on at least one option`);
  }
}

/** Checks one question's own fields; showIf targets are checked afterwards, once all ids are known. */
function checkQuestion(
  raw: Obj,
  report: Report,
  knownActionIds: ReadonlySet<string> | undefined,
): { type: QuestionType | undefined; optionIds: Set<string> } {
  checkKnownKeys(raw, QUESTION_KEYS, report);
  let type: QuestionType | undefined;
  if (raw.type === undefined) report(`"type" is missing (expected ${list(QUESTION_TYPES)})`);
  else if (typeof raw.type !== 'string' || !(QUESTION_TYPES as readonly string[]).includes(raw.type))
    report(`"type" must be one of ${list(QUESTION_TYPES)}, got ${describe(raw.type)}`);
  else type = raw.type as QuestionType;

  checkI18n(raw.label, 'label', report);
  checkI18n(raw.help, 'help', report, true);
  if (typeof raw.required !== 'boolean')
    report(
      raw.required === undefined
        ? '"required" is missing (expected true or false)'
        : `"required" must be a boolean, got ${describe(raw.required)}`,
    );

  const optionIds = checkOptions(raw, type, report);
  checkNumberFields(raw, type, report);
  if (raw.dontKnow !== undefined) {
    if (typeof raw.dontKnow !== 'boolean') report(`"dontKnow" must be a boolean, got ${describe(raw.dontKnow)}`);
    else if (type !== undefined && type !== 'boolean' && type !== 'number')
      report(`"dontKnow" is only allowed on boolean and number questions (a ${type} question has a "${DONT_KNOW}" option instead)`);
  }
  checkScoring(raw, type, optionIds, knownActionIds, report);
  return { type, optionIds };
}

function checkShowIfs(questions: QuestionInfo[], rep: Reporter): void {
  const byId = new Map<string, QuestionInfo>();
  for (const q of questions) if (!byId.has(q.id)) byId.set(q.id, q);

  // Cycle detection first: every question has at most one showIf edge, so follow each chain.
  const edge = (q: QuestionInfo): string | undefined =>
    isObject(q.showIf) && typeof q.showIf.questionId === 'string' ? q.showIf.questionId : undefined;
  const inCycle = new Set<string>();
  for (const start of questions) {
    if (inCycle.has(start.id)) continue;
    const chain: string[] = [start.id];
    let current = start;
    for (;;) {
      const next = edge(current);
      if (next === undefined || next === current.id) break; // no edge, or self (reported separately)
      const target = byId.get(next);
      if (!target) break;
      const pos = chain.indexOf(next);
      if (pos >= 0) {
        const cycle = chain.slice(pos);
        if (cycle.includes(start.id) && !cycle.some((id) => inCycle.has(id))) {
          cycle.forEach((id) => inCycle.add(id));
          rep.add(`question "${start.id}"`, `showIf cycle: ${[...cycle, cycle[0]].join(' -> ')}`);
        }
        break;
      }
      chain.push(next);
      current = target;
    }
  }

  for (const q of questions) {
    if (q.showIf === undefined) continue;
    const report = rep.at(`question "${q.id}"`);
    const s = q.showIf;
    if (!isObject(s)) {
      report(`showIf must be an object { questionId, in? , gte? }, got ${describe(s)}`);
      continue;
    }
    checkKnownKeys(s, ['questionId', 'in', 'gte'], report, 'showIf');
    if (!isNonEmptyString(s.questionId)) {
      report(`showIf.questionId must be a non-empty string, got ${describe(s.questionId)}`);
      continue;
    }
    const hasIn = s.in !== undefined;
    const hasGte = s.gte !== undefined;
    const both = hasIn && hasGte;
    if (both) report('showIf must have either "in" or "gte", not both');
    if (!hasIn && !hasGte) report('showIf must have either "in" or "gte"');

    if (s.questionId === q.id) {
      report('showIf refers to the question itself');
      continue;
    }
    const target = byId.get(s.questionId);
    if (!target) {
      report(`showIf refers to unknown question "${s.questionId}"`);
      continue;
    }
    if (target.index > q.index && !inCycle.has(q.id))
      report(`showIf refers to question "${s.questionId}", which comes later (it must refer to an earlier question)`);

    const tType = target.type;
    if (tType === 'text') report(`showIf cannot depend on text question "${target.id}"`);
    if (hasIn && !both) {
      if (!Array.isArray(s.in) || s.in.length === 0) report(`showIf.in must be a non-empty array, got ${describe(s.in)}`);
      else if (tType === 'boolean') {
        for (const v of s.in)
          if (typeof v !== 'boolean') report(`showIf.in value ${describe(v)} is not a boolean (question "${target.id}" is boolean)`);
      } else if (tType !== undefined && CHOICE_TYPES.includes(tType)) {
        for (const v of s.in)
          if (typeof v !== 'string' || !target.optionIds.has(v))
            report(`showIf.in value ${describe(v)} is not an option id of question "${target.id}"`);
      } else if (tType === 'number') {
        report(`showIf.in cannot be used on number question "${target.id}" (use "gte")`);
      }
    }
    if (hasGte && !both) {
      if (tType !== undefined && tType !== 'number')
        report(`showIf.gte is only allowed when the target is a number question ("${target.id}" is ${tType})`);
      if (!isFiniteNumber(s.gte)) report(`showIf.gte must be a number, got ${describe(s.gte)}`);
    }
  }
}

/** The shape of a condition (showIf language): { questionId, in? | gte? }. Returns it when usable. */
function checkConditionShape(
  value: unknown,
  name: string,
  report: Report,
): { questionId: string; in?: unknown; gte?: unknown } | undefined {
  if (!isObject(value)) {
    report(`${name} must be an object { questionId, in? , gte? }, got ${describe(value)}`);
    return undefined;
  }
  checkKnownKeys(value, ['questionId', 'in', 'gte'], report, name);
  if (!isNonEmptyString(value.questionId)) {
    report(`${name}.questionId must be a non-empty string, got ${describe(value.questionId)}`);
    return undefined;
  }
  const hasIn = value.in !== undefined;
  const hasGte = value.gte !== undefined;
  if (hasIn && hasGte) report(`${name} must have either "in" or "gte", not both`);
  if (!hasIn && !hasGte) report(`${name} must have either "in" or "gte"`);
  return value as { questionId: string; in?: unknown; gte?: unknown };
}

/**
 * An applicability condition refers to an unconditional "profile" question of the template
 * (no showIf, no applicableIf: always asked), with values that fit its type.
 */
function checkApplicabilityTarget(
  cond: { questionId: string; in?: unknown; gte?: unknown },
  name: string,
  target: QuestionInfo | undefined,
  report: Report,
): void {
  if (!target) {
    report(`${name} refers to unknown question "${cond.questionId}"`);
    return;
  }
  if (target.showIf !== undefined || target.applicableIf !== undefined)
    report(`${name} refers to question "${target.id}", which is itself conditional (it must refer to a question that is always asked)`);
  const tType = target.type;
  if (tType === 'text') report(`${name} cannot depend on text question "${target.id}"`);
  if (cond.in !== undefined && cond.gte === undefined) {
    if (!Array.isArray(cond.in) || cond.in.length === 0) report(`${name}.in must be a non-empty array, got ${describe(cond.in)}`);
    else if (tType === 'boolean') {
      for (const v of cond.in)
        if (typeof v !== 'boolean') report(`${name}.in value ${describe(v)} is not a boolean (question "${target.id}" is boolean)`);
    } else if (tType !== undefined && CHOICE_TYPES.includes(tType)) {
      for (const v of cond.in)
        if (typeof v !== 'string' || !target.optionIds.has(v))
          report(`${name}.in value ${describe(v)} is not an option id of question "${target.id}"`);
        else if (v === DONT_KNOW) report(`${name}.in cannot list "${DONT_KNOW}": an unknown answer always leaves the item applicable`);
    } else if (tType === 'number') report(`${name}.in cannot be used on number question "${target.id}" (use "gte")`);
  }
  if (cond.gte !== undefined && cond.in === undefined) {
    if (tType !== undefined && tType !== 'number')
      report(`${name}.gte is only allowed when the target is a number question ("${target.id}" is ${tType})`);
    if (!isFiniteNumber(cond.gte)) report(`${name}.gte must be a number, got ${describe(cond.gte)}`);
  }
}

function collectQuestionnaireProblems(data: unknown, rep: Reporter, knownActionIds: ReadonlySet<string> | undefined): void {
  if (!isObject(data)) {
    rep.add(undefined, `expected a questionnaire object { id, version, title, sections }, got ${describe(data)}`);
    return;
  }
  const top = rep.at(undefined);
  checkKnownKeys(data, TEMPLATE_KEYS, top);
  checkIdField(data, top);
  if (data.version === undefined) top('"version" is missing (expected an integer >= 1)');
  else if (!isInt(data.version) || data.version < 1) top(`"version" must be an integer >= 1, got ${describe(data.version)}`);
  checkI18n(data.title, 'title', top);
  checkI18n(data.description, 'description', top, true);

  if (!Array.isArray(data.sections) || data.sections.length === 0) {
    top(
      data.sections === undefined
        ? '"sections" is missing'
        : `"sections" must be a non-empty array, got ${Array.isArray(data.sections) ? 'an empty array' : describe(data.sections)}`,
    );
    if (!Array.isArray(data.sections)) return;
  }

  const sectionIds = new Set<string>();
  const questionWhere = new Map<string, string>(); // question id -> section where first seen
  const infos: QuestionInfo[] = [];
  let questionIndex = 0;

  data.sections.forEach((rawSection: unknown, si: number) => {
    if (!isObject(rawSection)) {
      rep.add(`sections[${si}]`, `must be an object, got ${describe(rawSection)}`);
      return;
    }
    const sectionName = isNonEmptyString(rawSection.id) ? `section "${rawSection.id}"` : `sections[${si}]`;
    const sReport = rep.at(sectionName);
    const sid = checkIdField(rawSection, sReport);
    if (sid !== undefined) {
      if (sectionIds.has(sid)) sReport(`duplicate section id "${sid}"`);
      sectionIds.add(sid);
    }
    checkKnownKeys(rawSection, SECTION_KEYS, sReport);
    checkI18n(rawSection.title, 'title', sReport);
    checkI18n(rawSection.description, 'description', sReport, true);
    if (!Array.isArray(rawSection.questions) || rawSection.questions.length === 0) {
      sReport(`"questions" must be a non-empty array, got ${describe(rawSection.questions)}`);
      if (!Array.isArray(rawSection.questions)) return;
    }

    rawSection.questions.forEach((rawQ: unknown, qi: number) => {
      const index = questionIndex++;
      if (!isObject(rawQ)) {
        rep.add(`${sectionName} questions[${qi}]`, `must be an object, got ${describe(rawQ)}`);
        return;
      }
      const qName = isNonEmptyString(rawQ.id) ? `question "${rawQ.id}"` : `${sectionName} questions[${qi}]`;
      const qReport = rep.at(qName);
      const qid = checkIdField(rawQ, qReport);
      if (qid !== undefined) {
        const first = questionWhere.get(qid);
        if (first !== undefined)
          qReport(`duplicate question id "${qid}" (already used in ${first}; ids must be unique across the template)`);
        else questionWhere.set(qid, sectionName);
      }
      const { type, optionIds } = checkQuestion(rawQ, qReport, knownActionIds);
      if (qid !== undefined) infos.push({ id: qid, index, type, optionIds, showIf: rawQ.showIf, applicableIf: rawQ.applicableIf });
      else if (rawQ.showIf !== undefined) qReport('showIf cannot be checked on a question without a valid id');
    });
  });

  checkShowIfs(infos, rep);

  const byId = new Map<string, QuestionInfo>();
  for (const q of infos) if (!byId.has(q.id)) byId.set(q.id, q);
  for (const q of infos) {
    if (q.applicableIf === undefined) continue;
    const report = rep.at(`question "${q.id}"`);
    const cond = checkConditionShape(q.applicableIf, 'applicableIf', report);
    if (!cond) continue;
    if (cond.questionId === q.id) report('applicableIf refers to the question itself');
    else checkApplicabilityTarget(cond, 'applicableIf', byId.get(cond.questionId), report);
  }
  data.sections.forEach((rawSection: unknown, si: number) => {
    if (!isObject(rawSection) || rawSection.applicableIf === undefined) return;
    const report = rep.at(isNonEmptyString(rawSection.id) ? `section "${rawSection.id}"` : `sections[${si}]`);
    const cond = checkConditionShape(rawSection.applicableIf, 'applicableIf', report);
    if (cond) checkApplicabilityTarget(cond, 'applicableIf', byId.get(cond.questionId), report);
  });
  checkWording(data, byId, rep);
}

/** French words after which a placeholder would need an elision or a gender the words cannot follow. */
const FRENCH_BEFORE_PLACEHOLDER = /(?:^|[\s'’(])(de|que|le|la|du|au|ce|cette|une)\s+\{[a-z][a-zA-Z0-9_]*\}/i;

/**
 * The `wording` table (words by kind of organisation) and the `{term}` placeholders of the texts:
 * the table refers to an always-asked single-choice question and gives every term for each of its
 * options and for `default`; every placeholder is a term of the table; a French placeholder never
 * follows a word that would need an elision or a gender ("de {people}": "d’agents").
 */
function checkWording(data: Obj, byId: ReadonlyMap<string, QuestionInfo>, rep: Reporter): void {
  const top = rep.at(undefined);
  const wording = data.wording;
  const terms = new Set<string>();
  if (wording !== undefined) {
    if (!isObject(wording)) top(`"wording" must be an object { questionId, terms }, got ${describe(wording)}`);
    else {
      checkKnownKeys(wording, ['questionId', 'terms'], top, 'wording');
      const target = typeof wording.questionId === 'string' ? byId.get(wording.questionId) : undefined;
      if (!isNonEmptyString(wording.questionId)) top(`wording.questionId must be a non-empty string, got ${describe(wording.questionId)}`);
      else if (!target) top(`wording refers to unknown question "${wording.questionId}"`);
      else {
        if (target.type !== 'single_choice') top(`wording refers to question "${target.id}", which is not a single_choice question`);
        if (target.showIf !== undefined || target.applicableIf !== undefined)
          top(`wording refers to question "${target.id}", which is itself conditional (it must be always asked)`);
      }
      const variants = target ? [...target.optionIds].filter((id) => id !== DONT_KNOW && id !== NOT_APPLICABLE_OPTION) : [];
      if (!isObject(wording.terms) || Object.keys(wording.terms).length === 0)
        top(`wording.terms must be a non-empty object { term: { option: { fr, en } } }, got ${describe(wording.terms)}`);
      else
        for (const [term, byVariant] of Object.entries(wording.terms)) {
          terms.add(term);
          if (!/^[a-z][a-zA-Z0-9_]*$/.test(term))
            top(`wording term "${term}" must be a lower-case word (it is written {${term}} in texts)`);
          if (!isObject(byVariant)) {
            top(`wording term "${term}" must be an object { option: { fr, en } }, got ${describe(byVariant)}`);
            continue;
          }
          for (const variant of [...variants, DEFAULT_WORDING])
            checkI18n(byVariant[variant], `wording term "${term}" for "${variant}"`, top);
          for (const key of Object.keys(byVariant))
            if (key !== DEFAULT_WORDING && target && !variants.includes(key))
              top(`wording term "${term}" gives words for "${key}", which is not an option of question "${target.id}"`);
        }
    }
  }
  for (const [where, text] of templateTexts(data)) {
    const report = rep.at(where || undefined);
    for (const lang of ['fr', 'en'] as const) {
      for (const match of text[lang].matchAll(PLACEHOLDER)) {
        if (wording === undefined) report(`${lang} text uses {${match[1]}} but the template has no "wording" table`);
        else if (!terms.has(match[1])) report(`${lang} text uses {${match[1]}}, which is not a term of the "wording" table`);
      }
    }
    const elided = FRENCH_BEFORE_PLACEHOLDER.exec(text.fr);
    if (elided)
      report(
        `fr text puts a placeholder after "${elided[1]}": the words differ in gender and some need an elision (write "des {people}", "par {person}")`,
      );
  }
}

/** What an action's applicableIf refers to, in every questionnaire version that has that question. */
function collectActionConditionProblems(catalogue: unknown, questionnaires: unknown[], rep: Reporter): void {
  if (!isObject(catalogue) || !Array.isArray(catalogue.actions)) return;
  const infosOf = questionnaires.filter(isObject).map((t) => {
    const infos = new Map<string, QuestionInfo>();
    let index = 0;
    for (const section of Array.isArray(t.sections) ? t.sections : [])
      for (const q of isObject(section) && Array.isArray(section.questions) ? section.questions : []) {
        if (!isObject(q) || typeof q.id !== 'string') continue;
        const options = Array.isArray(q.options) ? q.options : [];
        infos.set(q.id, {
          id: q.id,
          index: index++,
          type: typeof q.type === 'string' && (QUESTION_TYPES as readonly string[]).includes(q.type) ? (q.type as QuestionType) : undefined,
          optionIds: new Set(
            options
              .filter(isObject)
              .map((o) => o.id)
              .filter((id): id is string => typeof id === 'string'),
          ),
          showIf: q.showIf,
          applicableIf: q.applicableIf,
        });
      }
    return { name: `${String(t.id)} v${String(t.version)}`, infos };
  });
  for (const raw of catalogue.actions) {
    if (!isObject(raw) || raw.applicableIf === undefined || !isObject(raw.applicableIf)) continue;
    const cond = raw.applicableIf;
    if (typeof cond.questionId !== 'string') continue;
    const report = rep.at(`action "${String(raw.id)}"`);
    const holders = infosOf.filter((t) => t.infos.has(cond.questionId as string));
    if (holders.length === 0) report(`applicableIf refers to question "${cond.questionId}", which no questionnaire has`);
    for (const t of holders)
      checkApplicabilityTarget(cond as { questionId: string }, `applicableIf (in ${t.name})`, t.infos.get(cond.questionId), report);
  }
}

/** At least this many questions inform every action, for every profile of organisation it applies to. */
export const MIN_QUESTIONS_PER_ACTION = 2;
/** Beyond this many profiles, the coverage check gives up and says so (a template with too many profile questions). */
const MAX_PROFILES = 50_000;

type Condition = { questionId: string; in?: unknown[]; gte?: number };
const asCondition = (v: unknown): Condition | undefined =>
  isObject(v) && typeof v.questionId === 'string' ? (v as unknown as Condition) : undefined;

/**
 * Every action a questionnaire asks about is informed by at least two questions that apply, for every
 * profile of organisation the action applies to. A profile is a set of answers to the questions
 * `applicableIf` refers to (kind of organisation, builds services, hosting, country...): each option
 * of a choice (one at a time for a multiple choice: more options only make more questions apply), yes
 * and no, each side of a number threshold. A question applies when its own `applicableIf` holds, as
 * in methodology scoring-2 (a section that does not apply loses its score, not its questions' links;
 * the walk may still hide a question behind a `showIf` on a practice answer). So one
 * answer can never decide, alone, where an action stands for a public body, a company or an
 * association. Reports the first profile that falls short, for each action.
 */
function collectActionCoverageProblems(catalogue: unknown, template: unknown, rep: Reporter): void {
  if (!isObject(catalogue) || !Array.isArray(catalogue.actions) || !isObject(template) || !Array.isArray(template.sections)) return;
  const name = `${String(template.id)} v${String(template.version)}`;
  type Q = { id: string; type: unknown; options: string[]; applicableIf?: Condition; actions: string[] };
  const questions: Q[] = [];
  for (const section of template.sections) {
    if (!isObject(section) || !Array.isArray(section.questions)) continue;
    for (const q of section.questions) {
      if (!isObject(q) || typeof q.id !== 'string') continue;
      const scoring = isObject(q.scoring) && Array.isArray(q.scoring.actions) ? q.scoring.actions : [];
      questions.push({
        id: q.id,
        type: q.type,
        options: (Array.isArray(q.options) ? q.options : []).filter(isObject).map((o) => String(o.id)),
        applicableIf: asCondition(q.applicableIf),
        actions: scoring.filter(isObject).map((a) => String(a.actionId)),
      });
    }
  }
  const byId = new Map(questions.map((q) => [q.id, q]));
  const asked = new Set(questions.flatMap((q) => q.actions));
  const actions = catalogue.actions.filter((a): a is Obj => isObject(a) && typeof a.id === 'string' && asked.has(a.id));
  // The profile questions and the values that tell their conditions apart.
  const conditions: Condition[] = [...questions.map((q) => q.applicableIf), ...actions.map((a) => asCondition(a.applicableIf))].filter(
    (c): c is Condition => c !== undefined && byId.has(c.questionId),
  );
  const controllers = [...new Set(conditions.map((c) => c.questionId))].sort();
  const valuesOf = (id: string): AnswerValue[] => {
    const q = byId.get(id)!;
    const choices = q.options.filter((o) => o !== DONT_KNOW && o !== NOT_APPLICABLE_OPTION);
    if (q.type === 'boolean') return [true, false];
    if (q.type === 'multi_choice') return choices.map((o) => [o]);
    if (q.type === 'number') {
      const thresholds = conditions.filter((c) => c.questionId === id && typeof c.gte === 'number').map((c) => c.gte!);
      return [...new Set(thresholds.flatMap((g) => [g, g - 1]))];
    }
    return choices;
  };
  const axes = controllers.map((id) => ({ id, values: valuesOf(id) })).filter((a) => a.values.length > 0);
  const total = axes.reduce((n, a) => n * a.values.length, 1);
  if (total > MAX_PROFILES) {
    rep.add(
      undefined,
      `${name}: ${total} profiles of organisation to check the actions against (more than ${MAX_PROFILES}): fewer profile questions, please`,
    );
    return;
  }
  const holds = (c: Condition | undefined, profile: Record<string, AnswerValue>): boolean =>
    c === undefined || !Object.hasOwn(profile, c.questionId) || conditionMatches(c as never, profile[c.questionId]);
  const reported = new Set<string>();
  const profile: Record<string, AnswerValue> = {};
  const visit = (i: number): void => {
    if (i < axes.length) {
      for (const value of axes[i].values) {
        profile[axes[i].id] = value;
        visit(i + 1);
      }
      return;
    }
    for (const action of actions) {
      const id = action.id as string;
      if (reported.has(id) || !holds(asCondition(action.applicableIf), profile)) continue;
      const informing = questions.filter((q) => q.actions.includes(id) && holds(q.applicableIf, profile));
      if (informing.length >= MIN_QUESTIONS_PER_ACTION) continue;
      reported.add(id);
      const who = Object.entries(profile)
        .map(([q, v]) => `${q} = ${Array.isArray(v) ? v.join('+') : String(v)}`)
        .join(', ');
      rep.add(
        `action "${id}"`,
        `in ${name}, only ${informing.length} question${informing.length === 1 ? '' : 's'} inform${informing.length === 1 ? 's' : ''} it for an organisation with ${who}` +
          `${informing.length ? ` (${informing.map((q) => q.id).join(', ')})` : ''}; it needs at least ${MIN_QUESTIONS_PER_ACTION} that apply to every organisation it applies to`,
      );
    }
  };
  visit(0);
}

/**
 * Validates one parsed questionnaire template against its shape and the action catalogue;
 * throws TemplateValidationError listing every problem.
 */
export function validateQuestionnaire(template: unknown, file: string, catalogue: ActionCatalogue): QuestionnaireTemplate {
  const rep = new Reporter(file);
  collectQuestionnaireProblems(template, rep, actionIdsOf(catalogue));
  if (rep.problems.length === 0) collectActionCoverageProblems(catalogue, template, rep);
  throwIfAny(rep.problems);
  return template as QuestionnaireTemplate;
}

function actionIdsOf(catalogue: unknown): Set<string> {
  const ids = new Set<string>();
  if (isObject(catalogue) && Array.isArray(catalogue.actions)) {
    for (const a of catalogue.actions) if (isObject(a) && typeof a.id === 'string') ids.add(a.id);
  }
  return ids;
}

/* ------------------------------------------------------------------------------------------ */
/* Loading from disk                                                                           */
/* ------------------------------------------------------------------------------------------ */

const PARSE_FAILED = Symbol('parse-failed');

async function readJson(absFile: string, problems: string[]): Promise<unknown> {
  const shown = displayPath(absFile);
  let text: string;
  try {
    text = await readFile(absFile, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    problems.push(`${shown}: cannot read file${code === 'ENOENT' ? ' (file not found)' : `: ${(err as Error).message}`}`);
    return PARSE_FAILED;
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(source) as unknown;
  } catch (err) {
    problems.push(`${shown}: invalid JSON: ${withLineAndColumn((err as Error).message, source)}`);
    return PARSE_FAILED;
  }
}

/** Older Node versions only give "at position N" in JSON errors: add the line and column. */
function withLineAndColumn(message: string, source: string): string {
  const m = /at position (\d+)/.exec(message);
  if (!m || /line \d+/.test(message)) return message;
  const before = source.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line} column ${column})`;
}

async function listDir(absDir: string): Promise<Dirent[] | undefined> {
  try {
    return await readdir(absDir, { withFileTypes: true });
  } catch {
    return undefined;
  }
}

/**
 * Reads and validates every template under `dir`. Throws a TemplateValidationError listing
 * every problem of every file when anything is wrong.
 */
export async function loadTemplates(dir: string): Promise<LoadedContent> {
  const root = path.resolve(dir);
  const problems: string[] = [];

  // Action catalogue first: questionnaires are checked against its ids (even when it has
  // problems of its own, so that all problems are reported in one go).
  const actionsFile = path.join(root, 'actions.json');
  const actionsData = await readJson(actionsFile, problems);
  if (actionsData !== PARSE_FAILED) collectActionCatalogueProblems(actionsData, new Reporter(displayPath(actionsFile), problems));
  const knownActionIds = actionsData === PARSE_FAILED ? undefined : actionIdsOf(actionsData);

  const keyMessagesFile = path.join(root, 'key-messages.json');
  const keyMessagesData = await readJson(keyMessagesFile, problems);
  let keyMessages: KeyMessage[] = [];
  if (keyMessagesData !== PARSE_FAILED)
    keyMessages = collectKeyMessagesProblems(keyMessagesData, new Reporter(displayPath(keyMessagesFile), problems));

  const questionnaires: QuestionnaireTemplate[] = [];
  const qRoot = path.join(root, 'questionnaires');
  const families = await listDir(qRoot);
  if (!families) {
    problems.push(`${displayPath(qRoot)}: questionnaires folder not found`);
  } else {
    const folders = families
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    for (const entry of families) {
      if (entry.isFile() && entry.name.endsWith('.json'))
        problems.push(
          `${displayPath(path.join(qRoot, entry.name))}: misplaced template: expected questionnaires/<questionnaireId>/v<N>.json`,
        );
    }
    for (const folder of folders) {
      const folderAbs = path.join(qRoot, folder);
      const entries = (await listDir(folderAbs)) ?? [];
      const files = entries
        .filter((e) => e.isFile() && e.name.endsWith('.json'))
        .map((e) => e.name)
        .sort();
      if (files.length === 0) problems.push(`${displayPath(folderAbs)}: no template version (expected v<N>.json files)`);
      for (const name of files) {
        const abs = path.join(folderAbs, name);
        const shown = displayPath(abs);
        const match = VERSION_FILE.exec(name);
        if (!match) {
          problems.push(`${shown}: file name must be v<N>.json with N an integer >= 1 (e.g. v1.json)`);
          continue;
        }
        const data = await readJson(abs, problems);
        if (data === PARSE_FAILED) continue;
        const rep = new Reporter(shown, problems);
        const before = problems.length;
        collectQuestionnaireProblems(data, rep, knownActionIds);
        // Only on a well-formed template with a readable catalogue: the check reads conditions and links as valid.
        if (problems.length === before && actionsData !== PARSE_FAILED) collectActionCoverageProblems(actionsData, data, rep);
        if (isObject(data)) {
          if (typeof data.id === 'string' && data.id !== folder)
            rep.add(undefined, `"id" is "${data.id}" but the folder is "${folder}" (they must be equal)`);
          const n = Number(match[1]);
          if (isInt(data.version) && data.version !== n)
            rep.add(undefined, `"version" is ${data.version} but the file name says v${n} (they must be equal)`);
        }
        questionnaires.push(data as QuestionnaireTemplate);
      }
    }
    if (folders.length === 0) problems.push(`${displayPath(qRoot)}: no questionnaire template found`);
  }

  if (actionsData !== PARSE_FAILED)
    collectActionConditionProblems(actionsData, questionnaires, new Reporter(displayPath(actionsFile), problems));

  throwIfAny(problems);

  questionnaires.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version));
  keyMessages = [...keyMessages].sort((a, b) => a.number - b.number);
  return { questionnaires, actions: actionsData as ActionCatalogue, keyMessages };
}
