/**
 * The loader of the report pipeline: plain data about one assessment (results, answers, the
 * previous year and the trend) -> the immutable view model the renderer draws. Pure: the
 * service feeds it from the database, the command line from an answers file.
 * Every string is chosen here in the report's language; every number is computed here.
 * One module per part of the report under `loader/`, each with its unit tests; this file puts them together.
 */
import type { Comparison, Trend } from '../comparison/index.js';
import type { FootprintFactors } from '../footprint/index.js';
import type { CommittedVsDone } from '../plan/progress.js';
import type { Action, AnswerValue, KeyMessage, Lang, QuestionnaireTemplate } from '../questionnaires/template.types.js';
import type { FullResults } from '../results/full-results.js';
import { METHODOLOGY_VERSION } from '../scoring/index.js';
import { buildCommitmentsVm } from './commitments.vm.js';
import { appendixPart } from './loader/appendix.part.js';
import { loaderContext } from './loader/context.js';
import { footprintPart } from './loader/footprint.part.js';
import { honestyPart } from './loader/honesty.part.js';
import { methodologyPart } from './loader/methodology.part.js';
import { actionPlanPart } from './loader/plan.part.js';
import { sectionsPart } from './loader/sections.part.js';
import { summaryPart } from './loader/summary.part.js';
import { yearOnYearPart } from './loader/year-on-year.part.js';
import { freezeViewModel, type ReportViewModel } from './report.view-model.js';

export { CONFIDENCE_THRESHOLD } from './loader/context.js';

export interface ReportAnswer {
  questionId: string;
  value: AnswerValue;
  comment: string | null;
  /** Who gave it (an email or a name), when known. */
  answeredBy: string | null;
  updatedAt: string | null;
  /** Copied from last year and not confirmed or changed since (assessment copy-forward). */
  carriedOver?: boolean;
}

/** This year's commitment to an action (the plan module's), as the report needs it. */
export interface ReportCommitment {
  actionId: string;
  /** What to show: the member's e-mail or the named role; null when nobody is named. */
  owner: string | null;
  due: { kind: 'date' | 'quarter'; date: string } | null;
  status: 'not_started' | 'in_progress' | 'done' | 'dropped';
}

export interface ReportInput {
  lang: Lang;
  organisationName: string;
  /** ISO 8601: the report's date (fixed for a deterministic render). */
  generatedAt: string;
  template: QuestionnaireTemplate;
  actions: Action[];
  catalogueVersion: number | null;
  keyMessages: KeyMessage[];
  factors: FootprintFactors;
  results: FullResults;
  answers: ReportAnswer[];
  /** The latest earlier assessment, compared with this one; absent the first year. */
  previous?: { year: number; results: FullResults; comparison: Comparison };
  /** Every year of the organisation, this one included. */
  trend?: Trend;
  /** What became of last year's plan (absent or null: no commitment last year). */
  lastYearCommitments?: CommittedVsDone | null;
  /** This year's commitments (owner, due date): absent when the plan is empty or unknown (answers file). */
  commitments?: ReportCommitment[];
  /** The year answers were carried over from (copy-forward), when they were. */
  carriedFromYear?: number | null;
  /** An owner submitted it with carried-over answers unconfirmed, by explicit choice (recorded). */
  submittedUnreviewed?: boolean;
}

export function buildReportViewModel(input: ReportInput): ReportViewModel {
  const ctx = loaderContext(input);
  const { lang, results } = ctx;
  const honesty = honestyPart(ctx);
  const vm = {
    honesty,
    meta: {
      lang,
      organisationName: input.organisationName,
      year: results.assessment.year,
      generatedAt: input.generatedAt,
      templateId: input.template.id,
      templateVersion: input.template.version,
      templateTitle: input.template.title[lang],
      catalogueVersion: input.catalogueVersion,
      methodologyVersion: results.methodologyVersion ?? METHODOLOGY_VERSION,
      status: results.assessment.status,
    },
    summary: summaryPart(ctx, honesty),
    sections: sectionsPart(ctx),
    actionPlan: actionPlanPart(ctx),
    footprint: footprintPart(ctx),
    yearOnYear: yearOnYearPart(ctx),
    commitments: input.lastYearCommitments ? buildCommitmentsVm(input.lastYearCommitments, lang) : null,
    keyMessages: input.keyMessages.map((m) => ({
      number: m.number,
      title: m.title[lang],
      body: m.body[lang],
      figures: m.figures.map((f) => ({ text: f.text[lang], source: f.source, year: f.year })),
    })),
    methodology: methodologyPart(ctx),
    appendix: appendixPart(ctx),
  };
  return freezeViewModel(vm as ReportViewModel);
}
