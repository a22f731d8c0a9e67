/**
 * Version 2 of fresque-numerique as content: the loader's checks (every action informed by at least
 * two questions for every profile of organisation it applies to, the wording), its words, its sources,
 * and how long a full walk takes for each kind of organisation (the figures the README states).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { visibleQuestionIds } from '../scoring/visibility.js';
import { TemplateValidationError, validateQuestionnaire } from './template-loader.js';
import type { ActionCatalogue, AnswerValue, QuestionnaireTemplate } from './template.types.js';
import { fullWalk, walkEstimate } from './walk-estimate.js';
import { applyWording, templateTexts, wordingVariant } from './wording.js';

const ROOT = process.cwd();
const FILE = 'templates/questionnaires/fresque-numerique/v2.json';
const read = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as T;
const v2 = () => read<QuestionnaireTemplate>(FILE);
const catalogue = read<ActionCatalogue>('templates/actions.json');
const questions = (t: QuestionnaireTemplate) => t.sections.flatMap((s) => s.questions);

function problems(t: QuestionnaireTemplate): string[] {
  try {
    validateQuestionnaire(t, FILE, catalogue);
    return [];
  } catch (e) {
    if (e instanceof TemplateValidationError) return e.problems;
    throw e;
  }
}

/** The profiles the README counts: the largest walk of each kind, and the smallest. */
export const PROFILES: Record<string, Record<string, AnswerValue>> = {
  'company that builds services and hosts (own room, colocation, cloud)': {
    'organisation.kind': 'company',
    'organisation.country': 'FR',
    'organisation.employees': 250,
    'ecodesign.builds_services': true,
    'organisation.hosting': ['own_room', 'colocation', 'cloud'],
  },
  'company with only online software': {
    'organisation.kind': 'company',
    'organisation.country': 'FR',
    'organisation.employees': 40,
    'ecodesign.builds_services': false,
    'organisation.hosting': ['saas_only'],
  },
  'French commune over 50,000 inhabitants that builds services and hosts': {
    'organisation.kind': 'public_body',
    'organisation.public_body_type': 'commune_grouping',
    'organisation.inhabitants': 120000,
    'organisation.country': 'FR',
    'organisation.employees': 900,
    'ecodesign.builds_services': true,
    'organisation.hosting': ['own_room', 'colocation', 'cloud'],
  },
  'small commune with a server room, no services built': {
    'organisation.kind': 'public_body',
    'organisation.public_body_type': 'commune_grouping',
    'organisation.inhabitants': 8000,
    'organisation.country': 'FR',
    'organisation.employees': 60,
    'ecodesign.builds_services': false,
    'organisation.hosting': ['own_room'],
  },
  'association that builds services in the cloud': {
    'organisation.kind': 'association',
    'organisation.country': 'FR',
    'organisation.employees': 30,
    'ecodesign.builds_services': true,
    'organisation.hosting': ['cloud'],
  },
  'association with only online software': {
    'organisation.kind': 'association',
    'organisation.country': 'FR',
    'organisation.employees': 12,
    'ecodesign.builds_services': false,
    'organisation.hosting': ['saas_only'],
  },
};

