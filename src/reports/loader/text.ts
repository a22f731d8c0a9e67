/** The loader's words: sentences whose wording depends on the data, in French and English. */
import type { Lang } from '../../questionnaires/template.types.js';
import type { ActionChangeStatus } from '../report.view-model.js';

const listFr = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} et ${xs.at(-1)}`);
const listEn = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

export const TEXT = {
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
    submittedUnreviewed: 'L’évaluation a été soumise sans les relire, par choix explicite consigné dans l’historique.',
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
    submittedUnreviewed: 'The assessment was submitted without reviewing them, by an explicit choice recorded in the audit trail.',
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

export type LoaderText = (typeof TEXT)[Lang];

/** The comparison's status of an action, as the year-on-year annex shows it. */
export const STATUS_MAP: Record<string, ActionChangeStatus> = {
  improved: 'improved',
  regressed: 'regressed',
  unchanged: 'unchanged',
  new: 'new',
  no_longer_asked: 'unmatched',
  unknown: 'unmatched',
};

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
