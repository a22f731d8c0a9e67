import { Controller, Get, Header, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccountsService } from '../accounts/accounts.service.js';
import { CurrentCaller, ROLE_RANK, type Caller } from '../accounts/caller.js';
import { ensureCsrfCookie } from '../accounts/session-cookie.js';
import { AssessmentsService, type LoadedAssessment } from '../assessments/assessments.service.js';
import { AssignmentsService } from '../assignments/assignments.service.js';
import { uuidPipe } from '../common/uuid.pipe.js';
import { InventoryService } from '../inventory/inventory.service.js';
import { CalendarService } from '../plan/calendar.service.js';
import { PlanService } from '../plan/plan.service.js';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../plan/plan.types.js';
import { QuestionnairesService } from '../questionnaires/questionnaires.service.js';
import { langOf } from './i18n.js';
import type { PageContext } from './layout.js';
import { comparePage } from './pages/compare.page.js';
import { dashboardPage } from './pages/dashboard.page.js';
import { membersPage } from './pages/members.page.js';
import { planPage } from './pages/plan.page.js';
import { resultsPage } from './pages/results.page.js';
import { walkPage } from './pages/walk.page.js';
import { PageErrorFilter } from './page-error.filter.js';

const HTML = 'text/html; charset=utf-8';

/**
 * The pages of a logged-in member. The global guard authenticates them by the session cookie
 * (PageErrorFilter turns a missing session into a redirect to the log-in page). Controllers only
 * gather data from the services and hand it to a page function.
 */
