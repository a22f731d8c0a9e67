import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Caller } from '../accounts/caller.js';
import { User } from '../accounts/user.entity.js';
import { Assessment } from '../assessments/assessment.entity.js';
import { AssessmentsService, type LoadedAssessment } from '../assessments/assessments.service.js';
import { DomainError, ErrorCode, type FieldError } from '../common/domain-error.js';
import { tenantScope } from '../common/tenant-scope.js';
import { validationProblem } from '../common/validation.js';
import { QuestionnairesService } from '../questionnaires/questionnaires.service.js';
import type { Action } from '../questionnaires/template.types.js';
import type { FullResults } from '../results/full-results.js';
import { ResultsService, visibleAnswers } from '../results/results.service.js';
import { PlanCommitment, type AdoptedSnapshot } from './commitment.entity.js';
import { daysBetween, defaultTimeZone, dueText, isOverdue, isTimeZone, parseDue, todayIn } from './dates.js';
import { topPriorities } from './groups.js';
import { indicatorBaseline } from './indicators.js';
import type {
  AdoptCommitmentDto,
  CarryOverDto,
  CommitmentDto,
  LastYearPlanDto,
  OverdueCommitmentDto,
  OwnerDto,
  PlanDto,
  PlanHistoryEventDto,
  ReviewFirstDto,
  TimeZoneSettingDto,
  UpdateCommitmentDto,
} from './plan.dto.js';
import { PlanAuditEvent, type PlanAuditAction } from './plan-audit-event.entity.js';
import { previousPlanAssessment } from './plan-progress.loader.js';
import { OPEN_STATUSES, type Baseline, type CommitmentStatus, type Measurement, type Target } from './plan.types.js';

/** What an organisation row says that the plan needs. */
export interface OrganisationInfo {
  id: string;
  name: string;
  country: string | null;
  language: 'fr' | 'en';
  timeZone: string;
  timeZoneSource: 'organisation' | 'country';
}

/** Fields only owners change; editors update the progress of the commitments they own. */
const OWNER_ONLY_FIELDS = ['ownerUserId', 'ownerRole', 'due', 'target'] as const;

const COMMITMENT_COLUMNS = `id, organisation_id, assessment_id, action_id, owner_user_id, owner_role,
  to_char(due_date, 'YYYY-MM-DD') AS due_date, due_kind, status, drop_reason, baseline, target, measurements, checklist,
  notes, adopted, carried_from_id, version, created_by, created_at, updated_by, updated_at, completed_at`;

interface CommitmentRow {
  id: string;
  organisation_id: string;
  assessment_id: string;
  action_id: string;
  owner_user_id: string | null;
  owner_role: string | null;
  due_date: string | null;
  due_kind: 'date' | 'quarter' | null;
  status: CommitmentStatus;
  drop_reason: string | null;
  baseline: Baseline | null;
  target: Target | null;
  measurements: Measurement[];
  checklist: boolean[];
  notes: string | null;
  adopted: AdoptedSnapshot;
  carried_from_id: string | null;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_by: string | null;
  updated_at: Date;
  completed_at: Date | null;
}

function rowToCommitment(r: CommitmentRow): PlanCommitment {
  return Object.assign(new PlanCommitment(), {
    id: r.id,
    organisationId: r.organisation_id,
    assessmentId: r.assessment_id,
    actionId: r.action_id,
    ownerUserId: r.owner_user_id,
    ownerRole: r.owner_role,
    dueDate: r.due_date,
    dueKind: r.due_kind,
    status: r.status,
    dropReason: r.drop_reason,
    baseline: r.baseline,
    target: r.target,
    measurements: r.measurements ?? [],
    checklist: r.checklist ?? [],
    notes: r.notes,
    adopted: r.adopted,
    carriedFromId: r.carried_from_id,
    version: r.version,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
    updatedBy: r.updated_by,
    updatedAt: new Date(r.updated_at),
    completedAt: r.completed_at ? new Date(r.completed_at) : null,
  });
}

