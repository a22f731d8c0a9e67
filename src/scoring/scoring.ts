/**
 * Scoring: answers -> maturity per action, score per section and overall, priorities,
 * explanations. Pure: plain data in, plain data out, no I/O. Methodology `scoring-1`, kept as it was
 * so that its results stay reproducible; the current methodology is scoring-2 (scoring-2.ts).
 *
 * RULES (the same, in French and English, in METHODOLOGY_1, methodology.ts)
 *
 * 1. Question maturity m (0..100), from the answer of a scored question:
 *    - scale / single_choice: the chosen option's score; an option with a null (or no)
 *      score means "I don't know" -> unknown;
 *    - multi_choice: sum of the selected options' scores, capped at 100; null-score options
 *      are ignored; only null-score options selected -> unknown;
 *    - boolean: scoring.boolean.yes / .no;
 *    - number: scoring.linear, (v - worst) / (best - worst) x 100 clamped to 0..100
 *      (best may be lower than worst);
 *    - text, or no `scoring` (inventory, context): not scored.
 *    Unanswered (absent, empty string, empty selection) or "don't know" -> UNKNOWN, not zero:
 *    unknown answers are left out of every mean, they lower confidence, never the score.
 * 2. Visibility (visibility.ts): a question with showIf is hidden when its referenced question
 *    is hidden or unanswered or the answer does not match. Hidden questions and their
 *    answers are ignored everywhere (neither known nor visible weight).
 * 3. Action maturity = Σ w·m / Σ w over the visible questions informing the action whose m is
 *    known (w = question weight for that action, scoring.actions[].weight).
 *    Confidence = known w / visible w (0..1). No known answer -> maturity null, confidence 0
 *    (status 'unknown'); no visible question -> status 'not_applicable', left out of the plan.
 *    Explanation: per informing question, contribution = w·m / known w (they add up to the maturity).
 * 4. Question weight W = Σ over its actions of (w x action impactWeight).
 *    Section score = Σ W·m / Σ W over its visible known questions; confidence = known W / visible W.
 * 5. Overall score = Σ W·m / Σ W over all visible known questions of the questionnaire
 *    = mean of section scores weighted by each section's KNOWN weight. Confidence = known W /
 *    visible W over the whole questionnaire. With fixed visibility the weights do not depend
 *    on the answers' values, so a better answer can never lower a maturity or a score.
 * 6. Level from the rounded score: [0,20) 1, [20,40) 2, [40,60) 3, [60,80) 4, [80,100] 5.
 * 7. Floor rule: overall level <= (lowest level among sections with a score) + 1; when it
 *    lowers the level, `cappedBy` names that section and `uncappedLevel` keeps the original.
 * 8. Priority: gap = 100 - maturity; effective impact I' = min(5, I + min(2, 10 x s)) with
 *    s = savings[action].shareOfClimateTotal (0..1) when quantified, else I' = I;
 *    priority = 100 x I'/5 x gap/100 x E, E = low 1, medium 0.7, high 0.45 (0..100).
 * 9. Groups: quick_win = gap >= 40 and low effort, or gap >= 60 and medium effort;
 *    structural = any other gap >= 40; keep_up = gap < 40; unknown = no known answer.
 * 10. Ranking: scored actions by priority desc, impactWeight desc, id asc; then unknown
 *    actions by impactWeight desc, id asc.
 * 11. Presented values: scores, maturities, gaps, priorities, contributions rounded to one
 *    decimal; confidence to three decimals. Means use exact values; gap, priority, group and
 *    levels use the rounded values shown.
 */
