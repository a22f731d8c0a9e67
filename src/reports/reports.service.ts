import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AccountsService } from '../accounts/accounts.service.js';
import type { Caller } from '../accounts/caller.js';
import { AssessmentsService } from '../assessments/assessments.service.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { AppConfig } from '../config/app.config.js';
import { PlanService } from '../plan/plan.service.js';
import { QuestionnairesService } from '../questionnaires/questionnaires.service.js';
import type { Lang } from '../questionnaires/template.types.js';
import { ResultsService } from '../results/results.service.js';
import { ReportOwnerBusyError, ReportPoolBusyError, ReportRenderTimeoutError } from './report-render.errors.js';
import type { ReportFormat } from './pdf-render.worker.js';
import { ReportWorkerPool, type ReportReservation } from './report-worker-pool.js';
import { reportInputOf } from './report-input.js';
import { buildReportViewModel, type ReportInput } from './report.loader.js';
import type { ReportViewModel } from './report.view-model.js';

/** What a 429 tells a client to wait: about one report's render time. */
const REPORT_RETRY_AFTER_SECONDS = 5;

export interface RenderedReport {
  /** The file: PDF or DOCX bytes. */
  pdf: Buffer;
  filename: string;
  templateVersion: number;
}

/**
 * Loads an assessment and everything around it (organisation, answers, the previous year, the
 * trend), builds the view model and renders it in a worker thread, so the API keeps answering
 * while reports render.
 */
@Injectable()
export class ReportsService implements OnApplicationShutdown {
  readonly pool: ReportWorkerPool;

  constructor(
    private readonly assessments: AssessmentsService,
    private readonly results: ResultsService,
    private readonly accounts: AccountsService,
    private readonly questionnaires: QuestionnairesService,
    private readonly plan: PlanService,
    @Inject(ConfigService) config: ConfigService,
  ) {
    this.pool = new ReportWorkerPool({ size: config.getOrThrow<AppConfig>('app').reportWorkers, timeoutMs: 30_000 });
  }

  /** The view model of a report, built here (the command line and tests); the service builds it in the worker. */
  async viewModel(caller: Caller, id: string, lang: Lang | undefined, generatedAt = new Date()): Promise<ReportViewModel> {
    return buildReportViewModel(await this.input(caller, id, lang, generatedAt));
  }

  /** Everything a report is made from, loaded for the caller's organisation (another's assessment: 404). */
  async input(caller: Caller, id: string, lang: Lang | undefined, generatedAt = new Date()): Promise<ReportInput> {
    // Every year loaded once, each computed once: this year, the previous one, the trend.
    const { years, context } = await this.results.yearContext(caller, id);
    const organisation = await this.accounts.organisation(caller);
    const answers = await this.assessments.answersOf(caller, context.loaded);
    return reportInputOf({
      lang: lang ?? (organisation.language === 'en' ? 'en' : 'fr'),
      organisationName: organisation.name,
      generatedAt,
      context,
      content: {
        actions: this.questionnaires.actions(),
        catalogueVersion: this.questionnaires.catalogueVersion(),
        keyMessages: this.questionnaires.keyMessages(),
      },
      factors: this.results.footprintFactors,
      answers,
      lastYearCommitments: await this.results.lastYearCommitments(caller, years, context),
      commitments: (await this.plan.plan(caller, id, { loaded: context.loaded, results: context.results })).commitments,
    });
  }

  /**
   * Renders the PDF in a worker thread, where its view model is also built. One organisation holds
   * at most its share of the renderers (beyond: 429 with Retry-After, before anything is loaded);
   * `signal` aborts when the client disconnects, which frees the report's place.
   */
  async render(
    caller: Caller,
    id: string,
    lang: Lang | undefined,
    signal?: AbortSignal,
    format: ReportFormat = 'pdf',
  ): Promise<RenderedReport> {
    // The organisation's place is taken before anything is loaded: a refused report costs nothing.
    let reservation: ReportReservation;
    try {
      reservation = this.pool.reserve(caller.organisationId);
    } catch (e) {
      throw reportError(e);
    }
    try {
      const input = await this.input(caller, id, lang);
      const pdf = await this.pool.render({ input }, { reservation, signal, format });
      return {
        pdf,
        filename: reportFilename(input.organisationName, input.results.assessment.year, input.lang, format),
        templateVersion: input.template.version,
      };
    } catch (e) {
      throw reportError(e);
    } finally {
      // Already used by render(); given back here when loading failed (404, database error...).
      reservation.release();
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.pool.close();
  }
}

/** The pool's refusals as the API's errors (429 with Retry-After, 503); anything else unchanged. */
function reportError(e: unknown): unknown {
  if (e instanceof ReportOwnerBusyError) {
    return new DomainError(
      ErrorCode.TooManyReports,
      `Your organisation already has ${e.inFlight} reports being produced: try again in a few seconds`,
      { retryAfterSeconds: REPORT_RETRY_AFTER_SECONDS },
    );
  }
  if (e instanceof ReportRenderTimeoutError || e instanceof ReportPoolBusyError) {
    return new DomainError(ErrorCode.ReportTimeout, 'The report could not be produced in time: try again in a minute');
  }
  return e;
}

/** e.g. `plan-action-mairie-de-saint-etienne-2026-fr.pdf`: ASCII only, safe in every header. */
export function reportFilename(organisation: string, year: number, lang: Lang, format: ReportFormat = 'pdf'): string {
  const slug = organisation
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${lang === 'fr' ? 'plan-action' : 'action-plan'}-${slug || 'organisation'}-${year}-${lang}.${format}`;
}