/** Runs a statement with RETURNING inside the transaction and gives back the rows, on both databases. */
async function returning<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  if (!m.queryRunner) throw new Error('returning() must run inside a transaction');
  const result = await m.queryRunner.query(sql, params, true);
  return (result.records ?? []) as T[];
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Only owners manage the plan; editors update the commitments they own; viewers read. */
@Injectable()
export class PlanService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly assessments: AssessmentsService,
    private readonly results: ResultsService,
    private readonly questionnaires: QuestionnairesService,
  ) {}

  private commitments(caller: Pick<Caller, 'organisationId'>, m: EntityManager = this.ds.manager) {
    return tenantScope(m, PlanCommitment, caller.organisationId, 'Commitment');
  }

  // ---------------------------------------------------------------- organisation settings

  async organisation(organisationId: string, m: EntityManager = this.ds.manager): Promise<OrganisationInfo> {
    const rows = (await m.query(`SELECT id, name, country, language, time_zone FROM organisations WHERE id = $1`, [
      organisationId,
    ])) as Array<{
      id: string;
      name: string;
      country: string | null;
      language: string;
      time_zone: string | null;
    }>;
    const o = rows[0];
    if (!o) throw DomainError.notFound('Organisation');
    const set = o.time_zone && isTimeZone(o.time_zone) ? o.time_zone : null;
    return {
      id: o.id,
      name: o.name,
      country: o.country,
      language: o.language === 'en' ? 'en' : 'fr',
      timeZone: set ?? defaultTimeZone(o.country),
      timeZoneSource: set ? 'organisation' : 'country',
    };
  }

  async timeZone(caller: Caller): Promise<TimeZoneSettingDto> {
    const o = await this.organisation(caller.organisationId);
    return { timeZone: o.timeZone, source: o.timeZoneSource, country: o.country, today: todayIn(o.timeZone) };
  }

  async setTimeZone(caller: Caller, timeZone: string | null): Promise<TimeZoneSettingDto> {
    if (timeZone !== null && !isTimeZone(timeZone)) {
      throw validationProblem([
        {
          field: 'timeZone',
          rule: 'isTimeZone',
          message: 'timeZone must be an IANA time zone such as Europe/Paris, or null for the country’s',
        },
      ]);
    }
    await this.ds.query(`UPDATE organisations SET time_zone = $1 WHERE id = $2`, [timeZone, caller.organisationId]);
    return this.timeZone(caller);
  }

  // ---------------------------------------------------------------- reading the plan

  /** The plan; `read`: the assessment and its results when the caller already has them (the report), so it is not loaded twice. */
  async plan(caller: Caller, assessmentId: string, read?: { loaded: LoadedAssessment; results: FullResults }): Promise<PlanDto> {
    const loaded = read?.loaded ?? (await this.assessments.load(caller, assessmentId));
    const org = await this.organisation(caller.organisationId);
    const today = todayIn(org.timeZone);
    const rows = await this.commitments(caller).find({ assessmentId });
    const previous = await previousPlanAssessment(this.ds.manager, caller.organisationId, loaded.assessment);
    const lastRows = previous ? await this.commitments(caller).find({ assessmentId: previous.id }) : [];
    const emails = await this.emails(
      caller,
      [...rows, ...lastRows].flatMap((c) => [c.ownerUserId, c.updatedBy]),
    );
    const commitments = this.sortForPlan(rows).map((c) => this.toDto(c, emails, today));
    const results = read?.results ?? this.results.compute(loaded);
    const count = (s: CommitmentStatus) => rows.filter((c) => c.status === s).length;
    return {
      assessment: { id: loaded.assessment.id, year: loaded.assessment.year, status: loaded.assessment.status },
      timeZone: org.timeZone,
      today,
      commitments,
      counts: {
        total: rows.length,
        notStarted: count('not_started'),
        inProgress: count('in_progress'),
        done: count('done'),
        dropped: count('dropped'),
        overdue: commitments.filter((c) => c.overdue).length,
      },
      top: topPriorities(results.priorities).map((p) => p.actionId),
      lastYear: previous && lastRows.length ? this.lastYear(loaded, previous, lastRows, rows, emails) : null,
    };
  }

  private lastYear(
    loaded: LoadedAssessment,
    previous: Assessment,
    lastRows: PlanCommitment[],
    rows: PlanCommitment[],
    emails: Map<string, string>,
  ): LastYearPlanDto {
    const carriedInto = new Map(rows.filter((c) => c.carriedFromId).map((c) => [c.carriedFromId!, c.id]));
    const inPlan = new Set(rows.map((c) => c.actionId));
    const commitments = this.sortForPlan(lastRows).map((c) => ({
      id: c.id,
      actionId: c.actionId,
      title: this.action(c.actionId)?.title ?? { fr: c.actionId, en: c.actionId },
      status: c.status,
      dropReason: c.dropReason,
      owner: this.owner(c, emails),
      due: c.dueDate && c.dueKind ? { kind: c.dueKind, date: c.dueDate, text: dueText(c.dueKind, c.dueDate) } : null,
      carriedIntoId: carriedInto.get(c.id) ?? null,
      canCarry: OPEN_STATUSES.includes(c.status) && !carriedInto.has(c.id) && !inPlan.has(c.actionId),
    }));
    return { assessmentId: previous.id, year: previous.year, commitments, reviewFirst: this.reviewFirst(loaded, lastRows) };
  }

  /** The questions of this year's questionnaire that inform last year's committed actions: to review first. */
  reviewFirst(loaded: LoadedAssessment, lastRows: Array<Pick<PlanCommitment, 'actionId'>>): ReviewFirstDto[] {
    const committed = new Set(lastRows.map((c) => c.actionId));
    const carried = new Set(loaded.answers.filter((a) => a.carriedOver && a.value !== null).map((a) => a.questionId));
    const out: ReviewFirstDto[] = [];
    for (const q of loaded.template.order) {
      if (!loaded.visible.has(q.id)) continue;
      const actionIds = (q.scoring?.actions ?? []).map((a) => a.actionId).filter((id) => committed.has(id));
      if (!actionIds.length) continue;
      out.push({
        questionId: q.id,
        sectionId: loaded.template.questions.get(q.id)!.section.id,
        label: q.label,
        actionIds,
        carriedOver: carried.has(q.id),
      });
    }
    return out;
  }

  /** Questions to review first in an assessment's walk (those informing the previous plan's actions). */
  async reviewFirstFor(caller: Caller, loaded: LoadedAssessment): Promise<{ year: number; questions: ReviewFirstDto[] } | null> {
    const previous = await previousPlanAssessment(this.ds.manager, caller.organisationId, loaded.assessment);
    if (!previous) return null;
    const lastRows = await this.commitments(caller).find({ assessmentId: previous.id });
    if (!lastRows.length) return null;
    return { year: previous.year, questions: this.reviewFirst(loaded, lastRows) };
  }

  async history(caller: Caller, assessmentId: string, limit = 200): Promise<PlanHistoryEventDto[]> {
    await tenantScope(this.ds.manager, Assessment, caller.organisationId, 'Assessment').get({ id: assessmentId });
    const events = await tenantScope(this.ds.manager, PlanAuditEvent, caller.organisationId, 'Event').find(
      { assessmentId },
      { order: { at: 'DESC', version: 'DESC' }, take: limit },
    );
    const emails = await this.emails(
      caller,
      events.filter((e) => !e.actorEmail).map((e) => e.actorId),
    );
    return events.map((e) => ({
      id: e.id,
      commitmentId: e.commitmentId,
      actionId: e.actionId,
      action: e.action,
      changes: e.changes,
      version: e.version,
      actorEmail: e.actorEmail ?? emails.get(e.actorId ?? '') ?? null,
      at: e.at.toISOString(),
    }));
  }

  /** Open commitments whose due day has passed, in the organisation's time zone, most late first. */
  async overdue(caller: Caller): Promise<OverdueCommitmentDto[]> {
    const org = await this.organisation(caller.organisationId);
    const today = todayIn(org.timeZone);
    const rows = await this.commitments(caller)
      .query('c')
      .andWhere('c.status IN (:...open)', { open: OPEN_STATUSES })
      .andWhere('c.dueDate < :today', { today })
      .orderBy('c.dueDate', 'ASC')
      .getMany();
    if (!rows.length) return [];
    const years = new Map(
      (
        await tenantScope(this.ds.manager, Assessment, caller.organisationId, 'Assessment').find({
          id: In([...new Set(rows.map((r) => r.assessmentId))]),
        })
      ).map((a) => [a.id, a.year]),
    );
    const emails = await this.emails(
      caller,
      rows.map((r) => r.ownerUserId),
    );
    return rows
      .filter((c) => isOverdue(c, today))
      .map((c) => ({
        commitmentId: c.id,
        assessmentId: c.assessmentId,
        year: years.get(c.assessmentId) ?? 0,
        actionId: c.actionId,
        title: this.action(c.actionId)?.title ?? { fr: c.actionId, en: c.actionId },
        due: { kind: c.dueKind!, date: c.dueDate!, text: dueText(c.dueKind!, c.dueDate!) },
        daysLate: daysBetween(c.dueDate!, today),
        owner: this.owner(c, emails),
        status: c.status,
      }));
  }

  // ---------------------------------------------------------------- changing the plan

  /** Owners adopt an action of the catalogue into an assessment's plan. */
  async adopt(caller: Caller, assessmentId: string, dto: AdoptCommitmentDto): Promise<CommitmentDto> {
    const loaded = await this.assessments.load(caller, assessmentId);
    const action = this.action(dto.actionId);
    if (!action) {
      throw validationProblem([
        {
          field: 'actionId',
          rule: 'inCatalogue',
          message: `actionId "${dto.actionId}" is not an action of the catalogue (GET /api/v1/actions)`,
        },
      ]);
    }
    const owner = await this.checkOwner(caller, dto.ownerUserId ?? null, dto.ownerRole ?? null);
    const due = dto.due ? parseDue(dto.due) : null;
    const target = toTarget(dto.target);
    const results = this.results.compute(loaded);
    const adopted = adoptedSnapshot(results, action);
    const baseline = indicatorBaseline(action.id, visibleAnswers(loaded));
    const id = await this.ds.transaction(async (m) => {
      const rows = await returning<{ id: string; version: number }>(
        m,
        `INSERT INTO plan_commitments (organisation_id, assessment_id, action_id, owner_user_id, owner_role, due_date, due_kind,
           status, baseline, target, measurements, checklist, adopted, version, created_by, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'not_started', $8::jsonb, $9::jsonb, '[]'::jsonb, $10::jsonb, $11::jsonb, 1, $12, $12, now())
         ON CONFLICT (assessment_id, action_id) DO NOTHING
         RETURNING id, version`,
        [
          caller.organisationId,
          assessmentId,
          action.id,
          owner.userId,
          owner.role,
          due?.date ?? null,
          due?.kind ?? null,
          json(baseline),
          json(target),
          JSON.stringify(action.nextSteps.map(() => false)),
          JSON.stringify(adopted),
          caller.userId,
        ],
      );
      if (!rows.length) throw await this.alreadyAdopted(m, caller, assessmentId, action.id);
      await this.audit(m, caller, assessmentId, rows[0].id, action.id, 'adopted', rows[0].version, {
        status: { from: null, to: 'not_started' },
        ...(owner.userId || owner.role ? { owner: { from: null, to: owner.userId ?? owner.role } } : {}),
        ...(due ? { due: { from: null, to: dueText(due.kind, due.date) } } : {}),
        ...(target ? { target: { from: null, to: target } } : {}),
        ...(baseline ? { baseline: { from: null, to: baseline.value } } : {}),
      });
      return rows[0].id;
    });
    return this.one(caller, assessmentId, id);
  }

  /**
   * Updates a commitment: the write only happens if nobody changed it since `expectedVersion`
   * (UPDATE ... WHERE version = $n), else 409 with the current commitment. Every change is audited.
   */
  async update(caller: Caller, assessmentId: string, commitmentId: string, dto: UpdateCommitmentDto): Promise<CommitmentDto> {
    const id = await this.ds.transaction(async (m) => {
      await tenantScope(m, Assessment, caller.organisationId, 'Assessment').get({ id: assessmentId });
      const current = await this.lock(m, caller, assessmentId, commitmentId);
      if (caller.role === 'editor') this.checkEditor(caller, current, dto);
      if (dto.expectedVersion !== current.version) throw await this.stale(m, caller, current, dto.expectedVersion);
      const action = this.action(current.actionId);
      const next = await this.applyPatch(caller, current, dto, action);
      const changes = diff(current, next);
      if (!Object.keys(changes).length) return current.id;
      const rows = await returning<CommitmentRow>(
        m,
        `UPDATE plan_commitments
            SET status = $1, drop_reason = $2, owner_user_id = $3, owner_role = $4, due_date = $5, due_kind = $6,
                target = $7::jsonb, baseline = $8::jsonb, measurements = $9::jsonb, checklist = $10::jsonb, notes = $11,
                completed_at = $12, version = version + 1, updated_by = $13, updated_at = now()
          WHERE id = $14 AND organisation_id = $15 AND version = $16
          RETURNING ${COMMITMENT_COLUMNS}`,
        [
          next.status,
          next.dropReason,
          next.ownerUserId,
          next.ownerRole,
          next.dueDate,
          next.dueKind,
          json(next.target),
          json(next.baseline),
          JSON.stringify(next.measurements),
          JSON.stringify(next.checklist),
          next.notes,
          next.completedAt,
          caller.userId,
          current.id,
          caller.organisationId,
          current.version,
        ],
      );
      if (!rows.length) throw await this.stale(m, caller, current, dto.expectedVersion);
      const saved = rowToCommitment(rows[0]);
      await this.audit(m, caller, assessmentId, saved.id, saved.actionId, 'updated', saved.version, changes);
      return saved.id;
    });
    return this.one(caller, assessmentId, id);
  }

  /** Owners take an action out of the plan (a mistake); dropping it with a reason keeps it visible instead. */
  async remove(caller: Caller, assessmentId: string, commitmentId: string, expectedVersion?: number): Promise<void> {
    await this.ds.transaction(async (m) => {
      await tenantScope(m, Assessment, caller.organisationId, 'Assessment').get({ id: assessmentId });
      const current = await this.lock(m, caller, assessmentId, commitmentId);
      if (expectedVersion !== undefined && expectedVersion !== current.version) throw await this.stale(m, caller, current, expectedVersion);
      await m.query(`UPDATE plan_commitments SET carried_from_id = NULL WHERE carried_from_id = $1 AND organisation_id = $2`, [
        current.id,
        caller.organisationId,
      ]);
      await this.commitments(caller, m).delete({ id: current.id });
      await this.audit(m, caller, assessmentId, current.id, current.actionId, 'removed', current.version, {
        status: { from: current.status, to: null },
      });
    });
  }

  /** Carries last year's open commitments (or the ones named) into this assessment's plan. */
  async carryOver(caller: Caller, assessmentId: string, dto: CarryOverDto): Promise<PlanDto> {
    const loaded = await this.assessments.load(caller, assessmentId);
    const previous = await previousPlanAssessment(this.ds.manager, caller.organisationId, loaded.assessment);
    if (!previous)
      throw new DomainError(ErrorCode.Conflict, `No earlier assessment: the ${loaded.assessment.year} plan has nothing to carry over`);
    const results = this.results.compute(loaded);
    await this.ds.transaction(async (m) => {
      const last = await this.commitments(caller, m).find({ assessmentId: previous.id });
      const mine = await this.commitments(caller, m).find({ assessmentId });
      const carried = new Set(mine.map((c) => c.carriedFromId).filter(Boolean));
      const inPlan = new Set(mine.map((c) => c.actionId));
      let chosen: PlanCommitment[];
      if (dto.commitmentIds) {
        const errors: FieldError[] = [];
        chosen = [];
        for (const cid of dto.commitmentIds) {
          const c = last.find((x) => x.id === cid);
          if (!c)
            errors.push({ field: 'commitmentIds', rule: 'lastYear', message: `${cid} is not a commitment of the ${previous.year} plan` });
          else chosen.push(c);
        }
        if (errors.length) throw validationProblem(errors);
        const closed = chosen.filter((c) => !OPEN_STATUSES.includes(c.status) || carried.has(c.id) || inPlan.has(c.actionId));
        if (closed.length) {
          throw new DomainError(
            ErrorCode.Conflict,
            `Only open commitments not yet in this plan can be carried over: ${closed.map((c) => `${c.actionId} (${c.status})`).join(', ')}`,
            { commitmentIds: closed.map((c) => c.id) },
          );
        }
      } else {
        chosen = last.filter((c) => OPEN_STATUSES.includes(c.status) && !carried.has(c.id) && !inPlan.has(c.actionId));
      }
      for (const c of chosen) {
        const action = this.action(c.actionId);
        const rows = await returning<{ id: string; version: number }>(
          m,
          `INSERT INTO plan_commitments (organisation_id, assessment_id, action_id, owner_user_id, owner_role, due_date, due_kind,
             status, baseline, target, measurements, checklist, notes, adopted, carried_from_id, version, created_by, updated_by, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12::jsonb, $13, $14::jsonb, $15, 1, $16, $16, now())
           ON CONFLICT (assessment_id, action_id) DO NOTHING
           RETURNING id, version`,
          [
            caller.organisationId,
            assessmentId,
            c.actionId,
            c.ownerUserId,
            c.ownerRole,
            c.dueDate,
            c.dueKind,
            c.status,
            json(c.baseline),
            json(c.target),
            JSON.stringify(c.measurements),
            JSON.stringify(fitChecklist(c.checklist, action)),
            c.notes,
            JSON.stringify(action ? adoptedSnapshot(results, action) : emptySnapshot()),
            c.id,
            caller.userId,
          ],
        );
        if (!rows.length) continue;
        await this.audit(m, caller, assessmentId, rows[0].id, c.actionId, 'carried_over', 1, {
          carriedFrom: { from: null, to: { commitmentId: c.id, year: previous.year, status: c.status } },
        });
      }
    });
    return this.plan(caller, assessmentId);
  }

  // ---------------------------------------------------------------- exports

  /** The plan's commitments with what an export needs. */
  async forExport(caller: Caller, assessmentId: string): Promise<{ plan: PlanDto; organisation: OrganisationInfo }> {
    const plan = await this.plan(caller, assessmentId);
    return { plan, organisation: await this.organisation(caller.organisationId) };
  }

  // ---------------------------------------------------------------- helpers

  action(actionId: string): Action | undefined {
    return this.questionnaires.action(actionId);
  }

  private async one(caller: Caller, assessmentId: string, id: string): Promise<CommitmentDto> {
    const c = await this.commitments(caller).get({ id, assessmentId });
    const org = await this.organisation(caller.organisationId);
    const emails = await this.emails(caller, [c.ownerUserId, c.updatedBy]);
    return this.toDto(c, emails, todayIn(org.timeZone));
  }

  private async lock(m: EntityManager, caller: Caller, assessmentId: string, id: string): Promise<PlanCommitment> {
    const row = await this.commitments(caller, m)
      .query('c')
      .andWhere('c.id = :id AND c.assessmentId = :assessmentId', { id, assessmentId })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw DomainError.notFound('Commitment');
    return row;
  }

  private checkEditor(caller: Caller, current: PlanCommitment, dto: UpdateCommitmentDto): void {
    if (current.ownerUserId !== caller.userId) {
      throw new DomainError(
        ErrorCode.Forbidden,
        'Editors update the commitments they own; an owner of the organisation manages the others',
      );
    }
    const ownerOnly = OWNER_ONLY_FIELDS.filter((f) => dto[f] !== undefined);
    if (ownerOnly.length) {
      throw new DomainError(ErrorCode.Forbidden, `Only owners change a commitment's ${ownerOnly.join(', ')}`, {}, [
        ...ownerOnly.map((f) => ({ field: f, rule: 'ownerOnly', message: `${f} is changed by an owner of the organisation` })),
      ]);
    }
  }

  private async checkOwner(
    caller: Caller,
    userId: string | null,
    role: string | null,
  ): Promise<{ userId: string | null; role: string | null }> {
    if (userId && role) {
      throw validationProblem([
        { field: 'ownerRole', rule: 'oneOwner', message: 'Give either ownerUserId (a member) or ownerRole (a named role), not both' },
      ]);
    }
    if (userId) {
      const member = await tenantScope(this.ds.manager, User, caller.organisationId, 'Member').findOne({ id: userId });
      if (!member) {
        throw validationProblem([{ field: 'ownerUserId', rule: 'isMember', message: 'ownerUserId must be a member of your organisation' }]);
      }
    }
    return { userId, role };
  }

  private async applyPatch(
    caller: Caller,
    current: PlanCommitment,
    dto: UpdateCommitmentDto,
    action: Action | undefined,
  ): Promise<PlanCommitment> {
    const next = Object.assign(new PlanCommitment(), current);
    const errors: FieldError[] = [];
    if (dto.status !== undefined) next.status = dto.status;
    if (next.status === 'dropped') {
      next.dropReason = dto.dropReason ?? (dto.dropReason === null ? null : current.dropReason);
      if (!next.dropReason)
        errors.push({ field: 'dropReason', rule: 'requiredToDrop', message: 'Say why the commitment is dropped (dropReason)' });
    } else {
      if (dto.dropReason)
        errors.push({ field: 'dropReason', rule: 'onlyWhenDropped', message: 'dropReason only goes with status "dropped"' });
      next.dropReason = null;
    }
    if (dto.ownerUserId !== undefined || dto.ownerRole !== undefined) {
      const userId = dto.ownerUserId !== undefined ? dto.ownerUserId : dto.ownerRole ? null : current.ownerUserId;
      const role = dto.ownerRole !== undefined ? dto.ownerRole : dto.ownerUserId ? null : current.ownerRole;
      const owner = await this.checkOwner(caller, userId, role);
      next.ownerUserId = owner.userId;
      next.ownerRole = owner.role;
    }
    if (dto.due !== undefined) {
      const due = dto.due === null ? null : parseDue(dto.due);
      next.dueDate = due?.date ?? null;
      next.dueKind = due?.kind ?? null;
    }
    if (dto.target !== undefined) next.target = toTarget(dto.target);
    if (dto.baseline !== undefined) {
      next.baseline =
        dto.baseline === null
          ? null
          : {
              value: dto.baseline.value,
              unit: { fr: dto.baseline.unit ?? '', en: dto.baseline.unit ?? '' },
              label: action?.indicator ?? { fr: '', en: '' },
              source: 'entered',
              questionIds: [],
            };
    }
    if (dto.measurements !== undefined) {
      next.measurements = [...dto.measurements]
        .map((x) => ({ date: x.date, value: x.value, note: x.note?.trim() ? x.note.trim() : null }))
        .sort((a, b) => a.date.localeCompare(b.date));
    }
    if (dto.checklist !== undefined) {
      const steps = action?.nextSteps.length ?? 0;
      if (dto.checklist.length !== steps) {
        errors.push({
          field: 'checklist',
          rule: 'length',
          message: `checklist must have one true/false per next step of the action (${steps})`,
        });
      }
      next.checklist = dto.checklist;
    }
    if (dto.notes !== undefined) next.notes = dto.notes === null || dto.notes.trim() === '' ? null : dto.notes;
    if (errors.length) throw validationProblem(errors);
    if (next.status === 'done' && current.status !== 'done') next.completedAt = new Date();
    else if (next.status !== 'done') next.completedAt = null;
    return next;
  }

  private async stale(m: EntityManager, caller: Caller, current: PlanCommitment, expected: number): Promise<DomainError> {
    const latest = (await this.commitments(caller, m).findOne({ id: current.id })) ?? current;
    const org = await this.organisation(caller.organisationId, m);
    const emails = await this.emails(caller, [latest.ownerUserId, latest.updatedBy], m);
    return new DomainError(
      ErrorCode.StaleWrite,
      `Commitment ${latest.actionId} changed since version ${expected}: it is now at version ${latest.version}. ` +
        'Review the current commitment, then send your change again with the current version.',
      { commitmentId: latest.id, currentVersion: latest.version, current: this.toDto(latest, emails, todayIn(org.timeZone)) },
    );
  }

  private async alreadyAdopted(m: EntityManager, caller: Caller, assessmentId: string, actionId: string): Promise<DomainError> {
    const existing = await this.commitments(caller, m).findOne({ assessmentId, actionId });
    return new DomainError(ErrorCode.Conflict, `The action ${actionId} is already in this plan`, { commitmentId: existing?.id ?? null }, [
      { field: 'actionId', rule: 'unique', message: `${actionId} is already in this plan` },
    ]);
  }

  private async audit(
    m: EntityManager,
    caller: Caller,
    assessmentId: string,
    commitmentId: string,
    actionId: string,
    action: PlanAuditAction,
    version: number | null,
    changes: Record<string, { from: unknown; to: unknown }>,
  ): Promise<void> {
    await m.getRepository(PlanAuditEvent).insert({
      organisationId: caller.organisationId,
      assessmentId,
      commitmentId,
      actionId,
      action,
      changes: changes as never,
      version,
      actorId: caller.userId || null,
      actorEmail: caller.email || null,
      at: new Date(),
    });
  }

  async emails(
    caller: Pick<Caller, 'organisationId'>,
    ids: Array<string | null>,
    m: EntityManager = this.ds.manager,
  ): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const users = await tenantScope(m, User, caller.organisationId, 'User').find({ id: In(wanted) });
    return new Map(users.map((u) => [u.id, u.email]));
  }

  owner(c: Pick<PlanCommitment, 'ownerUserId' | 'ownerRole'>, emails: Map<string, string>): OwnerDto | null {
    if (c.ownerUserId) {
      const email = emails.get(c.ownerUserId) ?? null;
      return { kind: 'member', userId: c.ownerUserId, email, name: email ?? c.ownerUserId };
    }
    if (c.ownerRole) return { kind: 'role', userId: null, email: null, name: c.ownerRole };
    return null;
  }

  /** By due day (none last), then title. */
  sortForPlan<T extends Pick<PlanCommitment, 'dueDate' | 'actionId'>>(rows: T[]): T[] {
    const title = (id: string) => this.action(id)?.title.en ?? id;
    return [...rows].sort(
      (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || title(a.actionId).localeCompare(title(b.actionId)),
    );
  }

  toDto(c: PlanCommitment, emails: Map<string, string>, today: string): CommitmentDto {
    const action = this.action(c.actionId);
    const steps = action?.nextSteps ?? [];
    const last = c.measurements.length ? c.measurements[c.measurements.length - 1] : null;
    return {
      id: c.id,
      assessmentId: c.assessmentId,
      actionId: c.actionId,
      title: action?.title ?? { fr: c.actionId, en: c.actionId },
      indicator: action?.indicator ?? { fr: '', en: '' },
      lever: action?.lever ?? null,
      owner: this.owner(c, emails),
      due: c.dueDate && c.dueKind ? { kind: c.dueKind, date: c.dueDate, text: dueText(c.dueKind, c.dueDate) } : null,
      overdue: isOverdue(c, today),
      status: c.status,
      dropReason: c.dropReason,
      baseline: c.baseline,
      target: c.target,
      measurements: c.measurements,
      lastMeasurement: last,
      checklist: steps.map((step, i) => ({ step, done: c.checklist[i] === true })),
      notes: c.notes,
      adopted: c.adopted,
      carriedFromId: c.carriedFromId,
      version: c.version,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      updatedByEmail: emails.get(c.updatedBy ?? '') ?? null,
      completedAt: c.completedAt ? c.completedAt.toISOString() : null,
    };
  }
}

