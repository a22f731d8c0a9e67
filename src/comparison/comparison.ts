/**
 * Year on year: two assessments' results -> deltas; several -> trend. Pure, no I/O.
 *
 * Rules:
 * - Both years are computed with one scoring methodology, named in the result (methodologyVersion).
 * - Sections and actions are matched by their stable ids, questions by their stable ids,
 *   so two template versions compare; what cannot be matched is listed as such.
 * - Score and maturity deltas = current - previous, on the presented (one-decimal) values,
 *   rounded to one decimal. Status: improved when delta >= +1 point, regressed when
 *   delta <= -1, unchanged when |delta| < 1, unknown when either side is null.
 * - Actions: present in an assessment when applicable there (a visible question informs it).
 *   Present only in the current one: 'new'; only in the previous one: 'no_longer_asked';
 *   in neither: left out.
 * - Footprint: delta per criterion and per device type = current - previous total; null when
 *   either side is not estimated (no footprint, no such device, or a null figure).
 * - Answers: questions only in the previous / only in the current template version are
 *   listed; for questions in both, changed answers are listed (multi_choice as sets).
 * Comparing an assessment with itself gives every delta 0 (or null where a figure is
 * unknown), every status 'unchanged' (or 'unknown' where a figure is unknown), no change.
 */
import type { AnswerValue } from '../questionnaires/template.types.js';
import type { ActionResult, AssessmentResults, PriorityItem } from '../scoring/scoring.types.js';
import type {
  ActionChangeStatus,
  ActionComparison,
  AnswerChange,
  AnswerChangeDetail,
  AnswerChangesInSection,
  AnswersComparison,
  AssessmentRef,
  ChangeStatus,
  ComparableAssessment,
  Comparison,
  ConfidenceDelta,
  FootprintComparison,
  FootprintCriterionDelta,
  FootprintLike,
  LevelDelta,
  ScoreDelta,
  Trend,
  TrendPoint,
  TrendSectionPoint,
} from './comparison.types.js';
import { attributeFootprintChange } from './footprint-attribution.js';

/** |delta| below one point counts as unchanged. */
export const UNCHANGED_THRESHOLD = 1;

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
  return rounded === 0 ? 0 : rounded;
}

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function statusOf(delta: number | null): ChangeStatus {
  if (delta === null) return 'unknown';
  if (delta >= UNCHANGED_THRESHOLD) return 'improved';
  if (delta <= -UNCHANGED_THRESHOLD) return 'regressed';
  return 'unchanged';
}

export function scoreDelta(previous: number | null | undefined, current: number | null | undefined): ScoreDelta {
  const p = finiteOrNull(previous);
  const c = finiteOrNull(current);
  const delta = p === null || c === null ? null : roundTo(c - p, 1);
  return { previous: p, current: c, delta, status: statusOf(delta) };
}

function levelDelta(previous: LevelDelta['previous'], current: LevelDelta['current']): LevelDelta {
  return { previous, current, delta: previous === null || current === null ? null : current - previous };
}

function confidenceDelta(previous: number, current: number): ConfidenceDelta {
  return { previous, current, delta: roundTo(current - previous, 3) };
}

function refOf(item: ComparableAssessment): AssessmentRef {
  return {
    assessmentId: item.assessmentId,
    year: item.year,
    templateId: item.templateId,
    templateVersion: item.templateVersion,
  };
}

function isPresent(action: ActionResult | undefined): action is ActionResult {
  return action !== undefined && action.status !== 'not_applicable';
}

