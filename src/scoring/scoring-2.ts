/**
 * Scoring, methodology scoring-2: answers -> maturity per action, score per section and overall,
 * the ranked plan of levers and foundations, explanations. Pure: plain data in, plain data out.
 *
 * RULES (in words, French and English, in methodology-2.ts; the same as scoring-1 where not said)
 *
 * 1. Question maturity m: as scoring-1 (question-maturity.ts). "I don't know" and no answer are
 *    unknown: out of every mean, they lower confidence, never a score.
 * 2. What is asked: showIf and applicableIf (visibility.ts). Not applicable (applicability.ts): a
 *    question whose profile condition rules it out or whose own answer is "not applicable"; a section
 *    whose condition rules it out; an action whose condition rules it out or that no applicable
 *    question informs (one hidden only because the answer it depends on is unknown still counts as
 *    possibly applicable: the action is then unknown). Not applicable items are out of every score,
 *    confidence, floor and priority.
 * 3. Action maturity = Σ w·m / Σ w over its applicable, visible, known questions; confidence
 *    C = K / V (known weight / visible weight); credibility Z = K / (V + k), k = 3.
 * 4. Question weight W = Σ over its APPLICABLE actions of (w × impact weight). Section score over its
 *    applicable questions; a not-applicable section has no score. Overall score over every applicable
 *    question (those of a not-applicable section that still apply included). Levels as scoring-1;
 *    floor rule over the applicable sections that have a score.
 * 5. Mean gap ḡ = 100 - overall score (50 when nothing is known). Effective gap g* = Z·g + (1 - Z)·ḡ,
 *    with g = 100 - maturity (g* = ḡ when nothing is known): an action resting on little cannot
 *    jump the ranking on that little.
 * 6. Levers: expected benefit s = the quantified saving as a share of the footprint, criteria
 *    combined with the EF 3.1 normalisation and weights (ef-weighting.ts); when the inventory does
 *    not quantify the lever, s = 5 % × 2^(impact - 5). Priority P = 100·s × g* / 100 × E.
 *    Foundations: P = 100 × I/5 × g* / 100 × E. E = 1, 0.7, 0.45 for low, medium, high effort.
 * 7. Groups: unknown = nothing known; keep_up = gap < 40; this_year = at most 3 levers and 2
 *    foundations (5 in all, a free place going to the next qualifying action of the other kind,
 *    levers first), best priority first, among those with gap >= 40 and impact >= 3 (for a lever,
 *    s >= 1.25 %, the benefit assumed for impact 3); next = the other actions with gap >= 40.
 * 8. Order of the plan: this_year, next, keep_up, unknown; within a group levers then foundations,
 *    each by priority (highest first), then impact weight, then id. kindRank = position among the
 *    actions of the same kind by priority alone.
 * 9. Presented values: as scoring-1; credibility three decimals, effective gap one decimal,
 *    priority two decimals; groups and ranks use the rounded values shown.
 */
import type { Action, ActionKind, I18nText, Question } from '../questionnaires/template.types.js';
import {
  NO_APPLICABLE_QUESTION,
  actionsAskedBy,
  actionNotApplicable,
  conditionRulesOut,
  isKnownAnswer,
  questionIndex,
  questionNotApplicable,
  type NotApplicableReason,
} from './applicability.js';
import { round1, round3 } from './format.js';
import { levelFor, levelLabel, overallResult, ratio } from './levels.js';
import {
  NEUTRAL_MEAN_GAP,
  THIS_YEAR_FOUNDATIONS,
  THIS_YEAR_LEVERS,
  THIS_YEAR_MAX,
  credibility,
  effectiveGap,
  groupClause,
  leverBenefit,
  priorityV2,
  thisYearEligible,
  whyShortV2,
  whyV2,
  ACTION_GAP,
} from './priority-2.js';
import { answerLabel, isScoredQuestion, questionMaturity, scoringLinks } from './question-maturity.js';
import type {
  ActionResult,
  ActionSavingInput,
  AnswerExplanation,
  AssessmentResults,
  ExplanationStatus,
  LeverBenefit,
  MaturityLevel,
  NotApplicableSummary,
  PriorityGroupV2,
  PriorityItem,
  ScoreAssessmentInput,
  SectionResult,
} from './scoring.types.js';
import { answerOf, isAnswered, visibleQuestionIds } from './visibility.js';

export const METHODOLOGY_VERSION_2 = 'scoring-2';

interface Entry {
  questionId: string;
  sectionId: string;
  questionLabel: I18nText;
  answerLabel: I18nText | null;
  maturity: number | null;
  weight: number;
  status: ExplanationStatus;
}

