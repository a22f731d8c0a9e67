/**
 * "Committed last year vs done", pure: last year's commitments with their final status, and for
 * each done action whether its maturity and its footprint figure moved the way the action
 * should move them, between last year's results and this year's.
 *
 * Verdicts (stated in the README's methodology):
 * - maturity: as_expected when it rose by at least 1 point, opposite when it fell by at least 1,
 *   unchanged in between, unknown when either year has no maturity;
 * - footprint figure (only for the four levers the footprint quantifies; every other action has
 *   no figure of its own): as_expected when it fell by at least 1 %, opposite when it rose by
 *   at least 1 %, unchanged in between, not_estimated when either year has no figure.
 *   Lifespan and refurbished: yearly embodied climate impact per device (kg CO2e per device a
 *   year, so a growing fleet does not hide the gain); fewer screens: yearly climate impact of
 *   monitors and meeting-room screens; switching off: yearly use-phase climate impact per device.
 */
import type { FootprintLever, I18nText } from '../questionnaires/template.types.js';
import type { CommitmentStatus } from './plan.types.js';

export type Verdict = 'as_expected' | 'unchanged' | 'opposite' | 'unknown' | 'not_estimated';

export const MATURITY_THRESHOLD = 1;
export const FOOTPRINT_THRESHOLD_PERCENT = 1;

export interface FootprintPartsLike {
  embodied: number | null;
  use: number | null;
  total: number | null;
}

/** The part of a footprint result the verdicts read (FootprintResult fits as is). */
export interface FootprintForProgress {
  devices: ReadonlyArray<{ device: string; count: number; perCriterion: { climate: FootprintPartsLike } }>;
  totals: { climate: FootprintPartsLike };
}

export interface YearForProgress {
  assessmentId: string;
  year: number;
  actions: ReadonlyArray<{ id: string; maturity: number | null }>;
  footprint: FootprintForProgress | null;
}

export interface CommitmentForProgress {
  id: string;
  actionId: string;
  title: I18nText;
  lever: FootprintLever | null;
  status: CommitmentStatus;
  dropReason: string | null;
  /** The commitment of this year's plan that continues it, if it was carried over. */
  carriedIntoId: string | null;
}

export interface MaturityMove {
  previous: number | null;
  current: number | null;
  delta: number | null;
  verdict: Verdict;
}

export interface FootprintMove {
  figure: 'embodied_climate_per_device' | 'screens_climate' | 'use_climate_per_device';
  label: I18nText;
  unit: string;
  previous: number | null;
  current: number | null;
  delta: number | null;
  deltaPercent: number | null;
  verdict: Verdict;
}

export interface CommitmentProgress {
  commitmentId: string;
  actionId: string;
  title: I18nText;
  status: CommitmentStatus;
  dropReason: string | null;
  carriedIntoId: string | null;
  maturity: MaturityMove;
  /** null: the action has no footprint figure of its own (not one of the four quantified levers). */
  footprint: FootprintMove | null;
}

