/**
 * The report's view model: everything the PDF shows, already decided.
 *
 * Pipeline (STYLE.md point 11): a loader turns an assessment (answers, scores,
 * priorities, footprint, comparison) into this immutable, JSON-serialisable value;
 * layout functions draw it; only the renderer and the layout files import pdfkit.
 *
 * Rules for whoever builds it:
 * - every string is already in `meta.lang` (titles, sentences, labels of levels,
 *   effort, owner roles...); fixed headings come from `report.labels.ts`;
 * - every number is already computed (scores, deltas, totals, percentages): the
 *   renderer only formats and draws them, it never adds, averages or ranks;
 * - `null` means "unknown" / "not estimated" and is shown as such, never as 0;
 * - it crosses a worker-thread boundary (structured clone): plain data only,
 *   dates as ISO 8601 strings, no class instances, no functions.
 */
import type { Effort, Lang } from '../questionnaires/template.types.js';
import type { CommitmentsVm } from './commitments.vm.js';

export type { CommitmentsVm };

/** Recursively read-only: the view model is never mutated once built. */
export type Immutable<T> = T extends (infer U)[]
  ? ReadonlyArray<Immutable<U>>
  : T extends object
    ? { readonly [K in keyof T]: Immutable<T[K]> }
    : T;

/** Maturity level, 1 (starting) to 5 (exemplary). */
export type MaturityLevel = 1 | 2 | 3 | 4 | 5;

/** The footprint criteria shown in the report, in this order. Units are fixed. */
export const FOOTPRINT_CRITERIA = ['climate', 'minerals', 'fossil', 'rawMaterial', 'water'] as const;
/**
 * climate: kg CO2e; minerals: minerals and metals, kg Sb eq; fossil: non-renewable energy
 * resources (fossil and nuclear, ADPf), MJ; rawMaterial: material input, kg; water: ADEME's water
 * indicator of manufacture, litres. All values are per year.
 */
export type FootprintCriterion = (typeof FOOTPRINT_CRITERIA)[number];

/**
 * How the plan groups priorities (methodology scoring-2): at most five this year, then next, then
 * keep up; `unknown`: no known answer yet (answer first), last.
 */
export type PlanGroup = 'this_year' | 'next' | 'keep_up' | 'unknown';
export const PLAN_GROUPS: readonly PlanGroup[] = ['this_year', 'next', 'keep_up', 'unknown'];

/** What became of an action between two years. `unmatched`: the action cannot be matched across template versions. */
export type ActionChangeStatus = 'improved' | 'regressed' | 'unchanged' | 'new' | 'unmatched';

export interface ReportMetaVm {
  lang: Lang;
  organisationName: string;
  /** The assessment year, e.g. 2024. */
  year: number;
  /** When the report data was produced, ISO 8601 (UTC). Also the PDF date of a deterministic render. */
  generatedAt: string;
  /** Questionnaire template the assessment is pinned to. */
  templateId: string;
  templateVersion: number;
  /** Localised title of the questionnaire template. */
  templateTitle: string;
  /** Version of the action catalogue used for the plan (null when not tracked). */
  catalogueVersion: number | null;
  /** Version of the scoring / priority / footprint method, e.g. "2025.1". */
  methodologyVersion: string;
  /** A draft report carries a visible "draft" mention. */
  status: 'draft' | 'submitted';
}

/** Who carries an action: the commitment's owner once adopted, else the role the catalogue suggests. */
export interface OwnerVm {
  /** e.g. "marie@agglo.fr", "DSI" (a named role), "Achats" (suggested). */
  name: string;
  /** commitment: named in the plan; suggested: the catalogue's role, nobody named yet. */
  source: 'commitment' | 'suggested';
}

/** A quantified yearly saving, figures formatted once (figures.js, as the web page). */
export interface SavingVm {
  /** kg CO2e a year avoided (the low end the plan promises). */
  kg: number;
  /** kg formatted, two significant digits, e.g. "4 600". */
  kgText: string;
  /** The range of the saving, e.g. "4 400–4 700"; '' when none. */
  rangeText: string;
  /** Share 0-1 of the climate footprint; null when the total is not estimated. */
  share: number | null;
  /** e.g. "28 %"; null with `share`. */
  shareText: string | null;
}