describe('fresque-numerique version 2', () => {
  it('passes every check of the loader', () => {
    expect(problems(v2())).toEqual([]);
  });

  it('refuses an action that one question alone informs for some profile, naming the action and the profile', () => {
    const t = v2();
    // The CSRD question informs "responsible-digital-strategy" for companies only; take away the
    // two questions every organisation answers for it: companies keep CSRD alone, others nothing.
    for (const q of questions(t))
      if (q.id === 'governance.strategy' || q.id === 'governance.sponsor')
        q.scoring!.actions = q.scoring!.actions.filter((a) => a.actionId !== 'responsible-digital-strategy');
    const found = problems(t);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      new RegExp(
        `^${FILE}: action "responsible-digital-strategy": in fresque-numerique v2, only [01] questions? informs? it for an organisation with .*organisation\\.kind = .*; it needs at least 2 that apply to every organisation it applies to$`,
      ),
    );
  });

  it('refuses a placeholder the wording does not define, a kind without words, and a French placeholder needing an elision', () => {
    const t = v2();
    questions(t)[1].label.en = 'Which {persons} ?';
    delete t.wording!.terms.person.association;
    questions(t)[2].label.fr = 'Combien de {people} ?';
    expect(problems(t)).toEqual([
      `${FILE}: wording term "person" for "association" is missing (expected { "fr": "...", "en": "..." })`,
      `${FILE}: question "organisation.public_body_type" label: en text uses {persons}, which is not a term of the "wording" table`,
      `${FILE}: question "organisation.inhabitants" label: fr text puts a placeholder after "de": the words differ in gender and some need an elision (write "des {people}", "par {person}")`,
    ]);
  });

  it('every action it asks about is asked of every organisation it applies to, with no practice answer needed (at least 2 questions)', () => {
    // Stricter than the loader: counts only questions asked when nothing but the profile is answered.
    const t = v2();
    for (const [name, profile] of Object.entries(PROFILES)) {
      const visible = visibleQuestionIds(t, profile);
      for (const action of catalogue.actions) {
        const cond = action.applicableIf;
        const value = cond ? profile[cond.questionId] : undefined;
        if (cond && value !== undefined && !(Array.isArray(value) ? value : [value]).some((v) => cond.in?.includes(v as string | boolean)))
          continue;
        const asked = questions(t).filter((q) => visible.has(q.id) && q.scoring?.actions.some((a) => a.actionId === action.id));
        expect({ name, action: action.id, enough: asked.length >= 2 }).toEqual({ name, action: action.id, enough: true });
      }
    }
  });

  it('words every text for the kind of organisation, and nothing is left in braces', () => {
    const t = v2();
    const cases: Array<[AnswerValue | undefined, string, string]> = [
      ['company', 'salariés', 'employees'],
      ['public_body', 'agents', 'agents'],
      ['association', 'salariés et bénévoles', 'staff and volunteers'],
      [undefined, 'membres du personnel', 'staff'],
    ];
    for (const [kind, fr, en] of cases) {
      const variant = wordingVariant(t.wording, kind === undefined ? {} : { 'organisation.kind': kind });
      const worded = applyWording(t, variant);
      const label = questions(worded).find((q) => q.id === 'governance.awareness')!.label;
      expect(label.fr).toBe(`Comment les ${fr} sont-ils sensibilisés aux impacts environnementaux du numérique\u00a0?`);
      expect(label.en).toBe(`How are ${en} made aware of the environmental impacts of digital?`);
      for (const [, text] of templateTexts(worded)) expect(`${text.fr} ${text.en}`).not.toMatch(/\{[a-z]+\}/);
    }
    expect(wordingVariant(t.wording, { 'organisation.kind': 'dont_know' })).toBe('default');
    // "employee" is never written out: every text that means the people says {people} or {person}
    // (but in questions asked of companies only, where the law's word is the right one).
    const companyOnly = questions(t)
      .filter((q) => q.applicableIf?.questionId === 'organisation.kind' && q.applicableIf.in?.join() === 'company')
      .map((q) => `question "${q.id}"`);
    expect(companyOnly).toEqual(['question "governance.csrd_reporting"']);
    for (const [where, text] of templateTexts(t).filter(([w]) => !companyOnly.some((c) => w.startsWith(c))))
      expect({ where, text: text.en }).not.toEqual({ where, text: expect.stringMatching(/\bemployees?\b(?!(,| or) agents)/) });
  });

  it('keeps French typography and gives every figure of its help texts a source', () => {
    for (const [where, text] of templateTexts(v2())) {
      expect({ where, bad: / [:;?!»]|« /.test(text.fr) }).toEqual({ where, bad: false });
    }
    for (const q of questions(v2())) {
      if (!q.help) continue;
      // A figure (a number with a unit or a percent, other than a law or decree number) comes with a source
      // named in the same text: an organisation, a law, a decree, a standard, or "a convention of this questionnaire".
      const figure = /\d[\d,. ]*\s?(%|kg|kWh|TWh|Mt|W\b|years|inhabitants|pages)/.test(q.help.en);
      if (!figure) continue;
      expect({
        id: q.id,
        sourced:
          /(ADEME|NegaOctet|Ember|Uptime|Lawrence Berkeley|Global E-waste Monitor|IEA|law|decree|Directive|Regulation|Microsoft|RGESN|AFNOR|Insee|convention of this questionnaire|Maturity 100|arithmetic)/.test(
            q.help.en,
          ),
      }).toEqual({
        id: q.id,
        sourced: true,
      });
    }
  });

  it('a full walk takes 30 to 45 minutes for every kind of organisation that builds services and hosts, and never more', () => {
    const t = v2();
    const table = Object.fromEntries(Object.entries(PROFILES).map(([name, p]) => [name, walkEstimate(t, p, 'fr')]));
    for (const [name, e] of Object.entries(table)) {
      expect({ name, max: e.minutes <= 45 }).toEqual({ name, max: true });
      if (name.includes('builds services')) expect({ name, min: e.minutes >= 30 }).toEqual({ name, min: true });
    }
    // The counts the README states (questions asked in a full walk, free texts included).
    expect(Object.fromEntries(Object.entries(table).map(([name, e]) => [name, [e.questions, e.minutes]]))).toEqual({
      'company that builds services and hosts (own room, colocation, cloud)': [132, 36],
      'company with only online software': [109, 29],
      'French commune over 50,000 inhabitants that builds services and hosts': [135, 37],
      'small commune with a server room, no services built': [118, 32],
      'association that builds services in the cloud': [127, 35],
      'association with only online software': [108, 29],
    });
    // Version 1, for comparison: 93 questions at most, 25 minutes.
    const v1 = read<QuestionnaireTemplate>('templates/questionnaires/fresque-numerique/v1.json');
    expect(fullWalk(v1, PROFILES['company that builds services and hosts (own room, colocation, cloud)']).length).toBe(93);
  });
});
