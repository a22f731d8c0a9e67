/**
 * Scores the real content (templates/questionnaires/fresque-numerique/v1.json and v2.json, and
 * templates/actions.json) with the best and the worst answers. The scoring module itself
 * does no I/O: only this spec reads the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareResults } from '../comparison/comparison.js';
import type { ActionCatalogue, AnswerValue, Question, QuestionnaireTemplate } from '../questionnaires/template.types.js';
import { isScoredQuestion, optionScore, questionMaturity } from './question-maturity.js';
import { scoreAssessmentV1 as scoreAssessment } from './scoring.js';
import { scoreAssessmentV2 } from './scoring-2.js';
import type { AssessmentResults } from './scoring.types.js';

const ROOT = process.cwd();
const templateFile = (version: number) => join(ROOT, `templates/questionnaires/fresque-numerique/v${version}.json`);
const ACTIONS_FILE = join(ROOT, 'templates/actions.json');
/** The actions added to the catalogue for version 2: version 1 does not ask about them. */
const ADDED_IN_V2 = ['frame-generative-ai', 'responsible-digital-strategy', 'right-size-hosting', 'sober-printing'];

type Goal = 'best' | 'worst';

function clampToBounds(question: Question, value: number): number {
  const low = question.min ?? Number.NEGATIVE_INFINITY;
  const high = question.max ?? Number.POSITIVE_INFINITY;
  const clamped = Math.min(high, Math.max(low, value));
  return question.integer ? Math.round(clamped) : clamped;
}

/** The answer giving the highest (best) or lowest (worst) maturity; unscored questions answered so that conditions open. */
function extremeAnswer(question: Question, goal: Goal): AnswerValue | undefined {
  const pick = (values: AnswerValue[]): AnswerValue | undefined => {
    const scored = values
      .map((value) => ({ value, m: questionMaturity(question, value) }))
      .filter((c): c is { value: AnswerValue; m: number } => c.m !== null);
    if (scored.length === 0) return undefined;
    return scored.reduce((a, b) => (goal === 'best' ? (b.m > a.m ? b : a) : b.m < a.m ? b : a)).value;
  };
  const options = question.options ?? [];
  if (!isScoredQuestion(question)) {
    switch (question.type) {
      case 'boolean':
        return true;
      case 'number':
        return clampToBounds(question, question.max ?? 10);
      case 'multi_choice':
        return options
          .filter((o) => !o.exclusive)
          .map((o) => o.id)
          .slice(0, 1);
      case 'text':
        return 'Commentaire / comment ✓';
      default:
        return options[0]?.id;
    }
  }
  switch (question.type) {
    case 'scale':
    case 'single_choice':
      return pick(options.map((o) => o.id));
    case 'multi_choice': {
      const all = options.filter((o) => !o.exclusive && (optionScore(o) ?? 0) > 0).map((o) => o.id);
      const singles = options.map((o) => [o.id]);
      return pick(goal === 'best' ? [all, ...singles] : singles);
    }
    case 'boolean':
      return pick([true, false]);
    case 'number': {
      const linear = question.scoring!.linear!;
      return pick([clampToBounds(question, linear.best), clampToBounds(question, linear.worst)]);
    }
    default:
      return undefined;
  }
}

function answersFor(template: QuestionnaireTemplate, goal: Goal): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const section of template.sections) {
    for (const question of section.questions) {
      const value = extremeAnswer(question, goal);
      if (value !== undefined) answers[question.id] = value;
    }
  }
  return answers;
}

describe.each([1, 2])('the real content (fresque-numerique v%i and the action catalogue)', (version) => {
  let template: QuestionnaireTemplate;
  let catalogue: ActionCatalogue;
  let best: AssessmentResults;
  let worst: AssessmentResults;

  beforeAll(() => {
    template = JSON.parse(readFileSync(templateFile(version), 'utf8')) as QuestionnaireTemplate;
    catalogue = JSON.parse(readFileSync(ACTIONS_FILE, 'utf8')) as ActionCatalogue;
    best = scoreAssessment({ template, actions: catalogue.actions, answers: answersFor(template, 'best') });
    worst = scoreAssessment({ template, actions: catalogue.actions, answers: answersFor(template, 'worst') });
  });

  it('best answers: top score and level, full confidence, nothing left to do', () => {
    expect(best.overall.score).toBeGreaterThanOrEqual(90);
    expect(best.overall.level).toBe(5);
    expect(best.overall.confidence).toBe(1);
    for (const section of best.sections) {
      expect(section.score).not.toBeNull();
      expect(section.level).toBe(5);
      expect(section.confidence).toBe(1);
    }
    for (const action of best.actions) {
      expect(action.status).toBe('scored');
      expect(action.confidence).toBe(1);
      expect(action.maturity).toBeGreaterThanOrEqual(80);
    }
    expect(best.priorities.every((p) => p.group === 'keep_up')).toBe(true);
  });

  it('worst answers: lowest level, every action a gap, the plan ranked with sentences', () => {
    expect(worst.overall.score).toBeLessThanOrEqual(10);
    expect(worst.overall.level).toBe(1);
    for (const action of worst.actions.filter((a) => a.status === 'scored')) {
      expect(action.gap).toBeGreaterThanOrEqual(80);
      expect(action.group).not.toBe('keep_up');
    }
    expect(worst.priorities.length).toBeGreaterThan(0);
    expect(worst.priorities.map((p) => p.rank)).toEqual(worst.priorities.map((_, i) => i + 1));
    for (const p of worst.priorities) {
      expect(p.why.fr).toMatch(/^Impact \d\/5/);
      expect(p.why.en).toMatch(/^Impact \d\/5/);
    }
    expect(JSON.parse(JSON.stringify(worst))).toEqual(worst);
  });

  it('every action of the catalogue is informed by the questionnaire (version 1: but those added for version 2)', () => {
    const asked = catalogue.actions.map((a) => a.id).filter((id) => version > 1 || !ADDED_IN_V2.includes(id));
    expect(best.actions.map((a) => a.id).sort()).toEqual(asked.sort());
    expect(best.actions.filter((a) => a.explanation.length === 0).map((a) => a.id)).toEqual([]);
  });

  it('from the worst year to the best one, every action improves or appears', () => {
    const questionIds = template.sections.flatMap((s) => s.questions.map((q) => q.id));
    const base = { templateId: template.id, templateVersion: template.version, questionIds };
    const comparison = compareResults(
      { ...base, assessmentId: 'w', year: 2024, results: worst, answers: answersFor(template, 'worst') },
      { ...base, assessmentId: 'b', year: 2025, results: best, answers: answersFor(template, 'best') },
    );
    expect(comparison.overall.score.status).toBe('improved');
    expect(comparison.actions.every((a) => a.status === 'improved' || a.status === 'new')).toBe(true);
    expect(comparison.actionCounts.regressed).toBe(0);
  });
});