interface Acc {
  knownWeight: number;
  visibleWeight: number;
  weightedSum: number;
  entries: Entry[];
  /** A question informing it is hidden only because the answer it depends on is still unknown. */
  pending: boolean;
}

interface Candidate {
  action: Action;
  kind: ActionKind;
  impact: number;
  known: boolean;
  maturity: number | null;
  gap: number | null;
  effectiveGap: number;
  credibility: number;
  confidence: number;
  priority: number;
  benefit?: LeverBenefit;
  saving?: ActionSavingInput;
  eligible: boolean;
  group: PriorityGroupV2;
}

function impactOf(action: Action): number {
  return Number.isFinite(action.impactWeight) ? Math.max(0, action.impactWeight) : 0;
}

function kindOf(action: Action): ActionKind {
  if (action.kind === 'lever' || action.kind === 'foundation') return action.kind;
  return action.lever ? 'lever' : 'foundation';
}

function byIdAsc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byPriority(a: Candidate, b: Candidate): number {
  return b.priority - a.priority || b.impact - a.impact || byIdAsc(a.action.id, b.action.id);
}

function copyText(t: I18nText): I18nText {
  return { fr: t.fr, en: t.en };
}

function cleanSaving(saving: ActionSavingInput | undefined): ActionSavingInput | undefined {
  if (!saving) return undefined;
  const finite = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v + 0);
  const cleaned: ActionSavingInput = {
    climateKgCo2ePerYear: finite(saving.climateKgCo2ePerYear),
    shareOfClimateTotal: finite(saving.shareOfClimateTotal),
  };
  if (saving.description) cleaned.description = copyText(saving.description);
  if (saving.criteria) cleaned.criteria = saving.criteria.map((c) => ({ ...c }));
  if (saving.notQuantified) cleaned.notQuantified = copyText(saving.notQuantified);
  return cleaned;
}

/** The saving as results show it: the climate figures and the sentence (the criteria combined are in the benefit). */
function publicSaving(saving: ActionSavingInput): ActionSavingInput {
  const { criteria: _criteria, ...rest } = saving;
  return rest;
}