/** One of this year's actions as the summary shows it. */
export interface SummaryActionVm {
  rank: number;
  actionId: string;
  title: string;
  group: PlanGroup;
  /** "Levier" / "Fondation" (scoring-2), '' otherwise. */
  kindLabel: string;
  effortLabel: string;
  /** null: not quantified (foundations, levers the inventory does not quantify). */
  saving: SavingVm | null;
  owner: OwnerVm;
  /** Due date as the plan has it ("T2 2027", "30 juin 2027"); null when not committed. */
  due: string | null;
  /** The action's first next step; null when the catalogue has none. */
  firstStep: string | null;
}

/** A notice the reader must see before trusting the figures. */
export interface NoticeVm {
  kind: 'unconfirmed' | 'low_confidence' | 'not_applicable';
  /** One short sentence for the cover. */
  short: string;
  /** The full notice for the summary: how many, which sections, what it means. */
  text: string;
}

/** The honesty marks of the report: carried-over answers not confirmed, low confidence, what does not apply. */
export interface HonestyVm {
  /** Carried-over answers nobody has confirmed or changed yet, by section. */
  unconfirmed: { count: number; fromYear: number | null; sections: Array<{ id: string; title: string; count: number }> };
  /** The confidence under which the notice is shown, 0-1. */
  confidenceThreshold: number;
  notices: NoticeVm[];
}

/** One period of the 90-day plan. */
export interface NinetyDayPeriodVm {
  /** e.g. "Jours 1 à 30". */
  label: string;
  items: string[];
}

export interface FootprintHeadlineVm {
  criterion: FootprintCriterion;
  /** Yearly total; null = not estimated. */
  value: number | null;
  /** Low and high of the yearly total; null = not estimated. */
  low: number | null;
  high: number | null;
  /** The figure as summaries show it: two significant digits, unit and range ("14 000 kg CO2e (12 000–17 000)"). */
  text: string;
  /** Same criterion last year, when a previous assessment exists and it was estimated. */
  previousValue: number | null;
  /** value - previousValue, when both exist. */
  change: number | null;
  /** change / previousValue * 100, when both exist and previousValue is not 0. */
  changePercent: number | null;
}

export interface ExecutiveSummaryVm {
  /** Overall score 0-100. */
  score: number;
  level: MaturityLevel;
  /** e.g. "Structuré" / "Structured". */
  levelLabel: string;
  /** 0-1: share of the scoring weight that was answered. */
  confidence: number;
  /** Year and overall score of the previous assessment, when there is one. */
  previousYear: number | null;
  previousScore: number | null;
  /** score - previousScore, when there is a previous score. */
  scoreChange: number | null;
  /** This year's three to five actions in rank order (the best of `next` when none is due this year). */
  thisYear: SummaryActionVm[];
  /** Which group `thisYear` comes from. */
  thisYearGroup: PlanGroup;
  /** One per criterion, in FOOTPRINT_CRITERIA order. */
  footprint: FootprintHeadlineVm[];
  /** Climate per person, naming the person ("1 300 kg CO2e (1 200–1 400) par agent"); null when the headcount is unknown. */
  perPersonText: string | null;
  /** What the footprint leaves out, one sentence. */
  leavesOut: string;
  /** One sentence each: first priority and why; methodology changes. */
  highlights: string[];
  /** What to do in the next 90 days, three periods. */
  ninetyDays: NinetyDayPeriodVm[];
}

export interface SectionScoreVm {
  id: string;
  title: string;
  /** 0-100; null when nothing in the section was answered. */
  score: number | null;
  level: MaturityLevel | null;
  levelLabel: string | null;
  /** 0-1. */
  confidence: number;
  /** Same section last year (matched by stable id), null when absent. */
  previousScore: number | null;
  /** score - previousScore when both exist. */
  change: number | null;
  /** Why the section does not apply to the organisation (then it has no score); null when it applies. */
  notApplicable: string | null;
}

