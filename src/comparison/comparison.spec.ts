import fc from 'fast-check';
import type { FootprintResult } from '../footprint/footprint.types.js';
import type { AnswerValue, QuestionnaireTemplate } from '../questionnaires/template.types.js';
import { allQuestions, scenario } from '../scoring/scoring.arbitraries.js';
import { scoreAssessmentV1 as scoreAssessment } from '../scoring/scoring.js';
import { SYNTHETIC_ACTIONS, SYNTHETIC_TEMPLATE } from '../scoring/synthetic-template.fixture.js';
import { compareFootprints, compareResults, scoreDelta, trend } from './comparison.js';
import type { AnswerDetail, ComparableAssessment, Comparison, FootprintLike } from './comparison.types.js';

// The footprint module's result fits FootprintLike as is (checked by the compiler).
const _footprintFits = (result: FootprintResult): FootprintLike => result;
void _footprintFits;

function comparable(
  answers: Record<string, AnswerValue>,
  options: { id?: string; year?: number; template?: QuestionnaireTemplate; footprint?: FootprintLike | null } = {},
): ComparableAssessment {
  const template = options.template ?? SYNTHETIC_TEMPLATE;
  return {
    assessmentId: options.id ?? 'a-2024',
    year: options.year ?? 2024,
    templateId: template.id,
    templateVersion: template.version,
    results: scoreAssessment({ template, actions: SYNTHETIC_ACTIONS, answers }),
    footprint: options.footprint,
    answers,
    questionIds: allQuestions(template).map((q) => q.id),
  };
}

const FOOTPRINT_2024: FootprintLike = {
  totals: { climate: { total: 10000 }, minerals: { total: 0.5 }, water: { total: null } },
  devices: [
    { device: 'laptop', perCriterion: { climate: { total: 6000 }, minerals: { total: 0.3 }, water: { total: null } } },
    { device: 'smartphone', perCriterion: { climate: { total: 4000 }, minerals: { total: 0.2 }, water: { total: null } } },
  ],
};
const FOOTPRINT_2025: FootprintLike = {
  totals: { climate: { total: 8000 }, minerals: { total: 0.5 }, water: { total: 1200 } },
  devices: {
    laptop: { perCriterion: { climate: { total: 4500 }, minerals: { total: 0.3 } } },
    monitor: { perCriterion: { climate: { total: 3500 }, minerals: { total: 0.2 } } },
  },
};

const ANSWERS_2024: Record<string, AnswerValue> = {
  'p.policy': 'written',
  'p.refurb': false,
  'p.lifespan': 4,
  'p.criteria': ['repairability', 'dk'],
  'e.builds': false,
  'm.measures': true,
  'm.criteria_count': 1,
};

/** Every figure of a self-comparison is zero or unknown, nothing moved. */
function expectNoChange(comparison: Comparison): void {
  const deltas = [comparison.overall.score, ...comparison.sections.matched.map((s) => s.score)];
  for (const d of deltas) {
    expect(d.delta === null || d.delta === 0).toBe(true);
    expect(d.status).toBe(d.delta === null ? 'unknown' : 'unchanged');
  }
  expect(comparison.overall.level.delta === null || comparison.overall.level.delta === 0).toBe(true);
  expect(comparison.overall.confidence.delta).toBe(0);
  for (const s of comparison.sections.matched) {
    expect(s.level.delta === null || s.level.delta === 0).toBe(true);
    expect(s.confidence.delta).toBe(0);
  }
  expect(comparison.sections.onlyInPrevious).toEqual([]);
  expect(comparison.sections.onlyInCurrent).toEqual([]);
  for (const a of comparison.actions) {
    expect(a.status).toBe(a.delta === null ? 'unknown' : 'unchanged');
    expect(a.delta === null || a.delta === 0).toBe(true);
    expect(a.previousRank).toBe(a.currentRank);
    expect(a.previousPriority).toBe(a.currentPriority);
  }
  expect(comparison.actionCounts.improved + comparison.actionCounts.regressed).toBe(0);
  expect(comparison.actionCounts.new + comparison.actionCounts.no_longer_asked).toBe(0);
  expect(comparison.answers.changed).toEqual([]);
  expect(comparison.answers.onlyInPrevious).toEqual([]);
  expect(comparison.answers.onlyInCurrent).toEqual([]);
  for (const c of [...(comparison.footprint?.criteria ?? []), ...(comparison.footprint?.devices.flatMap((d) => d.criteria) ?? [])]) {
    expect(c.delta === null || c.delta === 0).toBe(true);
    expect(c.deltaPercent === null || c.deltaPercent === 0).toBe(true);
  }
  expect(comparison.sameTemplate).toBe(true);
}

