import { readFileSync } from 'node:fs';
import { Answer } from '../assessments/answer.entity.js';
import { Assessment } from '../assessments/assessment.entity.js';
import { buildLoadedAssessment, type LoadedAssessment } from '../assessments/loaded-assessment.js';
import { loadFootprintFactors, type FootprintFactors } from '../footprint/index.js';
import { IndexedTemplate } from '../questionnaires/questionnaires.service.js';
import { loadTemplates, type LoadedContent } from '../questionnaires/template-loader.js';
import type { AnswerValue } from '../questionnaires/template.types.js';
import type { MethodologyVersion } from '../scoring/index.js';
import { computeFullResults, type FullResults } from './full-results.js';
import { Years } from './year-context.js';

const example = JSON.parse(readFileSync('examples/answers.json', 'utf8')) as {
  templateVersion: number;
  answers: Record<string, AnswerValue>;
};

describe('an organisation’s years, each computed once (year context)', () => {
  let content: LoadedContent;
  let factors: FootprintFactors;
  let template: IndexedTemplate;
  let calls: Array<[number, MethodologyVersion]>;

  beforeAll(async () => {
    content = await loadTemplates('templates');
    factors = loadFootprintFactors();
    template = new IndexedTemplate(
      content.questionnaires.find((q) => q.id === 'fresque-numerique' && q.version === example.templateVersion)!,
    );
  });
  beforeEach(() => {
    calls = [];
  });

  const year = (y: number, values: Record<string, AnswerValue>, extra: Partial<Assessment> = {}): LoadedAssessment =>
    buildLoadedAssessment(
      Object.assign(new Assessment(), {
        id: `a${y}`,
        year: y,
        status: 'draft',
        questionnaireId: 'fresque-numerique',
        templateVersion: template.version,
        copyForward: null,
        methodologyVersion: null,
        ...extra,
      }),
      Object.entries(values).map(([questionId, value]) => Object.assign(new Answer(), { questionId, value, carriedOver: false })),
      () => template,
    );
  const compute = (l: LoadedAssessment, methodology: MethodologyVersion): FullResults => {
    calls.push([l.assessment.year, methodology]);
    const a = l.assessment;
    return computeFullResults({
      assessment: { id: a.id, year: a.year, status: a.status, questionnaireId: a.questionnaireId, templateVersion: a.templateVersion },
      template: l.template.template,
      actions: content.actions.actions,
      values: l.values,
      factors,
      methodology,
    });
  };
  // 2024 answers nothing, 2025 half of the example, 2026 all of it (copied forward from 2024).
  const half = Object.fromEntries(Object.entries(example.answers).slice(0, Object.keys(example.answers).length / 2));
  const years = () =>
    new Years(
      [
        year(2026, example.answers, { copyForward: { fromAssessmentId: 'a2024', fromYear: 2024 } as Assessment['copyForward'] }),
        year(2024, {}),
        year(2025, half),
      ],
      compute,
      'scoring-2',
    );

  it('computes this year only until the previous year or the trend is asked, then each year once', () => {
    const y = years();
    const context = y.context(y.find('a2026')!);
    expect(calls).toEqual([[2026, 'scoring-2']]);
    expect(context.planSource?.assessment.year).toBe(2024);
    const previous = context.previous()!;
    expect(previous.loaded.assessment.year).toBe(2025);
    expect(previous.comparison.previous.year).toBe(2025);
    expect(previous.comparison.current.year).toBe(2026);
    expect(context.previous()).toBe(previous);
    expect(context.trend().points.map((p) => p.year)).toEqual([2024, 2025, 2026]);
    expect(y.results(y.find('a2025')!)).toBe(previous.results);
    expect(calls).toEqual([
      [2026, 'scoring-2'],
      [2025, 'scoring-2'],
      [2024, 'scoring-2'],
    ]);
  });

  it('the first year has no previous year, no plan to follow, a trend of one point', () => {
    const y = years();
    const context = y.context(y.find('a2024')!);
    expect(context.previous()).toBeNull();
    expect(context.planSource).toBeNull();
    expect(context.trend().points.map((p) => p.year)).toEqual([2024]);
  });

  it('a middle year compares with the one before and follows its plan', () => {
    const y = years();
    const context = y.context(y.find('a2025')!);
    expect(context.previous()?.loaded.assessment.year).toBe(2024);
    expect(context.planSource?.assessment.year).toBe(2024);
    expect(context.trend().points.map((p) => p.year)).toEqual([2024, 2025]);
  });

  it('a year submitted under another methodology carries its figures of then, computed once under it', () => {
    const submitted = year(2026, example.answers, { status: 'submitted', methodologyVersion: 'scoring-1' });
    const y = new Years([submitted], compute, 'scoring-2');
    const context = y.context(submitted);
    expect(context.results.asSubmitted?.methodologyVersion).toBe('scoring-1');
    expect(y.results(submitted).asSubmitted).toBeUndefined();
    expect(calls).toEqual([
      [2026, 'scoring-2'],
      [2026, 'scoring-1'],
    ]);
  });

  it('compares two years in either order, the earlier one as "previous"', async () => {
    const y = years();
    const { previous, current, comparison } = await y.compare(y.find('a2026')!, y.find('a2024')!);
    expect([previous.assessment.year, current.assessment.year]).toEqual([2024, 2026]);
    expect([comparison.previous.year, comparison.current.year]).toEqual([2024, 2026]);
  });
});