export interface ActionPlanItemVm {
  /** 1-based rank in the whole plan (not within the group). */
  rank: number;
  actionId: string;
  title: string;
  /** Why it matters for this organisation: one or two sentences. */
  whyItMatters: string;
  /** Where the organisation stands: maturity 0-100, null = unknown (not answered). */
  maturity: number | null;
  /** Which answers moved it, e.g. "Laptops kept 3 years; no refurbished share." */
  answersSummary: string;
  nextSteps: string[];
  ownerRoleLabel: string;
  /** The commitment's owner once adopted, else the suggested role. */
  owner: OwnerVm;
  /** Due date when committed; null otherwise. */
  due: string | null;
  /** The commitment's status ("En cours"), null when not adopted. */
  commitmentStatus: string | null;
  group: PlanGroup;
  /** "Levier" / "Fondation" (scoring-2), '' otherwise. */
  kindLabel: string;
  indicator: string;
  effort: Effort;
  effortLabel: string;
  /** e.g. "≈ 1 240 kg CO2e / an (43–97 % par appareil)"; null = not quantified. */
  expectedSavingText: string | null;
  saving: SavingVm | null;
}

export interface ActionPlanGroupVm {
  group: PlanGroup;
  items: ActionPlanItemVm[];
}

export interface ActionPlanVm {
  /** In PLAN_GROUPS order; a group may be empty. */
  groups: ActionPlanGroupVm[];
  /** Actions that do not apply to the organisation, with why (left out of the plan, not a zero). */
  notApplicable: Array<{ title: string; reason: string }>;
}

/** One criterion of one device type, per year. null = not estimated. */
export interface ImpactSplitVm {
  embodied: number | null;
  use: number | null;
}

export interface ImpactTotalVm extends ImpactSplitVm {
  total: number | null;
}

export interface DeviceFootprintVm {
  /** Stable id, e.g. "laptop". */
  deviceType: string;
  /** Localised label, e.g. "Ordinateur portable". */
  label: string;
  count: number;
  /** Lifespan used in the estimate, in years. */
  lifespanYears: number;
  /** Whether the lifespan was declared by the organisation or is the reference default. */
  lifespanSource: 'declared' | 'reference';
  /** 0-1, null when not asked / unknown. */
  refurbishedShare: number | null;
  /** Yearly impacts per criterion; total = embodied + use (null when neither is estimated). */
  impacts: Record<FootprintCriterion, ImpactTotalVm>;
  /** e.g. "Facteurs incertains (imprimantes)"; null when nothing to flag. */
  note: string | null;
}

export interface NotEstimatedVm {
  /** What is not estimated, e.g. "Eau, phase d'usage". */
  subject: string;
  /** Why, e.g. "pas de facteur ouvert pour l'électricité". */
  reason: string;
}

/** One part of the organisation's digital footprint, estimated or not, and why. */
export interface ScopeItemVm {
  label: string;
  detail: string;
}

export interface FootprintVm {
  /** Version of the footprint factors the figures come from. */
  factorsVersion: number;
  /** Summary text of each yearly total (two significant digits and the range). */
  totalTexts: Record<FootprintCriterion, string>;
  /** Low and high of each yearly total; null = not estimated. */
  totalRanges: Record<FootprintCriterion, { low: number | null; high: number | null }>;
  /** Per person, naming the person ("par salarié"); null when the number of people is unknown. */
  perPerson: {
    label: string;
    texts: Record<FootprintCriterion, string>;
    values: Record<FootprintCriterion, { value: number; low: number; high: number } | null>;
  } | null;
  /** One sentence: what the totals leave out. */
  leavesOut: string;
  /** What the estimate counts and what it leaves out, and why. */
  scope: { estimated: ScopeItemVm[]; notEstimated: ScopeItemVm[] };
  /** e.g. "France". */
  electricityZone: string;
  /** kg CO2e per kWh used for the use phase; null when unknown. */
  electricityFactor: number | null;
  /** The working profile, as a sentence (days a year, hours a day per device). */
  usageProfile: string;
  devices: DeviceFootprintVm[];
  totals: Record<FootprintCriterion, ImpactTotalVm>;
  notEstimated: NotEstimatedVm[];
}

