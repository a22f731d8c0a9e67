import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '../accounts/accounts.service.js';
import type { Caller } from '../accounts/caller.js';
import { User } from '../accounts/user.entity.js';
import { Assessment } from '../assessments/assessment.entity.js';
import { AssessmentsService, type LoadedAssessment } from '../assessments/assessments.service.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { tenantScope } from '../common/tenant-scope.js';
import { validationProblem } from '../common/validation.js';
import type { AssignmentEventDto, AssignmentListDto, SectionAssignmentDto } from './assignments.dto.js';
import { SectionAssignment, SectionAssignmentEvent, type AssignmentAction } from './section-assignment.entity.js';

/**
 * Sections assigned to colleagues. Owners assign and clear; every member reads. The assignee must be
 * a member of the caller's organisation (else a 400 naming `userId`); another organisation's
 * assessment is not found (404). Every change is kept in `section_assignment_events`.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly assessments: AssessmentsService,
  ) {}

  private rows(caller: Caller, m: EntityManager = this.ds.manager) {
    return tenantScope(m, SectionAssignment, caller.organisationId, 'Assignment');
  }

  /** The assessment's assignments, in the order of its sections. */
  async list(caller: Caller, assessmentId: string): Promise<AssignmentListDto> {
    return this.listOf(caller, await this.assessments.load(caller, assessmentId));
  }

  /** The same, for an assessment the request has already loaded (the walk page reads it once). */
  async listOf(caller: Caller, loaded: LoadedAssessment): Promise<AssignmentListDto> {
    const assessmentId = loaded.assessment.id;
    const rows = await this.rows(caller).find({ assessmentId });
    return { assignments: await this.toDtos(caller, rows, new Map([[assessmentId, loaded]])) };
  }

  /** Assigns one section to a member, replacing whoever held it. */
  async assign(caller: Caller, assessmentId: string, sectionId: string, userId: string): Promise<SectionAssignmentDto> {
    const loaded = await this.assessments.load(caller, assessmentId);
    this.section(loaded, sectionId);
    const assignee = await tenantScope(this.ds.manager, User, caller.organisationId, 'Member').findOne({ id: userId });
    if (!assignee) {
      throw validationProblem([{ field: 'userId', rule: 'isMember', message: 'userId must be a member of your organisation' }]);
    }
    await this.ds
      .transaction(async (m) => {
        // Serialise changes to one assessment's assignments (and keep the assessment from vanishing meanwhile).
        const locked = await tenantScope(m, Assessment, caller.organisationId, 'Assessment')
          .query('a')
          .andWhere('a.id = :assessmentId', { assessmentId })
          .setLock('pessimistic_write')
          .getOne();
        if (!locked) throw DomainError.notFound('Assessment');
        const current = await this.rows(caller, m).findOne({ assessmentId, sectionId });
        if (current?.assigneeId === userId) return;
        const previousEmail = current ? await this.emailOf(m, caller, current.assigneeId) : null;
        if (current)
          await this.rows(caller, m).update({ id: current.id }, { assigneeId: userId, assignedBy: caller.userId, assignedAt: new Date() });
        else
          await this.rows(caller, m).insert({
            assessmentId,
            sectionId,
            assigneeId: userId,
            assignedBy: caller.userId,
            assignedAt: new Date(),
          });
        await this.record(m, caller, assessmentId, sectionId, 'assigned', { id: userId, email: assignee.email }, previousEmail);
      })
      .catch((e: unknown) => {
        if (isUniqueViolation(e)) throw new DomainError(ErrorCode.Conflict, 'The section was assigned at the same moment: try again');
        throw e;
      });
    const row = await this.rows(caller).get({ assessmentId, sectionId });
    return (await this.toDtos(caller, [row], new Map([[assessmentId, loaded]])))[0];
  }

  /** Takes a section back from whoever holds it; nothing to do when nobody does. */
  async clear(caller: Caller, assessmentId: string, sectionId: string): Promise<void> {
    const loaded = await this.assessments.load(caller, assessmentId);
    this.section(loaded, sectionId);
    await this.ds.transaction(async (m) => {
      const current = await this.rows(caller, m).findOne({ assessmentId, sectionId });
      if (!current) return;
      const removed = await this.rows(caller, m).delete({ id: current.id });
      if (!removed) return;
      await this.record(m, caller, assessmentId, sectionId, 'cleared', null, await this.emailOf(m, caller, current.assigneeId));
    });
  }

  async history(caller: Caller, assessmentId: string, limit = 100): Promise<AssignmentEventDto[]> {
    await this.assessments.load(caller, assessmentId);
    const events = await tenantScope(this.ds.manager, SectionAssignmentEvent, caller.organisationId, 'Event').find(
      { assessmentId },
      { order: { at: 'DESC' }, take: limit },
    );
    return events.map((e) => ({
      id: e.id,
      sectionId: e.sectionId,
      action: e.action,
      assigneeEmail: e.assigneeEmail,
      previousAssigneeEmail: e.previousAssigneeEmail,
      actorEmail: e.actorEmail,
      at: e.at.toISOString(),
    }));
  }

  /** The caller's own sections in every assessment of the organisation, newest year first: the dashboard lists them. */
  async mine(caller: Caller): Promise<SectionAssignmentDto[]> {
    const rows = await this.rows(caller).find({ assigneeId: caller.userId });
    if (!rows.length) return [];
    const loaded = new Map<string, LoadedAssessment>();
    for (const id of new Set(rows.map((r) => r.assessmentId))) loaded.set(id, await this.assessments.load(caller, id));
    return (await this.toDtos(caller, rows, loaded)).sort((a, b) => b.year - a.year);
  }

  // ---------------------------------------------------------------- helpers

  private section(loaded: LoadedAssessment, sectionId: string) {
    const section = loaded.template.template.sections.find((s) => s.id === sectionId);
    if (!section) {
      throw new DomainError(
        ErrorCode.NotFound,
        `Section "${sectionId}" is not part of ${loaded.assessment.questionnaireId} version ${loaded.assessment.templateVersion}`,
      );
    }
    return section;
  }

  private async emailOf(m: EntityManager, caller: Caller, userId: string): Promise<string | null> {
    return (await tenantScope(m, User, caller.organisationId, 'Member').findOne({ id: userId }))?.email ?? null;
  }

  private async record(
    m: EntityManager,
    caller: Caller,
    assessmentId: string,
    sectionId: string,
    action: AssignmentAction,
    assignee: { id: string; email: string } | null,
    previousEmail: string | null,
  ): Promise<void> {
    await m.getRepository(SectionAssignmentEvent).insert({
      organisationId: caller.organisationId,
      assessmentId,
      sectionId,
      action,
      assigneeId: assignee?.id ?? null,
      assigneeEmail: assignee?.email ?? null,
      previousAssigneeEmail: previousEmail,
      actorId: caller.userId,
      actorEmail: caller.email,
      at: new Date(),
    });
  }

  private async toDtos(caller: Caller, rows: SectionAssignment[], loaded: Map<string, LoadedAssessment>): Promise<SectionAssignmentDto[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.assigneeId, r.assignedBy ?? r.assigneeId]))];
    const users = ids.length ? await tenantScope(this.ds.manager, User, caller.organisationId, 'Member').find({ id: In(ids) }) : [];
    const emails = new Map(users.map((u) => [u.id, u.email]));
    const out: Array<SectionAssignmentDto & { order: number }> = [];
    for (const r of rows) {
      const l = loaded.get(r.assessmentId);
      const order = l?.template.template.sections.findIndex((s) => s.id === r.sectionId) ?? -1;
      if (!l || order < 0) continue; // a section the pinned template does not have (never written by this service)
      const section = l.template.template.sections[order];
      // The read model's progress of this section, visible questions only.
      const progress = l.sections.find((s) => s.id === r.sectionId);
      out.push({
        order,
        assessmentId: r.assessmentId,
        year: l.assessment.year,
        sectionId: r.sectionId,
        sectionTitle: { fr: section.title.fr, en: section.title.en },
        assignee: { userId: r.assigneeId, email: emails.get(r.assigneeId) ?? '' },
        assignedBy: r.assignedBy ? (emails.get(r.assignedBy) ?? null) : null,
        assignedAt: r.assignedAt.toISOString(),
        progress: { answered: progress?.answered ?? 0, total: progress?.total ?? 0, percent: progress?.percent ?? 100 },
      });
    }
    return out.sort((a, b) => a.order - b.order).map(({ order: _order, ...dto }) => dto);
  }
}
