import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AccountsService } from '../accounts/accounts.service.js';
import type { Caller } from '../accounts/caller.js';
import { AssessmentsService, type LoadedAssessment } from '../assessments/assessments.service.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { compareResults, trend } from '../comparison/index.js';
import type { AppConfig } from '../config/app.config.js';
import { QuestionnairesService } from '../questionnaires/questionnaires.service.js';
import type { Lang } from '../questionnaires/template.types.js';
import { submittedDifferences, type FullResults } from '../results/full-results.js';
import { ResultsService, submittedMethodology } from '../results/results.service.js';
import { ReportPoolBusyError, ReportRenderTimeoutError } from './report-render.errors.js';
import { ReportWorkerPool } from './report-worker-pool.js';
import { buildReportViewModel, type ReportInput } from './report.loader.js';
import type { ReportViewModel } from './report.view-model.js';

export interface RenderedReport {
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
    @Inject(ConfigService) config: ConfigService,
  ) {
    this.pool = new ReportWorkerPool({ size: config.getOrThrow<AppConfig>('app').reportWorkers, timeoutMs: 30_000 });
  }

  async viewModel(caller: Caller, id: string, lang: Lang | undefined, generatedAt = new Date()): Promise<ReportViewModel> {
    const all = await this.assessments.loadAll(caller);
    const loaded = all.find((l) => l.assessment.id === id);
    if (!loaded) throw DomainError.notFound('Assessment');
    const organisation = await this.accounts.organisation(caller);
    const answers = await this.assessments.answersOf(caller, loaded);
    // Each year's results are computed once, for this year, the previous one and the trend.
    const computed = new Map<string, FullResults>();
    const resultsOf = (l: LoadedAssessment): FullResults => {
      let r = computed.get(l.assessment.id);
      if (!r) computed.set(l.assessment.id, (r = this.results.compute(l)));
      return r;
    };
    const results = resultsOf(loaded);
    // Submitted under another methodology: its figures of then, beside these where they differ.
    const submittedUnder = submittedMethodology(loaded);
    if (submittedUnder !== null && submittedUnder !== results.methodologyVersion) {
      results.asSubmitted = submittedDifferences(results, this.results.compute(loaded, submittedUnder));
    }
    const before = this.results.previousOf(all, loaded.assessment.year);
    const input: ReportInput = {
      lang: lang ?? (organisation.language === 'en' ? 'en' : 'fr'),
      organisationName: organisation.name,
      generatedAt: generatedAt.toISOString(),
      template: loaded.template.template,
      actions: this.questionnaires.actions(),
      catalogueVersion: this.questionnaires.catalogueVersion(),
      keyMessages: this.questionnaires.keyMessages(),
      factors: this.results.footprintFactors,
      results,
      answers: answers
        .filter((a) => a.visible)
        .map((a) => ({
          questionId: a.questionId,
          value: a.value,
          comment: a.comment,
          answeredBy: a.answeredByEmail ?? null,
          updatedAt: a.updatedAt,
        })),
      previous: before
        ? {
            year: before.assessment.year,
            results: resultsOf(before),
            comparison: compareResults(this.results.comparable(before, resultsOf(before)), this.results.comparable(loaded, results)),
          }
        : undefined,
      trend: trend(all.filter((l) => l.assessment.year <= loaded.assessment.year).map((l) => this.results.comparable(l, resultsOf(l)))),
    };
    return buildReportViewModel(input);
  }

  async render(caller: Caller, id: string, lang: Lang | undefined): Promise<RenderedReport> {
    const vm = await this.viewModel(caller, id, lang);
    try {
      const pdf = await this.pool.render(vm);
      return {
        pdf,
        filename: reportFilename(vm.meta.organisationName, vm.meta.year, vm.meta.lang),
        templateVersion: vm.meta.templateVersion,
      };
    } catch (e) {
      if (e instanceof ReportRenderTimeoutError || e instanceof ReportPoolBusyError) {
        throw new DomainError(ErrorCode.ReportTimeout, 'The report could not be produced in time: try again in a minute');
      }
      throw e;
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.pool.close();
  }
}

/** e.g. `plan-action-mairie-de-saint-etienne-2026-fr.pdf`: ASCII only, safe in every header. */
export function reportFilename(organisation: string, year: number, lang: Lang): string {
  const slug = organisation
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${lang === 'fr' ? 'plan-action' : 'action-plan'}-${slug || 'organisation'}-${year}-${lang}.pdf`;
}
