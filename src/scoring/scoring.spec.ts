import type { LeverSaving } from '../footprint/footprint.types.js';
import type { AnswerValue, Question, QuestionnaireTemplate } from '../questionnaires/template.types.js';
import { NBSP, NNBSP, formatNumber, formatPercent, roundSignificant } from './format.js';
import { LEVEL_LABELS, levelFor } from './levels.js';
import { methodologyText } from './methodologies.js';
import { METHODOLOGY_1 as METHODOLOGY } from './methodology.js';
import { EFFORT_FACTORS, effectiveImpact, priorityGroup, priorityScore } from './priority.js';
import { answerLabel, questionMaturity } from './question-maturity.js';
import { scoreAssessmentV1 as scoreAssessment } from './scoring.js';
import type { ActionResult, ActionSavingInput, AssessmentResults, SectionResult } from './scoring.types.js';
import { SYNTHETIC_ACTIONS, SYNTHETIC_TEMPLATE } from './synthetic-template.fixture.js';

// The footprint module's lever saving fits ActionSavingInput as is (checked by the compiler).
const _savingFits = (saving: LeverSaving): ActionSavingInput => saving;
void _savingFits;

function score(answers: Record<string, AnswerValue>, savings?: Parameters<typeof scoreAssessment>[0]['savings']) {
  return scoreAssessment({ template: SYNTHETIC_TEMPLATE, actions: SYNTHETIC_ACTIONS, answers, savings });
}
function action(results: AssessmentResults, id: string): ActionResult {
  const found = results.actions.find((a) => a.id === id);
  if (!found) throw new Error(`no action ${id}`);
  return found;
}
function section(results: AssessmentResults, id: string): SectionResult {
  const found = results.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}
function question(id: string): Question {
  for (const s of SYNTHETIC_TEMPLATE.sections) for (const q of s.questions) if (q.id === id) return q;
  throw new Error(`no question ${id}`);
}

const BEST: Record<string, AnswerValue> = {
  'p.policy': 'enforced',
  'p.refurb': true,
  'p.lifespan': 6,
  'p.criteria': ['repairability', 'warranty', 'spares'],
  'e.builds': true,
  'e.need': 'always',
  'e.old_devices': 's2',
  'm.measures': true,
  'm.criteria_count': 4,
  'm.targets': true,
};

/** The worked example of the specs: figures computed by hand in the comments. */
const MIXED: Record<string, AnswerValue> = {
  'p.policy': 'written', // 67
  'p.refurb': false, // 0
  'p.lifespan': 4, // (4 - 2) / (6 - 2) = 50
  'p.criteria': ['repairability', 'dk'], // 40, "don't know" ignored
  'e.builds': false, // hides e.need and, through it, e.old_devices
  'e.need': 'always', // hidden: ignored
  'm.measures': true, // 100
  'm.criteria_count': 1, // 25; below 2 so m.targets is hidden
  'm.targets': true, // hidden: ignored
  'e.comment': 'free text',
};

