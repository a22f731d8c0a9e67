/**
 * What every part of the report reads: the input, the language's words and formatter, and what
 * several parts share (the savings, this year's commitments, the plan's groups and this year's
 * actions, the overall score), worked out once.
 */
import type { Action } from '../../questionnaires/template.types.js';
import { OWNER_ROLE_TERMS } from '../../questionnaires/terms.js';
import type { FullResults } from '../../results/full-results.js';
import { createFormatter } from '../report-format.js';
import { reportLabels, type ReportLabels } from '../report.labels.js';
import type { ReportCommitment, ReportInput } from '../report.loader.js';
import type { MaturityLevel, OwnerVm, PlanGroup, SavingVm } from '../report.view-model.js';
import { TEXT, type LoaderText } from './text.js';

/** Under this overall (or section) confidence, the cover and the summary say the figures rest on few answers. */
export const CONFIDENCE_THRESHOLD = 0.8;

export type Priority = FullResults['priorities'][number];
export type PlannedPriority = Priority & { group: PlanGroup };

export interface LoaderContext {
  input: ReportInput;
  lang: ReportInput['lang'];
  results: FullResults;
  t: LoaderText;
  labels: ReportLabels;
  fmt: ReturnType<typeof createFormatter>;
  actionsById: Map<string, Action>;
  /** This year's commitments by action: the owner and due date the plan names, once an action is adopted. */
  committed: Map<string, ReportCommitment>;
  /** A lever's saving, formatted once with figures.js (the web page's function); null when not quantified. */
  savingOf(actionId: string): SavingVm | null;
  savingText(actionId: string): string | null;
  dueText(due: ReportCommitment['due']): string | null;
  ownerOf(p: Priority): OwnerVm;
  /** The plan's groups, in the order the report shows them. */
  groups: PlanGroup[];
  /** The priorities in one of those groups. */
  planned: PlannedPriority[];
  /** This year's three to five actions (the best of `next` when none is due this year). */
  thisYear: PlannedPriority[];
  overallScore: number;
  overallLevel: MaturityLevel;
  previousScore: number | null;
}

export function loaderContext(input: ReportInput): LoaderContext {
  const { lang, results } = input;
  const t = TEXT[lang];
  const labels = reportLabels(lang);
  const fmt = createFormatter(lang);
  const actionsById = new Map(input.actions.map((a) => [a.id, a]));

  const leverSaving = (actionId: string) => {
    const saving = results.savings.find((s) => s.applicable && s.lever === actionsById.get(actionId)?.lever);
    return saving && saving.climateKgCo2ePerYear !== null ? saving : null;
  };
  const savingOf = (actionId: string): SavingVm | null => {
    const saving = leverSaving(actionId);
    if (!saving || saving.climateKgCo2ePerYear === null) return null;
    const low = saving.range?.low.climate;
    const high = saving.range?.high.climate;
    return {
      kg: saving.climateKgCo2ePerYear,
      kgText: fmt.quantity(saving.climateKgCo2ePerYear),
      rangeText: low != null && high != null ? fmt.range(low, high) : '',
      share: saving.shareOfClimateTotal,
      shareText: saving.shareOfClimateTotal === null ? null : fmt.share(saving.shareOfClimateTotal),
    };
  };
  const savingText = (actionId: string): string | null => {
    const saving = savingOf(actionId);
    return saving ? t.saving(saving.kgText, saving.rangeText, saving.shareText) : null;
  };

  const committed = new Map((input.commitments ?? []).map((c) => [c.actionId, c]));
  const dueText = (due: ReportCommitment['due']): string | null => {
    if (!due) return null;
    if (due.kind === 'quarter') {
      const [y, m] = due.date.split('-');
      return t.quarter(String(Math.ceil(Number(m) / 3)), y);
    }
    return fmt.date(due.date);
  };
  const ownerOf = (p: Priority): OwnerVm => {
    const c = committed.get(p.actionId);
    if (c?.owner) return { name: c.owner, source: 'commitment' };
    return { name: OWNER_ROLE_TERMS[p.ownerRole]?.[lang] ?? p.ownerRole, source: 'suggested' };
  };

  const groups: PlanGroup[] = ['this_year', 'next', 'keep_up', 'unknown'];
  const planned = results.priorities.filter((p): p is PlannedPriority => groups.includes(p.group as PlanGroup));
  const thisYearAll = planned.filter((p) => p.group === 'this_year');
  const thisYear = (thisYearAll.length ? thisYearAll : planned.filter((p) => p.group === 'next').slice(0, 3)).slice(0, 5);

  return {
    input,
    lang,
    results,
    t,
    labels,
    fmt,
    actionsById,
    committed,
    savingOf,
    savingText,
    dueText,
    ownerOf,
    groups,
    planned,
    thisYear,
    overallScore: results.overall.score ?? 0,
    overallLevel: (results.overall.level ?? 1) as MaturityLevel,
    previousScore: input.previous?.results.overall.score ?? null,
  };
}