function compareActions(previous: AssessmentResults, current: AssessmentResults): ActionComparison[] {
  const before = new Map(previous.actions.map((a) => [a.id, a]));
  const after = new Map(current.actions.map((a) => [a.id, a]));
  const rankBefore = new Map<string, PriorityItem>(previous.priorities.map((p) => [p.actionId, p]));
  const rankAfter = new Map<string, PriorityItem>(current.priorities.map((p) => [p.actionId, p]));
  const ids = [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];

  const result: ActionComparison[] = [];
  for (const id of ids) {
    const p = before.get(id);
    const c = after.get(id);
    const inPrevious = isPresent(p);
    const inCurrent = isPresent(c);
    if (!inPrevious && !inCurrent) continue;
    const maturityDelta =
      inPrevious && inCurrent && p.maturity !== null && c.maturity !== null ? roundTo(c.maturity - p.maturity, 1) : null;
    let status: ActionChangeStatus;
    if (!inPrevious) status = 'new';
    else if (!inCurrent) status = 'no_longer_asked';
    else status = statusOf(maturityDelta);
    const title = (c ?? p)!.title;
    result.push({
      id,
      title: { fr: title.fr, en: title.en },
      status,
      previousMaturity: inPrevious ? p.maturity : null,
      currentMaturity: inCurrent ? c.maturity : null,
      delta: maturityDelta,
      previousPriority: inPrevious ? p.priority : null,
      currentPriority: inCurrent ? c.priority : null,
      previousRank: rankBefore.get(id)?.rank ?? null,
      currentRank: rankAfter.get(id)?.rank ?? null,
      previousGroup: inPrevious ? p.group : null,
      currentGroup: inCurrent ? c.group : null,
    });
  }
  return result;
}

/** Entries of `devices`, whichever of the two accepted shapes it has. */
function deviceEntries(footprint: FootprintLike | null | undefined): Map<string, FootprintLike['totals']> {
  const entries = new Map<string, FootprintLike['totals']>();
  const devices = footprint?.devices;
  if (!devices) return entries;
  if (Array.isArray(devices)) {
    for (const device of devices as ReadonlyArray<{ device: string; perCriterion?: FootprintLike['totals'] }>) {
      if (device && typeof device.device === 'string' && !entries.has(device.device)) {
        entries.set(device.device, device.perCriterion);
      }
    }
  } else {
    for (const [type, device] of Object.entries(devices as Record<string, { perCriterion?: FootprintLike['totals'] } | null>)) {
      entries.set(type, device?.perCriterion);
    }
  }
  return entries;
}

function totalOf(record: FootprintLike['totals'], criterion: string): number | null {
  if (!record || !Object.hasOwn(record, criterion)) return null;
  return finiteOrNull(record[criterion]?.total);
}

function union(...lists: string[][]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const list of lists) {
    for (const item of list) {
      if (!seen.has(item)) {
        seen.add(item);
        result.push(item);
      }
    }
  }
  return result;
}

function criterionDelta(criterion: string, previous: number | null, current: number | null): FootprintCriterionDelta {
  const delta = previous === null || current === null ? null : current - previous;
  const deltaPercent = delta === null || previous === null || previous === 0 ? null : roundTo((delta / previous) * 100, 1);
  return { criterion, previous, current, delta: delta === 0 ? 0 : delta, deltaPercent };
}

export function compareFootprints(
  previous: FootprintLike | null | undefined,
  current: FootprintLike | null | undefined,
): FootprintComparison | null {
  if (!previous && !current) return null;
  const criteria = union(Object.keys(previous?.totals ?? {}), Object.keys(current?.totals ?? {}));
  const devicesBefore = deviceEntries(previous);
  const devicesAfter = deviceEntries(current);
  const deviceTypes = union([...devicesBefore.keys()], [...devicesAfter.keys()]);
  const versions = [previous?.factorsVersion ?? null, current?.factorsVersion ?? null];
  const mixed = versions[0] !== null && versions[1] !== null && versions[0] !== versions[1];
  const version = mixed ? null : (versions[0] ?? versions[1]);
  // Figures from two sets of factors are not comparable: no delta then.
  const unitOf = (criterion: string) => current?.units?.[criterion] ?? previous?.units?.[criterion];
  const delta = (criterion: string, before: number | null, after: number | null): FootprintCriterionDelta => {
    const unit = unitOf(criterion);
    const d = mixed
      ? { ...criterionDelta(criterion, before, after), delta: null, deltaPercent: null }
      : criterionDelta(criterion, before, after);
    return unit ? { ...d, unit } : d;
  };
  const note = mixed
    ? {
        fr: `Empreintes calculées avec deux versions des facteurs (${versions[0]} et ${versions[1]}) : pas d'écart calculé.`,
        en: `Footprints computed with two versions of the factors (${versions[0]} and ${versions[1]}): no change computed.`,
      }
    : version === null
      ? { fr: 'Version des facteurs non indiquée.', en: 'Factors version not stated.' }
      : {
          fr: `Les deux années sont calculées avec la version ${version} des facteurs d'empreinte.`,
          en: `Both years are computed with version ${version} of the footprint factors.`,
        };
  return {
    factorsVersion: version,
    sameFactors: !mixed && versions[0] !== null && versions[1] !== null,
    note,
    criteria: criteria.map((c) => delta(c, totalOf(previous?.totals, c), totalOf(current?.totals, c))),
    devices: deviceTypes.map((device) => {
      const before = devicesBefore.get(device);
      const after = devicesAfter.get(device);
      const deviceCriteria = union(Object.keys(before ?? {}), Object.keys(after ?? {}));
      return {
        device,
        criteria: deviceCriteria.map((c) => delta(c, totalOf(before, c), totalOf(after, c))),
      };
    }),
  };
}