describe('question maturity', () => {
  it('scale and single choice take the option score; a null score is unknown', () => {
    expect(questionMaturity(question('p.policy'), 'written')).toBe(67);
    expect(questionMaturity(question('p.policy'), 'dk')).toBeNull();
    expect(questionMaturity(question('e.need'), 'sometimes')).toBe(50);
    expect(questionMaturity(question('e.need'), 'no-such-option')).toBeNull();
  });

  it('multi choice adds the selected scores, caps at 100, ignores null scores', () => {
    const q = question('p.criteria');
    expect(questionMaturity(q, ['repairability'])).toBe(40);
    expect(questionMaturity(q, ['repairability', 'warranty'])).toBe(80);
    expect(questionMaturity(q, ['repairability', 'warranty', 'spares'])).toBe(100);
    expect(questionMaturity(q, ['repairability', 'dk'])).toBe(40);
    expect(questionMaturity(q, ['none'])).toBe(0);
    expect(questionMaturity(q, ['dk'])).toBeNull();
    expect(questionMaturity(q, [])).toBeNull();
    // duplicates and unknown ids do not count twice
    expect(questionMaturity(q, ['warranty', 'warranty', 'bogus'])).toBe(40);
  });

  it('boolean uses scoring.boolean', () => {
    expect(questionMaturity(question('p.refurb'), true)).toBe(100);
    expect(questionMaturity(question('p.refurb'), false)).toBe(0);
    expect(questionMaturity(question('m.targets'), false)).toBe(20);
    expect(questionMaturity(question('p.refurb'), 'yes' as AnswerValue)).toBeNull();
  });

  it('number is linear from worst (0) to best (100), clamped, and works reversed', () => {
    const q = question('p.lifespan');
    expect(questionMaturity(q, 2)).toBe(0);
    expect(questionMaturity(q, 3)).toBe(25);
    expect(questionMaturity(q, 6)).toBe(100);
    expect(questionMaturity(q, 1)).toBe(0);
    expect(questionMaturity(q, 9)).toBe(100);
    const reversed: Question = {
      ...q,
      scoring: { actions: [{ actionId: 'x', weight: 1 }], linear: { worst: 10, best: 0 } },
    };
    expect(questionMaturity(reversed, 0)).toBe(100);
    expect(questionMaturity(reversed, 7.5)).toBe(25);
    expect(questionMaturity(reversed, 12)).toBe(0);
  });

  it('text and questions without scoring are not scored', () => {
    expect(questionMaturity(question('e.comment'), 'hello')).toBeNull();
    expect(questionMaturity(question('m.laptops'), 120)).toBeNull();
    expect(questionMaturity(question('e.builds'), true)).toBeNull();
  });

  it('writes the answer in words in both languages', () => {
    expect(answerLabel(question('p.policy'), 'written')).toEqual({ fr: 'Écrite', en: 'Written' });
    expect(answerLabel(question('p.criteria'), ['warranty', 'repairability'])).toEqual({
      fr: 'Réparabilité, Garantie',
      en: 'Repairability, Warranty',
    });
    expect(answerLabel(question('p.refurb'), false)).toEqual({ fr: 'Non', en: 'No' });
    expect(answerLabel(question('p.lifespan'), 4.5)).toEqual({ fr: '4,5 ans', en: '4.5 years' });
    expect(answerLabel(question('p.lifespan'), undefined)).toBeNull();
  });
});

