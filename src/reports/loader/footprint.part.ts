/** The footprint annex: every criterion's total with its range, per person, by device, and what is not estimated. */
import { FOOTPRINT_CRITERIA, type FootprintCriterion } from '../report.view-model.js';
import type { LoaderContext } from './context.js';

export function footprintPart(ctx: LoaderContext) {
  const { lang, t, labels, results } = ctx;
  const fp = results.footprint;
  const criterionParts = (parts: { embodied: number | null; use: number | null; total: number | null }) => ({
    embodied: parts.embodied,
    use: parts.use,
    total: parts.total,
  });
  const notEstimated = FOOTPRINT_CRITERIA.flatMap((c) => {
    const byPart = new Map<string, string[]>();
    for (const n of fp.totals[c].notEstimated) {
      const device = fp.devices.find((d) => d.device === n.device)?.label[lang] ?? n.device;
      byPart.set(n.part, [...(byPart.get(n.part) ?? []), device]);
    }
    return [...byPart.entries()].map(([part, devices]) => ({
      subject: `${labels.criteria[c].label}, ${part === 'use' ? labels.use : labels.embodied}: ${devices.join(', ')}`,
      reason: c === 'water' && part === 'use' ? t.noWaterFactor : t.noFigure,
    }));
  });

  return {
    factorsVersion: fp.factorsVersion,
    totalTexts: Object.fromEntries(FOOTPRINT_CRITERIA.map((c) => [c, fp.display.totals[c][lang]])) as Record<FootprintCriterion, string>,
    totalRanges: Object.fromEntries(
      FOOTPRINT_CRITERIA.map((c) => [c, { low: fp.totals[c].low.total, high: fp.totals[c].high.total }]),
    ) as Record<FootprintCriterion, { low: number | null; high: number | null }>,
    perPerson:
      fp.perPerson && fp.display.perPerson && fp.display.perPersonLabel
        ? {
            label: fp.display.perPersonLabel[lang],
            values: Object.fromEntries(FOOTPRINT_CRITERIA.map((c) => [c, fp.perPerson?.values[c] ?? null])) as Record<
              FootprintCriterion,
              { value: number; low: number; high: number } | null
            >,
            texts: Object.fromEntries(
              FOOTPRINT_CRITERIA.map((c) => [c, (fp.display.perPerson as Record<FootprintCriterion, { fr: string; en: string }>)[c][lang]]),
            ) as Record<FootprintCriterion, string>,
          }
        : null,
    leavesOut: fp.display.leavesOut[lang],
    scope: {
      estimated: fp.scope.estimated.map((e) => ({ label: e.label[lang], detail: e.detail[lang] })),
      notEstimated: fp.scope.notEstimated.map((e) => ({ label: e.label[lang], detail: e.detail[lang] })),
    },
    electricityZone: fp.electricity.carbonLabel[lang],
    electricityFactor: fp.electricity.kgCo2ePerKwh,
    usageProfile: fp.assumptions.workingProfile.text[lang],
    devices: fp.devices.map((d) => ({
      deviceType: d.device,
      label: d.label[lang],
      count: d.count,
      lifespanYears: d.lifespanYears,
      lifespanSource: d.lifespanSource === 'answered' ? ('declared' as const) : ('reference' as const),
      refurbishedShare: d.refurbishedShareSource === 'answered' ? d.refurbishedShare : null,
      impacts: Object.fromEntries(FOOTPRINT_CRITERIA.map((c) => [c, criterionParts(d.perCriterion[c])])) as Record<
        FootprintCriterion,
        { embodied: number | null; use: number | null; total: number | null }
      >,
      note: d.notes.length ? d.notes.map((n) => n.text[lang]).join(' ') : null,
    })),
    totals: Object.fromEntries(FOOTPRINT_CRITERIA.map((c) => [c, criterionParts(fp.totals[c])])) as Record<
      FootprintCriterion,
      { embodied: number | null; use: number | null; total: number | null }
    >,
    notEstimated,
  };
}
