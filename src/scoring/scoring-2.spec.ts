/**
 * Methodology scoring-2 on a small questionnaire worked by hand (arithmetic in the comments),
 * then its rules one by one.
 */
import type { Action, AnswerValue, Question, QuestionnaireTemplate } from '../questionnaires/template.types.js';
import { combineSaving } from './ef-weighting.js';
import { METHODOLOGY, METHODOLOGIES, methodologyText, scoreAssessment } from './methodologies.js';
import { assumedShare, credibility, THIS_YEAR_MIN_SHARE } from './priority-2.js';
import { scoreAssessmentV2 } from './scoring-2.js';
import type { ActionSavingInput, AssessmentResults, SavingCriterionInput } from './scoring.types.js';

const t = (en: string, fr = en) => ({ fr, en });
const scale = (id: string, links: Array<[string, number]>, extra: Partial<Question> = {}): Question => ({
  id,
  type: 'scale',
  label: t(id),
  required: true,
  options: [
    { id: 'o0', label: t('zero'), score: 0 },
    { id: 'o50', label: t('half'), score: 50 },
    { id: 'o100', label: t('full'), score: 100 },
    { id: 'dont_know', label: t("I don't know", 'Je ne sais pas'), score: null },
  ],
  scoring: { actions: links.map(([actionId, weight]) => ({ actionId, weight })) },
  ...extra,
});
const yesNo = (id: string, links: Array<[string, number]>, extra: Partial<Question> = {}): Question => ({
  id,
  type: 'boolean',
  label: t(id),
  required: true,
  dontKnow: true,
  scoring: { actions: links.map(([actionId, weight]) => ({ actionId, weight })), boolean: { yes: 100, no: 0 } },
  ...extra,
});
const action = (id: string, kind: Action['kind'], impactWeight: number, effort: Action['effort'], extra: Partial<Action> = {}): Action => ({
  id,
  category: 'company',
  kind,
  title: t(`Title ${id}`, `Titre ${id}`),
  description: t('d'),
  impactWeight,
  justification: { keyMessages: [2], text: t('j') },
  effort,
  ownerRole: 'it_operations',
  indicator: t('i'),
  nextSteps: [t('s')],
  ...extra,
});

const TEMPLATE: QuestionnaireTemplate = {
  id: 'hand',
  version: 1,
  title: t('Hand-worked'),
  sections: [
    {
      id: 'profile',
      title: t('Profile'),
      questions: [{ id: 'p.builds', type: 'boolean', label: t('Builds services?', 'Conçoit des services ?'), required: true }],
    },
    {
      id: 'devices',
      title: t('Devices'),
      questions: [
        scale('d.lifespan', [
          ['l-life', 3],
          ['f-policy', 1],
        ]),
        yesNo('d.refurb', [['l-refurb', 2]]),
        scale('d.screens', [['l-screens', 3]]),
      ],
    },
    {
      id: 'design',
      title: t('Design'),
      applicableIf: { questionId: 'p.builds', in: [true] },
      questions: [yesNo('x.check', [['l-obs', 2]]), scale('x.need', [['f-design', 3]], { showIf: { questionId: 'p.builds', in: [true] } })],
    },
    { id: 'governance', title: t('Governance'), questions: [scale('g.policy', [['f-policy', 3]]), scale('g.awareness', [['f-aware', 3]])] },
  ],
};

const ACTIONS: Action[] = [
  action('l-life', 'lever', 5, 'medium', { lever: 'lifespan' }),
  action('l-refurb', 'lever', 5, 'low', { lever: 'refurbished' }),
  action('l-screens', 'lever', 4, 'low'),
  action('l-obs', 'lever', 4, 'medium'),
  action('f-policy', 'foundation', 4, 'high', { enables: ['l-life', 'l-refurb'] }),
  action('f-aware', 'foundation', 3, 'low'),
  action('f-design', 'foundation', 3, 'medium', { applicableIf: { questionId: 'p.builds', in: [true] } }),
];

