/**
 * Loads "committed last year vs done" for two assessments of one organisation: last year's
 * commitments (scoped to the caller's organisation) and this year's carried ones, handed with
 * both years' results to the pure `committedVsDone`. Used by the results, the comparison, the
 * report and the plan; it needs a transaction manager, never a Nest module.
 */
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { Assessment } from '../assessments/assessment.entity.js';
import { tenantScope } from '../common/tenant-scope.js';
import type { Action } from '../questionnaires/template.types.js';
import { PlanCommitment } from './commitment.entity.js';
import { committedVsDone, type CommittedVsDone, type FootprintForProgress } from './progress.js';

export interface YearResults {
  assessment: Pick<Assessment, 'id' | 'year'>;
  actions: ReadonlyArray<{ id: string; maturity: number | null }>;
  footprint: FootprintForProgress | null;
}

/**
 * The plan an assessment is measured against: the one it was started from (copy-forward), else
 * the latest earlier year's. Null the first year.
 */
export async function previousPlanAssessment(
  m: EntityManager,
  organisationId: string,
  current: Pick<Assessment, 'id' | 'year' | 'copyForward'>,
): Promise<Assessment | null> {
  const scope = tenantScope(m, Assessment, organisationId, 'Assessment');
  const from = current.copyForward?.fromAssessmentId;
  if (from && from !== current.id) {
    const source = await scope.findOne({ id: from });
    if (source && source.year < current.year) return source;
  }
  return scope.query('a').andWhere('a.year < :year', { year: current.year }).orderBy('a.year', 'DESC').getOne();
}

/** Null when the earlier assessment has no plan; its results are only computed when it has one. */
export async function loadCommittedVsDone(
  m: EntityManager,
  organisationId: string,
  previousAssessment: Pick<Assessment, 'id' | 'year'>,
  previousResults: () => YearResults | Promise<YearResults>,
  current: YearResults,
  actions: readonly Action[],
): Promise<CommittedVsDone | null> {
  const scope = tenantScope(m, PlanCommitment, organisationId, 'Commitment');
  const last = await scope.find({ assessmentId: previousAssessment.id });
  if (!last.length) return null;
  const previous = await previousResults();
  const carried = await scope.find({ assessmentId: current.assessment.id, carriedFromId: In(last.map((c) => c.id)) });
  const carriedInto = new Map(carried.map((c) => [c.carriedFromId!, c.id]));
  const byId = new Map(actions.map((a) => [a.id, a]));
  return committedVsDone(
    last.map((c) => ({
      id: c.id,
      actionId: c.actionId,
      title: byId.get(c.actionId)?.title ?? { fr: c.actionId, en: c.actionId },
      lever: byId.get(c.actionId)?.lever ?? null,
      status: c.status,
      dropReason: c.dropReason,
      carriedIntoId: carriedInto.get(c.id) ?? null,
    })),
    { assessmentId: previous.assessment.id, year: previous.assessment.year, actions: previous.actions, footprint: previous.footprint },
    { assessmentId: current.assessment.id, year: current.assessment.year, actions: current.actions, footprint: current.footprint },
  );
}
