import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '../accounts/accounts.service.js';
import type { Caller } from '../accounts/caller.js';
import { Organisation } from '../accounts/organisation.entity.js';
import { User } from '../accounts/user.entity.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { tenantScope } from '../common/tenant-scope.js';
import { checkAnswerValue, normaliseAnswerInput } from '../questionnaires/answer-validation.js';
import type { FootprintFactors } from '../footprint/index.js';
import { FOOTPRINT_FACTORS } from '../footprint/footprint.module.js';
import { QuestionnairesService, type IndexedTemplate } from '../questionnaires/questionnaires.service.js';
import type { AnswerValue, Question } from '../questionnaires/template.types.js';
import { METHODOLOGY_VERSION } from '../scoring/methodologies.js';
import { visibleQuestionIds } from '../scoring/visibility.js';
import { Answer, type AnswerSource } from './answer.entity.js';
import { Assessment, type CopyForwardSummary } from './assessment.entity.js';
import type {
  AnswerDto,
  AssessmentDto,
  AssessmentSummaryDto,
  CreateAssessmentDto,
  HistoryEventDto,
  MissingQuestionDto,
  NextQuestionDto,
  SaveAnswerDto,
  SubmitAssessmentDto,
} from './assessments.dto.js';
import { runAnswerSave, type SavedAnswerRow, type StatementRunner } from './answer-save.statement.js';
import { AuditEvent, type AuditAction } from './audit-event.entity.js';
import { buildLoadedAssessment, type LoadedAssessment } from './loaded-assessment.js';
import { profileAnswers } from './profile-prefill.js';

export type { LoadedAssessment };

/** How an answer is written: in the caller's transaction (an import applies several at once), and where it came from. */
export interface SaveOptions {
  manager?: EntityManager;
  source?: AnswerSource;
}

/** An assessment's facts that never change: its organisation and pinned template. */
type PinnedAssessment = Pick<Assessment, 'id' | 'organisationId' | 'questionnaireId' | 'templateVersion'>;

/** How many assessments' pinned facts a process keeps for answer saves (a few hundred bytes each). */
const PINNED_CACHE_SIZE = 10_000;