const criteria = (climate: number, minerals: number, fossil: number, high?: [number, number, number]): SavingCriterionInput[] => [
  { criterion: 'climate', unit: 'kg CO2e', saving: climate, savingHigh: high?.[0] ?? null, total: 10000 },
  { criterion: 'minerals', unit: 'kg Sb eq', saving: minerals, savingHigh: high?.[1] ?? null, total: 0.1 },
  { criterion: 'fossil', unit: 'MJ', saving: fossil, savingHigh: high?.[2] ?? null, total: 100000 },
  { criterion: 'rawMaterial', unit: 'kg', saving: 300, total: 3000 },
  { criterion: 'water', unit: 'L', saving: 5000, total: 40000 },
];

const SAVINGS: Record<string, ActionSavingInput> = {
  'l-life': { climateKgCo2ePerYear: 2000, shareOfClimateTotal: 0.2, criteria: criteria(2000, 0.01, 0) },
  'l-refurb': { climateKgCo2ePerYear: 600, shareOfClimateTotal: 0.06, criteria: criteria(600, 0.006, 6000, [1200, 0.012, 12000]) },
};

const ANSWERS: Record<string, AnswerValue> = {
  'p.builds': false,
  'd.lifespan': 'o50',
  'd.refurb': false,
  'd.screens': 'o100',
  'x.check': false,
  'x.need': 'o100', // hidden (builds no services): ignored
  'g.policy': 'o0',
  'g.awareness': 'dont_know',
};

const score = (answers = ANSWERS, savings = SAVINGS): AssessmentResults =>
  scoreAssessmentV2({ template: TEMPLATE, actions: ACTIONS, answers, savings });
const action$ = (r: AssessmentResults, id: string) => r.actions.find((a) => a.id === id)!;
const priority$ = (r: AssessmentResults, id: string) => r.priorities.find((p) => p.actionId === id)!;

