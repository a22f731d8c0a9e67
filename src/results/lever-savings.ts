/**
 * The one adapter between the footprint module's savings and scoring's input: for each action
 * whose `lever` the footprint quantifies, the yearly saving per criterion next to the
 * organisation's total on that criterion, in the footprint's units. Scoring (scoring-2) decides
 * which criteria it can combine from their units (ef-weighting.ts), so new criteria, new units or
 * new levers of the footprint need no change here. Pure.
 */
import type { FootprintResult, LeverSaving } from '../footprint/index.js';
import type { Action } from '../questionnaires/template.types.js';
import type { ActionSavingInput, SavingCriterionInput } from '../scoring/index.js';

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Savings by action id, for every action of the catalogue whose lever the footprint computed. */
export function savingsByAction(
  actions: readonly Action[],
  savings: readonly LeverSaving[],
  footprint: FootprintResult,
): Record<string, ActionSavingInput> {
  const byAction: Record<string, ActionSavingInput> = {};
  for (const action of actions) {
    if (!action.lever) continue;
    const saving = savings.find((s) => s.lever === action.lever);
    if (!saving) continue;
    if (!saving.applicable) {
      byAction[action.id] = { climateKgCo2ePerYear: null, shareOfClimateTotal: null, notQuantified: saving.reason };
      continue;
    }
    const criteria: SavingCriterionInput[] = Object.entries(footprint.totals).map(([criterion, total]) => ({
      criterion,
      unit: (footprint.units as Record<string, string | undefined>)[criterion] ?? '',
      saving: finite(saving.perCriterion?.[criterion as keyof typeof saving.perCriterion]),
      savingHigh: saving.range ? finite(saving.range.high[criterion as keyof typeof saving.range.high]) : null,
      total: finite(total?.total),
    }));
    byAction[action.id] = {
      climateKgCo2ePerYear: saving.climateKgCo2ePerYear,
      shareOfClimateTotal: saving.shareOfClimateTotal,
      description: saving.description,
      criteria,
    };
  }
  return byAction;
}
