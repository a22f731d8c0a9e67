/**
 * Properties of methodology scoring-2, on the real questionnaire and catalogue with random answers
 * ("I don't know" and "not applicable" included) and random quantified savings.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionCatalogue, AnswerValue, Question, QuestionnaireTemplate } from '../questionnaires/template.types.js';
import { EFFORT_FACTORS } from './priority.js';
import { CREDIBILITY_K, THIS_YEAR_MIN_IMPACT, THIS_YEAR_MIN_SHARE } from './priority-2.js';
import { isScoredQuestion, questionMaturity, scoringLinks } from './question-maturity.js';
import { isDeclaredNotApplicable } from './applicability.js';
import { scoreAssessmentV2 } from './scoring-2.js';
import type { ActionSavingInput, AssessmentResults, PriorityItem } from './scoring.types.js';
import { conditionControllerIds, visibleQuestionIds } from './visibility.js';

const ROOT = process.cwd();
const template = JSON.parse(
  readFileSync(join(ROOT, 'templates/questionnaires/fresque-numerique/v1.json'), 'utf8'),
) as QuestionnaireTemplate;
const actions = (JSON.parse(readFileSync(join(ROOT, 'templates/actions.json'), 'utf8')) as ActionCatalogue).actions;
const questions = template.sections.flatMap((s) => s.questions);
const controllers = conditionControllerIds(template);
const leverIds = actions.filter((a) => a.lever).map((a) => a.id);
const RUNS = { numRuns: 150 };

function valueFor(q: Question): fc.Arbitrary<AnswerValue> {
  const ids = (q.options ?? []).map((o) => o.id);
  switch (q.type) {
    case 'single_choice':
    case 'scale':
      return fc.constantFrom(...ids);
    case 'multi_choice': {
      const exclusive = (q.options ?? []).filter((o) => o.exclusive).map((o) => [o.id]);
      const others = ids.filter((id) => !(q.options ?? []).find((o) => o.id === id)?.exclusive);
      return exclusive.length
        ? fc.oneof(fc.subarray(others, { minLength: 1 }), fc.constantFrom(...exclusive))
        : fc.subarray(others, { minLength: 1 });
    }
    case 'boolean':
      return q.dontKnow ? fc.constantFrom<AnswerValue>(true, false, 'dont_know') : fc.boolean();
    case 'number': {
      const numbers = fc.integer({ min: q.min ?? 0, max: Math.min(q.max ?? 100, 400) });
      return q.dontKnow ? fc.oneof(numbers, fc.constant<AnswerValue>('dont_know')) : numbers;
    }
    default:
      return fc.constant('notes');
  }
}

const answersArb: fc.Arbitrary<Record<string, AnswerValue>> = fc
  .tuple(...questions.map((q) => fc.option(valueFor(q), { nil: undefined, freq: 5 })))
  .map((values) => {
    const out: Record<string, AnswerValue> = {};
    values.forEach((v, i) => {
      if (v !== undefined) out[questions[i].id] = v;
    });
    return out;
  });

const TOTALS = { climate: 20000, minerals: 0.3, fossil: 300000, rawMaterial: 60000, water: 5e6 };
const UNITS = { climate: 'kg CO2e', minerals: 'kg Sb eq', fossil: 'MJ', rawMaterial: 'kg', water: 'L' };
const savingArb: fc.Arbitrary<ActionSavingInput> = fc
  .record({
    climate: fc.double({ min: 0, max: 0.5, noNaN: true }),
    minerals: fc.double({ min: 0, max: 0.5, noNaN: true }),
    fossil: fc.double({ min: 0, max: 0.5, noNaN: true }),
  })
  .map((f) => ({
    climateKgCo2ePerYear: f.climate * TOTALS.climate,
    shareOfClimateTotal: f.climate,
    criteria: (Object.keys(TOTALS) as Array<keyof typeof TOTALS>).map((c) => ({
      criterion: c,
      unit: UNITS[c],
      saving: (c in f ? f[c as 'climate'] : 0.1) * TOTALS[c],
      total: TOTALS[c],
    })),
  }));
const savingsArb: fc.Arbitrary<Record<string, ActionSavingInput>> = fc
  .tuple(...leverIds.map(() => fc.option(savingArb, { nil: undefined, freq: 3 })))
  .map((list) => Object.fromEntries(list.flatMap((s, i) => (s ? [[leverIds[i], s] as const] : []))));

const score = (answers: Record<string, AnswerValue>, savings: Record<string, ActionSavingInput> = {}): AssessmentResults =>
  scoreAssessmentV2({ template, actions, answers, savings });

/** Same kind, by priority: the order the lever (or foundation) ranking gives. */
const sameKind = (r: AssessmentResults, kind: PriorityItem['kind']) =>
  r.priorities.filter((p) => p.kind === kind).sort((a, b) => (a.kindRank ?? 0) - (b.kindRank ?? 0));

