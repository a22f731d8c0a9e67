import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../accounts/caller.js';
import { AssessmentsService, type LoadedAssessment } from '../assessments/assessments.service.js';
import { compareResults, trend, type ComparableAssessment, type Comparison, type Trend } from '../comparison/index.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { FootprintFactors } from '../footprint/index.js';
import { FOOTPRINT_FACTORS } from '../questionnaires/questionnaires.module.js';
import { QuestionnairesService } from '../questionnaires/questionnaires.service.js';
import type { AnswerValue } from '../questionnaires/template.types.js';
import { loadCommittedVsDone, previousPlanAssessment, type YearResults } from '../plan/plan-progress.loader.js';
import type { CommittedVsDone } from '../plan/progress.js';
import { METHODOLOGY_VERSION, isMethodologyVersion, type MethodologyVersion } from '../scoring/index.js';
import { computeFullResults, submittedDifferences, type FullResults } from './full-results.js';
import { ResultsCache } from './results-cache.js';

export type { FullResults };

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
  ): Promise<FullResults & { lastYearCommitments: CommittedVsDone | null }> {
    const loaded = await this.assessments.load(caller, id);
    const results = this.compute(loaded, methodology);
    const submittedUnder = submittedMethodology(loaded);
    if (submittedUnder !== null && submittedUnder !== methodology) {
      results.asSubmitted = submittedDifferences(results, this.compute(loaded, submittedUnder));
    }
    return { ...results, lastYearCommitments: await this.lastYearCommitments(caller, loaded, results) };
  }

  /** "Committed last year vs done": the plan this assessment follows (its copy-forward source, else the year before). */
  async lastYearCommitments(caller: Caller, loaded: LoadedAssessment, results: FullResults): Promise<CommittedVsDone | null> {
    const previous = await previousPlanAssessment(this.ds.manager, caller.organisationId, loaded.assessment);
    if (!previous) return null;
    return this.committedVsDone(
      caller,
      previous,
      async () => this.compute(await this.assessments.load(caller, previous.id)),
      loaded,
      results,
    );
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

  comparable(loaded: LoadedAssessment, results: FullResults = this.compute(loaded)): ComparableAssessment {
    // results of every year must come from one methodology: callers pass it to compute()
    return {
      assessmentId: loaded.assessment.id,
      year: loaded.assessment.year,
      templateId: loaded.assessment.questionnaireId,
      templateVersion: loaded.assessment.templateVersion,
      results,
      footprint: results.footprint,
      answers: visibleAnswers(loaded),
      questionIds: [...loaded.template.questions.keys()],
    };
  }

  /** Year on year, both years under one methodology: the earlier assessment is always "previous", whichever order they are asked in. */
  async compare(
    caller: Caller,
    id: string,
    otherId: string,
    methodology: MethodologyVersion = METHODOLOGY_VERSION,
  ): Promise<Comparison & { committedVsDone: CommittedVsDone | null }> {
    if (id === otherId) throw new DomainError(ErrorCode.InvalidInput, 'Pick two different assessments to compare');
    const [a, b] = [await this.assessments.load(caller, id), await this.assessments.load(caller, otherId)];
    const [previous, current] = a.assessment.year <= b.assessment.year ? [a, b] : [b, a];
    const [before, after] = [this.compute(previous, methodology), this.compute(current, methodology)];
    const comparison = compareResults(this.comparable(previous, before), this.comparable(current, after));
    // What the earlier year's plan committed to, and what was done, seen from the later year.
    return { ...comparison, committedVsDone: await this.committedVsDone(caller, previous.assessment, () => before, current, after) };
  }

  async trend(caller: Caller, methodology: MethodologyVersion = METHODOLOGY_VERSION): Promise<Trend> {
    const all = await this.assessments.loadAll(caller);
    return trend(all.map((l) => this.comparable(l, this.compute(l, methodology))));
  }

  /** The latest assessment before this one, for the report's year-on-year pages. */
  previousOf(all: LoadedAssessment[], year: number): LoadedAssessment | undefined {
    return all.filter((l) => l.assessment.year < year).sort((x, y) => y.assessment.year - x.assessment.year)[0];
  }
}

/** The methodology a submitted assessment was submitted under (scoring-1 when it predates the record); null for a draft. */
export function submittedMethodology(loaded: LoadedAssessment): MethodologyVersion | null {
  if (loaded.assessment.status !== 'submitted') return null;
  const recorded = loaded.assessment.methodologyVersion;
  return isMethodologyVersion(recorded) ? recorded : 'scoring-1';
}

/** Answers of the questions shown; hidden ones are kept in the database but ignored. */
export function visibleAnswers(loaded: LoadedAssessment): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(loaded.values)) if (loaded.visible.has(id)) out[id] = value;
  return out;
}
