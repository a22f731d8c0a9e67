/**
 * An organisation's years, read once per request, each year's results computed once and only when
 * asked: this year's results, the previous year with the comparison, the trend, and the plan this
 * year is measured against. Pure: the results service hands it the loaded years and its `compute`;
 * the results, the comparison, the trend, the export, the report and the web pages read it.
 */
import { visibleValues, type LoadedAssessment } from '../assessments/loaded-assessment.js';
import { compareResults, trend, type ComparableAssessment, type Comparison, type Trend } from '../comparison/index.js';
import { isMethodologyVersion, type MethodologyVersion } from '../scoring/index.js';
import { submittedDifferences, type FullResults } from './full-results.js';

export type ComputeResults = (loaded: LoadedAssessment, methodology: MethodologyVersion) => FullResults;

/** One year in its context: what the results, the report and the year-on-year pages say about it. */
export interface YearContext {
  loaded: LoadedAssessment;
  /** This year's results; a year submitted under another methodology carries its figures of then (`asSubmitted`). */
  results: FullResults;
  /** The latest earlier year, its results and the comparison with this one; null the first year. */
  previous(): { loaded: LoadedAssessment; results: FullResults; comparison: Comparison } | null;
  /** Every year up to this one. */
  trend(): Trend;
  /** The plan this year is measured against: the year it was copied from, else the latest earlier one; null the first year. */
  planSource: LoadedAssessment | null;
}

/** The methodology a submitted assessment was submitted under (scoring-1 when it predates the record); null for a draft. */
export function submittedMethodology(loaded: LoadedAssessment): MethodologyVersion | null {
  if (loaded.assessment.status !== 'submitted') return null;
  const recorded = loaded.assessment.methodologyVersion;
  return isMethodologyVersion(recorded) ? recorded : 'scoring-1';
}

/** Years of one organisation under one methodology, each computed at most once. */
export class Years {
  /** Oldest first. */
  readonly all: LoadedAssessment[];
  private readonly computed = new Map<string, FullResults>();

  constructor(
    all: LoadedAssessment[],
    private readonly compute: ComputeResults,
    readonly methodology: MethodologyVersion,
  ) {
    this.all = [...all].sort((a, b) => a.assessment.year - b.assessment.year);
  }

  find(id: string): LoadedAssessment | undefined {
    return this.all.find((l) => l.assessment.id === id);
  }

  results(loaded: LoadedAssessment): FullResults {
    let r = this.computed.get(loaded.assessment.id);
    if (!r) this.computed.set(loaded.assessment.id, (r = this.compute(loaded, this.methodology)));
    return r;
  }

  comparable(loaded: LoadedAssessment): ComparableAssessment {
    return comparable(loaded, this.results(loaded));
  }

  /**
   * The earlier of the two is always "previous", whichever order they are given in. `detail` adds to
   * each side what only the comparison reads (the answers in words and who gave them, what each
   * footprint is computed from).
   */
  async compare(
    a: LoadedAssessment,
    b: LoadedAssessment,
    detail: (loaded: LoadedAssessment) => Promise<Partial<ComparableAssessment>> = async () => ({}),
  ): Promise<{ previous: LoadedAssessment; current: LoadedAssessment; comparison: Comparison }> {
    const [previous, current] = a.assessment.year <= b.assessment.year ? [a, b] : [b, a];
    const side = async (loaded: LoadedAssessment): Promise<ComparableAssessment> => ({
      ...this.comparable(loaded),
      ...(await detail(loaded)),
    });
    return { previous, current, comparison: compareResults(await side(previous), await side(current)) };
  }

  /** Every year up to `year` (all of them without it). */
  trend(year = Infinity): Trend {
    return trend(this.all.filter((l) => l.assessment.year <= year).map((l) => this.comparable(l)));
  }

  /** The latest year before this one. */
  previousOf(year: number): LoadedAssessment | undefined {
    return this.all.filter((l) => l.assessment.year < year).at(-1);
  }

  /** The plan a year is measured against: its copy-forward source when earlier, else the latest earlier year. */
  planSourceOf(loaded: LoadedAssessment): LoadedAssessment | null {
    const from = loaded.assessment.copyForward?.fromAssessmentId;
    const year = loaded.assessment.year;
    return this.all.find((l) => l.assessment.id === from && l.assessment.year < year) ?? this.previousOf(year) ?? null;
  }

  context(loaded: LoadedAssessment): YearContext {
    const computed = this.results(loaded);
    // Submitted under another methodology: its figures of then, beside these where they differ.
    const submittedUnder = submittedMethodology(loaded);
    const results =
      submittedUnder !== null && submittedUnder !== this.methodology
        ? { ...computed, asSubmitted: submittedDifferences(computed, this.compute(loaded, submittedUnder)) }
        : computed;
    const before = this.previousOf(loaded.assessment.year);
    let previous: ReturnType<YearContext['previous']> | undefined;
    return {
      loaded,
      results,
      previous: () =>
        (previous ??= before
          ? {
              loaded: before,
              results: this.results(before),
              comparison: compareResults(this.comparable(before), comparable(loaded, results)),
            }
          : null),
      trend: () => this.trend(loaded.assessment.year),
      planSource: this.planSourceOf(loaded),
    };
  }
}

/** What the comparison reads of one year: its results, footprint and visible answers. */
export function comparable(loaded: LoadedAssessment, results: FullResults): ComparableAssessment {
  return {
    assessmentId: loaded.assessment.id,
    year: loaded.assessment.year,
    templateId: loaded.assessment.questionnaireId,
    templateVersion: loaded.assessment.templateVersion,
    results,
    footprint: results.footprint,
    answers: visibleValues(loaded),
    questionIds: [...loaded.template.questions.keys()],
  };
}