@ApiExcludeController()
@Controller()
@UseFilters(PageErrorFilter)
export class PagesController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly assessments: AssessmentsService,
    private readonly questionnaires: QuestionnairesService,
    private readonly plans: PlanService,
    private readonly calendar: CalendarService,
    private readonly inventory: InventoryService,
    private readonly assignments: AssignmentsService,
  ) {}

  @Get('dashboard')
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  async dashboard(
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Query('welcome') welcome: unknown,
  ): Promise<string> {
    const ctx = await this.context(caller, req, res);
    // Every year loaded once (answers in one query), newest first.
    const assessments = (await this.assessments.loadAll(caller)).reverse().map((l) => this.assessments.toDto(l));
    return dashboardPage(ctx, {
      assessments,
      canCreate: ROLE_RANK[caller.role] >= ROLE_RANK.editor,
      welcome: welcome === '1',
      currentYear: new Date().getFullYear(),
      overdue: await this.plans.overdue(caller),
      mySections: await this.assignments.mine(caller),
    });
  }

  @Get('assessments/:id')
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  async walk(
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('id', uuidPipe('id')) id: string,
    @Query('section') sectionParam: unknown,
    @Query('q') questionParam: unknown,
  ): Promise<string> {
    const ctx = await this.context(caller, req, res);
    // Loaded once: visibility, progress and the next open question come with it.
    const loaded = await this.assessments.load(caller, id);
    const assessment = this.assessments.toDto(loaded);
    const template = loaded.template.template;
    const answers = await this.assessments.answersOf(caller, loaded);
    const firstOpen = loaded.nextOpen?.question;

    let section = template.sections.find((s) => s.id === sectionParam);
    let focus: string | null = null;
    if (typeof questionParam === 'string' && template.sections.some((s) => s.questions.some((q) => q.id === questionParam))) {
      focus = questionParam;
      section ??= template.sections.find((s) => s.questions.some((q) => q.id === questionParam));
    }
    // Year two opens in review mode: on the first carried-over answer still to confirm (section 1 as a rule).
    const firstCarried =
      assessment.status === 'draft'
        ? template.sections
            .flatMap((s) => s.questions)
            .find((q) => answers.some((a) => a.questionId === q.id && a.carriedOver && a.visible))
        : undefined;
    if (!section && firstCarried) {
      section = template.sections.find((s) => s.questions.some((q) => q.id === firstCarried.id));
      focus = firstCarried.id;
    }
    if (!section) {
      // Resume exactly where one left off: the section of the next unanswered question, scrolled to it.
      section = loaded.nextOpen?.section ?? template.sections[0];
      focus = firstOpen && assessment.status === 'draft' ? firstOpen.id : null;
    }
    const from = loaded.assessment.copyForward;
    const lastYear = from ? await this.assessments.load(caller, from.fromAssessmentId).catch(() => null) : null;
    return walkPage(ctx, {
      assessment,
      template,
      answers,
      visible: loaded.visible,
      section,
      focus,
      canEdit: ROLE_RANK[caller.role] >= ROLE_RANK.editor,
      isOwner: caller.role === 'owner',
      complete: !firstOpen,
      reviewFirst: await this.plans.reviewFirstFor(caller, loaded),
      assignments: await this.walkAssignments(caller, loaded),
      // The import panel sits on the section of the inventory questions.
      inventory: section.questions.some((q) => q.id.startsWith('inventory.'))
        ? { latest: (await this.inventory.list(caller, id, 1))[0] ?? null, classLabels: this.inventory.classLabels() }
        : null,
      lastYear: lastYear ? { year: lastYear.assessment.year, values: lastYear.values } : null,
    });
  }

  @Get('assessments/:id/results')
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  async results(
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<string> {
    const ctx = await this.context(caller, req, res);
    return resultsPage(ctx, await this.assessments.get(caller, id), caller.role === 'owner');
  }

  @Get('assessments/:id/plan')
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  async plan(
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Param('id', uuidPipe('id')) id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    const ctx = await this.context(caller, req, res);
    const plan = await this.plans.plan(caller, id);
    const text = (v: unknown) => (typeof v === 'string' && v.length <= 200 ? v : null);
    const status = text(query.status);
    return planPage(ctx, {
      plan,
      members: (await this.accounts.listMembers(caller)).filter((m) => m.status === 'active'),
      filters: {
        status: COMMITMENT_STATUSES.includes(status as CommitmentStatus) ? (status as CommitmentStatus) : null,
        owner: text(query.owner) || null,
        overdueOnly: query.overdue === '1',
        view: query.view === 'owner' ? 'owner' : 'status',
      },
      isOwner: caller.role === 'owner',
      canEdit: ROLE_RANK[caller.role] >= ROLE_RANK.editor,
      userId: caller.userId,
      calendar: await this.calendar.status(caller),
      history: await this.plans.history(caller, id, 30),
      saved: plan.commitments.some((c) => c.id === query.saved) ? (query.saved as string) : null,
    });
  }

  @Get('compare')
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  async compare(
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Query('from') fromParam: unknown,
    @Query('to') toParam: unknown,
  ): Promise<string> {
    const ctx = await this.context(caller, req, res);
    const assessments = await this.assessments.list(caller);
    const ids = new Set(assessments.map((a) => a.id));
    const to = typeof toParam === 'string' && ids.has(toParam) ? toParam : (assessments[0]?.id ?? null);
    const from = typeof fromParam === 'string' && ids.has(fromParam) ? fromParam : (assessments.find((a) => a.id !== to)?.id ?? null);
    return comparePage(ctx, { assessments, from, to });
  }

  @Get('members')
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  async members(@CurrentCaller() caller: Caller, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<string> {
    const ctx = await this.context(caller, req, res);
    const members = await this.accounts.listMembers(caller);
    const isOwner = caller.role === 'owner';
    const events = isOwner ? await this.accounts.memberEvents(caller, 20) : undefined;
    return membersPage(ctx, { members, isOwner, selfId: caller.userId, events });
  }

  /** Who holds each section; for owners, the members to hand the section to. */
  private async walkAssignments(caller: Caller, loaded: LoadedAssessment) {
    const { assignments } = await this.assignments.listOf(caller, loaded);
    return {
      bySection: Object.fromEntries(assignments.map((x) => [x.sectionId, { userId: x.assignee.userId, email: x.assignee.email }])),
      selfEmail: caller.email,
      members: caller.role === 'owner' ? (await this.accounts.listMembers(caller)).map((m) => ({ id: m.id, email: m.email })) : null,
    };
  }

  private async context(caller: Caller, req: Request, res: Response): Promise<PageContext> {
    const organisation = await this.accounts.organisation(caller);
    return {
      lang: langOf(req),
      path: req.originalUrl,
      csrf: ensureCsrfCookie(req, res),
      user: { email: caller.email, role: caller.role, organisationName: organisation.name },
    };
  }
}
