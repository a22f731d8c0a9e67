import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../accounts/caller.js';
import { AssessmentsService, type LoadedAssessment } from '../assessments/assessments.service.js';
import type { Comparison, Trend } from '../comparison/index.js';
import { visibleValues } from '../assessments/loaded-assessment.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { FootprintFactors } from '../footprint/index.js';
import { FOOTPRINT_FACTORS } from '../footprint/footprint.module.js';
import { QuestionnairesService } from '../questionnaires/questionnaires.service.js';
import { loadCommittedVsDone, type YearResults } from '../plan/plan-progress.loader.js';
import type { CommittedVsDone } from '../plan/progress.js';
import { METHODOLOGY_VERSION, type MethodologyVersion } from '../scoring/index.js';
import { computeFullResults, type FullResults } from './full-results.js';
import { answerDetails, footprintInputs } from './compare-inputs.js';
import { submittedMethodology, Years, type YearContext } from './year-context.js';
import { ResultsCache } from './results-cache.js';

export type { FullResults, YearContext };

export interface CarriedOverFlag {
  fromYear: number;
  /** Visible carried-over answers nobody confirmed or changed, in template order. */
  unconfirmed: string[];
  /** An owner submitted with them unconfirmed, by explicit choice. */
  submittedUnreviewed: boolean;
}

/**
 * The Nest side of the pure cores: loads answers (scoped to the caller's organisation) and hands
 * plain data to scoring, footprint and comparison. Only visible answers count.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly questionnaires: QuestionnairesService,
    @Inject(FOOTPRINT_FACTORS) private readonly factors: FootprintFactors,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cache: ResultsCache,
  ) {}

  /**
   * An organisation's years, loaded once (every assessment and its answers in two queries), each
   * computed at most once under `methodology`, with the context of year `id` (404 when it is not
   * the caller's organisation's).
   */
  async yearContext(
    caller: Caller,
    id: string,
    methodology: MethodologyVersion = METHODOLOGY_VERSION,
  ): Promise<{ years: Years; context: YearContext }> {
    const years = await this.years(caller, methodology);
    const loaded = years.find(id);
    if (!loaded) throw DomainError.notFound('Assessment');
    return { years, context: years.context(loaded) };
  }

  /** Every year of the caller's organisation, computed lazily under one methodology. */
  async years(caller: Caller, methodology: MethodologyVersion = METHODOLOGY_VERSION): Promise<Years> {
    return new Years(await this.assessments.loadAll(caller), (l, m) => this.compute(l, m), methodology);
  }

  /**
   * The results document as UTF-8 JSON, from the shared cache when nothing it depends on has changed
   * since it was computed (see results-cache.ts); else computed by `results`, stored, and sent.
   */
  async resultsDocument(caller: Caller, id: string, methodology: MethodologyVersion = METHODOLOGY_VERSION): Promise<Buffer> {
    const cached = await this.cache.lookup(caller, id, methodology);
    if (cached.body !== null) return cached.body;
    return this.cache.store(caller, id, methodology, cached.key, JSON.stringify(await this.results(caller, id, methodology)));
  }

  /**
   * Results with the given methodology (the current one by default), with what became of last year's
   * plan (null the first year, or when it had no commitment). A submitted assessment computed with
   * another methodology than the one it was submitted under also carries its figures under that one
   * where they differ (`asSubmitted`): its figures are never changed silently.
   */
  async results(
    caller: Caller,
    id: string,
    methodology: MethodologyVersion = METHODOLOGY_VERSION,
  ): Promise<FullResults & { lastYearCommitments: CommittedVsDone | null; carriedOver: CarriedOverFlag | null }> {
    const { years, context } = await this.yearContext(caller, id, methodology);
    return {
      ...context.results,
      lastYearCommitments: await this.lastYearCommitments(caller, years, context),
      carriedOver: this.carriedOver(context.loaded),
    };
  }

  /** What was carried over from last year and is still unconfirmed, and whether it was submitted so by choice. */
  carriedOver(loaded: LoadedAssessment): CarriedOverFlag | null {
    const a = loaded.assessment;
    if (!a.copyForward) return null;
    return {
      fromYear: a.copyForward.fromYear,
      unconfirmed: this.assessments.unconfirmedCarried(loaded).map((q) => q.questionId),
      submittedUnreviewed: a.status === 'submitted' && (a.submittedUnreviewed?.length ?? 0) > 0,
    };
  }

  /** "Committed last year vs done": the plan this year follows (its copy-forward source, else the year before). */
  async lastYearCommitments(caller: Caller, years: Years, context: YearContext): Promise<CommittedVsDone | null> {
    const previous = context.planSource;
    if (!previous) return null;
    return this.committedVsDone(caller, previous.assessment, () => years.results(previous), context.loaded, context.results);
  }

  /** Commitments of an earlier assessment, against a later one's results. */
  async committedVsDone(
    caller: Caller,
    previous: { id: string; year: number },
    previousResults: () => FullResults | Promise<FullResults>,
    current: LoadedAssessment,
    currentResults: FullResults,
  ): Promise<CommittedVsDone | null> {
    const year = (a: { id: string; year: number }, r: FullResults): YearResults => ({
      assessment: a,
      actions: r.actions,
      footprint: r.footprint,
    });
    return loadCommittedVsDone(
      this.ds.manager,
      caller.organisationId,
      previous,
      async () => year(previous, await previousResults()),
      year(current.assessment, currentResults),
      this.questionnaires.actions(),
    );
  }

  compute(loaded: LoadedAssessment, methodology: MethodologyVersion = METHODOLOGY_VERSION): FullResults {
    const a = loaded.assessment;
    return computeFullResults({
      assessment: { id: a.id, year: a.year, status: a.status, questionnaireId: a.questionnaireId, templateVersion: a.templateVersion },
      template: loaded.template.template,
      actions: this.questionnaires.actions(),
      values: loaded.values,
      factors: this.factors,
      methodology,
    });
  }

  get footprintFactors(): FootprintFactors {
    return this.factors;
  }

  /** Year on year, both years under one methodology: the earlier assessment is always "previous", whichever order they are asked in. */
  async compare(
    caller: Caller,
    id: string,
    otherId: string,
    methodology: MethodologyVersion = METHODOLOGY_VERSION,
  ): Promise<Comparison & { committedVsDone: CommittedVsDone | null }> {
    if (id === otherId) throw new DomainError(ErrorCode.InvalidInput, 'Pick two different assessments to compare');
    const years = await this.years(caller, methodology);
    const [a, b] = [years.find(id), years.find(otherId)];
    if (!a || !b) throw DomainError.notFound('Assessment');
    // With the answers in words and who gave them, and what each footprint is computed from.
    const { previous, current, comparison } = await years.compare(a, b, async (loaded) => ({
      answerDetails: answerDetails(loaded, await this.assessments.answersOf(caller, loaded)),
      footprintInputs: footprintInputs(loaded, this.factors),
    }));
    // What the earlier year's plan committed to, and what was done, seen from the later year.
    return {
      ...comparison,
      committedVsDone: await this.committedVsDone(
        caller,
        previous.assessment,
        () => years.results(previous),
        current,
        years.results(current),
      ),
    };
  }

  async trend(caller: Caller, methodology: MethodologyVersion = METHODOLOGY_VERSION): Promise<Trend> {
    return (await this.years(caller, methodology)).trend();
  }
}

/** Answers of the questions shown; hidden ones are kept in the database but ignored. */
export const visibleAnswers = visibleValues;
export { submittedMethodology };
