/**
 * The two-page summary: the overall score, level, change since last year and confidence, the
 * footprint on every criterion with its change, the highlights, this year's actions and the next
 * 90 days.
 */
import type { Criterion } from '../../footprint/index.js';
import { FOOTPRINT_CRITERIA, type SummaryActionVm } from '../report.view-model.js';
import { CONFIDENCE_THRESHOLD, type LoaderContext } from './context.js';
import { round1 } from './text.js';

/** The honesty marks the summary reads: how many answers are unconfirmed, carried from which year. */
export interface SummaryHonesty {
  unconfirmed: { count: number; fromYear: number | null };
}

export function summaryPart(ctx: LoaderContext, honesty: SummaryHonesty) {
  const { input, lang, t, fmt, labels, results, planned, thisYear, committed, actionsById, savingOf, ownerOf, dueText } = ctx;
  const { overallScore, overallLevel, previousScore } = ctx;
  const unconfirmedCount = honesty.unconfirmed.count;
  const carriedFrom = honesty.unconfirmed.fromYear;
  const previous = input.previous;
  const fp = results.footprint;
  const previousCriterion = (c: Criterion): number | null => input.previous?.results.footprint.totals[c]?.total ?? null;
  const highlights: string[] = [];
  if (planned[0] && planned[0].group !== 'unknown') highlights.push(t.highlightTop(planned[0].title[lang]));
  const submitted = results.asSubmitted;
  if (submitted?.overall) {
    const score = (x: number | null) => (x === null ? '—' : fmt.score(x));
    highlights.push(
      t.asSubmitted(
        submitted.methodologyVersion,
        score(submitted.overall.submitted.score),
        String(submitted.overall.submitted.level ?? '—'),
        score(submitted.overall.now.score),
        String(submitted.overall.now.level ?? '—'),
        results.methodologyVersion,
      ),
    );
  }
  if (results.overall.cappedBy) {
    const capped = results.sections.find((s) => s.id === results.overall.cappedBy);
    if (capped) highlights.push(t.highlightCap(capped.title[lang]));
  }

  // The next 90 days, from this year's actions and what the figures still lack.
  const summaryActions: SummaryActionVm[] = thisYear.map((p) => {
    const c = committed.get(p.actionId);
    return {
      rank: p.rank,
      actionId: p.actionId,
      title: p.title[lang],
      group: p.group,
      kindLabel: p.kind ? (t.kind[p.kind] ?? '') : '',
      effortLabel: labels.efforts[p.effort],
      saving: savingOf(p.actionId),
      owner: ownerOf(p),
      due: dueText(c?.due ?? null),
      firstStep: actionsById.get(p.actionId)?.nextSteps[0]?.[lang] ?? null,
    };
  });
  const stepOf = (a: SummaryActionVm, i: number): string | null => {
    const step = actionsById.get(a.actionId)?.nextSteps[i]?.[lang];
    return step ? t.step(a.rank, step) : null;
  };
  const uncommitted = summaryActions.filter((a) => !committed.has(a.actionId)).map((a) => a.rank);
  const month1: string[] = [];
  if (unconfirmedCount > 0) month1.push(t.confirmAnswers(unconfirmedCount, carriedFrom));
  if (summaryActions.length) month1.push(uncommitted.length ? t.nameOwners(t.ranks(uncommitted)) : t.kickOff(summaryActions.length));
  const month2: string[] = [];
  const month3: string[] = [];
  // The first steps are on the summary's action lines: the plan says when, by rank.
  const firstRanks = (xs: SummaryActionVm[]) => xs.filter((a) => a.firstStep).map((a) => a.rank);
  if (firstRanks(summaryActions.slice(0, 2)).length) month1.push(t.firstSteps(t.ranks(firstRanks(summaryActions.slice(0, 2)))));
  if (firstRanks(summaryActions.slice(2)).length) month2.push(t.firstSteps(t.ranks(firstRanks(summaryActions.slice(2)))));
  if (summaryActions.length) month2.push(t.baseline);
  if (results.overall.confidence < CONFIDENCE_THRESHOLD) month2.push(t.completeAnswers(fmt.ratio(results.overall.confidence)));
  for (const a of summaryActions.slice(0, 2)) {
    const second = stepOf(a, 1);
    if (second) month3.push(second);
  }
  if (summaryActions.length) month3.push(t.review(summaryActions.length));
  const ninetyDays = [month1, month2, month3].map((items, i) => ({ label: t.days[i], items }));

  return {
    score: overallScore,
    level: overallLevel,
    levelLabel: results.overall.levelLabel?.[lang] ?? '',
    confidence: results.overall.confidence,
    previousYear: previous?.year ?? null,
    previousScore,
    scoreChange: previousScore !== null && results.overall.score !== null ? round1(results.overall.score - previousScore) : null,
    thisYear: summaryActions,
    thisYearGroup: thisYear[0]?.group ?? 'this_year',
    footprint: FOOTPRINT_CRITERIA.map((criterion) => {
      const value = fp.totals[criterion].total;
      const before = previousCriterion(criterion);
      const change = value !== null && before !== null ? value - before : null;
      return {
        criterion,
        value,
        low: fp.totals[criterion].low.total,
        high: fp.totals[criterion].high.total,
        text: fp.display.totals[criterion][lang],
        previousValue: before,
        change,
        changePercent: change !== null && before ? round1((change / before) * 100) : null,
      };
    }),
    perPersonText:
      fp.display.perPerson && fp.display.perPersonLabel
        ? t.perPerson(fp.display.perPerson.climate[lang], fp.display.perPersonLabel[lang])
        : null,
    leavesOut: fp.display.leavesOut[lang],
    highlights,
    ninetyDays,
  };
}