import type { Action, I18nText, Question } from '../questionnaires/template.types.js';
import { actionsAskedBy } from './applicability.js';
import { round1, round3 } from './format.js';
import { levelFor, levelLabel, overallResult, ratio } from './levels.js';
import { METHODOLOGY_VERSION_1 } from './methodology.js';
import { effectiveImpact, priorityGroup, priorityScore, whyScored, whyUnknown } from './priority.js';
import { answerLabel, isScoredQuestion, questionMaturity, scoringLinks } from './question-maturity.js';
import type {
  ActionResult,
  ActionSavingInput,
  AnswerExplanation,
  AssessmentResults,
  ExplanationStatus,
  MaturityLevel,
  PriorityItem,
  ScoreAssessmentInput,
  SectionResult,
} from './scoring.types.js';
import { answerOf, isAnswered, showIfVisibleQuestionIds } from './visibility.js';

interface ExplanationDraft {
  questionId: string;
  sectionId: string;
  questionLabel: I18nText;
  answerLabel: I18nText | null;
  maturity: number | null;
  weight: number;
  status: ExplanationStatus;
}

interface ActionAccumulator {
  knownWeight: number;
  visibleWeight: number;
  weightedSum: number;
  entries: ExplanationDraft[];
}

function impactOf(action: Action): number {
  return Number.isFinite(action.impactWeight) ? Math.max(0, action.impactWeight) : 0;
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

function cleanSaving(saving: ActionSavingInput | undefined): ActionSavingInput | undefined {
  if (!saving) return undefined;
  const finiteOrNull = (value: number | null | undefined): number | null =>
    value === null || value === undefined || !Number.isFinite(value) ? null : value + 0; // + 0 turns -0 into 0
  const cleaned: ActionSavingInput = {
    climateKgCo2ePerYear: finiteOrNull(saving.climateKgCo2ePerYear),
    shareOfClimateTotal: finiteOrNull(saving.shareOfClimateTotal),
  };
  if (saving.description) cleaned.description = { fr: saving.description.fr, en: saving.description.en };
  return cleaned;
}

function byIdAsc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Score an assessment: see the rules above. */
export function scoreAssessmentV1(input: ScoreAssessmentInput): AssessmentResults {
  const { template, answers } = input;
  const savings = input.savings ?? {};

  // The catalogue, first occurrence of an id wins.
  const catalogue = new Map<string, Action>();
  const asked = actionsAskedBy(template);
  for (const action of input.actions) if (asked.has(action.id) && !catalogue.has(action.id)) catalogue.set(action.id, action);

  const visible = showIfVisibleQuestionIds(template, answers);
  const accumulators = new Map<string, ActionAccumulator>();
  for (const id of catalogue.keys()) accumulators.set(id, { knownWeight: 0, visibleWeight: 0, weightedSum: 0, entries: [] });

  const sections: SectionResult[] = [];
  const sectionLevels: Array<{ id: string; level: MaturityLevel }> = [];
  let totalKnown = 0;
  let totalVisible = 0;
  let totalSum = 0;

  for (const section of template.sections) {
    let knownWeight = 0;
    let visibleWeight = 0;
    let weightedSum = 0;
    let answered = 0;
    let visibleCount = 0;

    for (const question of section.questions) {
      const shown = visible.has(question.id);
      const value = answerOf(answers, question.id);
      if (shown) {
        visibleCount += 1;
        if (isAnswered(value)) answered += 1;
      }
      if (!isScoredQuestion(question)) continue;

      const maturity = shown ? questionMaturity(question, value) : null;
      const links = linksByAction(question, catalogue);
      let questionWeight = 0;
      for (const [actionId, weight] of links) {
        questionWeight += weight * impactOf(catalogue.get(actionId)!);
        const acc = accumulators.get(actionId)!;
        const status: ExplanationStatus = !shown ? 'hidden' : maturity === null ? 'unknown' : 'known';
        acc.entries.push({
          questionId: question.id,
          sectionId: section.id,
          questionLabel: { fr: question.label.fr, en: question.label.en },
          answerLabel: shown ? answerLabel(question, value) : null,
          maturity,
          weight,
          status,
        });
        if (shown) {
          acc.visibleWeight += weight;
          if (maturity !== null) {
            acc.knownWeight += weight;
            acc.weightedSum += weight * maturity;
          }
        }
      }
      if (shown && questionWeight > 0) {
        visibleWeight += questionWeight;
        if (maturity !== null) {
          knownWeight += questionWeight;
          weightedSum += questionWeight * maturity;
        }
      }
    }

    const score = knownWeight > 0 ? round1(weightedSum / knownWeight) : null;
    const level = levelFor(score);
    if (level !== null) sectionLevels.push({ id: section.id, level });
    // A section with no scored question at all (the profile of version 2) is context, not a score.
    if (section.questions.some(isScoredQuestion))
      sections.push({
        id: section.id,
        title: { fr: section.title.fr, en: section.title.en },
        score,
        level,
        levelLabel: levelLabel(level),
        confidence: ratio(knownWeight, visibleWeight),
        answered,
        visible: visibleCount,
        knownWeight: round3(knownWeight),
        visibleWeight: round3(visibleWeight),
      });
    totalKnown += knownWeight;
    totalVisible += visibleWeight;
    totalSum += weightedSum;
  }

  const overall = overallResult(totalSum, totalKnown, totalVisible, sectionLevels);

  const actionResults: ActionResult[] = [];
  const scored: PriorityItem[] = [];
  const unknown: PriorityItem[] = [];
  for (const [id, action] of catalogue) {
    const acc = accumulators.get(id)!;
    const saving = cleanSaving(Object.hasOwn(savings, id) ? savings[id] : undefined);
    const impact = impactOf(action);
    const effective = effectiveImpact(impact, saving);
    const confidence = ratio(acc.knownWeight, acc.visibleWeight);
    const maturity = acc.knownWeight > 0 ? round1(acc.weightedSum / acc.knownWeight) : null;
    const status = acc.visibleWeight === 0 ? 'not_applicable' : maturity === null ? 'unknown' : 'scored';
    const gap = maturity === null ? null : round1(100 - maturity);
    const priority = gap === null ? null : priorityScore(effective, gap, action.effort);
    const group = status === 'not_applicable' ? null : gap === null ? 'unknown' : priorityGroup(gap, action.effort);
    const title = { fr: action.title.fr, en: action.title.en };

    const explanation: AnswerExplanation[] = acc.entries.map((entry) => ({
      questionId: entry.questionId,
      sectionId: entry.sectionId,
      questionLabel: entry.questionLabel,
      answerLabel: entry.answerLabel,
      questionMaturity: entry.maturity === null ? null : round1(entry.maturity),
      weight: entry.weight,
      contribution:
        entry.status === 'known' && entry.maturity !== null && acc.knownWeight > 0
          ? round1((entry.weight * entry.maturity) / acc.knownWeight)
          : null,
      status: entry.status,
    }));

    const result: ActionResult = {
      id,
      title,
      impactWeight: impact,
      effort: action.effort,
      status,
      maturity,
      gap,
      confidence,
      priority,
      group,
      explanation,
    };
    if (saving) result.saving = saving;
    actionResults.push(result);

    if (group === null) continue;
    const item: PriorityItem = {
      rank: 0,
      actionId: id,
      title: { ...title },
      priority,
      group,
      gap,
      maturity,
      confidence,
      impactWeight: impact,
      effectiveImpact: effective,
      effort: action.effort,
      ownerRole: action.ownerRole,
      why:
        group === 'unknown' || maturity === null
          ? whyUnknown({ impactWeight: impact, effectiveImpact: effective, saving })
          : whyScored({ impactWeight: impact, effectiveImpact: effective, maturity, effort: action.effort, group, confidence, saving }),
    };
    if (saving) item.saving = saving;
    (group === 'unknown' ? unknown : scored).push(item);
  }

  scored.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || b.impactWeight - a.impactWeight || byIdAsc(a.actionId, b.actionId));
  unknown.sort((a, b) => b.impactWeight - a.impactWeight || byIdAsc(a.actionId, b.actionId));
  const priorities = [...scored, ...unknown].map((item, index) => ({ ...item, rank: index + 1 }));

  return { overall, sections, actions: actionResults, priorities, methodologyVersion: METHODOLOGY_VERSION_1 };
}
