import fc from 'fast-check';
import type { AnswerValue } from '../questionnaires/template.types.js';
import { levelFor } from './levels.js';
import { isScoredQuestion, questionMaturity } from './question-maturity.js';
import { allQuestions, answerValue, answersFor, generatedTemplate, scenario } from './scoring.arbitraries.js';
import { scoreAssessmentV1 as scoreAssessment } from './scoring.js';
import type { AssessmentResults } from './scoring.types.js';
import { SYNTHETIC_ACTIONS, SYNTHETIC_TEMPLATE } from './synthetic-template.fixture.js';
import { conditionControllerIds, visibleQuestionIds } from './visibility.js';

const RUNS = { numRuns: 400 };

const inRange = (value: number | null, low: number, high: number) => value === null || (value >= low && value <= high);

/** Questions whose answer can be changed without changing what is visible. */
const synthetic = { template: SYNTHETIC_TEMPLATE, actions: SYNTHETIC_ACTIONS };

function checkBounds(results: AssessmentResults): void {
  expect(inRange(results.overall.score, 0, 100)).toBe(true);
  expect(inRange(results.overall.confidence, 0, 1)).toBe(true);
  for (const s of results.sections) {
    expect(inRange(s.score, 0, 100)).toBe(true);
    expect(inRange(s.confidence, 0, 1)).toBe(true);
    expect(s.answered).toBeLessThanOrEqual(s.visible);
    expect(s.level).toBe(levelFor(s.score));
  }
  for (const a of results.actions) {
    expect(inRange(a.maturity, 0, 100)).toBe(true);
    expect(inRange(a.gap, 0, 100)).toBe(true);
    expect(inRange(a.priority, 0, 100)).toBe(true);
    expect(inRange(a.confidence, 0, 1)).toBe(true);
    if (a.maturity === null) {
      expect(a.gap).toBeNull();
      expect(a.priority).toBeNull();
    } else {
      expect(a.gap).toBeCloseTo(100 - a.maturity, 6);
      expect(a.confidence).toBeGreaterThan(0);
      const known = a.explanation.filter((e) => e.status === 'known');
      const sum = known.reduce((total, e) => total + (e.contribution ?? 0), 0);
      expect(Math.abs(sum - a.maturity)).toBeLessThanOrEqual(0.05 * known.length + 0.05 + 1e-9);
    }
    for (const e of a.explanation) {
      expect(inRange(e.questionMaturity, 0, 100)).toBe(true);
      expect(inRange(e.contribution, 0, 100)).toBe(true);
    }
  }
  for (const p of results.priorities) {
    expect(inRange(p.effectiveImpact, 0, 5)).toBe(true);
    expect(p.effectiveImpact).toBeGreaterThanOrEqual(p.impactWeight);
  }
}