export interface CommittedVsDone {
  previous: { assessmentId: string; year: number };
  current: { assessmentId: string; year: number };
  counts: { committed: number; done: number; inProgress: number; notStarted: number; dropped: number; carried: number };
  /** Done ones first, then in progress, not started, dropped; by action title within a status. */
  items: CommitmentProgress[];
  /** Among the done ones: how many moved as expected, by maturity and by footprint figure. */
  doneMoved: { maturityAsExpected: number; footprintAsExpected: number; footprintMeasurable: number };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function maturityMove(previous: number | null, current: number | null): MaturityMove {
  if (previous === null || current === null) return { previous, current, delta: null, verdict: 'unknown' };
  const delta = round1(current - previous);
  const verdict: Verdict = delta >= MATURITY_THRESHOLD ? 'as_expected' : delta <= -MATURITY_THRESHOLD ? 'opposite' : 'unchanged';
  return { previous, current, delta, verdict };
}

const FIGURES: Record<FootprintLever, Pick<FootprintMove, 'figure' | 'label' | 'unit'>> = {
  lifespan: {
    figure: 'embodied_climate_per_device',
    label: { fr: 'Fabrication amortie, climat, par appareil et par an', en: 'Embodied climate impact per device a year' },
    unit: 'kg CO2e',
  },
  refurbished: {
    figure: 'embodied_climate_per_device',
    label: { fr: 'Fabrication amortie, climat, par appareil et par an', en: 'Embodied climate impact per device a year' },
    unit: 'kg CO2e',
  },
  fewer_screens: {
    figure: 'screens_climate',
    label: { fr: 'Climat des écrans et écrans de salle, par an', en: 'Climate impact of monitors and meeting-room screens a year' },
    unit: 'kg CO2e',
  },
  switch_off: {
    figure: 'use_climate_per_device',
    label: { fr: 'Usage (électricité), climat, par appareil et par an', en: 'Use-phase climate impact per device a year' },
    unit: 'kg CO2e',
  },
};

/** The figure an action's lever should lower, from one year's footprint; null when not estimated. */
export function footprintFigure(lever: FootprintLever, footprint: FootprintForProgress | null): number | null {
  if (!footprint || footprint.devices.length === 0) return null;
  const devices = footprint.devices.reduce((n, d) => n + d.count, 0);
  switch (lever) {
    case 'lifespan':
    case 'refurbished': {
      const embodied = footprint.totals.climate.embodied;
      return embodied === null || devices <= 0 ? null : embodied / devices;
    }
    case 'switch_off': {
      const use = footprint.totals.climate.use;
      return use === null || devices <= 0 ? null : use / devices;
    }
    case 'fewer_screens': {
      const screens = footprint.devices.filter((d) => d.device === 'monitor' || d.device === 'meeting_screen');
      if (!screens.length) return null;
      let total: number | null = null;
      for (const s of screens) if (s.perCriterion.climate.total !== null) total = (total ?? 0) + s.perCriterion.climate.total;
      return total;
    }
  }
}

export function footprintMove(
  lever: FootprintLever,
  previous: FootprintForProgress | null,
  current: FootprintForProgress | null,
): FootprintMove {
  const before = footprintFigure(lever, previous);
  const after = footprintFigure(lever, current);
  const base = FIGURES[lever];
  if (before === null || after === null) {
    return { ...base, previous: before, current: after, delta: null, deltaPercent: null, verdict: 'not_estimated' };
  }
  const delta = after - before;
  const deltaPercent = before === 0 ? null : round1((delta / before) * 100);
  let verdict: Verdict;
  if (deltaPercent === null) verdict = delta === 0 ? 'unchanged' : delta > 0 ? 'opposite' : 'as_expected';
  else
    verdict =
      deltaPercent <= -FOOTPRINT_THRESHOLD_PERCENT ? 'as_expected' : deltaPercent >= FOOTPRINT_THRESHOLD_PERCENT ? 'opposite' : 'unchanged';
  return { ...base, previous: before, current: after, delta, deltaPercent, verdict };
}

const STATUS_ORDER: Record<CommitmentStatus, number> = { done: 0, in_progress: 1, not_started: 2, dropped: 3 };

export function committedVsDone(
  commitments: readonly CommitmentForProgress[],
  previous: YearForProgress,
  current: YearForProgress,
): CommittedVsDone {
  const maturityOf = (year: YearForProgress, id: string) => year.actions.find((a) => a.id === id)?.maturity ?? null;
  const items = commitments
    .map((c): CommitmentProgress => ({
      commitmentId: c.id,
      actionId: c.actionId,
      title: c.title,
      status: c.status,
      dropReason: c.dropReason,
      carriedIntoId: c.carriedIntoId,
      maturity: maturityMove(maturityOf(previous, c.actionId), maturityOf(current, c.actionId)),
      footprint: c.lever ? footprintMove(c.lever, previous.footprint, current.footprint) : null,
    }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.title.en.localeCompare(b.title.en));
  const countOf = (s: CommitmentStatus) => commitments.filter((c) => c.status === s).length;
  const done = items.filter((i) => i.status === 'done');
  return {
    previous: { assessmentId: previous.assessmentId, year: previous.year },
    current: { assessmentId: current.assessmentId, year: current.year },
    counts: {
      committed: commitments.length,
      done: countOf('done'),
      inProgress: countOf('in_progress'),
      notStarted: countOf('not_started'),
      dropped: countOf('dropped'),
      carried: commitments.filter((c) => c.carriedIntoId !== null).length,
    },
    items,
    doneMoved: {
      maturityAsExpected: done.filter((i) => i.maturity.verdict === 'as_expected').length,
      footprintAsExpected: done.filter((i) => i.footprint?.verdict === 'as_expected').length,
      footprintMeasurable: done.filter((i) => i.footprint && i.footprint.verdict !== 'not_estimated').length,
    },
  };
}