export interface SectionDeltaVm {
  id: string;
  title: string;
  previous: number | null;
  current: number | null;
  /** current - previous when both exist. */
  delta: number | null;
}

export interface ActionDeltaVm {
  actionId: string;
  title: string;
  previousMaturity: number | null;
  currentMaturity: number | null;
  delta: number | null;
  status: ActionChangeStatus;
}

export interface FootprintDeltaVm {
  criterion: FootprintCriterion;
  previous: number | null;
  current: number | null;
  delta: number | null;
  deltaPercent: number | null;
}

export interface TrendPointVm {
  year: number;
  score: number | null;
  /** Yearly climate total, kg CO2e; null = not estimated that year. */
  climateTotal: number | null;
}

export interface YearOnYearVm {
  previousYear: number;
  previousScore: number | null;
  currentScore: number;
  sections: SectionDeltaVm[];
  actions: ActionDeltaVm[];
  footprint: FootprintDeltaVm[];
  /** Every assessed year, oldest first, current year included. */
  trend: TrendPointVm[];
  /** e.g. "Template v2 -> v3: 2 questions could not be matched." */
  notes: string[];
}

export interface KeyMessageFigureVm {
  text: string;
  source: string;
  year: number;
}

export interface KeyMessageVm {
  /** 1 to 7. */
  number: number;
  title: string;
  body: string;
  figures: KeyMessageFigureVm[];
}

export interface SourceVm {
  /** e.g. "ADEME, NegaOctet 2022 (Base Empreinte)". */
  label: string;
  /** Year of the data or publication; null when undated. */
  year: number | null;
  /** What it is used for, e.g. "device manufacturing impacts". */
  usedFor: string | null;
}

export interface MethodologyVm {
  /** Paragraphs are separated by a blank line. */
  scoring: string;
  priority: string;
  footprint: string;
  sources: SourceVm[];
}

export interface AnswerRowVm {
  questionId: string;
  questionLabel: string;
  /** Localised answer as shown to the user; null = not answered. */
  answerText: string | null;
  comment: string | null;
  /** Display name of who gave the answer. */
  answeredBy: string | null;
  /** ISO 8601. */
  answeredAt: string | null;
  /** Carried over from last year and not confirmed or changed since. */
  unconfirmed: boolean;
}

export interface AppendixSectionVm {
  sectionId: string;
  title: string;
  answers: AnswerRowVm[];
}

export interface AppendixVm {
  sections: AppendixSectionVm[];
}

interface ReportViewModelShape {
  meta: ReportMetaVm;
  honesty: HonestyVm;
  summary: ExecutiveSummaryVm;
  sections: SectionScoreVm[];
  actionPlan: ActionPlanVm;
  footprint: FootprintVm;
  /** null when there is no earlier assessment: the whole part is left out. */
  yearOnYear: YearOnYearVm | null;
  /** Committed last year vs done; null when last year's plan had no commitment (the part is left out). */
  commitments: CommitmentsVm | null;
  /** The seven key messages, in order. */
  keyMessages: KeyMessageVm[];
  methodology: MethodologyVm;
  appendix: AppendixVm;
}

/** What the renderer draws. Build it, freeze it (`freezeViewModel`), hand it over. */
export type ReportViewModel = Immutable<ReportViewModelShape>;

/** Deep-freezes a view model in place and returns it. */
export function freezeViewModel<T extends ReportViewModel>(vm: T): T {
  const freeze = (value: unknown): void => {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const child of Object.values(value)) freeze(child);
    }
  };
  freeze(vm);
  return vm;
}