describe('scoring-2 worked by hand', () => {
  const r = score();

  it('sections: a not-applicable section has no score and is listed with its reason', () => {
    // devices: W = w × impact over the applicable actions.
    //   d.lifespan: 3×5 (l-life) + 1×4 (f-policy) = 19, m = 50; d.refurb: 2×5 = 10, m = 0; d.screens: 3×4 = 12, m = 100
    //   score = (19×50 + 10×0 + 12×100) / (19 + 10 + 12) = 2150 / 41 = 52.44 -> 52.4, level 3
    // governance: g.policy 3×4 = 12, m = 0; g.awareness 3×3 = 9 unknown ("I don't know") -> 0 / 12 = 0, confidence 12/21 = 0.571
    expect(r.sections.map((s) => [s.id, s.status, s.score, s.level, s.confidence])).toEqual([
      // 'profile' has no scored question: context, not a score (not listed)
      ['devices', 'scored', 52.4, 3, 1],
      ['design', 'not_applicable', null, null, 0],
      ['governance', 'scored', 0, 1, 0.571],
    ]);
    const design = r.sections.find((s) => s.id === 'design')!;
    expect(design.notApplicable).toMatchObject({ cause: 'condition', questionId: 'p.builds', answerLabel: { fr: 'Non', en: 'No' } });
    expect(design.notApplicable!.text.en).toBe('Not applicable: you answered "No" to "Builds services?"');
    expect(design.notApplicable!.text.fr).toBe(
      'Sans objet\u00a0: vous avez répondu «\u00a0Non\u00a0» à «\u00a0Conçoit des services ?\u00a0»',
    );
    expect(r.notApplicable!.sections.map((s) => s.id)).toEqual(['design']);
  });

  it('overall: every applicable question, the one still asked in the not-applicable section included', () => {
    // known W = 41 (devices) + 8 (x.check: 2×4, m = 0) + 12 (g.policy) = 61, Σ W·m = 2150 -> 35.25 -> 35.2, level 2
    // visible W = 61 + 9 (g.awareness) = 70 -> confidence 61/70 = 0.871
    expect(r.overall).toMatchObject({ score: 35.2, level: 2, confidence: 0.871, knownWeight: 61, visibleWeight: 70 });
    // floor: weakest applicable section governance, level 1 -> cap 2: not lowered
    expect(r.overall.cappedBy).toBeUndefined();
    expect(r.meanGap).toBe(64.8); // 100 - 35.2
  });

  it('levers: credibility, effective gap, EF-weighted benefit and priority', () => {
    // l-life: K = V = 3 -> Z = 3 / (3 + 3) = 0.5; m = 50, gap 50; g* = 0.5×50 + 0.5×64.8 = 57.4
    // benefit: EF weights climate 0.2106, minerals 0.0755, fossil 0.0832 (water in litres and raw material left out)
    //   saving: 0.2106×2000/7553.08 + 0.0755×0.01/0.0636226 + 0 = 0.055765 + 0.011867 = 0.067632
    //   total:  0.2106×10000/7553.08 + 0.0755×0.1/0.0636226 + 0.0832×100000/65004.3 = 0.278827 + 0.118669 + 0.127992 = 0.525487
    //   s = 0.067632 / 0.525487 = 0.12870 -> 0.1287; person-years 0.067632 / 0.3693 = 0.183
    //   P = 100 × 0.1287 × 0.574 × 0.7 = 5.171 -> 5.17
    const life = action$(r, 'l-life');
    expect([life.maturity, life.gap, life.credibility, life.effectiveGap, life.priority]).toEqual([50, 50, 0.5, 57.4, 5.17]);
    expect(priority$(r, 'l-life').benefit).toMatchObject({
      source: 'quantified',
      share: 0.1287,
      shareHigh: null,
      personEquivalents: 0.183,
    });
    expect(priority$(r, 'l-life').benefit!.criteria.map((c) => c.criterion)).toEqual(['climate', 'minerals', 'fossil']);
    expect(priority$(r, 'l-life').benefit!.leftOut.map((c) => c.criterion)).toEqual(['rawMaterial', 'water']);
    // l-refurb: K = V = 2 -> Z = 2/5 = 0.4; m = 0, gap 100; g* = 0.4×100 + 0.6×64.8 = 78.88 -> 78.9
    //   every criterion saves 6 % (high end 12 %) -> s = 0.06, shareHigh 0.12; P = 100 × 0.06 × 0.789 × 1 = 4.734 -> 4.73
    const refurb = action$(r, 'l-refurb');
    expect([refurb.credibility, refurb.effectiveGap, refurb.priority]).toEqual([0.4, 78.9, 4.73]);
    expect(priority$(r, 'l-refurb').benefit).toMatchObject({ share: 0.06, shareHigh: 0.12 });
    // l-obs: not quantified, impact 4 -> assumed 5 % × 2^(4-5) = 2.5 %; x.check = no: m = 0, Z = 0.4, g* = 78.9
    //   P = 100 × 0.025 × 0.789 × 0.7 = 1.38075 -> 1.38 (one answer cannot put it first: without the shrinkage it would be 1.75)
    const obs = action$(r, 'l-obs');
    expect([
      obs.maturity,
      obs.effectiveGap,
      obs.priority,
      priority$(r, 'l-obs').benefit!.source,
      priority$(r, 'l-obs').benefit!.share,
    ]).toEqual([0, 78.9, 1.38, 'assumed', 0.025]);
    // l-screens: m = 100, gap 0, Z = 0.5, g* = 0.5×64.8 = 32.4; impact 4, assumed 2.5 %: P = 100 × 0.025 × 0.324 × 1 = 0.81
    expect(action$(r, 'l-screens').priority).toBe(0.81);
  });

  it('foundations: impact, effective gap and effort', () => {
    // f-policy: d.lifespan (w 1, m 50) + g.policy (w 3, m 0): m = 50/4 = 12.5, gap 87.5; Z = 4/7 = 0.571
    //   g* = 0.571×87.5 + 0.429×64.8 = 49.96 + 27.80 = 77.76 -> 77.8; P = 100 × 4/5 × 0.778 × 0.45 = 28.008 -> 28.01
    const policy = action$(r, 'f-policy');
    expect([policy.maturity, policy.gap, policy.credibility, policy.effectiveGap, policy.priority]).toEqual([
      12.5, 87.5, 0.571, 77.8, 28.01,
    ]);
    // f-aware: "I don't know" -> unknown, ranked at the mean gap: P = 100 × 3/5 × 0.648 × 1 = 38.88
    const aware = action$(r, 'f-aware');
    expect([aware.status, aware.maturity, aware.confidence, aware.effectiveGap, aware.priority]).toEqual(['unknown', null, 0, 64.8, 38.88]);
    // f-design: its own condition rules it out
    const design = action$(r, 'f-design');
    expect([design.status, design.group, design.priority, design.notApplicable?.cause]).toEqual([
      'not_applicable',
      null,
      null,
      'condition',
    ]);
  });

  it('groups and the order of the plan', () => {
    // this year: levers with gap >= 40 and s >= 1.25 %: l-life 5.17, l-refurb 4.73, l-obs 1.38 (3 places);
    //   foundations with gap >= 40 and impact >= 3: f-policy -> 4 actions. l-screens: gap 0, keep up. f-aware: unknown.
    expect(r.priorities.map((p) => [p.rank, p.actionId, p.group, p.kind, p.kindRank])).toEqual([
      [1, 'l-life', 'this_year', 'lever', 1],
      [2, 'l-refurb', 'this_year', 'lever', 2],
      [3, 'l-obs', 'this_year', 'lever', 3],
      [4, 'f-policy', 'this_year', 'foundation', 2],
      [5, 'l-screens', 'keep_up', 'lever', 4],
      [6, 'f-aware', 'unknown', 'foundation', 1],
    ]);
    expect(r.priorities.some((p) => p.actionId === 'f-design')).toBe(false);
  });

  it('says why with the numbers, in French and English', () => {
    const life = priority$(r, 'l-life').why;
    expect(life.en).toBe(
      'Lever quantified on your inventory: it would avoid about 13% of your footprint (EF single score over climate, minerals and metals and fossil resources; 2,000 kg CO2e a year, 20% of the climate footprint). ' +
        'You stand at 50/100 (gap 50, counted as 57.4 because its answers carry a credibility of 50% against your mean gap of 64.8), medium effort (× 0.7): 12.87 × 0.574 × 0.7 = 5.17. ' +
        'This year: among the best-ranked levers that qualify (gap of at least 40 and expected benefit of at least 1.25%), five actions at most.',
    );
    expect(life.fr).toContain('il éviterait environ 13\u00a0% de votre empreinte');
    expect(life.fr).toContain('12,87 × 0,574 × 0,7 = 5,17');
    expect(priority$(r, 'l-refurb').why.en).toContain('about 6% to 12% of your footprint');
    expect(priority$(r, 'l-obs').why.en).toContain(
      'Lever not quantified on your inventory: benefit assumed from its impact 4/5, 2.5% of the footprint',
    );
    expect(priority$(r, 'f-policy').why.en).toMatch(
      /^Foundation \(it makes possible: Title l-life and Title l-refurb\), impact 4\/5\. You stand at 12\.5\/100/,
    );
    expect(priority$(r, 'f-policy').why.en).toContain('100 × 4/5 × 0.778 × 0.45 = 28.01');
    expect(priority$(r, 'l-screens').why.en).toContain('Keep up: you stand at 100/100, a gap below 40.');
    expect(priority$(r, 'f-aware').why.en).toContain('No answer tells yet where you stand: its rank assumes your mean gap (64.8)');
  });

  it('marks explanations of questions that do not apply', () => {
    const q = TEMPLATE.sections[1].questions[1];
    const r2 = scoreAssessmentV2({
      template: {
        ...TEMPLATE,
        sections: [
          TEMPLATE.sections[0],
          { ...TEMPLATE.sections[1], questions: [{ ...q, applicableIf: { questionId: 'p.builds', in: [true] } }] },
        ],
      },
      actions: ACTIONS,
      answers: ANSWERS,
    });
    expect(r2.actions.find((a) => a.id === 'l-refurb')!.explanation[0].status).toBe('not_applicable');
    expect(r2.notApplicable!.questions.map((x) => x.id)).toEqual(['d.refurb']);
  });
});