@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly questionnaires: QuestionnairesService,
    @Inject(FOOTPRINT_FACTORS) private readonly factors: FootprintFactors,
  ) {}

  /** Pinned facts of recently saved-to assessments, oldest first (see `pinned`). */
  private readonly pinnedCache = new Map<string, PinnedAssessment>();

  private assessments(caller: Caller, m: EntityManager = this.ds.manager) {
    return tenantScope(m, Assessment, caller.organisationId, 'Assessment');
  }

  private answers(caller: Caller, m: EntityManager = this.ds.manager) {
    return tenantScope(m, Answer, caller.organisationId, 'Answer');
  }

  // ---------------------------------------------------------------- lifecycle

  async create(caller: Caller, dto: CreateAssessmentDto): Promise<AssessmentDto> {
    const questionnaireId = dto.questionnaireId ?? this.questionnaires.defaultId();
    const template =
      dto.templateVersion === undefined
        ? this.questionnaires.latest(questionnaireId)
        : this.questionnaires.get(questionnaireId, dto.templateVersion);
    const id = await this.ds
      .transaction(async (m) => {
        const assessments = this.assessments(caller, m);
        if (await assessments.findOne({ year: dto.year })) throw this.yearTaken(dto.year);
        const source = dto.copyFromAssessmentId ? await this.load(caller, dto.copyFromAssessmentId, m) : undefined;
        const created = await assessments.insert({
          year: dto.year,
          questionnaireId: template.id,
          templateVersion: template.version,
          status: 'draft',
          createdBy: caller.userId,
          copyForward: null,
        });
        await this.audit(m, caller, created.id, { action: 'created' });
        if (source) {
          const summary = await this.copyForward(m, caller, created, template, source);
          await assessments.update({ id: created.id }, { copyForward: summary });
        }
        await this.prefillProfile(m, caller, created, template);
        return created.id;
      })
      .catch((e: unknown) => {
        throw isUniqueViolation(e) ? this.yearTaken(dto.year) : e;
      });
    return this.get(caller, id);
  }

  /**
   * Copies an earlier assessment's answers into a new one, matching questions by their stable
   * ids: answers whose question is gone, or whose value no longer fits it, are not copied and
   * are listed; every copied answer is marked carried over until someone confirms or changes it.
   */
  private async copyForward(
    m: EntityManager,
    caller: Caller,
    target: Assessment,
    template: IndexedTemplate,
    source: LoadedAssessment,
  ): Promise<CopyForwardSummary> {
    const summary: CopyForwardSummary = {
      fromAssessmentId: source.assessment.id,
      fromYear: source.assessment.year,
      fromTemplateVersion: source.assessment.templateVersion,
      copied: 0,
      noLongerAsked: [...source.template.questions.keys()].filter((id) => !template.questions.has(id)),
      newQuestions: [...template.questions.keys()].filter((id) => !source.template.questions.has(id)),
      notCopied: [],
    };
    const now = new Date();
    const rows: Partial<Answer>[] = [];
    for (const answer of source.answers) {
      if (answer.value === null) continue;
      const located = template.questions.get(answer.questionId);
      if (!located) continue;
      const problem = checkAnswerValue(located.question, answer.value);
      if (problem) {
        summary.notCopied.push({ questionId: answer.questionId, reason: problem.message });
        continue;
      }
      rows.push({
        organisationId: caller.organisationId,
        assessmentId: target.id,
        questionId: answer.questionId,
        value: answer.value,
        comment: answer.comment,
        version: 1,
        carriedOver: true,
        answeredBy: answer.answeredBy,
        updatedAt: now,
        source: answer.source,
      });
    }
    if (rows.length) {
      await m.getRepository(Answer).insert(rows);
      await m.getRepository(AuditEvent).insert(
        rows.map((r) => ({
          organisationId: caller.organisationId,
          assessmentId: target.id,
          questionId: r.questionId,
          action: 'carried_over' as const,
          oldValue: null,
          newValue: r.value,
          oldComment: null,
          newComment: r.comment ?? null,
          version: 1,
          actorId: caller.userId,
          actorEmail: caller.email,
          at: now,
        })),
      );
    }
    summary.copied = rows.length;
    summary.carried = rows
      .map((r) => r.questionId!)
      .sort((a, b) => (template.questions.get(a)?.index ?? 0) - (template.questions.get(b)?.index ?? 0));
    return summary;
  }

  /**
   * The organisation's profile (sign-up) answers the first section's questions that nothing answered
   * yet (copy-forward comes first: last year's answer, to confirm, wins over the profile). They are
   * plain answers by the member who started the assessment, recorded as "prefilled" in the trail.
   */
  private async prefillProfile(m: EntityManager, caller: Caller, target: Assessment, template: IndexedTemplate): Promise<void> {
    const organisation = await m.getRepository(Organisation).findOneByOrFail({ id: caller.organisationId });
    const questions = new Map([...template.questions].map(([id, located]) => [id, located.question]));
    const existing = new Set(
      (
        (await m.query(`SELECT question_id FROM answers WHERE assessment_id = $1 AND organisation_id = $2`, [
          target.id,
          caller.organisationId,
        ])) as Array<{
          question_id: string;
        }>
      ).map((r) => r.question_id),
    );
    const now = new Date();
    const rows = profileAnswers(organisation, questions, this.factors.electricity.euMemberStates)
      .filter((a) => !existing.has(a.questionId))
      .map((a) => ({
        organisationId: caller.organisationId,
        assessmentId: target.id,
        questionId: a.questionId,
        value: a.value,
        comment: null,
        version: 1,
        carriedOver: false,
        answeredBy: caller.userId,
        updatedAt: now,
      }));
    if (!rows.length) return;
    await m.getRepository(Answer).insert(rows);
    await m.getRepository(AuditEvent).insert(
      rows.map((r) => ({
        organisationId: caller.organisationId,
        assessmentId: target.id,
        questionId: r.questionId,
        action: 'prefilled' as const,
        oldValue: null,
        newValue: r.value,
        oldComment: null,
        newComment: null,
        version: 1,
        actorId: caller.userId,
        actorEmail: caller.email,
        at: now,
      })),
    );
  }

  async list(caller: Caller): Promise<AssessmentSummaryDto[]> {
    const rows = await this.assessments(caller).find({}, { order: { year: 'DESC' } });
    return rows.map(toSummaryDto);
  }

  async get(caller: Caller, id: string): Promise<AssessmentDto> {
    return this.toDto(await this.load(caller, id));
  }

  /** The assessment, its pinned template and its answers, scoped to the caller's organisation. */
  async load(caller: Caller, id: string, m: EntityManager = this.ds.manager): Promise<LoadedAssessment> {
    const assessment = await this.assessments(caller, m).get({ id });
    // Plain SQL: hydrating ~90 entities through TypeORM cost more than the query itself.
    const rows = (await m.query(`SELECT ${ANSWER_COLUMNS} FROM answers WHERE assessment_id = $1 AND organisation_id = $2`, [
      id,
      caller.organisationId,
    ])) as AnswerRow[];
    return this.assemble(assessment, rows.map(rowToAnswer));
  }

  /** Every assessment of the organisation, loaded, oldest first. */
  async loadAll(caller: Caller): Promise<LoadedAssessment[]> {
    const rows = await this.assessments(caller).find({}, { order: { year: 'ASC' } });
    if (!rows.length) return [];
    // Plain SQL, as in load(): every year's answers in one query, without hydrating entities.
    const answers = (
      (await this.ds.query(`SELECT ${ANSWER_COLUMNS} FROM answers WHERE organisation_id = $1 AND assessment_id = ANY($2::uuid[])`, [
        caller.organisationId,
        rows.map((r) => r.id),
      ])) as AnswerRow[]
    ).map(rowToAnswer);
    const byAssessment = new Map<string, Answer[]>(rows.map((r) => [r.id, []]));
    for (const a of answers) byAssessment.get(a.assessmentId)?.push(a);
    return rows.map((assessment) => this.assemble(assessment, byAssessment.get(assessment.id)!));
  }

  /** The read model: its template in the organisation's words, visibility, progress, what is missing, computed once. */
  private assemble(assessment: Assessment, answers: Answer[]): LoadedAssessment {
    return buildLoadedAssessment(assessment, answers, (values) =>
      this.questionnaires.wordedFor(assessment.questionnaireId, assessment.templateVersion, values),
    );
  }

  async next(caller: Caller, id: string): Promise<NextQuestionDto | null> {
    const loaded = await this.load(caller, id);
    if (!loaded.nextOpen) return null;
    const { question, section } = loaded.nextOpen;
    return { question, section: { id: section.id, title: section.title }, progress: loaded.progress };
  }

  /** Visible carried-over answers nobody has confirmed or changed yet, in template order. */
  unconfirmedCarried(loaded: LoadedAssessment): MissingQuestionDto[] {
    const carried = new Set(loaded.answers.filter((a) => a.carriedOver && a.value !== null).map((a) => a.questionId));
    return loaded.template.order
      .filter((q) => carried.has(q.id) && loaded.visible.has(q.id))
      .map((q) => ({ questionId: q.id, sectionId: loaded.template.questions.get(q.id)!.section.id, label: q.label }));
  }

  /**
   * Locks the assessment. Refused while a required visible question is unanswered, and while
   * carried-over answers are unconfirmed unless the owner says so (`confirmUnreviewed`): that choice
   * is kept on the assessment and in the trail (the "submitted" event lists them as its new value).
   */
  async submit(caller: Caller, id: string, dto: SubmitAssessmentDto = {}): Promise<AssessmentDto> {
    await this.ds.transaction(async (m) => {
      // FOR UPDATE waits for answer writes in flight (they hold FOR SHARE) and blocks new ones.
      const assessment = await this.lockAssessment(m, caller, id, 'FOR UPDATE');
      if (assessment.status === 'submitted') throw this.locked(assessment);
      const loaded = await this.load(caller, id, m);
      const missing = loaded.missingRequired;
      if (missing.length) {
        throw new DomainError(
          ErrorCode.AssessmentIncomplete,
          `${missing.length} required question(s) are still unanswered: ${missing.map((q) => q.questionId).join(', ')}`,
          { missing },
        );
      }
      const unconfirmed = this.unconfirmedCarried(loaded);
      if (unconfirmed.length && dto.confirmUnreviewed !== true) {
        const from = assessment.copyForward?.fromYear ?? null;
        throw new DomainError(
          ErrorCode.UnreviewedAnswers,
          `${unconfirmed.length} answer(s) carried over from ${from ?? 'last year'} are neither confirmed nor changed: ` +
            `${unconfirmed.map((q) => q.questionId).join(', ')}. Review them, or send {"confirmUnreviewed": true} to submit them as they are (the choice is recorded)`,
          { unconfirmed, fromYear: from },
        );
      }
      const unreviewed = unconfirmed.length ? unconfirmed.map((q) => q.questionId) : null;
      await this.assessments(caller, m).update(
        { id },
        {
          status: 'submitted',
          submittedAt: new Date(),
          submittedBy: caller.userId,
          methodologyVersion: METHODOLOGY_VERSION,
          submittedUnreviewed: unreviewed,
        },
      );
      await this.audit(m, caller, id, { action: 'submitted', newValue: unreviewed });
    });
    return this.get(caller, id);
  }

  async reopen(caller: Caller, id: string): Promise<AssessmentDto> {
    await this.ds.transaction(async (m) => {
      const assessment = await this.lockAssessment(m, caller, id, 'FOR UPDATE');
      if (assessment.status !== 'submitted') {
        throw new DomainError(ErrorCode.Conflict, `The ${assessment.year} assessment is not submitted: nothing to reopen`);
      }
      await this.assessments(caller, m).update(
        { id },
        { status: 'draft', submittedAt: null, submittedBy: null, methodologyVersion: null, submittedUnreviewed: null },
      );
      await this.audit(m, caller, id, { action: 'reopened' });
    });
    return this.get(caller, id);
  }

  // ---------------------------------------------------------------- answers

  /**
   * Saves one answer. The value is checked against its question; with `expectedVersion` the write
   * only happens if nobody changed the answer since (an atomic `UPDATE ... WHERE version = $n`),
   * else 409 with the current answer. Every change goes to the audit trail.
   */
  async saveAnswer(
    caller: Caller,
    assessmentId: string,
    questionId: string,
    dto: SaveAnswerDto,
    options: SaveOptions = {},
    attempt = 0,
  ): Promise<AnswerDto> {
    const m = options.manager ?? this.ds.manager;
    const pinned = await this.pinned(caller, assessmentId, m);
    const question =
      this.questionOf(pinned, questionId) ?? (await this.refuseInDraftOnly(caller, pinned, m, this.unknownQuestion(pinned, questionId)));
    // A number may come as the text a person typed ("1,5", "1 234"): read by the same rule as the page.
    const input = normaliseAnswerInput(question, dto.value);
    const problem = input.problem ?? checkAnswerValue(question, input.value);
    if (problem) {
      await this.refuseInDraftOnly(caller, pinned, m, new DomainError(ErrorCode.InvalidAnswer, problem.message, { questionId }, [problem]));
    }
    const saved = await runAnswerSave(options.manager ? { kind: 'manager', manager: options.manager } : this.statementPool(), {
      assessmentId,
      organisationId: caller.organisationId,
      questionId,
      value: input.value as AnswerValue,
      comment: dto.comment,
      expectedVersion: dto.expectedVersion,
      userId: caller.userId,
      actorEmail: caller.email,
      source: options.source ?? null,
    });
    switch (saved.outcome) {
      case 'not-draft': {
        // Absent (or deleted) is a 404, submitted a 409: read the row again to say which. Reopened in
        // the meantime: one more try.
        const now = await this.assessments(caller, m).get({ id: assessmentId });
        if (now.status === 'submitted' || attempt > 0) throw this.locked(now);
        return this.saveAnswer(caller, assessmentId, questionId, dto, options, attempt + 1);
      }
      case 'stale': {
        const current = saved.answer && rowToAnswer(saved.answer);
        throw await this.stale(m, caller, pinned, questionId, dto.expectedVersion ?? 0, current);
      }
      default:
        return this.toAnswerDto(rowToAnswer(saved.answer), pinned, m, caller);
    }
  }

  async clearAnswer(caller: Caller, assessmentId: string, questionId: string, expectedVersion?: number): Promise<void> {
    await this.ds.transaction(async (m) => {
      const assessment = await this.lockAssessment(m, caller, assessmentId, 'FOR SHARE');
      if (assessment.status === 'submitted') throw this.locked(assessment);
      this.question(assessment, questionId);
      const current = await this.lockAnswer(m, caller, assessmentId, questionId);
      if (expectedVersion !== undefined && expectedVersion !== (current?.version ?? 0)) {
        throw await this.stale(m, caller, assessment, questionId, expectedVersion, current);
      }
      if (!current || current.value === null) return;
      const rows = (await returning(
        m,
        `UPDATE answers SET value = NULL, source = NULL, carried_over = false, version = version + 1, answered_by = $1, updated_at = now()
          WHERE id = $2 AND organisation_id = $3 AND version = $4 RETURNING version`,
        [caller.userId, current.id, caller.organisationId, current.version],
      )) as Array<{ version: number }>;
      if (!rows.length) throw await this.stale(m, caller, assessment, questionId, current.version, null);
      await this.audit(m, caller, assessmentId, {
        action: 'cleared',
        questionId,
        oldValue: current.value,
        newValue: null,
        oldComment: current.comment,
        newComment: current.comment,
        version: rows[0].version,
      });
    });
  }

  async listAnswers(caller: Caller, assessmentId: string): Promise<AnswerDto[]> {
    return this.answersOf(caller, await this.load(caller, assessmentId));
  }

  /** The current answers of an already loaded assessment, in template order, with who gave them. */
  async answersOf(caller: Caller, loaded: LoadedAssessment): Promise<AnswerDto[]> {
    const emails = await this.emails(
      caller,
      loaded.answers.map((a) => a.answeredBy),
    );
    return loaded.answers
      .filter((a) => a.value !== null)
      .sort(
        (a, b) => (loaded.template.questions.get(a.questionId)?.index ?? 1e9) - (loaded.template.questions.get(b.questionId)?.index ?? 1e9),
      )
      .map((a) => toAnswerDto(a, loaded.visible.has(a.questionId), emails.get(a.answeredBy ?? '') ?? null));
  }

  async history(caller: Caller, assessmentId: string, limit = 200, questionId?: string): Promise<HistoryEventDto[]> {
    await this.assessments(caller).get({ id: assessmentId });
    const events = await tenantScope(this.ds.manager, AuditEvent, caller.organisationId, 'Event').find(
      { assessmentId, ...(questionId ? { questionId } : {}) },
      // Newest first. Events of one instant (an assessment created and its answers carried over in the
      // same millisecond) keep their order: the answers' (with a version) before the assessment's own
      // events (created, submitted: no version), which PostgreSQL would otherwise sort first (NULLS FIRST).
      { order: { at: 'DESC', version: { direction: 'DESC', nulls: 'LAST' } }, take: limit },
    );
    const emails = await this.emails(
      caller,
      events.map((e) => e.actorId),
    );
    return events.map((e) => ({
      id: e.id,
      questionId: e.questionId,
      action: e.action,
      oldValue: e.oldValue,
      newValue: e.newValue,
      oldComment: e.oldComment,
      newComment: e.newComment,
      version: e.version,
      actorId: e.actorId,
      actorEmail: e.actorEmail ?? emails.get(e.actorId ?? '') ?? null,
      at: e.at.toISOString(),
      source: e.source,
    }));
  }

  // ---------------------------------------------------------------- helpers

  /**
   * What an answer save needs to know of its assessment before writing: the organisation and the
   * pinned template, which never change once the assessment exists, so they are kept per process
   * (bounded) and read from the database only the first time. The status, which does change, is
   * checked by the save statement itself.
   */
  private async pinned(caller: Caller, id: string, m: EntityManager): Promise<PinnedAssessment> {
    const known = this.pinnedCache.get(id);
    if (known && known.organisationId === caller.organisationId) return known;
    const a = await this.assessments(caller, m).get({ id });
    const pinned: PinnedAssessment = {
      id: a.id,
      organisationId: a.organisationId,
      questionnaireId: a.questionnaireId,
      templateVersion: a.templateVersion,
    };
    if (this.pinnedCache.size >= PINNED_CACHE_SIZE) this.pinnedCache.delete(this.pinnedCache.keys().next().value!);
    this.pinnedCache.set(id, pinned);
    return pinned;
  }

  /** The pool behind TypeORM, for the save statement prepared once per connection. */
  private statementPool(): StatementRunner {
    const pool = (this.ds.driver as unknown as { master: Pool }).master;
    return { kind: 'pool', query: (config) => pool.query(config) };
  }

  /** A refused save of a submitted assessment says it is submitted first (as the save always did); else `error`. */
  private async refuseInDraftOnly(caller: Caller, pinned: PinnedAssessment, m: EntityManager, error: DomainError): Promise<never> {
    const now = await this.assessments(caller, m).get({ id: pinned.id });
    throw now.status === 'submitted' ? this.locked(now) : error;
  }

  private questionOf(pinned: PinnedAssessment, questionId: string): Question | undefined {
    return this.questionnaires.get(pinned.questionnaireId, pinned.templateVersion).questions.get(questionId)?.question;
  }

  private unknownQuestion(pinned: PinnedAssessment, questionId: string): DomainError {
    return new DomainError(
      ErrorCode.NotFound,
      `Question "${questionId}" is not part of ${pinned.questionnaireId} version ${pinned.templateVersion}`,
    );
  }

  private question(assessment: Assessment, questionId: string): Question {
    const template = this.questionnaires.get(assessment.questionnaireId, assessment.templateVersion);
    const located = template.questions.get(questionId);
    if (!located) {
      throw new DomainError(
        ErrorCode.NotFound,
        `Question "${questionId}" is not part of ${assessment.questionnaireId} version ${assessment.templateVersion}`,
      );
    }
    return located.question;
  }

  /** Reads and locks the assessment in one query (FOR SHARE: answer writes; FOR UPDATE: submit and reopen). */
  private async lockAssessment(m: EntityManager, caller: Caller, id: string, mode: 'FOR SHARE' | 'FOR UPDATE'): Promise<Assessment> {
    const row = await this.assessments(caller, m)
      .query('a')
      .andWhere('a.id = :id', { id })
      .setLock(mode === 'FOR SHARE' ? 'pessimistic_read' : 'pessimistic_write')
      .getOne();
    if (!row) throw DomainError.notFound('Assessment');
    return row;
  }

  /** Reads and locks one answer row, if it exists, in one query. */
  private lockAnswer(m: EntityManager, caller: Caller, assessmentId: string, questionId: string): Promise<Answer | null> {
    return this.answers(caller, m)
      .query('x')
      .andWhere('x.assessmentId = :assessmentId AND x.questionId = :questionId', { assessmentId, questionId })
      .setLock('pessimistic_write')
      .getOne();
  }

  private async stale(
    m: EntityManager,
    caller: Caller,
    assessment: PinnedAssessment,
    questionId: string,
    expected: number,
    current: Answer | null,
  ): Promise<DomainError> {
    const latest = current ?? (await this.answers(caller, m).findOne({ assessmentId: assessment.id, questionId }));
    const currentDto = latest && latest.value !== null ? await this.toAnswerDto(latest, assessment, m, caller) : null;
    return new DomainError(
      ErrorCode.StaleWrite,
      `Answer to ${questionId} changed since version ${expected}: it is now at version ${latest?.version ?? 0}. ` +
        'Review the current answer, then send it again with the current version.',
      { questionId, currentVersion: latest?.version ?? 0, current: currentDto },
    );
  }

  /** One answer as the API returns it. Visibility needs the other answers only for a conditional question. */
  private async toAnswerDto(answer: Answer, assessment: PinnedAssessment, m: EntityManager, caller: Caller): Promise<AnswerDto> {
    const template = this.questionnaires.get(assessment.questionnaireId, assessment.templateVersion);
    let visible = true;
    const located = template.questions.get(answer.questionId)?.question;
    if (located?.showIf || located?.applicableIf) {
      const rows = await this.answers(caller, m).find({ assessmentId: assessment.id }, { select: { questionId: true, value: true } });
      const values: Record<string, AnswerValue> = {};
      for (const r of rows) if (r.value !== null) values[r.questionId] = r.value;
      visible = visibleQuestionIds(template.template, values).has(answer.questionId);
    }
    const email =
      answer.answeredBy === caller.userId
        ? caller.email
        : ((await this.emails(caller, [answer.answeredBy], m)).get(answer.answeredBy ?? '') ?? null);
    return toAnswerDto(answer, visible, email);
  }

  private async emails(caller: Caller, ids: Array<string | null>, m: EntityManager = this.ds.manager): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const users = await tenantScope(m, User, caller.organisationId, 'User').find({ id: In(wanted) });
    return new Map(users.map((u) => [u.id, u.email]));
  }

  private async audit(
    m: EntityManager,
    caller: Caller,
    assessmentId: string,
    e: Partial<AuditEvent> & { action: AuditAction },
  ): Promise<void> {
    await m.getRepository(AuditEvent).insert({
      organisationId: caller.organisationId,
      assessmentId,
      questionId: e.questionId ?? null,
      action: e.action,
      oldValue: e.oldValue ?? null,
      newValue: e.newValue ?? null,
      oldComment: e.oldComment ?? null,
      newComment: e.newComment ?? null,
      version: e.version ?? null,
      actorId: caller.userId,
      actorEmail: caller.email,
      at: new Date(),
      source: e.source ?? null,
    });
  }

  /** The API's view of an already loaded assessment (no query). */
  toDto(loaded: LoadedAssessment): AssessmentDto {
    const a = loaded.assessment;
    return {
      ...toSummaryDto(a),
      submittedUnreviewed: a.submittedUnreviewed ?? null,
      progress: loaded.progress,
      sections: loaded.sections,
      requiredMissing: loaded.missingRequired.length,
      copyForward: a.copyForward ? { ...a.copyForward, pendingConfirmation: loaded.pendingConfirmation } : null,
    };
  }

  private yearTaken(year: number): DomainError {
    return new DomainError(ErrorCode.YearTaken, `Your organisation already has an assessment for ${year}`, {}, [
      { field: 'year', rule: 'unique', message: `an assessment for ${year} already exists` },
    ]);
  }

  private locked(a: Assessment): DomainError {
    return new DomainError(ErrorCode.AssessmentLocked, `The ${a.year} assessment is submitted and read-only; an owner can reopen it`);
  }
}

