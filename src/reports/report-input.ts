/**
 * The first step of the report pipeline: one year in its context (this year's results, the previous
 * year and the comparison, the trend) and what the plan says, gathered into the loader's input.
 * Pure: the service feeds it from the database, the tests from the README example's answers.
 */
import type { FootprintFactors } from '../footprint/index.js';
import type { CommittedVsDone } from '../plan/progress.js';
import type { Action, KeyMessage, Lang } from '../questionnaires/template.types.js';
import type { YearContext } from '../results/year-context.js';
import type { ReportAnswer, ReportCommitment, ReportInput } from './report.loader.js';

/** An answer as the API lists it: visible or not, with who gave it. */
export interface ListedAnswer extends Omit<ReportAnswer, 'answeredBy' | 'updatedAt'> {
  visible: boolean;
  answeredByEmail?: string | null;
  updatedAt: string | null;
}

/** A commitment of this year's plan, as the plan lists it. */
export interface ListedCommitment {
  actionId: string;
  owner: { name: string } | null;
  due: { kind: 'date' | 'quarter'; date: string } | null;
  status: ReportCommitment['status'];
}

export function reportInputOf(args: {
  lang: Lang;
  organisationName: string;
  generatedAt: Date;
  context: YearContext;
  content: { actions: Action[]; catalogueVersion: number | null; keyMessages: KeyMessage[] };
  factors: FootprintFactors;
  answers: ListedAnswer[];
  lastYearCommitments: CommittedVsDone | null;
  commitments: ListedCommitment[];
}): ReportInput {
  const { context } = args;
  const { loaded, results } = context;
  const previous = context.previous();
  return {
    lang: args.lang,
    organisationName: args.organisationName,
    generatedAt: args.generatedAt.toISOString(),
    template: loaded.template.template,
    actions: args.content.actions,
    catalogueVersion: args.content.catalogueVersion,
    keyMessages: args.content.keyMessages,
    factors: args.factors,
    results,
    // Only what is asked is reported; hidden answers stay in the database.
    answers: args.answers
      .filter((a) => a.visible)
      .map((a) => ({
        questionId: a.questionId,
        value: a.value,
        comment: a.comment,
        answeredBy: a.answeredByEmail ?? null,
        updatedAt: a.updatedAt,
        carriedOver: a.carriedOver,
      })),
    previous: previous ? { year: previous.loaded.assessment.year, results: previous.results, comparison: previous.comparison } : undefined,
    trend: context.trend(),
    lastYearCommitments: args.lastYearCommitments,
    commitments: args.commitments
      .filter((c) => c.status !== 'dropped')
      .map((c) => ({
        actionId: c.actionId,
        owner: c.owner?.name ?? null,
        due: c.due ? { kind: c.due.kind, date: c.due.date } : null,
        status: c.status,
      })),
    carriedFromYear: loaded.assessment.copyForward?.fromYear ?? null,
    submittedUnreviewed: loaded.assessment.status === 'submitted' && (loaded.assessment.submittedUnreviewed?.length ?? 0) > 0,
  };
}