describe('scoring-2 rules', () => {
  it('an unknown profile answer leaves everything applicable', () => {
    for (const builds of [undefined, 'dont_know'] as const) {
      const answers = { ...ANSWERS };
      if (builds === undefined) delete answers['p.builds'];
      else answers['p.builds'] = builds;
      const r = score(answers);
      expect(r.sections.find((s) => s.id === 'design')!.status).not.toBe('not_applicable');
      expect(r.actions.find((a) => a.id === 'f-design')!.status).not.toBe('not_applicable');
    }
  });

  it('an answer "not applicable" takes the question out of confidence, not into it as zero', () => {
    const template: QuestionnaireTemplate = {
      ...TEMPLATE,
      sections: [
        {
          id: 's',
          title: t('s'),
          questions: [
            {
              id: 'hosting',
              type: 'single_choice',
              label: t('Hosting'),
              required: true,
              options: [
                { id: 'pooled', label: t('Pooled'), score: 100 },
                { id: 'not_applicable', label: t('No server'), score: null },
                { id: 'dont_know', label: t("I don't know"), score: null },
              ],
              scoring: { actions: [{ actionId: 'l-screens', weight: 2 }] },
            },
            scale('d.screens', [['l-screens', 3]]),
          ],
        },
      ],
    };
    const run = (hosting: string) => scoreAssessmentV2({ template, actions: ACTIONS, answers: { hosting, 'd.screens': 'o50' } });
    expect(run('not_applicable').actions.find((a) => a.id === 'l-screens')!.confidence).toBe(1);
    expect(run('dont_know').actions.find((a) => a.id === 'l-screens')!.confidence).toBe(0.6); // 3 known of 5
    expect(run('not_applicable').notApplicable!.questions.map((q) => [q.id, q.reason.cause])).toEqual([['hosting', 'declared']]);
  });

  it('this year: at most three levers and two foundations, a free place to the other kind, five at most', () => {
    const levers = Array.from({ length: 7 }, (_, i) => action(`l${i}`, 'lever', 5 - (i % 3), 'low'));
    const foundations = Array.from({ length: 3 }, (_, i) => action(`f${i}`, 'foundation', 4, 'medium'));
    const template = (ids: string[]): QuestionnaireTemplate => ({
      ...TEMPLATE,
      sections: [{ id: 's', title: t('s'), questions: ids.map((id) => scale(`q.${id}`, [[id, 3]])) }],
    });
    const run = (actions: Action[]) =>
      scoreAssessmentV2({
        template: template(actions.map((a) => a.id)),
        actions,
        answers: Object.fromEntries(actions.map((a) => [`q.${a.id}`, 'o0'])),
      });
    const groups = (r: AssessmentResults) => r.priorities.filter((p) => p.group === 'this_year').map((p) => p.actionId);
    expect(groups(run([...levers, ...foundations]))).toEqual(['l0', 'l3', 'l6', 'f0', 'f1']);
    // no foundation qualifies: five levers
    expect(groups(run(levers))).toEqual(['l0', 'l3', 'l6', 'l1', 'l4']);
    // one lever only: it and the foundations fill the places
    expect(groups(run([levers[0], ...foundations]))).toEqual(['l0', 'f0', 'f1', 'f2']);
    // impact 2 levers (assumed 0.625 % < 1.25 %) never this year
    const small = [action('s0', 'lever', 2, 'low'), action('s1', 'lever', 1, 'low')];
    const r = run(small);
    expect(groups(r)).toEqual([]);
    expect(r.priorities.map((p) => p.group)).toEqual(['next', 'next']);
    expect(r.priorities[0].why.en).toContain("Next: worth doing, but it does not meet this year's bar");
  });

  it('a quantified saving is not capped: twice the saving, twice the priority', () => {
    const doubled = { ...SAVINGS, 'l-life': { ...SAVINGS['l-life'], criteria: criteria(4000, 0.02, 0) } };
    expect(action$(score(ANSWERS, doubled), 'l-life').priority).toBeCloseTo(2 * action$(score(), 'l-life').priority!, 1);
  });

  it('a lever the inventory does not quantify keeps the reason and the assumed benefit', () => {
    const r = score(ANSWERS, {
      'l-life': {
        climateKgCo2ePerYear: null,
        shareOfClimateTotal: null,
        notQuantified: t('No device inventoried.', 'Aucun appareil inventorié.'),
      },
    });
    expect(action$(r, 'l-life').saving?.notQuantified?.en).toBe('No device inventoried.');
    expect(priority$(r, 'l-life').benefit).toMatchObject({
      source: 'assumed',
      share: 0.05,
      notQuantified: { en: 'No device inventoried.' },
    });
    expect(priority$(r, 'l-life').why.en).toContain(
      'Lever not quantified on your inventory (No device inventoried): benefit assumed from its impact 5/5, 5% of the footprint',
    );
  });
});

