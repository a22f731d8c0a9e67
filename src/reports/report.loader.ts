/**
 * The loader of the report pipeline: plain data about one assessment (results, answers, the
 * previous year and the trend) -> the immutable view model the renderer draws. Pure: the
 * service feeds it from the database, the command line from an answers file.
 * Every string is chosen here in the report's language; every number is computed here.
 */
import type { Comparison, Trend } from '../comparison/index.js';
import type { Criterion, FootprintFactors } from '../footprint/index.js';
import type { FullResults } from '../results/full-results.js';
import { answerLabel, EF_SOURCE, methodologyText, METHODOLOGY_VERSION, isMethodologyVersion } from '../scoring/index.js';
import type { Action, AnswerValue, KeyMessage, Lang, QuestionnaireTemplate } from '../questionnaires/template.types.js';
import { OWNER_ROLE_TERMS } from '../questionnaires/terms.js';
import type { CommittedVsDone } from '../plan/progress.js';
import { buildCommitmentsVm } from './commitments.vm.js';
import { createFormatter } from './report-format.js';
import { reportLabels } from './report.labels.js';
import {
  FOOTPRINT_CRITERIA,
  freezeViewModel,
  type ActionChangeStatus,
  type ActionPlanItemVm,
  type FootprintCriterion,
  type NoticeVm,
  type OwnerVm,
  type SavingVm,
  type SummaryActionVm,
  type MaturityLevel,
  type PlanGroup,
  type ReportViewModel,
  type SourceVm,
} from './report.view-model.js';

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
}

/** Under this overall (or section) confidence, the cover and the summary say the figures rest on few answers. */
export const CONFIDENCE_THRESHOLD = 0.8;

