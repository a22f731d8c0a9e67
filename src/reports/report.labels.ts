/**
 * Fixed wording of the report (headings, column titles, legends), in French and English.
 * The view model carries the data-dependent text; this dictionary the furniture.
 * `{name}` placeholders are filled with `fillLabel`.
 */
import { CRITERION_TERMS, EFFORT_TERMS, GROUP_TERMS } from '../questionnaires/terms.js';
import type { Effort, I18nText, Lang } from '../questionnaires/template.types.js';
import type { ActionChangeStatus, FootprintCriterion, PlanGroup } from './report.view-model.js';

export interface CriterionLabels {
  /** e.g. "Climate change". */
  label: string;
  /** Short form for table headers, e.g. "Climate". */
  short: string;
  /** e.g. "kg CO₂e". */
  unit: string;
}

export interface ReportLabels {
  reportTitle: string;
  coverKicker: string;
  coverPreparedFor: string;
  coverYear: string;
  coverDate: string;
  coverTemplate: string;
  coverTemplateValue: string;
  coverMethodology: string;
  coverCatalogue: string;
  coverBasedOn: string;
  coverConfidential: string;
  draft: string;
  pageOf: string;

  executiveSummary: string;
  summaryIntro: string;
  overallScore: string;
  outOf100: string;
  level: string;
  confidence: string;
  sinceYear: string;
  noPreviousYear: string;
  climateYearly: string;
  embodiedShare: string;
  topPriorities: string;
  noPriorities: string;
  footprintHeadline: string;
  perYear: string;
  criterion: string;
  valuePerYear: string;
  changeVsPrevious: string;
  keyFindings: string;

  sectionScores: string;
  sectionScoresIntro: string;
  section: string;
  score: string;
  previous: string;
  delta: string;
  notAssessed: string;
  legendCurrent: string;
  legendPrevious: string;

  actionPlan: string;
  actionPlanIntro: string;
  groups: Record<PlanGroup, { title: string; description: string }>;
  emptyGroup: string;
  /** Not applicable to the organisation (a section, an action): not a zero. */
  notApplicable: string;
  notApplicableActions: string;
  notApplicableActionsIntro: string;
  columns: {
    rank: string;
    action: string;
    why: string;
    whereYouStand: string;
    nextSteps: string;
    owner: string;
    indicator: string;
    effort: string;
    saving: string;
  };
  efforts: Record<Effort, string>;
  unknown: string;
  notQuantified: string;

  footprint: string;
  footprintIntro: string;
  electricity: string;
  usageProfile: string;
  criteria: Record<FootprintCriterion, CriterionLabels>;
  notEstimated: string;
  notEstimatedHeading: string;
  /** "range" before a low–high range. */
  range: string;
  scopeHeading: string;
  scopeEstimated: string;
  scopeNotEstimated: string;
  /** "{version}": the footprint factors version. */
  factorsVersion: string;
  climateChartTitle: string;
  totalsTitle: string;
  embodied: string;
  use: string;
  /** Short forms for narrow table columns. */
  embodiedShort: string;
  useShort: string;
  total: string;
  deviceType: string;
  count: string;
  lifespan: string;
  years: string;
  yearsShort: string;
  declared: string;
  referenceLifespan: string;
  refurbished: string;
  tableTitle: string;
  notes: string;
  noDevices: string;

  yearOnYear: string;
  yearOnYearIntro: string;
  trend: string;
  trendScore: string;
  trendClimate: string;
  sectionDeltas: string;
  actionDeltas: string;
  footprintDeltas: string;
  status: string;
  statuses: Record<ActionChangeStatus, string>;
  action: string;

  keyMessages: string;
  keyMessagesIntro: string;
  source: string;

  methodology: string;
  methodologyIntro: string;
  scoringFormula: string;
  priorityFormula: string;
  footprintModel: string;
  sources: string;
  usedFor: string;
  undated: string;

  appendix: string;
  appendixIntro: string;