describe('EF combination of the criteria', () => {
  it('renormalises over the criteria estimated for both the saving and the total', () => {
    const combined = combineSaving([
      { criterion: 'climate', unit: 'kg CO2e', saving: 100, total: 1000 },
      { criterion: 'minerals', unit: 'kg Sb eq', saving: null, total: 0.1 },
      { criterion: 'fossil', unit: 'MJ', saving: 500, total: null },
    ]);
    // only climate is combined: s = 100/1000, and its renormalised weight is 1
    expect(combined.share).toBeCloseTo(0.1, 12);
    expect(combined.criteria.map((c) => [c.criterion, c.weight])).toEqual([['climate', 1]]);
    expect(combined.leftOut.map((c) => [c.criterion, c.reason.en])).toEqual([
      ['minerals', 'not estimated'],
      ['fossil', 'not estimated'],
    ]);
  });

  it('takes water in only in the EF indicator', () => {
    const water = (unit: string) => combineSaving([{ criterion: 'water', unit, saving: 10, total: 100 }]);
    expect(water('L').share).toBeNull();
    expect(water('L').leftOut[0].reason.en).toBe(
      'the estimate gives L, not the EF indicator "Water use" (m3 world eq. deprived): left out',
    );
    expect(water('m3 world eq. deprived').share).toBeCloseTo(0.1, 12);
  });
});