const ANSWER_COLUMNS =
  'id, organisation_id, assessment_id, question_id, value, comment, version, carried_over, answered_by, updated_at, source';

/** An answer row as plain SQL returns it (the save statement's shape). */
type AnswerRow = SavedAnswerRow;

function rowToAnswer(r: AnswerRow): Answer {
  return Object.assign(new Answer(), {
    id: r.id,
    organisationId: r.organisation_id,
    assessmentId: r.assessment_id,
    questionId: r.question_id,
    value: r.value,
    comment: r.comment,
    version: r.version,
    carriedOver: r.carried_over,
    answeredBy: r.answered_by,
    updatedAt: new Date(r.updated_at),
    source: r.source,
  });
}

/** Runs a statement with RETURNING in the transaction and gives back the returned rows, on both databases. */
async function returning<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  if (!m.queryRunner) throw new Error('returning() must run inside a transaction');
  const result = await m.queryRunner.query(sql, params, true);
  return (result.records ?? []) as T[];
}

function toSummaryDto(a: Assessment): AssessmentSummaryDto {
  return {
    id: a.id,
    year: a.year,
    questionnaireId: a.questionnaireId,
    templateVersion: a.templateVersion,
    status: a.status,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    submittedAt: a.submittedAt ? a.submittedAt.toISOString() : null,
  };
}

function toAnswerDto(a: Answer, visible: boolean, email: string | null): AnswerDto {
  return {
    questionId: a.questionId,
    value: a.value as AnswerValue,
    comment: a.comment,
    version: a.version,
    carriedOver: a.carriedOver,
    answeredBy: a.answeredBy,
    answeredByEmail: email,
    updatedAt: a.updatedAt.toISOString(),
    visible,
    source: a.source,
  };
}