function scale(saving: ActionSavingInput, factor: number): ActionSavingInput {
  return {
    ...saving,
    climateKgCo2ePerYear: saving.climateKgCo2ePerYear === null ? null : saving.climateKgCo2ePerYear * factor,
    criteria: saving.criteria!.map((c) => ({ ...c, saving: c.saving === null ? null : c.saving * factor })),
  };
}

describe('scoring-2 properties', () => {
  it('a larger quantified saving, everything else equal, never ranks lower', () => {
    fc.assert(
      fc.property(
        answersArb,
        savingsArb,
        fc.constantFrom(...leverIds),
        fc.double({ min: 1, max: 20, noNaN: true }),
        (answers, savings, leverId, factor) => {
          const base = savings[leverId];
          if (!base) return; // nothing quantified for it in this draw
          const before = score(answers, savings);
          const after = score(answers, { ...savings, [leverId]: scale(base, factor) });
          const b = before.priorities.find((p) => p.actionId === leverId);
          const a = after.priorities.find((p) => p.actionId === leverId);
          if (!b || !a) return expect(a).toEqual(b); // not applicable either way
          expect(a.priority!).toBeGreaterThanOrEqual(b.priority!);
          expect(a.kindRank!).toBeLessThanOrEqual(b.kindRank!);
          expect(a.rank).toBeLessThanOrEqual(b.rank);
        },
      ),
      RUNS,
    );
  });

  it('an action moving from unknown to known never changes its rank by more than its confidence allows', () => {
    // The questions that can be answered without changing what is asked: not a condition's controller.
    const free = questions.filter((q) => isScoredQuestion(q) && !controllers.has(q.id) && !q.showIf && !q.applicableIf);
    fc.assert(
      fc.property(
        answersArb,
        fc.constantFrom(...free).chain((q) => valueFor(q).map((value) => ({ q, value }))),
        fc.nat(),
        ({ ...answers }, { q, value }, pick) => {
          const links = scoringLinks(q);
          const actionId = links[pick % links.length].actionId;
          // Before: every question informing the action unanswered, so it is unknown.
          const informing = questions.filter((x) => scoringLinks(x).some((l) => l.actionId === actionId));
          for (const x of informing) if (!controllers.has(x.id)) delete answers[x.id];
          const before = score(answers);
          const b = before.actions.find((x) => x.id === actionId)!;
          if (b.status !== 'unknown') return; // controllers it shares still answer for it, or not applicable
          expect(b.effectiveGap).toBe(before.meanGap);
          const after = score({ ...answers, [q.id]: value });
          const a = after.actions.find((x) => x.id === actionId)!;
          if (questionMaturity(q, value) === null || a.status !== 'scored') return;
          // Credibility from the template's weights, computed here: K = this answer's weight, V = visible applicable weight.
          const visible = visibleQuestionIds(template, { ...answers, [q.id]: value });
          const K = links.filter((l) => l.actionId === actionId).reduce((s, l) => s + l.weight, 0);
          const all = { ...answers, [q.id]: value };
          const V = informing
            .filter((x) => visible.has(x.id) && isScoredQuestion(x) && !isDeclaredNotApplicable(all[x.id]))
            .flatMap((x) => scoringLinks(x).filter((l) => l.actionId === actionId))
            .reduce((s, l) => s + l.weight, 0);
          const Z = K / (V + CREDIBILITY_K);
          expect(Math.abs(a.credibility! - Z)).toBeLessThanOrEqual(0.0005 + 1e-9); // shown to three decimals
          expect(Z).toBeLessThanOrEqual(3 / (3 + CREDIBILITY_K)); // one answer: at most halfway
          // Its effective gap moves from the mean gap by at most Z x 100 ...
          const g = after.meanGap!;
          const low = (1 - Z) * g;
          const high = Z * 100 + (1 - Z) * g;
          expect(a.effectiveGap!).toBeGreaterThanOrEqual(low - 0.1);
          expect(a.effectiveGap!).toBeLessThanOrEqual(high + 0.1);
          // ... so it ranks below every action of its kind above that band, above every action below it.
          const action = actions.find((x) => x.id === actionId)!;
          const item = after.priorities.find((p) => p.actionId === actionId)!;
          const size = a.kind === 'lever' ? 100 * item.benefit!.share : (100 * action.impactWeight) / 5;
          // tolerance: the effective gap is shown (and used) to one decimal, the priority to two
          const e = EFFORT_FACTORS[action.effort];
          const tolerance = size * e * 0.0006 + 0.01;
          const band = [size * (low / 100) * e - tolerance, size * (high / 100) * e + tolerance];
          const ranking = sameKind(after, a.kind);
          const position = ranking.findIndex((p) => p.actionId === actionId);
          ranking.forEach((p, i) => {
            if (p.priority! > band[1]) expect(i).toBeLessThan(position);
            if (p.priority! < band[0]) expect(i).toBeGreaterThan(position);
          });
        },
      ),
      RUNS,
    );
  });

  it('not-applicable items never appear in priorities or floors, and are listed with a reason', () => {
    fc.assert(
      fc.property(answersArb, savingsArb, (answers, savings) => {
        const r = score(answers, savings);
        const naActions = new Set(r.actions.filter((a) => a.status === 'not_applicable').map((a) => a.id));
        expect(new Set(r.notApplicable!.actions.map((a) => a.id))).toEqual(naActions);
        for (const p of r.priorities) expect(naActions.has(p.actionId)).toBe(false);
        expect(r.priorities.length + naActions.size).toBe(r.actions.length);
        const naSections = r.sections.filter((s) => s.status === 'not_applicable');
        for (const s of naSections) {
          expect([s.score, s.level, s.confidence]).toEqual([null, null, 0]);
          expect(r.overall.cappedBy).not.toBe(s.id);
          expect(s.notApplicable!.text.fr.length).toBeGreaterThan(10);
        }
        // The floor over the applicable sections only.
        const levels = r.sections.filter((s) => s.status !== 'not_applicable' && s.level !== null).map((s) => s.level!);
        if (r.overall.level !== null && levels.length) expect(r.overall.level).toBeLessThanOrEqual(Math.min(...levels) + 1);
        // A question that does not apply is never counted: its explanation says so and carries no contribution.
        const naQuestions = new Set(r.notApplicable!.questions.map((q) => q.id));
        for (const a of r.actions)
          for (const e of a.explanation)
            if (naQuestions.has(e.questionId)) expect([e.status, e.contribution]).toEqual(['not_applicable', null]);
        // Profile answers that rule things out are honoured.
        if (answers['ecodesign.builds_services'] === false) {
          expect(naActions.has('ecodesign-digital-services')).toBe(true);
          expect(naSections.map((s) => s.id)).toContain('ecodesign');
        }
        if (answers['organisation.kind'] === 'public_body') expect(naActions.has('question-business-model')).toBe(true);
        if (answers['usage.hosting'] === 'not_applicable') expect(naQuestions.has('usage.idle_servers')).toBe(true);
      }),
      RUNS,
    );
  });

  it('the plan has at most five this-year actions, each with a gap of 40 or more and an impact of 3 or more', () => {
    fc.assert(
      fc.property(answersArb, savingsArb, (answers, savings) => {
        const r = score(answers, savings);
        const thisYear = r.priorities.filter((p) => p.group === 'this_year');
        expect(thisYear.length).toBeLessThanOrEqual(5);
        expect(thisYear.filter((p) => p.kind === 'lever').length).toBeLessThanOrEqual(5);
        for (const p of thisYear) {
          expect(p.gap!).toBeGreaterThanOrEqual(40);
          if (p.kind === 'lever') expect(p.benefit!.share).toBeGreaterThanOrEqual(THIS_YEAR_MIN_SHARE - 1e-9);
          else expect(p.impactWeight).toBeGreaterThanOrEqual(THIS_YEAR_MIN_IMPACT);
        }
        for (const p of r.priorities.filter((x) => x.group === 'keep_up')) expect(p.gap!).toBeLessThan(40);
        for (const p of r.priorities.filter((x) => x.group === 'unknown')) expect(p.maturity).toBeNull();
        // ranks 1..n, groups in order
        expect(r.priorities.map((p) => p.rank)).toEqual(r.priorities.map((_, i) => i + 1));
        const order = ['this_year', 'next', 'keep_up', 'unknown'];
        const groups = r.priorities.map((p) => order.indexOf(p.group));
        expect([...groups].sort((a, b) => a - b)).toEqual(groups);
      }),
      RUNS,
    );
  });
});