function toTarget(dto: { value?: number | null; text?: string | null } | null | undefined): Target | null {
  if (!dto) return null;
  const value = typeof dto.value === 'number' ? dto.value : null;
  const text = dto.text?.trim() ? dto.text.trim() : null;
  return value === null && text === null ? null : { value, text };
}

/** A carried checklist keeps its ticks where the catalogue still has the step. */
function fitChecklist(checklist: boolean[], action: Action | undefined): boolean[] {
  return (action?.nextSteps ?? []).map((_, i) => checklist[i] === true);
}

function emptySnapshot(): AdoptedSnapshot {
  return { rank: null, group: null, priority: null, maturity: null, saving: null, methodologyVersion: null };
}

/** What the results say about the action now: kept with the commitment. */
export function adoptedSnapshot(results: FullResults, action: Action): AdoptedSnapshot {
  const p = results.priorities.find((x) => x.actionId === action.id);
  const lever = action.lever ? results.savings.find((s) => s.lever === action.lever && s.applicable) : undefined;
  const low = lever?.range?.low.climate ?? null;
  const high = lever?.range?.high.climate ?? null;
  const kg = p?.saving?.climateKgCo2ePerYear ?? lever?.climateKgCo2ePerYear ?? null;
  return {
    rank: p?.rank ?? null,
    group: p?.group ?? null,
    priority: p?.priority ?? null,
    maturity: p?.maturity ?? null,
    saving:
      kg === null && !lever
        ? null
        : {
            climateKgCo2ePerYear: kg,
            shareOfClimateTotal: p?.saving?.shareOfClimateTotal ?? lever?.shareOfClimateTotal ?? null,
            range: low !== null && high !== null ? { low, high } : null,
          },
    methodologyVersion: results.methodologyVersion ?? null,
  };
}

/** Field -> {from, to} for every field a patch changed. */
function diff(a: PlanCommitment, b: PlanCommitment): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  const fields: Array<[string, (c: PlanCommitment) => unknown]> = [
    ['status', (c) => c.status],
    ['dropReason', (c) => c.dropReason],
    ['owner', (c) => c.ownerUserId ?? c.ownerRole],
    ['due', (c) => (c.dueDate && c.dueKind ? dueText(c.dueKind, c.dueDate) : null)],
    ['target', (c) => c.target],
    ['baseline', (c) => c.baseline?.value ?? null],
    ['measurements', (c) => c.measurements],
    ['checklist', (c) => c.checklist],
    ['notes', (c) => c.notes],
  ];
  for (const [name, get] of fields) if (!sameJson(get(a), get(b))) out[name] = { from: get(a) ?? null, to: get(b) ?? null };
  return out;
}