/** Score an assessment with methodology scoring-2: see the rules above. */
export function scoreAssessmentV2(input: ScoreAssessmentInput): AssessmentResults {
  const { template, answers } = input;
  const savings = input.savings ?? {};
  const catalogue = new Map<string, Action>();
  const asked = actionsAskedBy(template);
  for (const action of input.actions) if (asked.has(action.id) && !catalogue.has(action.id)) catalogue.set(action.id, action);

  const questions = questionIndex(template);
  const visible = visibleQuestionIds(template, answers);
  const actionRuledOut = new Map<string, NotApplicableReason | null>();
  for (const [id, action] of catalogue) actionRuledOut.set(id, actionNotApplicable(action, questions, answers));

  const accs = new Map<string, Acc>();
  for (const id of catalogue.keys()) accs.set(id, { knownWeight: 0, visibleWeight: 0, weightedSum: 0, entries: [], pending: false });
  /** Hidden by a showIf whose answer (or an earlier one in the chain) is still unknown: it may yet be asked. */
  const pendingQuestion = (question: Question, depth = 0): boolean => {
    const condition = question.showIf;
    if (!condition || depth > 50) return false;
    const controller = questions.get(condition.questionId);
    if (!controller) return false;
    if (!visible.has(controller.id)) return pendingQuestion(controller, depth + 1);
    return !isKnownAnswer(answerOf(answers, controller.id));
  };

  const notApplicable: NotApplicableSummary = { sections: [], actions: [], questions: [] };
  const sections: SectionResult[] = [];
  const sectionLevels: Array<{ id: string; level: MaturityLevel }> = [];
  let totalKnown = 0;
  let totalVisible = 0;
  let totalSum = 0;

  for (const section of template.sections) {
    const sectionNa = conditionRulesOut(section.applicableIf, questions, answers);
    let knownWeight = 0;
    let visibleWeight = 0;
    let weightedSum = 0;
    let answered = 0;
    let visibleCount = 0;

    for (const question of section.questions) {
      const asked = visible.has(question.id);
      const value = answerOf(answers, question.id);
      if (asked) {
        visibleCount += 1;
        if (isAnswered(value)) answered += 1;
      }
      const questionNa = questionNotApplicable(question, questions, answers);
      if (questionNa)
        notApplicable.questions.push({ id: question.id, sectionId: section.id, label: copyText(question.label), reason: questionNa });
      if (!isScoredQuestion(question)) continue;

      const applies = asked && questionNa === null;
      const maturity = applies ? questionMaturity(question, value) : null;
      let questionWeight = 0;
      for (const [actionId, weight] of linksByAction(question, catalogue)) {
        const action = catalogue.get(actionId)!;
        const acc = accs.get(actionId)!;
        const status: ExplanationStatus = questionNa ? 'not_applicable' : !asked ? 'hidden' : maturity === null ? 'unknown' : 'known';
        acc.entries.push({
          questionId: question.id,
          sectionId: section.id,
          questionLabel: copyText(question.label),
          answerLabel: asked ? answerLabel(question, value) : null,
          maturity,
          weight,
          status,
        });
        if (!applies) {
          if (!asked && questionNa === null && pendingQuestion(question)) acc.pending = true;
          continue;
        }
        acc.visibleWeight += weight;
        if (maturity !== null) {
          acc.knownWeight += weight;
          acc.weightedSum += weight * maturity;
        }
        if (actionRuledOut.get(actionId) === null) questionWeight += weight * impactOf(action);
      }
      if (applies && questionWeight > 0) {
        totalVisible += questionWeight;
        if (sectionNa === null) visibleWeight += questionWeight;
        if (maturity !== null) {
          totalKnown += questionWeight;
          totalSum += questionWeight * maturity;
          if (sectionNa === null) {
            knownWeight += questionWeight;
            weightedSum += questionWeight * maturity;
          }
        }
      }
    }

    const score = sectionNa === null && knownWeight > 0 ? round1(weightedSum / knownWeight) : null;
    const level = levelFor(score);
    if (level !== null) sectionLevels.push({ id: section.id, level });
    const result: SectionResult = {
      id: section.id,
      title: copyText(section.title),
      status: sectionNa ? 'not_applicable' : score === null ? 'unknown' : 'scored',
      score,
      level,
      levelLabel: levelLabel(level),
      confidence: sectionNa ? 0 : ratio(knownWeight, visibleWeight),
      answered,
      visible: visibleCount,
      knownWeight: round3(knownWeight),
      visibleWeight: round3(visibleWeight),
    };
    if (sectionNa) {
      result.notApplicable = sectionNa;
      notApplicable.sections.push({ id: section.id, title: copyText(section.title), reason: sectionNa });
    }
    // A section with no scored question at all (the profile of version 2) is context, not a score.
    if (section.questions.some(isScoredQuestion)) sections.push(result);
  }

  const overall = overallResult(totalSum, totalKnown, totalVisible, sectionLevels);
  const meanGap = overall.score === null ? NEUTRAL_MEAN_GAP : round1(100 - overall.score);

  // Each applicable action's figures.
  const actionResults: ActionResult[] = [];
  const candidates: Candidate[] = [];
  for (const [id, action] of catalogue) {
    const acc = accs.get(id)!;
    const kind = kindOf(action);
    const impact = impactOf(action);
    const saving = cleanSaving(Object.hasOwn(savings, id) ? savings[id] : undefined);
    const ruledOut = actionRuledOut.get(id) ?? null;
    // No applicable question informs it: not applicable, unless one may still be asked once an answer is known.
    const naReason = ruledOut ?? (acc.visibleWeight === 0 && !acc.pending ? NO_APPLICABLE_QUESTION : null);
    const known = naReason === null && acc.knownWeight > 0;
    const maturity = known ? round1(acc.weightedSum / acc.knownWeight) : null;
    const gap = maturity === null ? null : round1(100 - maturity);
    const z = naReason ? 0 : credibility(acc.knownWeight, acc.visibleWeight);
    const gStar = effectiveGap(gap, z, meanGap);
    const benefit = kind === 'lever' && !naReason ? leverBenefit(impact, saving) : undefined;
    const share = benefit?.share ?? 0;
    const priority = naReason ? null : priorityV2(kind, { share, impactWeight: impact, effectiveGap: gStar, effort: action.effort });
    const result: ActionResult = {
      id,
      title: copyText(action.title),
      impactWeight: impact,
      effort: action.effort,
      status: naReason ? 'not_applicable' : known ? 'scored' : 'unknown',
      maturity,
      gap,
      confidence: naReason ? 0 : ratio(acc.knownWeight, acc.visibleWeight),
      priority,
      group: null,
      explanation: acc.entries.map((e) => ({
        questionId: e.questionId,
        sectionId: e.sectionId,
        questionLabel: e.questionLabel,
        answerLabel: e.answerLabel,
        questionMaturity: e.maturity === null ? null : round1(e.maturity),
        weight: e.weight,
        contribution:
          e.status === 'known' && e.maturity !== null && acc.knownWeight > 0 ? round1((e.weight * e.maturity) / acc.knownWeight) : null,
        status: e.status,
      })) satisfies AnswerExplanation[],
      kind,
      credibility: z,
      effectiveGap: naReason ? null : gStar,
    };
    if (saving) result.saving = publicSaving(saving);
    if (naReason) {
      result.notApplicable = naReason;
      notApplicable.actions.push({ id, title: copyText(action.title), kind, reason: naReason });
      actionResults.push(result);
      continue;
    }
    actionResults.push(result);
    candidates.push({
      action,
      kind,
      impact,
      known,
      maturity,
      gap,
      effectiveGap: gStar,
      credibility: z,
      confidence: result.confidence,
      priority: priority!,
      benefit,
      saving,
      eligible: thisYearEligible(kind, { known, gap, impactWeight: impact, share }),
      group: !known ? 'unknown' : gap !== null && gap < ACTION_GAP ? 'keep_up' : 'next',
    });
  }

  // This year: at most 3 levers and 2 foundations, a free place to the other kind (levers first).
  const eligibleLevers = candidates.filter((c) => c.eligible && c.kind === 'lever').sort(byPriority);
  const eligibleFoundations = candidates.filter((c) => c.eligible && c.kind === 'foundation').sort(byPriority);
  const chosen = [...eligibleLevers.slice(0, THIS_YEAR_LEVERS), ...eligibleFoundations.slice(0, THIS_YEAR_FOUNDATIONS)];
  for (const extra of [...eligibleLevers.slice(THIS_YEAR_LEVERS), ...eligibleFoundations.slice(THIS_YEAR_FOUNDATIONS)]) {
    if (chosen.length >= THIS_YEAR_MAX) break;
    chosen.push(extra);
  }
  for (const c of chosen) c.group = 'this_year';

  const kindRanks = new Map<string, number>();
  for (const kind of ['lever', 'foundation'] as const)
    candidates
      .filter((c) => c.kind === kind)
      .sort(byPriority)
      .forEach((c, i) => kindRanks.set(c.action.id, i + 1));

  const GROUP_ORDER: PriorityGroupV2[] = ['this_year', 'next', 'keep_up', 'unknown'];
  const ordered = [...candidates].sort(
    (a, b) =>
      GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) ||
      (a.kind === b.kind ? 0 : a.kind === 'lever' ? -1 : 1) ||
      byPriority(a, b),
  );

  const priorities: PriorityItem[] = ordered.map((c, index) => {
    const result = actionResults.find((r) => r.id === c.action.id)!;
    result.group = c.group;
    const enables = c.kind === 'foundation' ? (c.action.enables ?? []).filter((id) => catalogue.has(id)) : [];
    const whyArgs = {
      kind: c.kind,
      impactWeight: c.impact,
      effort: c.action.effort,
      maturity: c.maturity,
      gap: c.gap,
      effectiveGap: c.effectiveGap,
      credibility: c.credibility,
      confidence: c.confidence,
      meanGap,
      priority: c.priority,
      benefit: c.benefit,
      saving: c.saving,
      group: c.group,
      groupClause: groupClause(c.group, c.kind, {
        eligible: c.eligible,
        maturity: c.maturity,
        impactWeight: c.impact,
        share: c.benefit?.share ?? 0,
      }),
      enables: enables.map((id) => catalogue.get(id)!.title),
    };
    const why = whyV2(whyArgs);
    const whyShort = whyShortV2(whyArgs);
    const item: PriorityItem = {
      rank: index + 1,
      actionId: c.action.id,
      title: copyText(c.action.title),
      priority: c.priority,
      group: c.group,
      gap: c.gap,
      maturity: c.maturity,
      confidence: c.confidence,
      impactWeight: c.impact,
      effectiveImpact: c.impact,
      effort: c.action.effort,
      ownerRole: c.action.ownerRole,
      why,
      whyShort,
      kind: c.kind,
      kindRank: kindRanks.get(c.action.id)!,
      credibility: c.credibility,
      effectiveGap: c.effectiveGap,
    };
    if (c.benefit) item.benefit = c.benefit;
    if (c.saving) item.saving = publicSaving(c.saving);
    if (enables.length) item.enables = enables.map((id) => ({ actionId: id, title: copyText(catalogue.get(id)!.title) }));
    return item;
  });

  return {
    overall,
    sections,
    actions: actionResults,
    priorities,
    methodologyVersion: METHODOLOGY_VERSION_2,
    notApplicable,
    meanGap,
  };
}

/** A question's links merged by action (weights added), keeping only actions of the catalogue. */
function linksByAction(question: Question, catalogue: Map<string, Action>): Map<string, number> {
  const merged = new Map<string, number>();
  for (const link of scoringLinks(question)) {
    if (!catalogue.has(link.actionId)) continue;
    merged.set(link.actionId, (merged.get(link.actionId) ?? 0) + link.weight);
  }
  return merged;
}
