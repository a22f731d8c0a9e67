/**
 * How the plan reads the results' priority groups, in one place. Methodology scoring-2 names at
 * most five "this year" actions (`this_year`), then `next`, `keep_up` and `unknown` (nothing known
 * yet); scoring-1's groups had no "this year".
 */

/** At most how many actions "adopt this year's actions" takes. */
export const TOP_ACTIONS = 5;
const THIS_YEAR = 'this_year';

/** The plan group of a priority as the results name it. */
export function planGroupOf(priority: { group: string }): string {
  return priority.group;
}

/** Ranked: the answers say where the organisation stands (not "unknown: answer the questions"). */
export function isRanked(priority: { group: string }): boolean {
  return planGroupOf(priority) !== 'unknown';
}

/**
 * What "adopt this year's actions" adopts: the "this year" group, in rank order; under a methodology
 * without that group (scoring-1), the first `n` ranked priorities.
 */
export function topPriorities<P extends { group: string; rank: number }>(priorities: readonly P[], n = TOP_ACTIONS): P[] {
  const ranked = [...priorities].filter(isRanked).sort((a, b) => a.rank - b.rank);
  const thisYear = ranked.filter((p) => planGroupOf(p) === THIS_YEAR);
  return (thisYear.length > 0 ? thisYear : ranked).slice(0, n);
}