describe('action maturity and confidence', () => {
  const results = score(MIXED);

  it('is the weighted mean of the known visible answers informing it', () => {
    // extend-lifespan: policy w3 x 67, lifespan w2 x 50, criteria w1 x 40 -> 341 / 6
    expect(action(results, 'extend-lifespan')).toMatchObject({ maturity: 56.8, gap: 43.2, confidence: 1, status: 'scored' });
    // buy-refurbished: policy w1 x 67, refurb w2 x 0, criteria w1 x 40 -> 107 / 4 = 26.75
    expect(action(results, 'buy-refurbished')).toMatchObject({ maturity: 26.8, gap: 73.2, confidence: 1 });
    // measure: measures w3 x 100, criteria_count w2 x 25 (targets hidden) -> 350 / 5
    expect(action(results, 'measure')).toMatchObject({ maturity: 70, gap: 30, confidence: 1 });
  });

  it('marks actions whose questions are all hidden as not applicable, and leaves out those the questionnaire never asks about', () => {
    expect(action(results, 'sober-design')).toMatchObject({
      status: 'not_applicable',
      maturity: null,
      gap: null,
      priority: null,
      group: null,
      confidence: 0,
    });
    // No question of this template informs it (an action added to the catalogue for a later version):
    // not part of this version's results at all, rather than "not applicable" to the organisation.
    expect(results.actions.map((a) => a.id)).not.toContain('train-staff');
    expect(results.priorities.map((p) => p.actionId)).not.toContain('sober-design');
    expect(results.priorities.map((p) => p.actionId)).not.toContain('train-staff');
  });

  it('explains every informing question, with contributions that add up to the maturity', () => {
    const measure = action(results, 'measure');
    expect(measure.explanation).toEqual([
      {
        questionId: 'm.measures',
        sectionId: 'measurement',
        questionLabel: { fr: 'Mesurez-vous votre empreinte ?', en: 'Do you measure your footprint?' },
        answerLabel: { fr: 'Oui', en: 'Yes' },
        questionMaturity: 100,
        weight: 3,
        contribution: 60,
        status: 'known',
      },
      expect.objectContaining({ questionId: 'm.criteria_count', questionMaturity: 25, weight: 2, contribution: 10, status: 'known' }),
      expect.objectContaining({
        questionId: 'm.targets',
        answerLabel: null,
        questionMaturity: null,
        contribution: null,
        status: 'hidden',
      }),
    ]);
    const extend = action(results, 'extend-lifespan');
    const sum = extend.explanation.reduce((total, e) => total + (e.contribution ?? 0), 0);
    expect(Math.abs(sum - (extend.maturity ?? 0))).toBeLessThanOrEqual(0.15);
    expect(extend.explanation.map((e) => [e.questionId, e.contribution])).toEqual([
      ['p.policy', 33.5],
      ['p.lifespan', 16.7],
      ['p.criteria', 6.7],
    ]);
  });

  it('treats "I don\'t know" and unanswered as unknown: same maturity, lower confidence, never zero', () => {
    const dontKnow = score({ ...MIXED, 'p.policy': 'dk' });
    const { ['p.policy']: _removed, ...withoutPolicy } = MIXED;
    const unanswered = score(withoutPolicy);
    const worst = score({ ...MIXED, 'p.policy': 'none' });
    // (100 + 40) / 3 over lifespan (w2) and criteria (w1); policy weight 3 of 6 unknown
    expect(action(dontKnow, 'extend-lifespan')).toMatchObject({ maturity: 46.7, confidence: 0.5 });
    expect(action(unanswered, 'extend-lifespan')).toMatchObject({ maturity: 46.7, confidence: 0.5 });
    expect(action(worst, 'extend-lifespan')).toMatchObject({ maturity: 23.3, confidence: 1 });
    expect(dontKnow.overall.score).toBe(unanswered.overall.score);
    expect(dontKnow.overall.confidence).toBeLessThan(1);
    // the answer is recorded and said, but does not count
    expect(action(dontKnow, 'extend-lifespan').explanation[0]).toMatchObject({
      status: 'unknown',
      answerLabel: { fr: 'Je ne sais pas', en: "I don't know" },
      contribution: null,
    });
    expect(section(dontKnow, 'procurement').answered).toBe(4);
    expect(section(unanswered, 'procurement').answered).toBe(3);
  });

  it('ignores the answers of hidden questions', () => {
    const { ['e.need']: _a, ['m.targets']: _b, ...visibleOnly } = MIXED;
    expect(score(visibleOnly).overall).toEqual(results.overall);
    expect(score(visibleOnly).sections).toEqual(results.sections);
  });

  it('with no answer at all: everything unknown, nothing zero', () => {
    const empty = score({});
    expect(empty.overall).toMatchObject({ score: null, level: null, levelLabel: null, confidence: 0 });
    expect(empty.sections.every((s) => s.score === null && s.confidence === 0)).toBe(true);
    expect(empty.priorities.map((p) => [p.rank, p.actionId, p.group, p.priority])).toEqual([
      [1, 'extend-lifespan', 'unknown', null],
      [2, 'buy-refurbished', 'unknown', null],
      [3, 'measure', 'unknown', null],
    ]);
    expect(empty.priorities[0].why.en).toBe('Impact 5/5, but no answer tells yet where you stand: answer the questions on this action.');
    expect(empty.priorities[0].why.fr).toBe(
      `Impact 5/5, mais aucune réponse ne dit encore où vous en êtes${NBSP}: répondez aux questions de cette action.`,
    );
  });
});

describe('section and overall scores', () => {
  const results = score(MIXED);

  it('weights each question by Σ (question weight x action impact weight)', () => {
    // W: policy 3x5 + 1x4 = 19; refurb 2x4 = 8; lifespan 2x5 = 10; criteria 1x4 + 1x5 = 9
    // (19x67 + 8x0 + 10x50 + 9x40) / 46 = 2133 / 46 = 46.37
    expect(section(results, 'procurement')).toMatchObject({
      score: 46.4,
      level: 3,
      levelLabel: { fr: 'Structurée', en: 'Structured' },
      confidence: 1,
      answered: 4,
      visible: 4,
      knownWeight: 46,
      visibleWeight: 46,
    });
    // measures 3x2 = 6 x 100, criteria_count 2x2 = 4 x 25 -> 700 / 10
    expect(section(results, 'measurement')).toMatchObject({ score: 70, level: 4, answered: 2, visible: 3 });
    // only the context questions are visible (e.builds, e.comment): nothing scored
    expect(section(results, 'ecodesign')).toMatchObject({
      score: null,
      level: null,
      confidence: 0,
      answered: 2,
      visible: 2,
      visibleWeight: 0,
    });
  });

  it('overall = Σ W·m / Σ W over every known question (sections weighted by known weight)', () => {
    // (2133 + 700) / (46 + 10) = 50.59
    expect(results.overall).toEqual({
      score: 50.6,
      level: 3,
      levelLabel: { fr: 'Structurée', en: 'Structured' },
      confidence: 1,
      knownWeight: 56,
      visibleWeight: 56,
    });
  });

  it('section confidence is known weight / visible weight', () => {
    const partial = score({ ...MIXED, 'p.lifespan': undefined as unknown as AnswerValue });
    expect(section(partial, 'procurement')).toMatchObject({ confidence: 0.783, knownWeight: 36, visibleWeight: 46 });
    // (36 + 10) / (46 + 10)
    expect(partial.overall.confidence).toBe(0.821);
  });

  it('best answers everywhere give 100 and level 5', () => {
    const best = score(BEST);
    expect(best.overall).toMatchObject({ score: 100, level: 5, confidence: 1 });
    expect(best.overall.cappedBy).toBeUndefined();
    expect(best.sections.map((s) => s.score)).toEqual([100, 100, 100]);
    expect(best.actions.filter((a) => a.status === 'scored').every((a) => a.maturity === 100 && a.group === 'keep_up')).toBe(true);
  });
});