  /** "Annexe {letter}" before an annex part's title. */
  annex: string;
  annexIntro: string;
  noticesHeading: string;
  draftNotice: string;
  perPerson: string;
  scoreChange: string;
  thisYearHeading: string;
  firstActionsHeading: string;
  thisYearIntro: string;
  expectedSaving: string;
  ofClimateFootprint: string;
  owner: string;
  suggested: string;
  due: string;
  notCommitted: string;
  firstStep: string;
  lastYearHeading: string;
  ninetyDays: string;
  planPage: string;
  planPageIntro: string;
  planColumns: {
    rank: string;
    action: string;
    group: string;
    owner: string;
    due: string;
    indicator: string;
    effort: string;
    saving: string;
  };
  actionDetails: string;
  actionDetailsIntro: string;
  why: string;
  answersThatMovedIt: string;
  maturity: string;
  unconfirmedAnswer: string;
  answer: string;
  comment: string;
  answeredBy: string;
  unanswered: string;
}

/** A table of domain terms in one language. */
function inLang<K extends string>(table: Readonly<Record<K, I18nText>>, lang: Lang): Record<K, string> {
  return Object.fromEntries(Object.entries<I18nText>(table).map(([k, t]) => [k, t[lang]])) as Record<K, string>;
}

const fr: ReportLabels = {
  reportTitle: 'Plan d’action numérique responsable',
  coverKicker: 'Auto-diagnostic · Impact environnemental du numérique',
  coverPreparedFor: 'Préparé pour',
  coverYear: 'Exercice',
  coverDate: 'Date du rapport',
  coverTemplate: 'Questionnaire',
  coverTemplateValue: '{title}, version {version}',
  coverMethodology: 'Méthodologie',
  coverCatalogue: 'Catalogue d’actions',
  coverBasedOn: 'Fondé sur les enseignements de La Fresque du Numérique.',
  coverConfidential: 'Document de travail destiné au comité de direction.',
  draft: 'Brouillon : diagnostic non soumis',
  pageOf: 'Page {n} sur {total}',

  executiveSummary: 'Synthèse',
  summaryIntro: 'Résultats de l’auto-diagnostic {year} de {organisation}.',
  overallScore: 'Score global',
  outOf100: '/100',
  level: 'Niveau {level}',
  confidence: 'Fiabilité',
  sinceYear: 'depuis {year}',
  noPreviousYear: 'Premier diagnostic : pas de comparaison',
  climateYearly: 'Empreinte climat annuelle',
  embodiedShare: 'dont fabrication',
  topPriorities: 'Les cinq priorités',
  noPriorities: 'Aucune priorité : toutes les actions sont au meilleur niveau.',
  footprintHeadline: 'Empreinte multicritère du parc',
  perYear: 'par an',
  criterion: 'Critère',
  valuePerYear: 'Par an',
  changeVsPrevious: 'Évolution',
  keyFindings: 'À retenir',

  sectionScores: 'Scores par thème',
  sectionScoresIntro:
    'Chaque thème est noté de 0 à 100 à partir des réponses ; une question sans réponse réduit la confiance, pas le score.',
  section: 'Thème',
  score: 'Score',
  previous: 'Année précédente',
  delta: 'Écart',
  notAssessed: 'non évalué',
  legendCurrent: 'Score {year} (couleur du niveau)',
  legendPrevious: 'Score {year}',

  actionPlan: 'Plan d’action priorisé',
  actionPlanIntro:
    'Les leviers, qui changent directement l’empreinte, sont classés par bénéfice attendu pour l’effort ; les fondations, qui les rendent possibles, par impact, écart et effort. Dans chaque groupe, les leviers puis les fondations. Le rang est celui du plan entier.',
  groups: {
    this_year: {
      title: GROUP_TERMS.this_year.fr,
      description:
        'Cinq actions au plus : les leviers et les fondations les mieux classés dont l’écart est d’au moins 40 et l’impact d’au moins 3 sur 5.',
    },
    next: { title: GROUP_TERMS.next.fr, description: 'Un écart d’au moins 40, mais moins prioritaires cette année.' },
    keep_up: { title: GROUP_TERMS.keep_up.fr, description: 'Des pratiques déjà en place (écart inférieur à 40) à maintenir et à mesurer.' },
    unknown: {
      title: GROUP_TERMS.unknown.fr,
      description: 'Aucune réponse connue encore : répondre aux questions liées pour situer ces actions.',
    },
  },
  emptyGroup: 'Aucune action dans ce groupe.',
  notApplicable: 'Sans objet',
  notApplicableActions: 'Sans objet pour votre organisation',
  notApplicableActionsIntro: 'Ces actions ne comptent ni dans les scores ni dans le plan : ce n’est pas un zéro.',
  columns: {
    rank: 'N°',
    action: 'Action',
    why: 'Pourquoi c’est important ici',
    whereYouStand: 'Où vous en êtes',
    nextSteps: 'Prochaines étapes',
    owner: 'Porteur',
    indicator: 'Indicateur à suivre',
    effort: 'Effort',
    saving: 'Gain annuel attendu',
  },
  efforts: inLang(EFFORT_TERMS, 'fr'),
  unknown: 'Inconnu',
  notQuantified: 'Non chiffré',

  footprint: 'Empreinte par type d’équipement',
  footprintIntro:
    'Estimation annuelle à partir de l’inventaire déclaré et des facteurs de référence ADEME / NegaOctet : la fabrication est répartie sur la durée de vie, l’usage dépend de l’électricité consommée.',
  electricity: 'Électricité : {zone}, {factor} kg CO₂e/kWh.',
  usageProfile: 'Profil d’usage',
  criteria: {
    climate: { label: CRITERION_TERMS.climate.fr, short: 'Climat', unit: 'kg CO₂e' },
    minerals: { label: CRITERION_TERMS.minerals.fr, short: 'Minéraux et métaux', unit: 'kg Sb éq.' },
    fossil: { label: CRITERION_TERMS.fossil.fr, short: 'Énergie non renouv.', unit: 'MJ' },
    rawMaterial: { label: CRITERION_TERMS.rawMaterial.fr, short: 'Matières mobilisées', unit: 'kg' },
    water: { label: CRITERION_TERMS.water.fr, short: 'Eau (fabrication)', unit: 'L' },
  },
  notEstimated: 'non estimé',
  notEstimatedHeading: 'Critères non estimés, appareil par appareil',
  range: 'fourchette',
  scopeHeading: 'Ce que l’estimation compte, ce qu’elle laisse de côté',
  scopeEstimated: 'Estimé',
  scopeNotEstimated: 'Non estimé',
  factorsVersion: 'Facteurs d’empreinte version {version} ; deux chiffres significatifs, fourchette entre parenthèses.',
  climateChartTitle: 'Climat par type d’équipement, kg CO₂e par an',
  totalsTitle: 'Total annuel par critère',
  embodied: 'Fabrication',
  use: 'Usage',
  embodiedShort: 'Fabr.',
  useShort: 'Usage',
  total: 'Total',
  deviceType: 'Type d’équipement',
  count: 'Nombre',
  lifespan: 'Durée de vie',
  years: 'ans',
  yearsShort: 'ans',
  declared: 'déclarée',
  referenceLifespan: 'référence',
  refurbished: 'reconditionnés',
  tableTitle: 'Impacts annuels par critère : fabrication et usage',
  notes: 'Remarques',
  noDevices: 'Aucun équipement déclaré : l’empreinte n’est pas estimée.',

  yearOnYear: 'Évolution d’une année sur l’autre',
  yearOnYearIntro: 'Comparaison de {year} avec {previous}. Les questions sont rapprochées par identifiant stable.',
  trend: 'Tendance sur toutes les années',
  trendScore: 'Score global',
  trendClimate: 'Climat, kg CO₂e par an',
  sectionDeltas: 'Scores par thème',
  actionDeltas: 'Maturité par action',
  footprintDeltas: 'Empreinte par critère',
  status: 'Statut',
  statuses: {
    improved: 'En progrès',
    regressed: 'En recul',
    unchanged: 'Stable',
    new: 'Nouvelle',
    unmatched: 'Non rapprochée',
  },
  action: 'Action',

  keyMessages: 'Les sept messages clés',
  keyMessagesIntro:
    'Les enseignements de La Fresque du Numérique qui fondent les pondérations du diagnostic. Chaque chiffre est daté et sourcé.',
  source: 'Source',

  methodology: 'Méthodologie et sources',
  methodologyIntro: 'Comment chaque nombre de ce rapport est calculé, et d’où viennent les données.',
  scoringFormula: 'Calcul des scores',
  priorityFormula: 'Calcul des priorités',
  footprintModel: 'Modèle d’empreinte',
  sources: 'Sources',
  usedFor: 'utilisé pour',
  undated: 'non daté',

  appendix: 'Réponses au questionnaire',
  appendixIntro: 'Toutes les réponses, avec leurs commentaires, leur auteur et leur date.',
  answer: 'Réponse',
  comment: 'Commentaire',
  answeredBy: 'Répondu par {name}, le {date}',
  unanswered: 'Sans réponse',

  annex: 'Annexe {letter}',
  annexIntro: 'Les annexes détaillent ce que la synthèse et le plan résument.',
  noticesHeading: 'À savoir avant de lire les chiffres',
  draftNotice: 'Brouillon : le diagnostic n’est pas soumis, ses chiffres peuvent encore changer.',
  perPerson: 'Par personne',
  scoreChange: '{change} points depuis {year}',
  thisYearHeading: 'Les actions de cette année',
  firstActionsHeading: 'Les premières actions',
  thisYearIntro:
    'Classées par bénéfice attendu pour l’effort. Le gain est chiffré sur votre propre parc, en kg CO₂e par an et en part de l’empreinte climat.',
  expectedSaving: 'Gain attendu',
  ofClimateFootprint: 'de l’empreinte climat',
  owner: 'Porteur',
  suggested: 'proposé',
  due: 'Échéance',
  notCommitted: 'à fixer',
  firstStep: 'Première étape',
  lastYearHeading: 'Engagements de l’an dernier',
  ninetyDays: 'Les 90 prochains jours',
  planPage: 'Le plan en une page',
  planPageIntro: 'Une ligne par action, dans l’ordre du plan. * Porteur proposé : personne n’est encore nommé.',
  planColumns: {
    rank: 'N°',
    action: 'Action',
    group: 'Groupe',
    owner: 'Porteur',
    due: 'Échéance',
    indicator: 'Indicateur',
    effort: 'Effort',
    saving: 'Gain annuel',
  },
  actionDetails: 'Détail des actions',
  actionDetailsIntro:
    'Pour chaque action, dans l’ordre du plan : pourquoi, où vous en êtes avec les réponses qui la situent, et les prochaines étapes.',
  why: 'Pourquoi',
  answersThatMovedIt: 'Réponses qui la situent',
  maturity: 'Maturité',
  unconfirmedAnswer: 'Reprise de l’an dernier, non confirmée',
};