describe('compareResults', () => {
  it('comparing an assessment with itself gives all zero / unchanged', () => {
    const x = comparable(ANSWERS_2024, { footprint: FOOTPRINT_2024 });
    const comparison = compareResults(x, x);
    expectNoChange(comparison);
    expect(comparison.overall.score).toEqual({ previous: 50.6, current: 50.6, delta: 0, status: 'unchanged' });
    expect(comparison.actionCounts).toEqual({ improved: 0, regressed: 0, unchanged: 3, unknown: 0, new: 0, no_longer_asked: 0 });
    expect(comparison.answers.unchanged).toBe(allQuestions(SYNTHETIC_TEMPLATE).length);
    expect(comparison.footprint?.criteria.find((c) => c.criterion === 'water')).toEqual({
      criterion: 'water',
      previous: null,
      current: null,
      delta: null,
      deltaPercent: null,
    });
  });

  it('gives deltas per section and action: improved, regressed, new', () => {
    const before = comparable(ANSWERS_2024, { id: 'a-2024', year: 2024, footprint: FOOTPRINT_2024 });
    const after = comparable(
      {
        ...ANSWERS_2024,
        'p.policy': 'enforced', // extend-lifespan and buy-refurbished improve
        'm.measures': false, // measure regresses (criteria_count hidden)
        'e.builds': true, // sober-design becomes applicable
        'e.need': 'sometimes',
      },
      { id: 'a-2025', year: 2025, footprint: FOOTPRINT_2025 },
    );
    const comparison = compareResults(before, after);
    expect(comparison.previous).toEqual({ assessmentId: 'a-2024', year: 2024, templateId: 'synthetic', templateVersion: 1 });
    expect(comparison.current.assessmentId).toBe('a-2025');
    const byId = Object.fromEntries(comparison.actions.map((a) => [a.id, a]));
    // extend-lifespan: 341/6 = 56.8 -> (300 + 100 + 40)/6 = 73.3
    expect(byId['extend-lifespan']).toMatchObject({ status: 'improved', previousMaturity: 56.8, currentMaturity: 73.3, delta: 16.5 });
    expect(byId['buy-refurbished'].status).toBe('improved');
    expect(byId['measure']).toMatchObject({ status: 'regressed', previousMaturity: 70, currentMaturity: 0, delta: -70 });
    expect(byId['sober-design']).toMatchObject({ status: 'new', previousMaturity: null, currentMaturity: 50, delta: null });
    expect(byId['train-staff']).toBeUndefined(); // applicable in neither
    expect(comparison.actionCounts).toEqual({ improved: 2, regressed: 1, unchanged: 0, unknown: 0, new: 1, no_longer_asked: 0 });

    const sections = Object.fromEntries(comparison.sections.matched.map((s) => [s.id, s]));
    expect(sections.procurement.score.status).toBe('improved');
    expect(sections.measurement.score).toEqual({ previous: 70, current: 0, delta: -70, status: 'regressed' });
    expect(sections.measurement.level).toEqual({ previous: 4, current: 1, delta: -3 });
    expect(sections.ecodesign.score).toEqual({ previous: null, current: 50, delta: null, status: 'unknown' });

    expect(comparison.answers.changed).toEqual([
      { questionId: 'p.policy', previous: 'written', current: 'enforced', kind: 'modified' },
      { questionId: 'e.builds', previous: false, current: true, kind: 'modified' },
      { questionId: 'e.need', previous: null, current: 'sometimes', kind: 'answered' },
      { questionId: 'm.measures', previous: true, current: false, kind: 'modified' },
    ]);

    const footprint = comparison.footprint!;
    expect(footprint.criteria).toEqual([
      { criterion: 'climate', previous: 10000, current: 8000, delta: -2000, deltaPercent: -20 },
      { criterion: 'minerals', previous: 0.5, current: 0.5, delta: 0, deltaPercent: 0 },
      { criterion: 'water', previous: null, current: 1200, delta: null, deltaPercent: null },
    ]);
    expect(footprint.devices.map((d) => d.device)).toEqual(['laptop', 'smartphone', 'monitor']);
    expect(footprint.devices[0].criteria[0]).toEqual({
      criterion: 'climate',
      previous: 6000,
      current: 4500,
      delta: -1500,
      deltaPercent: -25,
    });
    expect(footprint.devices[1].criteria[0]).toMatchObject({ previous: 4000, current: null, delta: null });
    expect(footprint.devices[2].criteria[0]).toMatchObject({ previous: null, current: 3500, delta: null });
  });

  it('works across template versions: unmatched sections, actions and questions are listed', () => {
    const v2: QuestionnaireTemplate = {
      ...SYNTHETIC_TEMPLATE,
      version: 2,
      sections: [
        {
          ...SYNTHETIC_TEMPLATE.sections[0],
          questions: SYNTHETIC_TEMPLATE.sections[0].questions.filter((q) => q.id !== 'p.lifespan'),
        },
        SYNTHETIC_TEMPLATE.sections[1],
        {
          id: 'governance',
          title: { fr: 'Gouvernance', en: 'Governance' },
          questions: [
            {
              id: 'g.training',
              type: 'boolean',
              label: { fr: 'Formation ?', en: 'Training?' },
              required: false,
              scoring: { actions: [{ actionId: 'train-staff', weight: 2 }], boolean: { yes: 100, no: 0 } },
            },
          ],
        },
      ],
    };
    const before = comparable(ANSWERS_2024, { year: 2024 });
    const after = comparable({ ...ANSWERS_2024, 'g.training': true }, { id: 'a-2025', year: 2025, template: v2 });
    const comparison = compareResults(before, after);
    expect(comparison.sameTemplate).toBe(false);
    expect(comparison.sections.onlyInPrevious).toEqual([{ id: 'measurement', title: { fr: 'Mesure', en: 'Measurement' }, score: 70 }]);
    expect(comparison.sections.onlyInCurrent).toEqual([{ id: 'governance', title: { fr: 'Gouvernance', en: 'Governance' }, score: 100 }]);
    expect(comparison.sections.matched.map((s) => s.id)).toEqual(['procurement', 'ecodesign']);
    const status = Object.fromEntries(comparison.actions.map((a) => [a.id, a.status]));
    expect(status).toEqual({
      'extend-lifespan': 'improved', // p.lifespan (50) no longer asked: (201 + 40) / 4 = 60.3
      'buy-refurbished': 'unchanged',
      measure: 'no_longer_asked',
      'train-staff': 'new',
    });
    expect(comparison.answers.onlyInPrevious).toEqual(['p.lifespan', 'm.measures', 'm.criteria_count', 'm.targets', 'm.laptops']);
    expect(comparison.answers.onlyInCurrent).toEqual(['g.training']);
    expect(comparison.answers.changed).toEqual([]);
    expect(comparison.footprint).toBeNull();
  });

  it('compares multi_choice answers as sets and notices cleared answers', () => {
    const before = comparable({ 'p.criteria': ['warranty', 'repairability'], 'p.refurb': true, 'p.lifespan': 3 });
    const after = comparable({ 'p.criteria': ['repairability', 'warranty', 'warranty'], 'p.lifespan': 3.5 });
    expect(compareResults(before, after).answers.changed).toEqual([
      { questionId: 'p.refurb', previous: true, current: null, kind: 'cleared' },
      { questionId: 'p.lifespan', previous: 3, current: 3.5, kind: 'modified' },
    ]);
  });

  it('lists the changed answers in words by section, with who gave them', () => {
    const details = (values: Record<string, AnswerValue>, by: string): Record<string, AnswerDetail> =>
      Object.fromEntries(
        SYNTHETIC_TEMPLATE.sections.flatMap((s) =>
          s.questions.map((q) => [
            q.id,
            {
              sectionId: s.id,
              sectionTitle: s.title,
              index: allQuestions(SYNTHETIC_TEMPLATE).indexOf(q),
              question: q.label,
              valueLabel: values[q.id] === undefined ? null : { fr: `fr:${String(values[q.id])}`, en: `en:${String(values[q.id])}` },
              answeredBy: values[q.id] === undefined ? null : by,
              updatedAt: values[q.id] === undefined ? null : '2025-01-01T00:00:00.000Z',
            },
          ]),
        ),
      );
    const a = { 'p.refurb': true, 'p.lifespan': 3, 'm.measures': false };
    const b = { 'p.lifespan': 4, 'm.measures': true, 'p.policy': 'written' };
    const before = { ...comparable(a), answerDetails: details(a, 'dsi@x.fr') };
    const after = { ...comparable(b, { id: 'b', year: 2025 }), answerDetails: details(b, 'buyer@x.fr') };
    const sections = compareResults(before, after).answers.bySection;
    const order = allQuestions(SYNTHETIC_TEMPLATE).map((q) => q.id);
    expect(sections.map((s) => s.sectionId)).toEqual([...new Set(sections.map((s) => s.sectionId))]);
    const flat = sections.flatMap((s) => s.changes);
    expect(flat.map((c) => c.questionId)).toEqual(
      ['p.policy', 'p.refurb', 'p.lifespan', 'm.measures'].sort((x, y) => order.indexOf(x) - order.indexOf(y)),
    );
    expect(flat.find((c) => c.questionId === 'p.lifespan')).toMatchObject({
      previousLabel: { en: 'en:3' },
      currentLabel: { en: 'en:4' },
      by: 'buyer@x.fr',
      kind: 'modified',
    });
    // A cleared answer names who gave last year's; a new one has no "before".
    expect(flat.find((c) => c.questionId === 'p.refurb')).toMatchObject({ currentLabel: null, by: 'dsi@x.fr', kind: 'cleared' });
    expect(flat.find((c) => c.questionId === 'p.policy')).toMatchObject({ previousLabel: null, kind: 'answered' });
    const home = SYNTHETIC_TEMPLATE.sections.find((s) => s.questions.some((q) => q.id === 'p.lifespan'))!;
    expect(sections.find((s) => s.changes.some((c) => c.questionId === 'p.lifespan'))).toMatchObject({
      sectionId: home.id,
      title: home.title,
    });
    // Without the details, only the plain list.
    expect(compareResults(comparable(a), comparable(b, { id: 'b', year: 2025 })).answers.bySection).toEqual([]);
  });

  it('counts |delta| < 1 point as unchanged', () => {
    expect(scoreDelta(50, 50.9)).toEqual({ previous: 50, current: 50.9, delta: 0.9, status: 'unchanged' });
    expect(scoreDelta(50.9, 50)).toMatchObject({ delta: -0.9, status: 'unchanged' });
    expect(scoreDelta(55.8, 56.8)).toMatchObject({ delta: 1, status: 'improved' });
    expect(scoreDelta(56.8, 55.8)).toMatchObject({ delta: -1, status: 'regressed' });
    expect(scoreDelta(null, 3)).toMatchObject({ delta: null, status: 'unknown' });
    expect(scoreDelta(3, null)).toMatchObject({ delta: null, status: 'unknown' });
  });

  it('compares footprints with one side missing', () => {
    expect(compareFootprints(null, undefined)).toBeNull();
    const onlyCurrent = compareFootprints(undefined, FOOTPRINT_2025)!;
    expect(onlyCurrent.criteria.every((c) => c.previous === null && c.delta === null)).toBe(true);
    expect(onlyCurrent.devices.map((d) => d.device)).toEqual(['laptop', 'monitor']);
  });

  it('compares two years computed with one factors version, and says which', () => {
    const same = compareFootprints({ ...FOOTPRINT_2024, factorsVersion: 2 }, { ...FOOTPRINT_2025, factorsVersion: 2 })!;
    expect(same.factorsVersion).toBe(2);
    expect(same.sameFactors).toBe(true);
    expect(same.note.en).toBe('Both years are computed with version 2 of the footprint factors.');
    expect(same.criteria.find((c) => c.criterion === 'climate')?.delta).toBe(-2000);
  });

  it('computes no change between footprints of two factors versions, and says why', () => {
    const mixed = compareFootprints({ ...FOOTPRINT_2024, factorsVersion: 1 }, { ...FOOTPRINT_2025, factorsVersion: 2 })!;
    expect(mixed.factorsVersion).toBeNull();
    expect(mixed.sameFactors).toBe(false);
    expect(mixed.note.fr).toContain('deux versions des facteurs (1 et 2)');
    // The figures stay, the deltas do not
    expect(mixed.criteria.find((c) => c.criterion === 'climate')).toMatchObject({
      previous: 10000,
      current: 8000,
      delta: null,
      deltaPercent: null,
    });
    expect(mixed.devices.flatMap((d) => d.criteria).every((c) => c.delta === null)).toBe(true);
  });

  it('the trend names the factors version of its points', () => {
    const a = comparable(ANSWERS_2024, { id: 'a', year: 2024, footprint: { ...FOOTPRINT_2024, factorsVersion: 2 } });
    const b = comparable(ANSWERS_2024, { id: 'b', year: 2025, footprint: { ...FOOTPRINT_2025, factorsVersion: 2 } });
    const t = trend([a, b]);
    expect(t.footprintFactorsVersion).toBe(2);
    expect(t.points.map((p) => p.footprintFactorsVersion)).toEqual([2, 2]);
  });

  it('is the mirror image when the two sides are swapped', () => {
    const a = comparable(ANSWERS_2024, { footprint: FOOTPRINT_2024 });
    const b = comparable({ ...ANSWERS_2024, 'p.policy': 'enforced', 'e.builds': true, 'e.need': 'always' }, { footprint: FOOTPRINT_2025 });
    const ab = compareResults(a, b);
    const ba = compareResults(b, a);
    expect(ba.overall.score.delta).toBe(-ab.overall.score.delta!);
    const mirror = { improved: 'regressed', regressed: 'improved', new: 'no_longer_asked', no_longer_asked: 'new' } as Record<
      string,
      string
    >;
    for (const action of ab.actions) {
      const other = ba.actions.find((x) => x.id === action.id)!;
      expect(other.status).toBe(mirror[action.status] ?? action.status);
    }
    expect(ba.footprint!.criteria[0].delta).toBe(2000);
  });
});