describe('levels and the floor rule', () => {
  it('maps score bands to levels 1 to 5', () => {
    expect([0, 19.9, 20, 39.9, 40, 59.9, 60, 79.9, 80, 100].map(levelFor)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(levelFor(null)).toBeNull();
    expect(Object.values(LEVEL_LABELS).map((l) => l.en)).toEqual(['Not started', 'Initial', 'Structured', 'Managed', 'Exemplary']);
  });

  it('a very weak section caps the overall level at its level + 1, and says so', () => {
    const results = score({ ...BEST, 'm.measures': false });
    // procurement 100 (W 46), ecodesign 100 (W 9 + 6), measurement 0 (W 6): 6100 / 67 = 91.04
    expect(section(results, 'measurement')).toMatchObject({ score: 0, level: 1 });
    expect(results.overall).toMatchObject({
      score: 91,
      level: 2,
      levelLabel: { fr: 'Initiale', en: 'Initial' },
      cappedBy: 'measurement',
      uncappedLevel: 5,
    });
  });

  it('does not cap when the weakest section is close enough', () => {
    const results = score({ ...BEST, 'm.criteria_count': 1, 'm.targets': undefined as unknown as AnswerValue });
    expect(results.overall.cappedBy).toBeUndefined();
    expect(results.overall.uncappedLevel).toBeUndefined();
  });
});

describe('priorities', () => {
  it('priority = 100 x I/5 x gap/100 x effort factor, ranked descending', () => {
    const results = score(MIXED);
    expect(results.priorities.map((p) => [p.rank, p.actionId, p.priority, p.group])).toEqual([
      [1, 'extend-lifespan', 43.2, 'quick_win'], // 100 x 5/5 x 0.432 x 1
      [2, 'buy-refurbished', 41, 'quick_win'], // 100 x 4/5 x 0.732 x 0.7 = 40.99
      [3, 'measure', 8.4, 'keep_up'], // 100 x 2/5 x 0.30 x 0.7
    ]);
    expect(results.priorities[0]).toMatchObject({
      maturity: 56.8,
      gap: 43.2,
      impactWeight: 5,
      effectiveImpact: 5,
      effort: 'low',
      ownerRole: 'procurement',
      confidence: 1,
    });
    expect(results.priorities[0].why).toEqual({
      en: 'Impact 5/5, you stand at 56.8/100 and it is low effort: a quick win.',
      fr: `Impact 5/5, vous êtes à 56,8/100 et l'effort est faible${NBSP}: un gain rapide.`,
    });
    expect(results.priorities[2].why.en).toBe('Impact 2/5, you stand at 70/100 and it is medium effort: keep it up.');
  });

  it('a quantified saving raises the effective impact (+1 per 10 %, at most +2, capped at 5) and is said', () => {
    const results = score(MIXED, {
      'buy-refurbished': { climateKgCo2ePerYear: 1847.3, shareOfClimateTotal: 0.15 },
      'extend-lifespan': { climateKgCo2ePerYear: 12345, shareOfClimateTotal: 0.3 },
    });
    const refurb = results.priorities.find((p) => p.actionId === 'buy-refurbished')!;
    // I' = min(5, 4 + 1.5) = 5 -> 100 x 1 x 0.732 x 0.7 = 51.24
    expect(refurb).toMatchObject({ rank: 1, priority: 51.2, effectiveImpact: 5, impactWeight: 4 });
    expect(refurb.saving).toEqual({ climateKgCo2ePerYear: 1847.3, shareOfClimateTotal: 0.15 });
    expect(refurb.why.en).toBe(
      'Impact 4/5 (raised to 5/5 by the quantified saving), you stand at 26.8/100 and it is medium effort: ' +
        'a quick win; it would avoid about 1,850 kg CO2e a year (15% of the digital climate footprint).',
    );
    expect(refurb.why.fr).toBe(
      `Impact 4/5 (porté à 5/5 par le gain chiffré), vous êtes à 26,8/100 et l'effort est moyen${NBSP}: ` +
        `un gain rapide${NBSP}; cela éviterait environ 1${NNBSP}850 kg CO2e par an (15${NBSP}% de l'empreinte climat du numérique).`,
    );
    const extend = results.priorities.find((p) => p.actionId === 'extend-lifespan')!;
    expect(extend).toMatchObject({ rank: 2, priority: 43.2, effectiveImpact: 5 });
    expect(extend.why.en).toContain('about 12,300 kg CO2e a year (30% of');
    expect(action(results, 'buy-refurbished').saving).toEqual({ climateKgCo2ePerYear: 1847.3, shareOfClimateTotal: 0.15 });
  });

  it('effective impact formula', () => {
    expect(effectiveImpact(3)).toBe(3);
    expect(effectiveImpact(3, { climateKgCo2ePerYear: null, shareOfClimateTotal: null })).toBe(3);
    expect(effectiveImpact(3, { climateKgCo2ePerYear: 10, shareOfClimateTotal: 0.05 })).toBe(3.5);
    expect(effectiveImpact(2, { climateKgCo2ePerYear: 10, shareOfClimateTotal: 0.9 })).toBe(4);
    expect(effectiveImpact(4, { climateKgCo2ePerYear: 10, shareOfClimateTotal: 0.9 })).toBe(5);
    expect(effectiveImpact(3, { climateKgCo2ePerYear: 10, shareOfClimateTotal: Number.NaN })).toBe(3);
    expect(effectiveImpact(3, { climateKgCo2ePerYear: 10, shareOfClimateTotal: -1 })).toBe(3);
  });

  it('priority stays within 0..100 and follows the effort factors', () => {
    expect(EFFORT_FACTORS).toEqual({ low: 1, medium: 0.7, high: 0.45 });
    expect(priorityScore(5, 100, 'low')).toBe(100);
    expect(priorityScore(5, 100, 'medium')).toBe(70);
    expect(priorityScore(5, 100, 'high')).toBe(45);
    expect(priorityScore(1, 0, 'low')).toBe(0);
    expect(priorityScore(3, 50, 'high')).toBe(13.5);
  });

  it('groups: quick win, structural, keep up', () => {
    expect(priorityGroup(40, 'low')).toBe('quick_win');
    expect(priorityGroup(39.9, 'low')).toBe('keep_up');
    expect(priorityGroup(59.9, 'medium')).toBe('structural');
    expect(priorityGroup(60, 'medium')).toBe('quick_win');
    expect(priorityGroup(100, 'high')).toBe('structural');
    expect(priorityGroup(40, 'high')).toBe('structural');
    expect(priorityGroup(39.9, 'high')).toBe('keep_up');
  });

  it('breaks ties by impact weight, then id, and puts unknown actions last', () => {
    // Each question sets one action's maturity exactly (number, linear 0 -> 100).
    const numberQuestion = (id: string, actionId: string): Question => ({
      id,
      type: 'number',
      label: { fr: id, en: id },
      required: false,
      min: 0,
      max: 100,
      scoring: { actions: [{ actionId, weight: 1 }], linear: { worst: 0, best: 100 } },
    });
    const template: QuestionnaireTemplate = {
      id: 'ties',
      version: 1,
      title: { fr: 'Égalités', en: 'Ties' },
      sections: [
        {
          id: 's',
          title: { fr: 'S', en: 'S' },
          questions: ['b', 'a', 'c', 'd', 'u1', 'u2'].map((id) => numberQuestion(`q.${id}`, id)),
        },
      ],
    };
    const base = SYNTHETIC_ACTIONS[0];
    const actions = [
      { ...base, id: 'b', impactWeight: 4 }, // gap 50 -> 40
      { ...base, id: 'a', impactWeight: 4 }, // gap 50 -> 40, id a < b
      { ...base, id: 'c', impactWeight: 5 }, // gap 40 -> 40, higher impact first
      { ...base, id: 'd', impactWeight: 2 }, // gap 100 -> 40
      { ...base, id: 'u1', impactWeight: 2 }, // unknown
      { ...base, id: 'u2', impactWeight: 3 }, // unknown, higher impact
    ];
    const results = scoreAssessment({ template, actions, answers: { 'q.b': 50, 'q.a': 50, 'q.c': 60, 'q.d': 0 } });
    expect(results.priorities.map((p) => [p.rank, p.actionId, p.priority])).toEqual([
      [1, 'c', 40],
      [2, 'a', 40],
      [3, 'b', 40],
      [4, 'd', 40],
      [5, 'u2', null],
      [6, 'u1', null],
    ]);
  });

  it('mentions partial confidence in the sentence', () => {
    const results = score({ 'p.policy': 'none' });
    const extend = results.priorities.find((p) => p.actionId === 'extend-lifespan')!;
    // known weight 3 of 6 (policy answered; lifespan and criteria not)
    expect(extend.why.en).toBe('Impact 5/5, you stand at 0/100 and it is low effort: a quick win (confidence 50%).');
    expect(extend.why.fr).toBe(`Impact 5/5, vous êtes à 0/100 et l'effort est faible${NBSP}: un gain rapide (confiance 50${NBSP}%).`);
  });
});

describe('result shape', () => {
  it('is plain JSON and carries the methodology version', () => {
    const results = score(MIXED, { 'extend-lifespan': { climateKgCo2ePerYear: 10, shareOfClimateTotal: 0.01 } });
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
    expect(results.methodologyVersion).toBe(METHODOLOGY.version);
    expect(Object.keys(results)).toEqual(['overall', 'sections', 'actions', 'priorities', 'methodologyVersion']);
  });

  it('does not change its input', () => {
    const answers = structuredClone(MIXED);
    const template = structuredClone(SYNTHETIC_TEMPLATE);
    const results = scoreAssessment({ template, actions: SYNTHETIC_ACTIONS, answers });
    expect(answers).toEqual(MIXED);
    expect(template).toEqual(SYNTHETIC_TEMPLATE);
    results.sections[0].title.en = 'changed';
    expect(template.sections[0].title.en).toBe('Procurement');
  });

  it('ignores answers keyed like Object.prototype members', () => {
    const answers = JSON.parse('{"__proto__": "x", "constructor": 1, "toString": true}') as Record<string, AnswerValue>;
    expect(score(answers).overall.score).toBeNull();
  });
});

describe('METHODOLOGY scoring-1', () => {
  it('states every rule in French and English, floor rule and formulas included', () => {
    for (const rule of METHODOLOGY.rules) {
      expect(rule.title.fr.length).toBeGreaterThan(0);
      expect(rule.title.en.length).toBeGreaterThan(0);
      expect(rule.text.fr.length).toBeGreaterThan(40);
      expect(rule.text.en.length).toBeGreaterThan(40);
    }
    const en = methodologyText('en', 'scoring-1');
    expect(en).toContain('caps the overall level');
    expect(en).toContain('Priority = 100 × I′/5 × gap/100 × E');
    expect(en).toContain('0.45');
    expect(methodologyText('fr', 'scoring-1')).toContain('plafonne le niveau global');
  });
});

describe('number formatting', () => {
  it('formats French and English numbers', () => {
    expect(formatNumber(1850, 'en')).toBe('1,850');
    expect(formatNumber(1850, 'fr')).toBe(`1${NNBSP}850`);
    expect(formatNumber(1234567.25, 'fr', 2)).toBe(`1${NNBSP}234${NNBSP}567,25`);
    expect(formatNumber(56.8, 'fr')).toBe('56,8');
    expect(formatNumber(70, 'en')).toBe('70');
    expect(formatNumber(-3.25, 'en', 1)).toBe('-3.3');
    expect(formatPercent(0.155, 'fr')).toBe(`16${NBSP}%`);
    expect(roundSignificant(1847.3)).toBe(1850);
    expect(roundSignificant(12.345)).toBe(12.3);
    expect(roundSignificant(0.01234)).toBe(0.0123);
  });
});