describe('methodology versions', () => {
  it('the current methodology is scoring-2, and scoring-1 can still be asked for', () => {
    expect(METHODOLOGY.version).toBe('scoring-2');
    expect(Object.keys(METHODOLOGIES)).toEqual(['scoring-1', 'scoring-2']);
    const input = { template: TEMPLATE, actions: ACTIONS, answers: ANSWERS, savings: SAVINGS };
    expect(scoreAssessment(input).methodologyVersion).toBe('scoring-2');
    const v1 = scoreAssessment(input, 'scoring-1');
    expect(v1.methodologyVersion).toBe('scoring-1');
    // scoring-1 knew no applicability: the design section is scored on x.check alone (0, level 1) and caps the overall level
    expect(v1.sections.find((s) => s.id === 'design')).toMatchObject({ score: 0, level: 1 });
    expect(v1.priorities.map((p) => p.group)).toContain('quick_win');
  });

  it('states every rule of scoring-2 in French and English, with the figures the code uses', () => {
    for (const rule of METHODOLOGY.rules) {
      expect(rule.text.fr.length).toBeGreaterThan(100);
      expect(rule.text.en.length).toBeGreaterThan(100);
    }
    const en = methodologyText('en');
    expect(en).toContain(`Credibility Z = known weight / (visible weight + 3)`);
    expect(en).toContain('Climate change: 7,553.08 kg CO2e per person and year, weight 0.2106');
    expect(en).toContain('Resource use, minerals and metals: 0.0636226 kg Sb eq per person and year, weight 0.0755');
    expect(en).toContain('Resource use, fossils: 65,004.3 MJ per person and year, weight 0.0832');
    expect(en).toContain('5 → 5%, 4 → 2.5%, 3 → 1.25%, 2 → 0.625%, 1 → 0.313%');
    expect(en).toContain('at most 5 actions, at most 3 levers and 2 foundations');
    expect(en).toContain(`expected benefit of at least 1.25%`);
    expect(methodologyText('fr')).toContain('Sans objet n’est pas zéro');
    expect(assumedShare(3)).toBe(THIS_YEAR_MIN_SHARE);
    expect(credibility(3, 3)).toBe(0.5);
  });
});

describe('the short sentence of the report’s plan', () => {
  it('gives the benefit, the standing, the effort, the priority and the group', () => {
    const r = score();
    expect(priority$(r, 'l-life').whyShort).toEqual({
      fr: 'Levier chiffré\u00a0: ≈\u00a013\u00a0% de votre empreinte (EF)\u00a0; vous êtes à 50/100, effort moyen\u00a0: priorité 5,17 (cette année).',
      en: 'Quantified lever: ≈ 13% of your footprint (EF); you stand at 50/100, medium effort: priority 5.17 (this year).',
    });
    expect(priority$(r, 'l-screens').whyShort!.en).toBe(
      'Lever not quantified: 2.5% assumed (impact 4/5); you stand at 100/100, low effort: priority 0.81 (keep up, gap below 40).',
    );
    expect(priority$(r, 'f-aware').whyShort!.en).toBe('Foundation, impact 3/5; no known answer, low effort: priority 38.88 (to assess).');
  });
});