const PROFILES: Record<number, { facts: string[]; required: number }> = {
  1: { facts: ['ecodesign.builds_services', 'organisation.country', 'organisation.employees', 'organisation.kind'], required: 63 },
  2: {
    facts: [
      'ecodesign.builds_services',
      'organisation.country',
      'organisation.employees',
      'organisation.hosting',
      'organisation.inhabitants',
      'organisation.kind',
      'organisation.public_body_type',
    ],
    required: 99,
  },
};

describe.each([1, 2])('the real content under methodology scoring-2 (v%i)', (version) => {
  const template = JSON.parse(readFileSync(templateFile(version), 'utf8')) as QuestionnaireTemplate;
  const catalogue = JSON.parse(readFileSync(ACTIONS_FILE, 'utf8')) as ActionCatalogue;
  const PROFILE = PROFILES[version].facts;

  it('"I don\'t know" is available on every question but the profile facts', () => {
    const without = template.sections
      .flatMap((s) => s.questions)
      .filter((q) => q.type !== 'text' && !q.id.startsWith('inventory.') && !q.id.startsWith('purchases.'))
      .filter((q) => !(q.dontKnow === true || (q.options ?? []).some((o) => o.id === 'dont_know' && o.score === null)))
      .map((q) => q.id);
    expect(without.sort()).toEqual([...PROFILE].sort());
    const required = template.sections.flatMap((s) => s.questions).filter((q) => q.required);
    expect(required.length).toBe(PROFILES[version].required);
  });

  it('every action is a lever or a foundation; foundations are the shorter list and enable levers', () => {
    const levers = catalogue.actions.filter((a) => a.kind === 'lever');
    const foundations = catalogue.actions.filter((a) => a.kind === 'foundation');
    expect(levers.length + foundations.length).toBe(catalogue.actions.length);
    expect(foundations.length).toBeLessThan(levers.length);
    for (const a of catalogue.actions.filter((x) => x.lever)) expect(a.kind).toBe('lever');
    for (const a of foundations) for (const id of a.enables ?? []) expect(catalogue.actions.find((x) => x.id === id)?.kind).toBe('lever');
    expect(foundations.map((a) => a.id).sort()).toEqual([
      'buy-durable-repairable',
      'contribute-collective-choices',
      'ecodesign-hardware-warranty',
      'frame-generative-ai',
      'measure-multicriteria-footprint',
      'question-business-model',
      'question-uses',
      'raise-awareness',
      'responsible-digital-strategy',
      'rethink-purchasing-policy',
      'train-facilitators',
    ]);
  });

  it('best answers: everything to keep up; worst answers: five this-year actions, the rest next', () => {
    const best = scoreAssessmentV2({ template, actions: catalogue.actions, answers: answersFor(template, 'best') });
    expect(best.priorities.every((p) => p.group === 'keep_up')).toBe(true);
    const worst = scoreAssessmentV2({ template, actions: catalogue.actions, answers: answersFor(template, 'worst') });
    expect(worst.priorities.filter((p) => p.group === 'this_year')).toHaveLength(5);
    expect(worst.priorities.filter((p) => p.group === 'this_year' && p.kind === 'lever')).toHaveLength(3);
    expect(new Set(worst.priorities.map((p) => p.group))).toEqual(new Set(['this_year', 'next']));
  });
});

describe('the reference organisations', () => {
  it('the README example fixture is examples/answers.json', () => {
    const fixture = readFileSync(join(ROOT, 'test/fixtures/organisations/readme-example.json'), 'utf8');
    expect(JSON.parse(fixture)).toEqual(JSON.parse(readFileSync(join(ROOT, 'examples/answers.json'), 'utf8')));
  });
});