describe('scoring properties', () => {
  it('every score and maturity is within 0..100, every confidence within 0..1', () => {
    fc.assert(
      fc.property(scenario, ({ template, actions, answers }) => {
        checkBounds(scoreAssessment({ template, actions, answers }));
      }),
      RUNS,
    );
    fc.assert(
      fc.property(answersFor(SYNTHETIC_TEMPLATE), (answers) => {
        checkBounds(scoreAssessment({ ...synthetic, answers }));
      }),
      RUNS,
    );
  });

  it('bounds hold with any quantified saving too', () => {
    const saving = fc.record({
      climateKgCo2ePerYear: fc.option(fc.double({ noNaN: false }), { nil: null }),
      shareOfClimateTotal: fc.option(fc.double({ noNaN: false }), { nil: null }),
    });
    fc.assert(
      fc.property(scenario, fc.array(saving, { minLength: 4, maxLength: 4 }), ({ template, actions, answers }, s) => {
        const savings = Object.fromEntries(actions.map((a, i) => [a.id, s[i]]));
        const results = scoreAssessment({ template, actions, answers, savings });
        checkBounds(results);
        expect(JSON.parse(JSON.stringify(results))).toEqual(results);
      }),
      RUNS,
    );
  });

  it('a better answer never lowers an action maturity, a section score, the overall score or level', () => {
    const arbitrary = scenario.chain((generated) => {
      const controllers = conditionControllerIds(generated.template);
      const eligible = allQuestions(generated.template).filter((q) => isScoredQuestion(q) && !controllers.has(q.id));
      if (eligible.length === 0) return fc.constant(null);
      return fc
        .constantFrom(...eligible)
        .chain((q) => fc.tuple(fc.constant(q), answerValue(q), answerValue(q)))
        .map(([question, v1, v2]) => ({ ...generated, question, v1, v2 }));
    });
    let compared = 0;
    fc.assert(
      fc.property(arbitrary, (c) => {
        if (c === null) return;
        const m1 = questionMaturity(c.question, c.v1);
        const m2 = questionMaturity(c.question, c.v2);
        if (m1 === null || m2 === null) return;
        const [worse, better] = m1 <= m2 ? [c.v1, c.v2] : [c.v2, c.v1];
        const low = scoreAssessment({ template: c.template, actions: c.actions, answers: { ...c.answers, [c.question.id]: worse } });
        const high = scoreAssessment({ template: c.template, actions: c.actions, answers: { ...c.answers, [c.question.id]: better } });
        compared += 1;
        low.actions.forEach((a, i) => {
          const b = high.actions[i];
          expect(b.confidence).toBe(a.confidence);
          if (a.maturity !== null) expect(b.maturity!).toBeGreaterThanOrEqual(a.maturity);
        });
        low.sections.forEach((s, i) => {
          if (s.score !== null) expect(high.sections[i].score!).toBeGreaterThanOrEqual(s.score);
        });
        if (low.overall.score !== null) {
          expect(high.overall.score!).toBeGreaterThanOrEqual(low.overall.score);
          expect(high.overall.level!).toBeGreaterThanOrEqual(low.overall.level!);
        }
      }),
      { numRuns: 600 },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it('on the synthetic template, switching any non-controlling answer to a better option never lowers a figure', () => {
    const controllers = conditionControllerIds(SYNTHETIC_TEMPLATE);
    const eligible = allQuestions(SYNTHETIC_TEMPLATE).filter((q) => isScoredQuestion(q) && !controllers.has(q.id));
    const arbitrary = fc
      .tuple(answersFor(SYNTHETIC_TEMPLATE), fc.constantFrom(...eligible))
      .chain(([answers, q]) => fc.tuple(fc.constant(answers), fc.constant(q), answerValue(q), answerValue(q)));
    fc.assert(
      fc.property(arbitrary, ([answers, q, v1, v2]) => {
        const m1 = questionMaturity(q, v1);
        const m2 = questionMaturity(q, v2);
        fc.pre(m1 !== null && m2 !== null && m1 < m2);
        const low = scoreAssessment({ ...synthetic, answers: { ...answers, [q.id]: v1 } });
        const high = scoreAssessment({ ...synthetic, answers: { ...answers, [q.id]: v2 } });
        low.actions.forEach((a, i) => {
          if (a.maturity !== null) expect(high.actions[i].maturity!).toBeGreaterThanOrEqual(a.maturity);
        });
        low.sections.forEach((s, i) => {
          if (s.score !== null) expect(high.sections[i].score!).toBeGreaterThanOrEqual(s.score);
        });
        if (low.overall.score !== null) expect(high.overall.score!).toBeGreaterThanOrEqual(low.overall.score);
      }),
      RUNS,
    );
  });

  it('results do not depend on the order answers were inserted', () => {
    const arbitrary = scenario.chain((s) => {
      const keys = Object.keys(s.answers);
      return fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }).map((order) => ({ ...s, order }));
    });
    fc.assert(
      fc.property(arbitrary, ({ template, actions, answers, order }) => {
        const reordered: Record<string, AnswerValue> = {};
        for (const key of order) reordered[key] = answers[key];
        const a = scoreAssessment({ template, actions, answers });
        const b = scoreAssessment({ template, actions, answers: reordered });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      RUNS,
    );
  });

  it('answering one more question changes a figure only together with its confidence', () => {
    const arbitrary = scenario.chain((generated) => {
      const controllers = conditionControllerIds(generated.template);
      const eligible = allQuestions(generated.template).filter((q) => !controllers.has(q.id));
      if (eligible.length === 0) return fc.constant(null);
      return fc
        .constantFrom(...eligible)
        .chain((q) => fc.tuple(fc.constant(q), answerValue(q)))
        .map(([question, value]) => ({ ...generated, question, value }));
    });
    fc.assert(
      fc.property(arbitrary, (c) => {
        if (c === null) return;
        const { [c.question.id]: _dropped, ...before } = c.answers;
        const after = { ...before, [c.question.id]: c.value };
        const r1 = scoreAssessment({ template: c.template, actions: c.actions, answers: before });
        const r2 = scoreAssessment({ template: c.template, actions: c.actions, answers: after });
        r1.actions.forEach((a, i) => {
          const b = r2.actions[i];
          if (b.maturity !== a.maturity) expect(b.confidence).toBeGreaterThan(a.confidence);
          expect(b.confidence).toBeGreaterThanOrEqual(a.confidence);
        });
        r1.sections.forEach((s, i) => {
          const b = r2.sections[i];
          if (b.score !== s.score) expect(b.confidence).toBeGreaterThan(s.confidence);
          expect(b.confidence).toBeGreaterThanOrEqual(s.confidence);
        });
        if (r2.overall.score !== r1.overall.score) expect(r2.overall.confidence).toBeGreaterThan(r1.overall.confidence);
        // an unknown answer ("don't know", or a question that is not scored) changes no figure at all
        const visible = visibleQuestionIds(c.template, after).has(c.question.id);
        if (!visible || questionMaturity(c.question, c.value) === null) {
          expect(r2.overall).toEqual(r1.overall);
          expect(r2.priorities.map((p) => [p.actionId, p.priority])).toEqual(r1.priorities.map((p) => [p.actionId, p.priority]));
        }
      }),
      RUNS,
    );
  });

  it('the floor rule always caps the overall level at the weakest section level + 1', () => {
    fc.assert(
      fc.property(scenario, ({ template, actions, answers }) => {
        const { overall, sections } = scoreAssessment({ template, actions, answers });
        const levels = sections.map((s) => s.level).filter((l): l is NonNullable<typeof l> => l !== null);
        if (overall.level === null) {
          expect(levels).toEqual([]);
          return;
        }
        const weakest = Math.min(...levels);
        expect(overall.level).toBeLessThanOrEqual(weakest + 1);
        expect(overall.level).toBe(Math.min(levelFor(overall.score)!, weakest + 1));
        if (overall.cappedBy !== undefined) {
          expect(overall.uncappedLevel).toBe(levelFor(overall.score));
          expect(overall.uncappedLevel!).toBeGreaterThan(overall.level);
          expect(sections.find((s) => s.id === overall.cappedBy)?.level).toBe(weakest);
        } else {
          expect(overall.level).toBe(levelFor(overall.score));
        }
      }),
      RUNS,
    );
  });

  it('priorities: scored actions ranked by priority first, unknown ones after, each applicable action once', () => {
    fc.assert(
      fc.property(scenario, ({ template, actions, answers }) => {
        const results = scoreAssessment({ template, actions, answers });
        const applicable = results.actions.filter((a) => a.status !== 'not_applicable').map((a) => a.id);
        expect([...results.priorities.map((p) => p.actionId)].sort()).toEqual([...applicable].sort());
        results.priorities.forEach((p, i) => {
          expect(p.rank).toBe(i + 1);
          expect(p.why.fr.length).toBeGreaterThan(10);
          expect(p.why.en.length).toBeGreaterThan(10);
          const next = results.priorities[i + 1];
          if (!next) return;
          if (p.group === 'unknown') expect(next.group).toBe('unknown');
          else if (next.group !== 'unknown') expect(p.priority!).toBeGreaterThanOrEqual(next.priority!);
        });
      }),
      RUNS,
    );
  });

  it('is deterministic and leaves its inputs unchanged', () => {
    fc.assert(
      fc.property(
        generatedTemplate.chain((g) => answersFor(g.template).map((answers) => ({ ...g, answers }))),
        (s) => {
          const frozen = structuredClone(s);
          const a = scoreAssessment(s);
          const b = scoreAssessment(s);
          expect(b).toEqual(a);
          expect(s).toEqual(frozen);
        },
      ),
      { numRuns: 100 },
    );
  });
});
