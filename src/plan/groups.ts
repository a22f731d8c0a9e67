/**
 * How the plan reads the results' priority groups: in ONE place, so that the renaming of the
 * groups by the scoring methodology v2 (at most five "this year" actions, then "next", then
 * "keep up") is a one-line change here.
 */

/** How many actions "adopt the top 5" takes: the first five ranked priorities. */
export const TOP_ACTIONS = 5;

/** The plan group of a priority as the results name it. */
export function planGroupOf(priority: { group: string }): string {
  return priority.group;
}

/** Ranked: the answers say where the organisation stands (not "unknown: answer the questions"). */
export function isRanked(priority: { group: string }): boolean {
  return planGroupOf(priority) !== 'unknown';
}

/** The first `n` ranked priorities, in rank order: what "adopt the top 5" adopts. */
export function topPriorities<P extends { group: string; rank: number }>(priorities: readonly P[], n = TOP_ACTIONS): P[] {
  return [...priorities]
    .filter(isRanked)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, n);
}