const en: ReportLabels = {
  reportTitle: 'Responsible digital action plan',
  coverKicker: 'Self-assessment · Environmental impact of digital',
  coverPreparedFor: 'Prepared for',
  coverYear: 'Year',
  coverDate: 'Report date',
  coverTemplate: 'Questionnaire',
  coverTemplateValue: '{title}, version {version}',
  coverMethodology: 'Methodology',
  coverCatalogue: 'Action catalogue',
  coverBasedOn: 'Based on the takeaways of La Fresque du Numérique (Digital Collage).',
  coverConfidential: 'Working document for the executive committee.',
  draft: 'Draft: assessment not submitted',
  pageOf: 'Page {n} of {total}',

  executiveSummary: 'Executive summary',
  summaryIntro: 'Results of the {year} self-assessment of {organisation}.',
  overallScore: 'Overall score',
  outOf100: '/100',
  level: 'Level {level}',
  confidence: 'Confidence',
  sinceYear: 'since {year}',
  noPreviousYear: 'First assessment: no comparison',
  climateYearly: 'Yearly climate footprint',
  embodiedShare: 'of which manufacturing',
  topPriorities: 'Top five priorities',
  noPriorities: 'No priority: every action is at its best level.',
  footprintHeadline: 'Multi-criteria footprint of the equipment',
  perYear: 'per year',
  criterion: 'Criterion',
  valuePerYear: 'Per year',
  changeVsPrevious: 'Change',
  keyFindings: 'Key findings',

  sectionScores: 'Scores by section',
  sectionScoresIntro: 'Each section is scored from 0 to 100 from the answers; an unanswered question lowers the confidence, not the score.',
  section: 'Section',
  score: 'Score',
  previous: 'Previous year',
  delta: 'Change',
  notAssessed: 'not assessed',
  legendCurrent: '{year} score (colour of the level)',
  legendPrevious: '{year} score',

  actionPlan: 'Prioritised action plan',
  actionPlanIntro:
    'Levers, which change the footprint directly, are ranked by expected benefit for the effort; foundations, which make them possible, by impact, gap and effort. In each group, levers then foundations. The rank is the rank in the whole plan.',
  groups: {
    this_year: {
      title: GROUP_TERMS.this_year.en,
      description:
        'Five actions at most: the best-ranked levers and foundations with a gap of at least 40 and an impact of at least 3 out of 5.',
    },
    next: { title: GROUP_TERMS.next.en, description: 'A gap of at least 40, but less of a priority this year.' },
    keep_up: { title: GROUP_TERMS.keep_up.en, description: 'Practices already in place (gap below 40): keep them and keep measuring.' },
    unknown: { title: GROUP_TERMS.unknown.en, description: 'No known answer yet: answer the related questions to place these actions.' },
  },
  emptyGroup: 'No action in this group.',
  notApplicable: 'Not applicable',
  notApplicableActions: 'Not applicable to your organisation',
  notApplicableActionsIntro: 'These actions count neither in the scores nor in the plan: they are not a zero.',
  columns: {
    rank: 'No.',
    action: 'Action',
    why: 'Why it matters here',
    whereYouStand: 'Where you stand',
    nextSteps: 'Next steps',
    owner: 'Owner',
    indicator: 'Indicator to follow',
    effort: 'Effort',
    saving: 'Expected yearly saving',
  },
  efforts: inLang(EFFORT_TERMS, 'en'),
  unknown: 'Unknown',
  notQuantified: 'Not quantified',

  footprint: 'Footprint by device type',
  footprintIntro:
    'Yearly estimate from the declared inventory and ADEME / NegaOctet reference factors: manufacturing is spread over the lifespan, use depends on the electricity consumed.',
  electricity: 'Electricity: {zone}, {factor} kg CO₂e/kWh.',
  usageProfile: 'Use profile',
  criteria: {
    climate: { label: CRITERION_TERMS.climate.en, short: 'Climate', unit: 'kg CO₂e' },
    minerals: { label: CRITERION_TERMS.minerals.en, short: 'Minerals and metals', unit: 'kg Sb eq' },
    fossil: { label: CRITERION_TERMS.fossil.en, short: 'Non-renew. energy', unit: 'MJ' },
    rawMaterial: { label: CRITERION_TERMS.rawMaterial.en, short: 'Material input', unit: 'kg' },
    water: { label: CRITERION_TERMS.water.en, short: 'Water (manufacture)', unit: 'L' },
  },
  notEstimated: 'not estimated',
  notEstimatedHeading: 'Criteria not estimated, device by device',
  range: 'range',
  scopeHeading: 'What the estimate counts, what it leaves out',
  scopeEstimated: 'Estimated',
  scopeNotEstimated: 'Not estimated',
  factorsVersion: 'Footprint factors version {version}; two significant digits, range in brackets.',
  climateChartTitle: 'Climate by device type, kg CO₂e per year',
  totalsTitle: 'Yearly total per criterion',
  embodied: 'Manufacturing',
  use: 'Use',
  embodiedShort: 'Mfg',
  useShort: 'Use',
  total: 'Total',
  deviceType: 'Device type',
  count: 'Count',
  lifespan: 'Lifespan',
  years: 'years',
  yearsShort: 'yrs',
  declared: 'declared',
  referenceLifespan: 'reference',
  refurbished: 'refurbished',
  tableTitle: 'Yearly impacts per criterion: manufacturing and use',
  notes: 'Notes',
  noDevices: 'No device declared: the footprint is not estimated.',

  yearOnYear: 'Year on year',
  yearOnYearIntro: 'Comparison of {year} with {previous}. Questions are matched by their stable id.',
  trend: 'Trend over all years',
  trendScore: 'Overall score',
  trendClimate: 'Climate, kg CO₂e per year',
  sectionDeltas: 'Scores by section',
  actionDeltas: 'Maturity by action',
  footprintDeltas: 'Footprint by criterion',
  status: 'Status',
  statuses: {
    improved: 'Improved',
    regressed: 'Regressed',
    unchanged: 'Unchanged',
    new: 'New',
    unmatched: 'Not matched',
  },
  action: 'Action',

  keyMessages: 'The seven key messages',
  keyMessagesIntro:
    'The takeaways of La Fresque du Numérique that ground the weights of the assessment. Every figure carries its source and year.',
  source: 'Source',

  methodology: 'Methodology and sources',
  methodologyIntro: 'How every number in this report is computed, and where the data comes from.',
  scoringFormula: 'Scoring',
  priorityFormula: 'Priorities',
  footprintModel: 'Footprint model',
  sources: 'Sources',
  usedFor: 'used for',
  undated: 'undated',

  appendix: 'Questionnaire answers',
  appendixIntro: 'Every answer, with its comment, who gave it and when.',
  answer: 'Answer',
  comment: 'Comment',
  answeredBy: 'Answered by {name} on {date}',
  unanswered: 'Not answered',

  annex: 'Annex {letter}',
  annexIntro: 'The annexes detail what the summary and the plan sum up.',
  noticesHeading: 'Read this before the figures',
  draftNotice: 'Draft: the assessment is not submitted, its figures may still change.',
  perPerson: 'Per person',
  scoreChange: '{change} points since {year}',
  thisYearHeading: 'This year’s actions',
  firstActionsHeading: 'First actions',
  thisYearIntro:
    'Ranked by expected benefit for the effort. The saving is computed on your own equipment, in kg CO₂e a year and as a share of the climate footprint.',
  expectedSaving: 'Expected saving',
  ofClimateFootprint: 'of the climate footprint',
  owner: 'Owner',
  suggested: 'suggested',
  due: 'Due',
  notCommitted: 'to set',
  firstStep: 'First step',
  lastYearHeading: 'Last year’s commitments',
  ninetyDays: 'The next 90 days',
  planPage: 'The plan on one page',
  planPageIntro: 'One line per action, in the order of the plan. * Suggested owner: nobody is named yet.',
  planColumns: {
    rank: 'No.',
    action: 'Action',
    group: 'Group',
    owner: 'Owner',
    due: 'Due',
    indicator: 'Indicator',
    effort: 'Effort',
    saving: 'Yearly saving',
  },
  actionDetails: 'Action details',
  actionDetailsIntro: 'For each action, in the order of the plan: why, where you stand with the answers that place it, and the next steps.',
  why: 'Why',
  answersThatMovedIt: 'Answers that place it',
  maturity: 'Maturity',
  unconfirmedAnswer: 'Carried over from last year, not confirmed',
};

export const REPORT_LABELS: Readonly<Record<Lang, ReportLabels>> = Object.freeze({ fr, en });

export function reportLabels(lang: Lang): ReportLabels {
  return REPORT_LABELS[lang] ?? REPORT_LABELS.en;
}

/** Replaces `{name}` placeholders; unknown placeholders are left as they are. */
export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole,
  );
}