const listFr = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} et ${xs.at(-1)}`);
const listEn = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

const TEXT = {
  fr: {
    kind: { lever: 'Levier', foundation: 'Fondation' } as Record<string, string>,
    status: { not_started: 'Pas commencé', in_progress: 'En cours', done: 'Fait', dropped: 'Abandonné' } as Record<string, string>,
    quarter: (q: string, y: string) => `T${q} ${y}`,
    list: listFr,
    ranks: (rs: number[]) => (rs.length === 1 ? `l’action n° ${rs[0]}` : `les actions n° ${listFr(rs.map(String))}`),
    perPerson: (text: string, label: string) => `${text} ${label}`,
    unconfirmedShort: (n: number, y: number | null) =>
      `${n} réponse${n > 1 ? 's' : ''} reprise${n > 1 ? 's' : ''} ${y ? `de ${y}` : 'de l’an dernier'} sans confirmation.`,
    unconfirmed: (n: number, y: number | null, sections: string) =>
      `${n} réponse${n > 1 ? 's' : ''} reprise${n > 1 ? 's' : ''} ${y ? `de ${y}` : 'de l’an dernier'} n’${n > 1 ? 'ont' : 'a'} été ni confirmée${n > 1 ? 's' : ''} ni modifiée${n > 1 ? 's' : ''} (${sections}). ` +
      'Les scores, l’empreinte et le plan les comptent telles qu’elles étaient : les faire relire avant de présenter ces chiffres.',
    lowConfidenceShort: (c: string) => `Fiabilité ${c} : une part des réponses manque.`,
    lowConfidenceNotice: (c: string, threshold: string, sections: string) =>
      `Fiabilité ${c} (seuil ${threshold}) : une part de ce qui compte est sans réponse ou « je ne sais pas »${sections ? ` ; sous le seuil : ${sections}` : ''}. ` +
      'Cela baisse la fiabilité, pas le score, et un rang qui repose sur peu de réponses est ramené vers la moyenne.',
    notApplicableShort: (titles: string) => `Sans objet : ${titles}.`,
    notApplicableNotice: (items: string, actions: number) =>
      `Sans objet pour l’organisation, hors des scores et du plan (ce n’est pas un zéro) : ${items}.` +
      (actions ? ` ${actions} action${actions > 1 ? 's' : ''} sans objet ${actions > 1 ? 'sont listées' : 'est listée'} en annexe A.` : ''),
    days: ['Jours 1 à 30', 'Jours 31 à 60', 'Jours 61 à 90'],
    confirmAnswers: (n: number, y: number | null) =>
      `Faire relire et confirmer les ${n} réponses reprises ${y ? `de ${y}` : 'de l’an dernier'}.`,
    nameOwners: (ranks: string) => `Nommer un porteur et fixer une échéance pour ${ranks}.`,
    kickOff: (n: number) =>
      `Lancer ${n > 1 ? `les ${n} actions engagées` : 'l’action engagée'} avec ${n > 1 ? 'leurs porteurs' : 'son porteur'}.`,
    step: (rank: number, step: string) => `N° ${rank} : ${step}`,
    firstSteps: (ranks: string) => `Engager la première étape pour ${ranks}.`,
    baseline: 'Mesurer le point de départ de chaque indicateur suivi.',
    completeAnswers: (c: string) => `Compléter les réponses manquantes ou « je ne sais pas » (fiabilité ${c}).`,
    review: (n: number) => `Faire le point en comité : avancement des ${n} actions et premières mesures.`,
    yes: 'Oui',
    no: 'Non',
    unknownStanding: 'Pas encore de réponse : répondez aux questions liées pour situer cette action.',
    saving: (kg: string, range: string, share: string | null) =>
      `≈ ${kg} kg CO₂e évités par an${range || share ? ` (${[range, share ? `${share} de l’empreinte climat` : ''].filter(Boolean).join(' ; ')})` : ''}`,
    noWaterFactor: 'pas de facteur ouvert pour l’eau de l’électricité',
    noFigure: 'pas de valeur dans les données de référence',
    noAnswer: 'Sans réponse',
    firstYear: 'Première évaluation : la comparaison viendra l’an prochain.',
    unmatchedQuestions: (n: number, a: number, b: number) => `Questionnaire v${a} → v${b} : ${n} question(s) sans correspondance.`,
    highlightTop: (t: string) => `Première priorité : ${t}.`,
    highlightWeak: (t: string, s: string) => `Section la plus faible : ${t} (${s}/100).`,
    highlightCap: (t: string) => `Le niveau global est plafonné par la section « ${t} ».`,
    lowConfidence: (c: string) => `Confiance de ${c} : une partie des questions reste sans réponse.`,
    asSubmitted: (v: string, then: string, thenLevel: string, now: string, nowLevel: string, current: string) =>
      `Soumise avec la méthode ${v} : score ${then} (niveau ${thenLevel}) ; recalculée avec ${current} : ${now} (niveau ${nowLevel}).`,
    usedFor: 'Utilisée pour',
    factorsVersion: (v: number) =>
      `Facteurs d’empreinte version ${v} (templates/footprint-factors.json) : chaque chiffre y porte sa source, son année et la ligne du jeu de données, avec le journal des modifications. Résumés à deux chiffres significatifs, avec la fourchette ; l’export CSV garde les chiffres complets.`,
  },
  en: {
    kind: { lever: 'Lever', foundation: 'Foundation' } as Record<string, string>,
    status: { not_started: 'Not started', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' } as Record<string, string>,
    quarter: (q: string, y: string) => `Q${q} ${y}`,
    list: listEn,
    ranks: (rs: number[]) => (rs.length === 1 ? `action no. ${rs[0]}` : `actions no. ${listEn(rs.map(String))}`),
    perPerson: (text: string, label: string) => `${text} ${label}`,
    unconfirmedShort: (n: number, y: number | null) =>
      `${n} answer${n > 1 ? 's' : ''} carried over from ${y ?? 'last year'}, not confirmed.`,
    unconfirmed: (n: number, y: number | null, sections: string) =>
      `${n} answer${n > 1 ? 's' : ''} carried over from ${y ?? 'last year'} ${n > 1 ? 'have' : 'has'} been neither confirmed nor changed (${sections}). ` +
      'The scores, the footprint and the plan count them as they were: have them reviewed before presenting these figures.',
    lowConfidenceShort: (c: string) => `Confidence ${c}: some answers are missing.`,
    lowConfidenceNotice: (c: string, threshold: string, sections: string) =>
      `Confidence ${c} (threshold ${threshold}): part of what counts is unanswered or "I don't know"${sections ? `; below the threshold: ${sections}` : ''}. ` +
      'This lowers the confidence, not the score, and a rank resting on few answers is pulled toward the average.',
    notApplicableShort: (titles: string) => `Not applicable: ${titles}.`,
    notApplicableNotice: (items: string, actions: number) =>
      `Not applicable to the organisation, left out of scores and plan (not a zero): ${items}.` +
      (actions ? ` ${actions} action${actions > 1 ? 's' : ''} that do not apply ${actions > 1 ? 'are' : 'is'} listed in annex A.` : ''),
    days: ['Days 1 to 30', 'Days 31 to 60', 'Days 61 to 90'],
    confirmAnswers: (n: number, y: number | null) => `Have the ${n} answers carried over from ${y ?? 'last year'} reviewed and confirmed.`,
    nameOwners: (ranks: string) => `Name an owner and set a due date for ${ranks}.`,
    kickOff: (n: number) => `Kick off the ${n > 1 ? `${n} committed actions with their owners` : 'committed action with its owner'}.`,
    step: (rank: number, step: string) => `No. ${rank}: ${step}`,
    firstSteps: (ranks: string) => `Start the first step of ${ranks}.`,
    baseline: 'Record the baseline of every indicator followed.',
    completeAnswers: (c: string) => `Complete the missing or "I don't know" answers (confidence ${c}).`,
    review: (n: number) => `Review with the committee: progress of the ${n} actions and first measured values.`,
    yes: 'Yes',
    no: 'No',
    unknownStanding: 'Not answered yet: answer the related questions to place this action.',
    saving: (kg: string, range: string, share: string | null) =>
      `≈ ${kg} kg CO₂e avoided a year${range || share ? ` (${[range, share ? `${share} of the climate footprint` : ''].filter(Boolean).join('; ')})` : ''}`,
    noWaterFactor: 'no open factor for the water of electricity',
    noFigure: 'no figure in the reference data',
    noAnswer: 'Not answered',
    firstYear: 'First assessment: the comparison comes next year.',
    unmatchedQuestions: (n: number, a: number, b: number) => `Questionnaire v${a} → v${b}: ${n} question(s) could not be matched.`,
    highlightTop: (t: string) => `First priority: ${t}.`,
    highlightWeak: (t: string, s: string) => `Weakest section: ${t} (${s}/100).`,
    highlightCap: (t: string) => `The overall level is capped by the "${t}" section.`,
    lowConfidence: (c: string) => `Confidence ${c}: some questions are still unanswered.`,
    asSubmitted: (v: string, then: string, thenLevel: string, now: string, nowLevel: string, current: string) =>
      `Submitted under methodology ${v}: score ${then} (level ${thenLevel}); recomputed under ${current}: ${now} (level ${nowLevel}).`,
    usedFor: 'Used for',
    factorsVersion: (v: number) =>
      `Footprint factors version ${v} (templates/footprint-factors.json): every figure there carries its source, year and dataset row, with a changelog. Summaries show two significant digits and the range; the CSV export keeps the full figures.`,
  },
} as const;

const STATUS_MAP: Record<string, ActionChangeStatus> = {
  improved: 'improved',
  regressed: 'regressed',
  unchanged: 'unchanged',
  new: 'new',
  no_longer_asked: 'unmatched',
  unknown: 'unmatched',
};

export function buildReportViewModel(input: ReportInput): ReportViewModel {
  const { lang, results } = input;
  const t = TEXT[lang];
  const labels = reportLabels(lang);
  const fmt = createFormatter(lang);
  const actionsById = new Map(input.actions.map((a) => [a.id, a]));
  const questions = new Map(input.template.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));

  const leverSaving = (actionId: string) => {
    const saving = results.savings.find((s) => s.applicable && s.lever === actionsById.get(actionId)?.lever);
    return saving && saving.climateKgCo2ePerYear !== null ? saving : null;
  };
  /** The saving's figures, formatted once with figures.js (the web page's function). */
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

  // This year's commitments: the owner and due date the plan names, once an action is adopted.
  const committed = new Map((input.commitments ?? []).map((c) => [c.actionId, c]));
  const dueText = (due: ReportCommitment['due']): string | null => {
    if (!due) return null;
    if (due.kind === 'quarter') {
      const [y, m] = due.date.split('-');
      return t.quarter(String(Math.ceil(Number(m) / 3)), y);
    }
    return fmt.date(due.date);
  };
  const ownerOf = (p: FullResults['priorities'][number]): OwnerVm => {
    const c = committed.get(p.actionId);
    if (c?.owner) return { name: c.owner, source: 'commitment' };
    return { name: OWNER_ROLE_TERMS[p.ownerRole]?.[lang] ?? p.ownerRole, source: 'suggested' };
  };

  const planItem = (p: FullResults['priorities'][number] & { group: PlanGroup }): ActionPlanItemVm => {
    const action = actionsById.get(p.actionId);
    const result = results.actions.find((a) => a.id === p.actionId);
    const known = (result?.explanation ?? []).filter((e) => e.status === 'known' && e.answerLabel);
    const answersSummary = known.length
      ? known
          .slice(0, 4)
          .map((e) => `${e.questionLabel[lang]} — ${e.answerLabel![lang]}`)
          .join(lang === 'fr' ? ' ; ' : '; ')
      : t.unknownStanding;
    const c = committed.get(p.actionId);
    return {
      rank: p.rank,
      actionId: p.actionId,
      title: p.title[lang],
      whyItMatters: `${action ? action.justification.text[lang] + ' ' : ''}${(p.whyShort ?? p.why)[lang]}`,
      maturity: p.maturity,
      answersSummary,
      nextSteps: (action?.nextSteps ?? []).map((s) => s[lang]),
      ownerRoleLabel: OWNER_ROLE_TERMS[p.ownerRole]?.[lang] ?? p.ownerRole,
      owner: ownerOf(p),
      due: dueText(c?.due ?? null),
      commitmentStatus: c ? (t.status[c.status] ?? c.status) : null,
      group: p.group,
      kindLabel: p.kind ? (t.kind[p.kind] ?? '') : '',
      indicator: action?.indicator[lang] ?? '',
      effort: p.effort,
      effortLabel: labels.efforts[p.effort],
      expectedSavingText: savingText(p.actionId),
      saving: savingOf(p.actionId),
    };
  };

  const groups: PlanGroup[] = ['this_year', 'next', 'keep_up', 'unknown'];
  const planned = results.priorities.filter((p): p is typeof p & { group: PlanGroup } => groups.includes(p.group as PlanGroup));
  const thisYearAll = planned.filter((p) => p.group === 'this_year');
  const thisYear = (thisYearAll.length ? thisYearAll : planned.filter((p) => p.group === 'next').slice(0, 3)).slice(0, 5);
  const previousCriterion = (c: Criterion): number | null => input.previous?.results.footprint.totals[c]?.total ?? null;

  const overallScore = results.overall.score ?? 0;
  const overallLevel = (results.overall.level ?? 1) as MaturityLevel;
  const previousScore = input.previous?.results.overall.score ?? null;
  const highlights: string[] = [];
  if (planned[0] && planned[0].group !== 'unknown') highlights.push(t.highlightTop(planned[0].title[lang]));
  const submitted = results.asSubmitted;
  if (submitted?.overall) {
    const score = (x: number | null) => (x === null ? '—' : fmt.score(x));
    highlights.push(
      t.asSubmitted(
        submitted.methodologyVersion,
        score(submitted.overall.submitted.score),
        String(submitted.overall.submitted.level ?? '—'),
        score(submitted.overall.now.score),
        String(submitted.overall.now.level ?? '—'),
        results.methodologyVersion,
      ),
    );
  }
  if (results.overall.cappedBy) {
    const capped = results.sections.find((s) => s.id === results.overall.cappedBy);
    if (capped) highlights.push(t.highlightCap(capped.title[lang]));
  }

  // Honesty marks: what the reader must know before trusting the figures.
  const sectionOf = new Map(input.template.sections.flatMap((s) => s.questions.map((q) => [q.id, s] as const)));
  const unconfirmedIds = new Set(input.answers.filter((a) => a.carriedOver && a.value !== null).map((a) => a.questionId));
  const unconfirmedSections = input.template.sections
    .map((s) => ({ id: s.id, title: s.title[lang], count: s.questions.filter((q) => unconfirmedIds.has(q.id)).length }))
    .filter((s) => s.count > 0);
  const unconfirmedCount = [...unconfirmedIds].filter((id) => sectionOf.has(id)).length;
  const carriedFrom = input.carriedFromYear ?? input.previous?.year ?? null;
  const notices: NoticeVm[] = [];
  if (unconfirmedCount > 0) {
    notices.push({
      kind: 'unconfirmed',
      short: t.unconfirmedShort(unconfirmedCount, carriedFrom),
      text: t.unconfirmed(
        unconfirmedCount,
        carriedFrom,
        unconfirmedSections
          .map((s) => `${s.title} : ${s.count}`.replace(' : ', lang === 'fr' ? '\u00a0: ' : ': '))
          .join(lang === 'fr' ? ' ; ' : '; '),
      ),
    });
  }
  const weakSections = results.sections.filter((s) => s.status !== 'not_applicable' && s.confidence < CONFIDENCE_THRESHOLD);
  if (results.overall.confidence < CONFIDENCE_THRESHOLD || weakSections.length > 0) {
    const c = fmt.ratio(results.overall.confidence);
    notices.push({
      kind: 'low_confidence',
      short: t.lowConfidenceShort(c),
      text: t.lowConfidenceNotice(
        c,
        fmt.ratio(CONFIDENCE_THRESHOLD),
        weakSections.map((s) => `${s.title[lang]} (${fmt.ratio(s.confidence)})`).join(', '),
      ),
    });
  }
  const naSections = results.sections.filter((s) => s.status === 'not_applicable');
  if (naSections.length > 0) {
    notices.push({
      kind: 'not_applicable',
      short: t.notApplicableShort(t.list(naSections.map((s) => s.title[lang]))),
      text: t.notApplicableNotice(
        naSections
          .map((s) => (s.notApplicable ? `${s.title[lang]} (${s.notApplicable.text[lang]})` : s.title[lang]))
          .join(lang === 'fr' ? ' ; ' : '; '),
        results.notApplicable?.actions.length ?? 0,
      ),
    });
  }

  // The next 90 days, from this year's actions and what the figures still lack.
  const summaryActions: SummaryActionVm[] = thisYear.map((p) => {
    const c = committed.get(p.actionId);
    return {
      rank: p.rank,
      actionId: p.actionId,
      title: p.title[lang],
      group: p.group,
      kindLabel: p.kind ? (t.kind[p.kind] ?? '') : '',
      effortLabel: labels.efforts[p.effort],
      saving: savingOf(p.actionId),
      owner: ownerOf(p),
      due: dueText(c?.due ?? null),
      firstStep: actionsById.get(p.actionId)?.nextSteps[0]?.[lang] ?? null,
    };
  });
  const stepOf = (a: SummaryActionVm, i: number): string | null => {
    const step = actionsById.get(a.actionId)?.nextSteps[i]?.[lang];
    return step ? t.step(a.rank, step) : null;
  };
  const uncommitted = summaryActions.filter((a) => !committed.has(a.actionId)).map((a) => a.rank);
  const month1: string[] = [];
  if (unconfirmedCount > 0) month1.push(t.confirmAnswers(unconfirmedCount, carriedFrom));
  if (summaryActions.length) month1.push(uncommitted.length ? t.nameOwners(t.ranks(uncommitted)) : t.kickOff(summaryActions.length));
  const month2: string[] = [];
  const month3: string[] = [];
  // The first steps are on the summary's action lines: the plan says when, by rank.
  const firstRanks = (xs: SummaryActionVm[]) => xs.filter((a) => a.firstStep).map((a) => a.rank);
  if (firstRanks(summaryActions.slice(0, 2)).length) month1.push(t.firstSteps(t.ranks(firstRanks(summaryActions.slice(0, 2)))));
  if (firstRanks(summaryActions.slice(2)).length) month2.push(t.firstSteps(t.ranks(firstRanks(summaryActions.slice(2)))));
  if (summaryActions.length) month2.push(t.baseline);
  if (results.overall.confidence < CONFIDENCE_THRESHOLD) month2.push(t.completeAnswers(fmt.ratio(results.overall.confidence)));
  for (const a of summaryActions.slice(0, 2)) {
    const second = stepOf(a, 1);
    if (second) month3.push(second);
  }
  if (summaryActions.length) month3.push(t.review(summaryActions.length));
  const ninetyDays = [month1, month2, month3].map((items, i) => ({ label: t.days[i], items }));

  const fp = results.footprint;
  const criterionParts = (parts: { embodied: number | null; use: number | null; total: number | null }) => ({
    embodied: parts.embodied,
    use: parts.use,
    total: parts.total,
  });
  const notEstimated = FOOTPRINT_CRITERIA.flatMap((c) => {
    const byPart = new Map<string, string[]>();
    for (const n of fp.totals[c].notEstimated) {
      const device = fp.devices.find((d) => d.device === n.device)?.label[lang] ?? n.device;
      byPart.set(n.part, [...(byPart.get(n.part) ?? []), device]);
    }
    return [...byPart.entries()].map(([part, devices]) => ({
      subject: `${labels.criteria[c].label}, ${part === 'use' ? labels.use : labels.embodied}: ${devices.join(', ')}`,
      reason: c === 'water' && part === 'use' ? t.noWaterFactor : t.noFigure,
    }));
  });

  const sourceList: SourceVm[] = fp.sources.map((s) => ({ label: `${s.publisher}: ${s.title}`, year: s.year, usedFor: s.reference }));
  if (results.methodologyVersion !== 'scoring-1')
    sourceList.push({ label: EF_SOURCE.title, year: EF_SOURCE.year, usedFor: EF_SOURCE.publishedBy });

  const previous = input.previous;
  const comparison = previous?.comparison;
  const vm = {
    honesty: {
      unconfirmed: { count: unconfirmedCount, fromYear: carriedFrom, sections: unconfirmedSections },
      confidenceThreshold: CONFIDENCE_THRESHOLD,
      notices,
    },
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
    summary: {
      score: overallScore,
      level: overallLevel,
      levelLabel: results.overall.levelLabel?.[lang] ?? '',
      confidence: results.overall.confidence,
      previousYear: previous?.year ?? null,
      previousScore,
      scoreChange: previousScore !== null && results.overall.score !== null ? round1(results.overall.score - previousScore) : null,
      thisYear: summaryActions,
      thisYearGroup: thisYear[0]?.group ?? 'this_year',
      footprint: FOOTPRINT_CRITERIA.map((criterion) => {
        const value = fp.totals[criterion].total;
        const before = previousCriterion(criterion);
        const change = value !== null && before !== null ? value - before : null;
        return {
          criterion,
          value,
          low: fp.totals[criterion].low.total,
          high: fp.totals[criterion].high.total,
          text: fp.display.totals[criterion][lang],
          previousValue: before,
          change,
          changePercent: change !== null && before ? round1((change / before) * 100) : null,
        };
      }),
      perPersonText:
        fp.display.perPerson && fp.display.perPersonLabel
          ? t.perPerson(fp.display.perPerson.climate[lang], fp.display.perPersonLabel[lang])
          : null,
      leavesOut: fp.display.leavesOut[lang],
      highlights,
      ninetyDays,
    },
    sections: results.sections.map((s) => {
      const before = previous?.results.sections.find((p) => p.id === s.id)?.score ?? null;
      return {
        id: s.id,
        title: s.title[lang],
        score: s.score,
        level: s.level,
        levelLabel: s.levelLabel?.[lang] ?? null,
        confidence: s.confidence,
        previousScore: before,
        change: before !== null && s.score !== null ? round1(s.score - before) : null,
        notApplicable: s.status === 'not_applicable' && s.notApplicable ? s.notApplicable.text[lang] : null,
      };
    }),
    actionPlan: {
      groups: groups.map((group) => ({ group, items: planned.filter((p) => p.group === group).map(planItem) })),
      notApplicable: (results.notApplicable?.actions ?? []).map((a) => ({ title: a.title[lang], reason: a.reason.text[lang] })),
    },
    footprint: {
      factorsVersion: fp.factorsVersion,
      totalTexts: Object.fromEntries(FOOTPRINT_CRITERIA.map((c) => [c, fp.display.totals[c][lang]])) as Record<FootprintCriterion, string>,
      totalRanges: Object.fromEntries(
        FOOTPRINT_CRITERIA.map((c) => [c, { low: fp.totals[c].low.total, high: fp.totals[c].high.total }]),
      ) as Record<FootprintCriterion, { low: number | null; high: number | null }>,
      perPerson:
        fp.perPerson && fp.display.perPerson && fp.display.perPersonLabel
          ? {
              label: fp.display.perPersonLabel[lang],
              values: Object.fromEntries(FOOTPRINT_CRITERIA.map((c) => [c, fp.perPerson?.values[c] ?? null])) as Record<
                FootprintCriterion,
                { value: number; low: number; high: number } | null
              >,
              texts: Object.fromEntries(
                FOOTPRINT_CRITERIA.map((c) => [
                  c,
                  (fp.display.perPerson as Record<FootprintCriterion, { fr: string; en: string }>)[c][lang],
                ]),
              ) as Record<FootprintCriterion, string>,
            }
          : null,
      leavesOut: fp.display.leavesOut[lang],
      scope: {
        estimated: fp.scope.estimated.map((e) => ({ label: e.label[lang], detail: e.detail[lang] })),
        notEstimated: fp.scope.notEstimated.map((e) => ({ label: e.label[lang], detail: e.detail[lang] })),
      },
      electricityZone: fp.electricity.carbonLabel[lang],
      electricityFactor: fp.electricity.kgCo2ePerKwh,
      usageProfile: fp.assumptions.workingProfile.text[lang],
      devices: fp.devices.map((d) => ({
        deviceType: d.device,
        label: d.label[lang],
        count: d.count,
        lifespanYears: d.lifespanYears,
        lifespanSource: d.lifespanSource === 'answered' ? ('declared' as const) : ('reference' as const),
        refurbishedShare: d.refurbishedShareSource === 'answered' ? d.refurbishedShare : null,
        impacts: Object.fromEntries(FOOTPRINT_CRITERIA.map((c) => [c, criterionParts(d.perCriterion[c])])) as Record<
          FootprintCriterion,
          { embodied: number | null; use: number | null; total: number | null }
        >,
        note: d.notes.length ? d.notes.map((n) => n.text[lang]).join(' ') : null,
      })),
      totals: Object.fromEntries(FOOTPRINT_CRITERIA.map((c) => [c, criterionParts(fp.totals[c])])) as Record<
        FootprintCriterion,
        { embodied: number | null; use: number | null; total: number | null }
      >,
      notEstimated,
    },
    yearOnYear:
      previous && comparison
        ? {
            previousYear: previous.year,
            previousScore,
            currentScore: overallScore,
            sections: comparison.sections.matched.map((s) => ({
              id: s.id,
              title: s.title[lang],
              previous: s.score.previous,
              current: s.score.current,
              delta: s.score.delta,
            })),
            actions: comparison.actions.map((a) => ({
              actionId: a.id,
              title: a.title[lang],
              previousMaturity: a.previousMaturity,
              currentMaturity: a.currentMaturity,
              delta: a.delta,
              status: STATUS_MAP[a.status] ?? 'unmatched',
            })),
            footprint: (comparison.footprint?.criteria ?? [])
              .filter((c): c is typeof c & { criterion: FootprintCriterion } =>
                (FOOTPRINT_CRITERIA as readonly string[]).includes(c.criterion),
              )
              .map((c) => ({
                criterion: c.criterion,
                previous: c.previous,
                current: c.current,
                delta: c.delta,
                deltaPercent: c.deltaPercent,
              })),
            trend: (input.trend?.points ?? []).map((p) => ({
              year: p.year,
              score: p.overall.score,
              climateTotal: p.footprint?.climate ?? null,
            })),
            notes: comparison.sameTemplate
              ? []
              : [
                  t.unmatchedQuestions(
                    comparison.answers.onlyInPrevious.length + comparison.answers.onlyInCurrent.length,
                    comparison.previous.templateVersion,
                    comparison.current.templateVersion,
                  ),
                ],
          }
        : null,
    commitments: input.lastYearCommitments ? buildCommitmentsVm(input.lastYearCommitments, lang) : null,
    keyMessages: input.keyMessages.map((m) => ({
      number: m.number,
      title: m.title[lang],
      body: m.body[lang],
      figures: m.figures.map((f) => ({ text: f.text[lang], source: f.source, year: f.year })),
    })),
    methodology: {
      scoring: methodologyText(lang, isMethodologyVersion(results.methodologyVersion) ? results.methodologyVersion : METHODOLOGY_VERSION),
      priority: priorityText(lang, results.methodologyVersion),
      footprint: [
        t.factorsVersion(fp.factorsVersion),
        fp.assumptions.workingProfile.text[lang],
        FOOTPRINT_CRITERIA.map((c) =>
          `${fp.criteria[c].label[lang]} : ${fp.criteria[c].indicator[lang]}`.replace(' : ', lang === 'fr' ? '\u00a0: ' : ': '),
        ).join('\n'),
        ...fp.assumptions.notes.map((n) => n[lang]),
        ...results.savings.map((s) => s.method[lang]),
      ].join('\n\n'),
      sources: sourceList,
    },
    appendix: {
      sections: input.template.sections.map((section) => ({
        sectionId: section.id,
        title: section.title[lang],
        answers: section.questions
          .map((q) => {
            const a = input.answers.find((x) => x.questionId === q.id);
            if (!a) return null;
            return {
              questionId: q.id,
              questionLabel: q.label[lang],
              answerText: answerText(questions.get(q.id)!, a.value, lang, t),
              comment: a.comment,
              answeredBy: a.answeredBy,
              answeredAt: a.updatedAt,
              unconfirmed: Boolean(a.carriedOver),
            };
          })
          .filter((x): x is NonNullable<typeof x> => x !== null),
      })),
    },
  };
  return freezeViewModel(vm as ReportViewModel);
}

function answerText(
  q: QuestionnaireTemplate['sections'][number]['questions'][number],
  value: AnswerValue,
  lang: Lang,
  t: (typeof TEXT)[Lang],
): string {
  if (q.type === 'boolean') return value === true ? t.yes : t.no;
  if (q.type === 'number') return `${createFormatter(lang).decimal(value as number, 2)}${q.unit ? ` ${q.unit[lang]}` : ''}`;
  if (q.type === 'text') return String(value);
  return answerLabel(q, value)?.[lang] ?? String(value);
}

/** The priority rule in two sentences (the full rules are in the scoring text above it). */
function priorityText(lang: Lang, version: string): string {
  if (version === 'scoring-1') {
    return lang === 'fr'
      ? 'Priorité = 100 × I′/5 × écart/100 × E, où l’écart vaut 100 − maturité, E = 1 (effort faible), 0,7 (moyen) ou 0,45 (élevé), ' +
          'et I′ = poids d’impact (1 à 5) augmenté d’un point par tranche de 10 % de l’empreinte climat que l’action permet d’éviter (deux points au plus, plafonné à 5). ' +
          'Groupes : gains rapides (écart ≥ 40 et effort faible, ou écart ≥ 60 et effort moyen), projets structurants (autre écart ≥ 40), à entretenir (écart < 40).'
      : 'Priority = 100 × I′/5 × gap/100 × E, where gap = 100 − maturity, E = 1 (low effort), 0.7 (medium) or 0.45 (high), ' +
          'and I′ = the impact weight (1 to 5) raised by one point per 10 % of the climate footprint the action would avoid (at most two points, capped at 5). ' +
          'Groups: quick wins (gap ≥ 40 and low effort, or gap ≥ 60 and medium effort), structural projects (any other gap ≥ 40), keep up (gap < 40).';
  }
  return lang === 'fr'
    ? 'Levier : priorité = 100 × s × g*/100 × E, s étant la part de l’empreinte (score unique EF 3.1 sur climat, minéraux et métaux, ressources fossiles) que le levier évite, chiffrée sur l’inventaire ou supposée d’après l’impact ; ' +
        'fondation : 100 × I/5 × g*/100 × E. g* est l’écart ramené vers l’écart moyen de l’organisation selon le crédit des réponses (poids connu / (poids visible + 3)) ; E = 1, 0,7 ou 0,45 selon l’effort. ' +
        'Cette année : cinq actions au plus (trois leviers, deux fondations), écart ≥ 40 et impact ≥ 3 ; ensuite : autre écart ≥ 40 ; à entretenir : écart < 40. Ce qui est sans objet sort des scores et du plan.'
    : 'Lever: priority = 100 × s × g*/100 × E, s being the share of the footprint (EF 3.1 single score over climate, minerals and metals, fossil resources) the lever avoids, quantified on the inventory or assumed from its impact; ' +
        'foundation: 100 × I/5 × g*/100 × E. g* is the gap pulled toward the organisation’s mean gap by the credibility of the answers (known weight / (visible weight + 3)); E = 1, 0.7 or 0.45 by effort. ' +
        'This year: five actions at most (three levers, two foundations), gap ≥ 40 and impact ≥ 3; next: any other gap ≥ 40; keep up: gap < 40. What does not apply is left out of scores and plan.';
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