describe('compareResults properties', () => {
  it('compareResults(x, x) is all zero / unchanged for any template and answers', () => {
    const footprint = fc.option(
      fc.record({
        totals: fc.dictionary(
          fc.constantFrom('climate', 'minerals', 'water'),
          fc.record({ total: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }) }),
        ),
        devices: fc.dictionary(
          fc.constantFrom('laptop', 'tablet'),
          fc.record({
            perCriterion: fc.dictionary(
              fc.constantFrom('climate', 'water'),
              fc.record({ total: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }) }),
            ),
          }),
        ),
      }),
      { nil: null },
    );
    fc.assert(
      fc.property(scenario, footprint, ({ template, actions, answers }, fp) => {
        const x: ComparableAssessment = {
          assessmentId: 'x',
          year: 2024,
          templateId: template.id,
          templateVersion: template.version,
          results: scoreAssessment({ template, actions, answers }),
          footprint: fp,
          answers,
          questionIds: allQuestions(template).map((q) => q.id),
        };
        const comparison = compareResults(x, structuredClone(x));
        expectNoChange(comparison);
        expect(JSON.parse(JSON.stringify(comparison))).toEqual(comparison);
      }),
      { numRuns: 300 },
    );
  });
});

describe('trend', () => {
  it('orders by year and gives scores, levels, confidence, sections and footprint per year', () => {
    const y2023 = comparable({}, { id: 'a-2023', year: 2023 });
    const y2024 = comparable(ANSWERS_2024, { id: 'a-2024', year: 2024, footprint: FOOTPRINT_2024 });
    const y2025 = comparable({ ...ANSWERS_2024, 'p.policy': 'enforced' }, { id: 'a-2025', year: 2025, footprint: FOOTPRINT_2025 });
    const result = trend([y2025, y2023, y2024]);
    expect(result.points.map((p) => [p.year, p.overall.score, p.overall.level, p.overall.delta])).toEqual([
      [2023, null, null, null],
      [2024, 50.6, 3, null],
      [2025, 61.8, 4, 11.2], // policy 67 -> 100: (2133 + 19 x 33 + 700) / 56 = 61.79
    ]);
    expect(result.points[1].overall.confidence).toBe(1);
    expect(result.points[1].sections).toEqual({
      procurement: { score: 46.4, level: 3, confidence: 1 },
      ecodesign: { score: null, level: null, confidence: 0 },
      measurement: { score: 70, level: 4, confidence: 1 },
    });
    expect(result.points[0].footprint).toBeNull();
    expect(result.points[1].footprint).toEqual({ climate: 10000, minerals: 0.5, water: null });
    expect(result.points[2].footprint).toEqual({ climate: 8000, minerals: 0.5, water: 1200 });
    expect(result.sections.map((s) => s.id)).toEqual(['procurement', 'ecodesign', 'measurement']);
    expect(result.criteria).toEqual(['climate', 'minerals', 'water']);
  });

  it('is empty for no assessment', () => {
    expect(trend([])).toEqual({ methodologyVersion: null, points: [], sections: [], criteria: [], footprintFactorsVersion: null });
  });
});

describe('one methodology', () => {
  it('names it, and refuses to compare two methodologies', () => {
    const a = comparable(ANSWERS_2024, { id: 'a', year: 2024 });
    const b = comparable(ANSWERS_2024, { id: 'b', year: 2025 });
    expect(compareResults(a, b).methodologyVersion).toBe('scoring-1');
    expect(trend([a, b]).methodologyVersion).toBe('scoring-1');
    const other = { ...b, results: { ...b.results, methodologyVersion: 'scoring-2' } };
    expect(() => compareResults(a, other)).toThrow('Two years are compared under one methodology, got scoring-1 and scoring-2');
    expect(() => trend([a, other])).toThrow('A trend is computed under one methodology');
  });
});