/** A stored value normalised for comparison: null when unanswered, multi_choice sorted. */
function normalise(value: AnswerValue | null | undefined): AnswerValue | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim().length > 0 ? value : null;
  if (Array.isArray(value)) return value.length > 0 ? [...new Set(value)].sort() : null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}

function sameAnswer(a: AnswerValue | null, b: AnswerValue | null): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

function answerOf(answers: Record<string, AnswerValue>, id: string): AnswerValue | undefined {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

export function compareAnswers(previous: ComparableAssessment, current: ComparableAssessment): AnswersComparison {
  const before = new Set(previous.questionIds);
  const after = new Set(current.questionIds);
  const changed: AnswerChange[] = [];
  let unchanged = 0;
  for (const id of union(current.questionIds)) {
    if (!before.has(id)) continue;
    const p = normalise(answerOf(previous.answers, id));
    const c = normalise(answerOf(current.answers, id));
    if (sameAnswer(p, c)) {
      unchanged += 1;
      continue;
    }
    const raw = (v: AnswerValue | undefined) => (normalise(v) === null ? null : Array.isArray(v) ? [...v] : v!);
    changed.push({
      questionId: id,
      previous: raw(answerOf(previous.answers, id)),
      current: raw(answerOf(current.answers, id)),
      kind: p === null ? 'answered' : c === null ? 'cleared' : 'modified',
    });
  }
  return {
    onlyInPrevious: union(previous.questionIds).filter((id) => !after.has(id)),
    onlyInCurrent: union(current.questionIds).filter((id) => !before.has(id)),
    changed,
    unchanged,
    bySection: changesBySection(changed, previous, current),
  };
}

/** The changed answers in words, grouped by the current questionnaire's sections, in its order. */
function changesBySection(
  changed: AnswerChange[],
  previous: ComparableAssessment,
  current: ComparableAssessment,
): AnswerChangesInSection[] {
  const after = current.answerDetails;
  if (!after) return [];
  const before = previous.answerDetails ?? {};
  const located = changed
    .map((change) => ({ change, now: Object.hasOwn(after, change.questionId) ? after[change.questionId] : undefined }))
    .filter((x): x is { change: AnswerChange; now: NonNullable<typeof x.now> } => x.now !== undefined)
    .sort((x, y) => x.now.index - y.now.index);
  const sections: AnswerChangesInSection[] = [];
  for (const { change, now } of located) {
    const then = Object.hasOwn(before, change.questionId) ? before[change.questionId] : undefined;
    const detail: AnswerChangeDetail = {
      ...change,
      question: { fr: now.question.fr, en: now.question.en },
      previousLabel: change.previous === null ? null : (then?.valueLabel ?? null),
      currentLabel: change.current === null ? null : now.valueLabel,
      by: change.kind === 'cleared' ? (then?.answeredBy ?? null) : now.answeredBy,
      at: change.kind === 'cleared' ? (then?.updatedAt ?? null) : now.updatedAt,
    };
    let section = sections.at(-1);
    if (section?.sectionId !== now.sectionId) {
      section = { sectionId: now.sectionId, title: { fr: now.sectionTitle.fr, en: now.sectionTitle.en }, changes: [] };
      sections.push(section);
    }
    section.changes.push(detail);
  }
  return sections;
}

/** Deltas from `previous` to `current` (see the rules above). */
export function compareResults(previous: ComparableAssessment, current: ComparableAssessment): Comparison {
  const p = previous.results;
  const c = current.results;
  if (p.methodologyVersion !== c.methodologyVersion) {
    throw new Error(`Two years are compared under one methodology, got ${p.methodologyVersion} and ${c.methodologyVersion}`);
  }

  const sectionsBefore = new Map(p.sections.map((s) => [s.id, s]));
  const sectionsAfter = new Set(c.sections.map((s) => s.id));
  const matched = c.sections
    .filter((s) => sectionsBefore.has(s.id))
    .map((s) => {
      const old = sectionsBefore.get(s.id)!;
      return {
        id: s.id,
        title: { fr: s.title.fr, en: s.title.en },
        score: scoreDelta(old.score, s.score),
        level: levelDelta(old.level, s.level),
        confidence: confidenceDelta(old.confidence, s.confidence),
      };
    });
  const unmatched = (s: AssessmentResults['sections'][number]) => ({
    id: s.id,
    title: { fr: s.title.fr, en: s.title.en },
    score: s.score,
  });

  const actions = compareActions(p, c);
  const actionCounts: Record<ActionChangeStatus, number> = {
    improved: 0,
    regressed: 0,
    unchanged: 0,
    unknown: 0,
    new: 0,
    no_longer_asked: 0,
  };
  for (const action of actions) actionCounts[action.status] += 1;

  return {
    previous: refOf(previous),
    current: refOf(current),
    sameTemplate: previous.templateId === current.templateId && previous.templateVersion === current.templateVersion,
    methodologyVersion: c.methodologyVersion,
    unchangedThreshold: UNCHANGED_THRESHOLD,
    overall: {
      score: scoreDelta(p.overall.score, c.overall.score),
      level: levelDelta(p.overall.level, c.overall.level),
      confidence: confidenceDelta(p.overall.confidence, c.overall.confidence),
    },
    sections: {
      matched,
      onlyInPrevious: p.sections.filter((s) => !sectionsAfter.has(s.id)).map(unmatched),
      onlyInCurrent: c.sections.filter((s) => !sectionsBefore.has(s.id)).map(unmatched),
    },
    actions,
    actionCounts,
    footprint: compareFootprints(previous.footprint, current.footprint),
    footprintAttribution:
      previous.footprintInputs && current.footprintInputs
        ? attributeFootprintChange(previous.footprintInputs, current.footprintInputs)
        : null,
    answers: compareAnswers(previous, current),
  };
}

/** Scores, levels, confidence and footprint totals over the years, oldest first. */
export function trend(items: ComparableAssessment[]): Trend {
  const methodologies = new Set(items.map((i) => i.results.methodologyVersion));
  if (methodologies.size > 1) throw new Error(`A trend is computed under one methodology, got ${[...methodologies].join(', ')}`);
  const ordered = [...items].sort(
    (a, b) => a.year - b.year || (a.assessmentId < b.assessmentId ? -1 : a.assessmentId > b.assessmentId ? 1 : 0),
  );
  const sectionTitles = new Map<string, { fr: string; en: string }>();
  const criteria: string[] = [];
  const seenCriteria = new Set<string>();
  const points: TrendPoint[] = [];

  for (const item of ordered) {
    const sections: Record<string, TrendSectionPoint> = {};
    for (const s of item.results.sections) {
      sections[s.id] = { score: s.score, level: s.level, confidence: s.confidence };
      sectionTitles.set(s.id, { fr: s.title.fr, en: s.title.en });
    }
    let footprint: Record<string, number | null> | null = null;
    if (item.footprint) {
      footprint = {};
      for (const criterion of Object.keys(item.footprint.totals ?? {})) {
        footprint[criterion] = totalOf(item.footprint.totals, criterion);
        if (!seenCriteria.has(criterion)) {
          seenCriteria.add(criterion);
          criteria.push(criterion);
        }
      }
    }
    const before = points.at(-1)?.overall.score ?? null;
    const score = item.results.overall.score;
    points.push({
      ...refOf(item),
      overall: {
        score,
        level: item.results.overall.level,
        confidence: item.results.overall.confidence,
        delta: before === null || score === null ? null : roundTo(score - before, 1),
      },
      sections,
      footprint,
      footprintFactorsVersion: item.footprint ? (item.footprint.factorsVersion ?? null) : null,
    });
  }
  const versions = new Set(points.filter((p) => p.footprint !== null).map((p) => p.footprintFactorsVersion));
  return {
    methodologyVersion: items[0]?.results.methodologyVersion ?? null,
    points,
    sections: [...sectionTitles].map(([id, title]) => ({ id, title })),
    criteria,
    footprintFactorsVersion: versions.size === 1 ? ([...versions][0] ?? null) : null,
  };
}
