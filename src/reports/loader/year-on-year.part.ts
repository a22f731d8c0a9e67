/** Year on year (annex): scores, actions and footprint against the previous year, and the trend; null the first year. */
import { FOOTPRINT_CRITERIA, type FootprintCriterion } from '../report.view-model.js';
import type { LoaderContext } from './context.js';
import { STATUS_MAP } from './text.js';

export function yearOnYearPart(ctx: LoaderContext) {
  const { input, lang, t, overallScore, previousScore } = ctx;
  const previous = input.previous;
  const comparison = previous?.comparison;
  return previous && comparison
    ? {
        previousYear: previous.year,
        previousScore,
        currentScore: overallScore,
        sections: comparison.sections.matched.map((s) => ({
          id: s.id,
          title: s.title[lang],
          previous: s.score.previous,
          current: s.score.current,
          delta: s.score.delta,
        })),
        actions: comparison.actions.map((a) => ({
          actionId: a.id,
          title: a.title[lang],
          previousMaturity: a.previousMaturity,
          currentMaturity: a.currentMaturity,
          delta: a.delta,
          status: STATUS_MAP[a.status] ?? 'unmatched',
        })),
        footprint: (comparison.footprint?.criteria ?? [])
          .filter((c): c is typeof c & { criterion: FootprintCriterion } => (FOOTPRINT_CRITERIA as readonly string[]).includes(c.criterion))
          .map((c) => ({
            criterion: c.criterion,
            previous: c.previous,
            current: c.current,
            delta: c.delta,
            deltaPercent: c.deltaPercent,
          })),
        trend: (input.trend?.points ?? []).map((p) => ({
          year: p.year,
          score: p.overall.score,
          climateTotal: p.footprint?.climate ?? null,
        })),
        notes: comparison.sameTemplate
          ? []
          : [
              t.unmatchedQuestions(
                comparison.answers.onlyInPrevious.length + comparison.answers.onlyInCurrent.length,
                comparison.previous.templateVersion,
                comparison.current.templateVersion,
              ),
            ],
      }
    : null;
}
