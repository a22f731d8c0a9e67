import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import {
  displayPath,
  loadTemplates,
  TemplateValidationError,
  validateActionCatalogue,
  validateKeyMessages,
  validateQuestionnaire,
} from './template-loader.js';
import type { ActionCatalogue } from './template.types.js';

/** Jest runs from the project root, so fixture paths in messages are relative to it. */
const FIXTURES = 'test/fixtures/broken-templates';
const fixture = (name: string): string => path.join(FIXTURES, name);
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8')) as unknown;

async function loadError(name: string): Promise<TemplateValidationError> {
  try {
    await loadTemplates(fixture(name));
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateValidationError);
    return err as TemplateValidationError;
  }
  throw new Error(`expected fixture "${name}" to be refused`);
}

function validationError(fn: () => unknown): TemplateValidationError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateValidationError);
    return err as TemplateValidationError;
  }
  throw new Error('expected a TemplateValidationError');
}

/** Every problem must also appear in the error message itself. */
function expectInMessage(err: TemplateValidationError, ...expected: string[]): void {
  for (const line of expected) {
    expect(err.problems).toContain(line);
    expect(err.message).toContain(line);
  }
}

describe('loadTemplates (fixtures on disk)', () => {
  it('loads a valid minimal templates folder, sorted by id then version', async () => {
    const content = await loadTemplates(fixture('valid'));
    expect(content.questionnaires.map((q) => `${q.id}@v${q.version}`)).toEqual(['alpha@v1', 'mini@v1', 'mini@v2']);
    expect(content.actions.actions.map((a) => a.id)).toEqual(['extend-lifespan', 'measure-footprint']);
    expect(content.keyMessages.map((k) => k.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const mini = content.questionnaires[1];
    expect(mini.sections.flatMap((s) => s.questions).map((q) => q.type)).toEqual([
      'boolean',
      'single_choice',
      'multi_choice',
      'number',
      'number',
      'scale',
      'text',
    ]);
  });

  it('accepts an absolute directory path', async () => {
    const content = await loadTemplates(path.resolve(fixture('valid')));
    expect(content.questionnaires).toHaveLength(3);
  });

  it('reports invalid JSON with the file and the parser message', async () => {
    const err = await loadError('invalid-json');
    const file = `${FIXTURES}/invalid-json/questionnaires/mini/v1.json`;
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatch(new RegExp(`^${file}: invalid JSON: .*line 23`));
    expect(err.message).toContain(`${file}: invalid JSON:`);
  });

  it('reports an unreadable action catalogue without flooding unknown-action problems', async () => {
    const err = await loadError('invalid-actions-json');
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatch(
      new RegExp(`^${FIXTURES}/invalid-actions-json/actions.json: invalid JSON: .*(end of JSON|Unexpected|Unterminated)`),
    );
  });

  it('reports every duplicate id (question across sections, option, section, action) in one error', async () => {
    const err = await loadError('duplicate-ids');
    const q = `${FIXTURES}/duplicate-ids/questionnaires/mini/v1.json`;
    expect(err.problems).toHaveLength(4);
    expectInMessage(
      err,
      `${FIXTURES}/duplicate-ids/actions.json: action "extend-lifespan": duplicate action id "extend-lifespan"`,
      `${q}: question "procurement.has_policy": duplicate question id "procurement.has_policy" (already used in section "procurement"; ids must be unique across the template)`,
      `${q}: question "measurement.criteria": duplicate option id "climate"`,
      `${q}: section "procurement": duplicate section id "procurement"`,
    );
    // The action catalogue's problems and the questionnaire's are listed together.
    expect(err.message).toMatch(/^Invalid templates \(\d+ problems\):/);
  });

  it('reports an unknown action id in scoring', async () => {
    const err = await loadError('unknown-action');
    expect(err.problems).toEqual([
      `${FIXTURES}/unknown-action/questionnaires/mini/v1.json: question "procurement.lifespan_policy": scoring refers to unknown action "plant-trees" (not in the action catalogue)`,
    ]);
  });

  it('reports a showIf referring to an unknown question', async () => {
    const err = await loadError('showif-unknown-question');
    expect(err.problems).toEqual([
      `${FIXTURES}/showif-unknown-question/questionnaires/mini/v1.json: question "procurement.lifespan_policy": showIf refers to unknown question "procurement.has_polcy"`,
    ]);
  });

  it('reports a showIf cycle explicitly', async () => {
    const err = await loadError('showif-cycle');
    expect(err.problems).toEqual([
      `${FIXTURES}/showif-cycle/questionnaires/mini/v1.json: question "procurement.has_policy": showIf cycle: procurement.has_policy -> procurement.lifespan_policy -> procurement.has_policy`,
    ]);
  });

  it('reports every missing or empty translation, naming where', async () => {
    const err = await loadError('missing-translation');
    const q = `${FIXTURES}/missing-translation/questionnaires/mini/v1.json`;
    expect(err.problems).toHaveLength(4);
    expectInMessage(
      err,
      `${FIXTURES}/missing-translation/actions.json: action "measure-footprint": nextSteps[1] has an empty "fr" translation`,
      `${q}: question "procurement.lifespan_policy": option "five" label is missing its "en" translation`,
      `${q}: section "measurement": title has an empty "fr" translation`,
      `${q}: question "inventory.laptop.lifespan": unit is missing its "fr" translation`,
    );
  });

  it('reports a number question without bounds', async () => {
    const err = await loadError('number-without-bounds');
    expect(err.problems).toEqual([
      `${FIXTURES}/number-without-bounds/questionnaires/mini/v1.json: question "inventory.laptop.count": number question without bounds: "max" is missing (both are mandatory)`,
    ]);
  });

  it('reports an id that differs from the folder and a version that differs from the file name', async () => {
    const err = await loadError('id-version-mismatch');
    const file = `${FIXTURES}/id-version-mismatch/questionnaires/mini/v2.json`;
    expectInMessage(
      err,
      `${file}: "id" is "other" but the folder is "mini" (they must be equal)`,
      `${file}: "version" is 1 but the file name says v2 (they must be equal)`,
    );
  });

  it('reports key messages that are not exactly 7, and figures without source or year', async () => {
    const err = await loadError('bad-key-messages');
    const file = `${FIXTURES}/bad-key-messages/key-messages.json`;
    expectInMessage(
      err,
      `${file}: key message 1: figures[0] has no source (non-empty string), got undefined`,
      `${file}: key message 2: figures[0] has no valid year (integer from 1950 to ${new Date().getFullYear() + 1}), got "2022"`,
      `${file}: expected exactly 7 key messages numbered 1 to 7, got 6 (missing: 7)`,
    );
  });

  it("checks an action's applicableIf against every questionnaire that has the question", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'templates-'));
    try {
      cpSync(fixture('valid'), dir, { recursive: true });
      const file = path.join(dir, 'actions.json');
      const c = readJson(file) as Json;
      c.actions[0].applicableIf = { questionId: 'procurement.has_policy', in: [true] };
      c.actions[1].applicableIf = { questionId: 'nowhere', in: [true] };
      writeFileSync(file, JSON.stringify(c));
      const err = await loadTemplates(dir).then(
        () => undefined,
        (e: unknown) => e as TemplateValidationError,
      );
      expect(err).toBeInstanceOf(TemplateValidationError);
      expect(err!.problems).toEqual([
        `${displayPath(file)}: action "measure-footprint": applicableIf refers to question "nowhere", which no questionnaire has`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports missing files when the folder is empty or absent', async () => {
    const err = await loadError('does-not-exist');
    const dir = `${FIXTURES}/does-not-exist`;
    expectInMessage(
      err,
      `${dir}/actions.json: cannot read file (file not found)`,
      `${dir}/key-messages.json: cannot read file (file not found)`,
      `${dir}/questionnaires: questionnaires folder not found`,
    );
  });
});

/* ------------------------------------------------------------------------------------------ */

const FILE = 'templates/questionnaires/fresque-numerique/v1.json';
const validDir = fixture('valid');
const catalogue = readJson(path.join(validDir, 'actions.json')) as ActionCatalogue;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const baseTemplate = (): Json => readJson(path.join(validDir, 'questionnaires/mini/v1.json'));
/** Finds a question of the base template by id, to mutate it. */
const question = (t: Json, id: string): Json => t.sections.flatMap((s: Json) => s.questions).find((q: Json) => q.id === id);

describe('validateQuestionnaire', () => {
  it('returns the template when it is valid', () => {
    const t = baseTemplate();
    expect(validateQuestionnaire(t, FILE, catalogue)).toBe(t);
  });

  it('uses the documented message format', () => {
    const t = baseTemplate();
    question(t, 'procurement.lifespan_policy').showIf = { questionId: 'foo', in: ['x'] };
    const err = validationError(() => validateQuestionnaire(t, FILE, catalogue));
    expect(err.problems).toEqual([`${FILE}: question "procurement.lifespan_policy": showIf refers to unknown question "foo"`]);
    expect(err.message).toBe(
      `Invalid templates (1 problem):\n  - ${FILE}: question "procurement.lifespan_policy": showIf refers to unknown question "foo"`,
    );
    expect(err.name).toBe('TemplateValidationError');
  });

  const cases: Array<[string, (t: Json) => void, string[]]> = [
    ['missing sections', (t) => (t.sections = undefined), [`${FILE}: "sections" is missing`]],
    ['missing id', (t) => delete t.id, [`${FILE}: "id" is missing`]],
    ['version 0', (t) => (t.version = 0), [`${FILE}: "version" must be an integer >= 1, got 0`]],
    ['version not integer', (t) => (t.version = 1.5), [`${FILE}: "version" must be an integer >= 1, got 1.5`]],
    ['empty sections', (t) => (t.sections = []), [`${FILE}: "sections" must be a non-empty array, got an empty array`]],
    [
      'section without questions',
      (t) => (t.sections[1].questions = []),
      [`${FILE}: section "measurement": "questions" must be a non-empty array, got an array`],
    ],
    [
      'unknown question type',
      (t) => (question(t, 'procurement.has_policy').type = 'yes_no'),
      [
        `${FILE}: question "procurement.has_policy": "type" must be one of single_choice|multi_choice|boolean|number|scale|text, got "yes_no"`,
      ],
    ],
    [
      'required not boolean',
      (t) => (question(t, 'measurement.comment').required = 'no'),
      [`${FILE}: question "measurement.comment": "required" must be a boolean, got "no"`],
    ],
    [
      'required missing',
      (t) => delete question(t, 'measurement.comment').required,
      [`${FILE}: question "measurement.comment": "required" is missing (expected true or false)`],
    ],
    [
      'unknown field (typo)',
      (t) => (question(t, 'measurement.comment').showif = {}),
      [
        `${FILE}: question "measurement.comment": unknown field "showif" (allowed: id, type, label, help, required, options, min, max, integer, unit, maxLength, showIf, applicableIf, dontKnow, scoring)`,
      ],
    ],
    [
      'scoring weight out of range',
      (t) => (question(t, 'procurement.has_policy').scoring.actions[0].weight = 4),
      [`${FILE}: question "procurement.has_policy": scoring weight for action "extend-lifespan" must be an integer from 1 to 3, got 4`],
    ],
    [
      'same action twice in scoring',
      (t) => question(t, 'procurement.has_policy').scoring.actions.push({ actionId: 'extend-lifespan', weight: 1 }),
      [`${FILE}: question "procurement.has_policy": scoring lists action "extend-lifespan" twice`],
    ],
    [
      'option score out of range',
      (t) => (question(t, 'measurement.criteria').options[0].score = 120),
      [`${FILE}: question "measurement.criteria": option "climate" score must be null or a number from 0 to 100, got 120`],
    ],
    [
      'choice question with one option',
      (t) => question(t, 'measurement.maturity').options.splice(1),
      [`${FILE}: question "measurement.maturity": a scale question needs at least 2 options, got 1`],
    ],
    [
      'choice question without options',
      (t) => delete question(t, 'procurement.lifespan_policy').options,
      [`${FILE}: question "procurement.lifespan_policy": "options" is missing: a single_choice question needs at least 2 options`],
    ],
    [
      'options on a boolean question',
      (t) => (question(t, 'procurement.has_policy').options = [{ id: 'a', label: { fr: 'a', en: 'a' } }]),
      [
        `${FILE}: question "procurement.has_policy": "options" is not allowed on a boolean question (only on single_choice, multi_choice, scale)`,
      ],
    ],
    [
      'exclusive outside multi_choice',
      (t) => (question(t, 'measurement.maturity').options[0].exclusive = true),
      [`${FILE}: question "measurement.maturity": option "low": "exclusive" is only allowed on multi_choice options`],
    ],
    [
      'number without min nor max',
      (t) => {
        const q = question(t, 'inventory.laptop.count');
        delete q.min;
        delete q.max;
      },
      [`${FILE}: question "inventory.laptop.count": number question without bounds: "min" and "max" are missing (both are mandatory)`],
    ],
    [
      'number min > max',
      (t) => (question(t, 'inventory.laptop.lifespan').min = 20),
      [`${FILE}: question "inventory.laptop.lifespan": "min" (20) is greater than "max" (15)`],
    ],
    [
      'min on a non-number question',
      (t) => (question(t, 'measurement.comment').min = 1),
      [`${FILE}: question "measurement.comment": "min" is only allowed on number questions`],
    ],
    [
      'linear scoring on a boolean',
      (t) => (question(t, 'procurement.has_policy').scoring.linear = { worst: 0, best: 1 }),
      [`${FILE}: question "procurement.has_policy": scoring.linear is only allowed on number questions`],
    ],
    [
      'boolean scoring on a number',
      (t) => (question(t, 'inventory.laptop.lifespan').scoring.boolean = { yes: 100, no: 0 }),
      [`${FILE}: question "inventory.laptop.lifespan": scoring.boolean is only allowed on boolean questions`],
    ],
    [
      'boolean with actions but no scoring.boolean',
      (t) => delete question(t, 'procurement.has_policy').scoring.boolean,
      [`${FILE}: question "procurement.has_policy": a boolean question with scoring.actions must have scoring.boolean { yes, no }`],
    ],
    [
      'number with actions but no scoring.linear',
      (t) => delete question(t, 'inventory.laptop.lifespan').scoring.linear,
      [`${FILE}: question "inventory.laptop.lifespan": a number question with scoring.actions must have scoring.linear { worst, best }`],
    ],
    [
      'scored text question',
      (t) => (question(t, 'measurement.comment').scoring = { actions: [{ actionId: 'measure-footprint', weight: 1 }] }),
      [`${FILE}: question "measurement.comment": a text question cannot be scored (remove "scoring")`],
    ],
    [
      'showIf on a later question',
      (t) => (question(t, 'procurement.has_policy').showIf = { questionId: 'measurement.criteria', in: ['water'] }),
      [
        `${FILE}: question "procurement.has_policy": showIf refers to question "measurement.criteria", which comes later (it must refer to an earlier question)`,
      ],
    ],
    [
      'showIf on itself',
      (t) => (question(t, 'measurement.criteria').showIf = { questionId: 'measurement.criteria', in: ['water'] }),
      [`${FILE}: question "measurement.criteria": showIf refers to the question itself`],
    ],
    [
      'showIf cycle of three',
      (t) => {
        question(t, 'measurement.criteria').showIf = { questionId: 'measurement.maturity', in: ['high'] };
        question(t, 'measurement.maturity').showIf = { questionId: 'procurement.lifespan_policy', in: ['five'] };
        question(t, 'procurement.lifespan_policy').showIf = { questionId: 'measurement.criteria', in: ['water'] };
      },
      [
        `${FILE}: question "procurement.lifespan_policy": showIf cycle: procurement.lifespan_policy -> measurement.criteria -> measurement.maturity -> procurement.lifespan_policy`,
      ],
    ],
    [
      'showIf in value not an option id',
      (t) => (question(t, 'measurement.maturity').showIf = { questionId: 'measurement.criteria', in: ['water', 'air'] }),
      [`${FILE}: question "measurement.maturity": showIf.in value "air" is not an option id of question "measurement.criteria"`],
    ],
    [
      'showIf in value not a boolean for a boolean target',
      (t) => (question(t, 'procurement.lifespan_policy').showIf.in = ['yes']),
      [
        `${FILE}: question "procurement.lifespan_policy": showIf.in value "yes" is not a boolean (question "procurement.has_policy" is boolean)`,
      ],
    ],
    [
      'showIf gte on a non-number target',
      (t) => (question(t, 'procurement.lifespan_policy').showIf = { questionId: 'procurement.has_policy', gte: 1 }),
      [
        `${FILE}: question "procurement.lifespan_policy": showIf.gte is only allowed when the target is a number question ("procurement.has_policy" is boolean)`,
      ],
    ],
    [
      'showIf with neither in nor gte',
      (t) => (question(t, 'procurement.lifespan_policy').showIf = { questionId: 'procurement.has_policy' }),
      [`${FILE}: question "procurement.lifespan_policy": showIf must have either "in" or "gte"`],
    ],
    [
      'showIf with both in and gte',
      (t) => (question(t, 'inventory.laptop.lifespan').showIf.in = [true]),
      [`${FILE}: question "inventory.laptop.lifespan": showIf must have either "in" or "gte", not both`],
    ],
    [
      'missing help translation',
      (t) => (question(t, 'procurement.lifespan_policy').help = { fr: 'Aide' }),
      [`${FILE}: question "procurement.lifespan_policy": help is missing its "en" translation`],
    ],
    [
      'missing label',
      (t) => delete question(t, 'measurement.comment').label,
      [`${FILE}: question "measurement.comment": label is missing (expected { "fr": "...", "en": "..." })`],
    ],
    ['template title with empty en', (t) => (t.title.en = ''), [`${FILE}: title has an empty "en" translation`]],
    [
      'dontKnow on a choice question',
      (t) => (question(t, 'procurement.lifespan_policy').dontKnow = true),
      [
        `${FILE}: question "procurement.lifespan_policy": "dontKnow" is only allowed on boolean and number questions (a single_choice question has a "dont_know" option instead)`,
      ],
    ],
    [
      'dontKnow not a boolean',
      (t) => (question(t, 'procurement.has_policy').dontKnow = 'yes'),
      [`${FILE}: question "procurement.has_policy": "dontKnow" must be a boolean, got "yes"`],
    ],
    [
      'a "dont_know" option with a score',
      (t) =>
        question(t, 'procurement.lifespan_policy').options.push({
          id: 'dont_know',
          label: { fr: 'Je ne sais pas', en: "I don't know" },
          score: 0,
        }),
      [
        `${FILE}: question "procurement.lifespan_policy": option "dont_know" means "I don't know": its score must be null (it is not a maturity)`,
      ],
    ],
    [
      'applicableIf on an unknown question',
      (t) => (question(t, 'measurement.comment').applicableIf = { questionId: 'nope', in: [true] }),
      [`${FILE}: question "measurement.comment": applicableIf refers to unknown question "nope"`],
    ],
    [
      'applicableIf on a conditional question',
      (t) => (question(t, 'measurement.comment').applicableIf = { questionId: 'procurement.lifespan_policy', in: ['five'] }),
      [
        `${FILE}: question "measurement.comment": applicableIf refers to question "procurement.lifespan_policy", which is itself conditional (it must refer to a question that is always asked)`,
      ],
    ],
    [
      'applicableIf with a value of the wrong type',
      (t) => (question(t, 'measurement.comment').applicableIf = { questionId: 'procurement.has_policy', in: ['yes'] }),
      [
        `${FILE}: question "measurement.comment": applicableIf.in value "yes" is not a boolean (question "procurement.has_policy" is boolean)`,
      ],
    ],
    [
      'applicableIf listing "I don\'t know"',
      (t) => {
        question(t, 'procurement.lifespan_policy').options.push({
          id: 'dont_know',
          label: { fr: 'Je ne sais pas', en: "I don't know" },
          score: null,
        });
        delete question(t, 'procurement.lifespan_policy').showIf;
        t.sections[1].applicableIf = { questionId: 'procurement.lifespan_policy', in: ['five', 'dont_know'] };
      },
      [`${FILE}: section "measurement": applicableIf.in cannot list "dont_know": an unknown answer always leaves the item applicable`],
    ],
  ];

  it('accepts applicableIf on questions and sections that refer to an unconditional question', () => {
    const t = baseTemplate();
    question(t, 'measurement.comment').applicableIf = { questionId: 'procurement.has_policy', in: [true] };
    t.sections[1].applicableIf = { questionId: 'procurement.has_policy', in: [true] };
    question(t, 'procurement.has_policy').dontKnow = true;
    expect(validateQuestionnaire(t, FILE, catalogue)).toBe(t);
  });

  it.each(cases)('reports %s', (_name, mutate, expected) => {
    const t = baseTemplate();
    mutate(t);
    const err = validationError(() => validateQuestionnaire(t, FILE, catalogue));
    for (const line of expected) expect(err.problems).toContain(line);
    expect(err.problems).toHaveLength(expected.length);
  });

  it('lists all problems, not only the first', () => {
    const names = [
      'version 0',
      'required not boolean',
      'scoring weight out of range',
      'option score out of range',
      'number min > max',
      'exclusive outside multi_choice',
      'showIf on itself',
      'missing help translation',
      'template title with empty en',
      'linear scoring on a boolean',
    ];
    const t = baseTemplate();
    const expected: string[] = [];
    for (const name of names) {
      const found = cases.find(([n]) => n === name);
      if (!found) throw new Error(`no case named ${name}`);
      found[1](t);
      expected.push(...found[2]);
    }
    const err = validationError(() => validateQuestionnaire(t, FILE, catalogue));
    expect([...err.problems].sort()).toEqual([...expected].sort());
    for (const p of expected) expect(err.message).toContain(p);
    expect(err.message).toMatch(/^Invalid templates \(10 problems\):/);
  });

  it('does not crash on garbage input', () => {
    for (const garbage of [null, 42, 'x', [], { sections: [null, 1, { questions: [null] }] }]) {
      const err = validationError(() => validateQuestionnaire(garbage, FILE, catalogue));
      expect(err.problems.length).toBeGreaterThan(0);
      for (const p of err.problems) expect(p.startsWith(`${FILE}: `)).toBe(true);
    }
  });
});

describe('validateActionCatalogue', () => {
  const FILE_A = 'templates/actions.json';
  const cases: Array<[string, (c: Json) => void, string[]]> = [
    [
      'impactWeight 6',
      (c) => (c.actions[0].impactWeight = 6),
      [`${FILE_A}: action "extend-lifespan": "impactWeight" must be an integer from 1 to 5, got 6`],
    ],
    [
      'effort unknown',
      (c) => (c.actions[0].effort = 'tiny'),
      [`${FILE_A}: action "extend-lifespan": "effort" must be one of low|medium|high, got "tiny"`],
    ],
    [
      'ownerRole unknown',
      (c) => (c.actions[0].ownerRole = 'ceo'),
      [
        `${FILE_A}: action "extend-lifespan": "ownerRole" must be one of procurement|it_operations|product_development|management|all_staff, got "ceo"`,
      ],
    ],
    [
      'category unknown',
      (c) => (c.actions[0].category = 'planet'),
      [`${FILE_A}: action "extend-lifespan": "category" must be one of user|company|collective, got "planet"`],
    ],
    [
      'key message 8',
      (c) => (c.actions[1].justification.keyMessages = [1, 8]),
      [`${FILE_A}: action "measure-footprint": justification.keyMessages: 8 is not a key-message number (1 to 7)`],
    ],
    [
      'unknown lever',
      (c) => (c.actions[1].lever = 'teleport'),
      [`${FILE_A}: action "measure-footprint": "lever" must be one of lifespan|refurbished|fewer_screens|switch_off, got "teleport"`],
    ],
    [
      'lever used twice',
      (c) => (c.actions[1].lever = 'lifespan'),
      [`${FILE_A}: action "measure-footprint": lever "lifespan" is already used by action "extend-lifespan" (each lever at most once)`],
    ],
    [
      'empty nextSteps',
      (c) => (c.actions[1].nextSteps = []),
      [`${FILE_A}: action "measure-footprint": "nextSteps" must be a non-empty array of { "fr", "en" } texts, got an array`],
    ],
    [
      'duplicate id',
      (c) => (c.actions[1].id = 'extend-lifespan'),
      [`${FILE_A}: action "extend-lifespan": duplicate action id "extend-lifespan"`],
    ],
    [
      'id not kebab-case',
      (c) => (c.actions[1].id = 'Measure_Footprint'),
      [`${FILE_A}: action "Measure_Footprint": id "Measure_Footprint" must be kebab-case (e.g. "extend-lifespan")`],
    ],
    [
      'description missing fr',
      (c) => delete c.actions[0].description.fr,
      [`${FILE_A}: action "extend-lifespan": description is missing its "fr" translation`],
    ],
    ['missing version', (c) => delete c.version, [`${FILE_A}: "version" is missing (expected an integer >= 1)`]],
    [
      'kind missing',
      (c) => delete c.actions[0].kind,
      [`${FILE_A}: action "extend-lifespan": "kind" is missing (expected lever|foundation)`],
    ],
    [
      'enables on a lever',
      (c) => (c.actions[0].enables = ['extend-lifespan']),
      [
        `${FILE_A}: action "extend-lifespan": "enables" is only allowed on a foundation (it lists the levers the foundation makes possible)`,
      ],
    ],
    [
      'enables an unknown action and a foundation',
      (c) => (c.actions[1].enables = ['nope', 'measure-footprint']),
      [
        `${FILE_A}: action "measure-footprint": "enables" refers to unknown action "nope"`,
        `${FILE_A}: action "measure-footprint": "enables" refers to "measure-footprint", which is not a lever`,
      ],
    ],
    [
      'applicableIf without in or gte',
      (c) => (c.actions[0].applicableIf = { questionId: 'procurement.has_policy' }),
      [`${FILE_A}: action "extend-lifespan": applicableIf must have either "in" or "gte"`],
    ],
  ];

  it('accepts the valid fixture', () => {
    const c = readJson(path.join(validDir, 'actions.json'));
    expect(validateActionCatalogue(c, FILE_A)).toBe(c);
  });

  it.each(cases)('reports %s', (_name, mutate, expected) => {
    const c = readJson(path.join(validDir, 'actions.json')) as Json;
    mutate(c);
    const err = validationError(() => validateActionCatalogue(c, FILE_A));
    expect(err.problems).toEqual(expected);
  });
});

describe('validateKeyMessages', () => {
  const FILE_K = 'templates/key-messages.json';
  const base = (): Json => readJson(path.join(validDir, 'key-messages.json'));

  it('accepts a top-level array or { keyMessages } and returns them sorted', () => {
    const messages = base().reverse();
    expect(validateKeyMessages(messages, FILE_K).map((k) => k.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(validateKeyMessages({ version: 1, keyMessages: base() }, FILE_K)).toHaveLength(7);
  });

  it('reports duplicates, numbers out of range and missing texts', () => {
    const messages = base();
    messages[6].number = 1;
    messages[2].number = 9;
    delete messages[3].body.en;
    const err = validationError(() => validateKeyMessages(messages, FILE_K));
    expect(err.problems).toEqual([
      `${FILE_K}: key message 9: "number" must be an integer from 1 to 7, got 9`,
      `${FILE_K}: key message 4: body is missing its "en" translation`,
      `${FILE_K}: key message 1: duplicate key message number 1`,
      `${FILE_K}: expected exactly 7 key messages numbered 1 to 7, got 7 (missing: 3, 7)`,
    ]);
  });
});

describe('displayPath', () => {
  it('is relative inside the cwd and absolute outside', () => {
    expect(displayPath(path.resolve('templates/actions.json'))).toBe('templates/actions.json');
    expect(displayPath('/elsewhere/actions.json')).toBe('/elsewhere/actions.json');
  });
});
