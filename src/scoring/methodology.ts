/**
 * Methodology scoring-1 in words, French and English, kept as it was: results can still be
 * computed with it (GET /assessments/:id/results?methodology=scoring-1). Keep in step with the
 * block comment at the top of scoring.ts. The current methodology is in methodology-2.ts; the
 * registry of versions in methodologies.ts.
 */
import type { I18nText } from '../questionnaires/template.types.js';

export const METHODOLOGY_VERSION_1 = 'scoring-1';

export interface MethodologyRule {
  id: string;
  title: I18nText;
  text: I18nText;
}

export interface Methodology {
  version: string;
  title: I18nText;
  rules: MethodologyRule[];
}

export const METHODOLOGY_1: Methodology = {
  version: METHODOLOGY_VERSION_1,
  title: { fr: 'Méthode de calcul des scores et des priorités', en: 'How scores and priorities are computed' },
  rules: [
    {
      id: 'question-maturity',
      title: { fr: 'Maturité d’une réponse', en: 'Maturity of an answer' },
      text: {
        fr:
          'Chaque question notée donne une maturité de 0 (pratique la moins bonne) à 100 (meilleure pratique). ' +
          'Échelle et choix unique : le score de l’option choisie. Choix multiple : la somme des scores des ' +
          'options cochées, plafonnée à 100. Oui/non : le score prévu pour oui ou pour non. Nombre : linéaire, de ' +
          '0 à la valeur « pire » à 100 à la valeur « meilleure », borné entre 0 et 100. Les questions de texte ' +
          'et les questions sans notation (inventaire, contexte) ne sont pas notées.',
        en:
          'Each scored question gives a maturity from 0 (worst practice) to 100 (best practice). Scale and ' +
          'single choice: the chosen option’s score. Multiple choice: the sum of the selected options’ scores, ' +
          'capped at 100. Yes/no: the score set for yes or for no. Number: linear, 0 at the "worst" value and 100 ' +
          'at the "best" value, clamped to 0-100. Text questions and questions without scoring (inventory, ' +
          'context) are not scored.',
      },
    },
    {
      id: 'unknown-is-not-zero',
      title: { fr: 'Inconnu n’est pas zéro', en: 'Unknown is not zero' },
      text: {
        fr:
          'Une question sans réponse, ou répondue « je ne sais pas », est inconnue : elle ne compte pas dans les ' +
          'scores (elle ne les fait pas baisser) mais elle abaisse la confiance affichée. Une question masquée par ' +
          'une condition (sa question de référence est masquée, sans réponse ou répondue autrement) est ignorée, ' +
          'ainsi que sa réponse éventuelle.',
        en:
          'An unanswered question, or one answered "I don’t know", is unknown: it does not count in the scores ' +
          '(it does not lower them) but it lowers the confidence shown. A question hidden by a condition (the ' +
          'question it depends on is hidden, unanswered or answered otherwise) is ignored, and so is any answer ' +
          'it may have.',
      },
    },
    {
      id: 'action-maturity',
      title: { fr: 'Maturité d’une action', en: 'Maturity of an action' },
      text: {
        fr:
          'Maturité de l’action = Σ(w × m) / Σ w sur les questions visibles qui la renseignent et dont la ' +
          'maturité m est connue, w étant le poids de la question pour cette action (1 à 3). Confiance = poids ' +
          'connu / poids visible (0 à 1). Une action sans aucune réponse connue n’a pas de maturité (confiance 0) ; ' +
          'une action qu’aucune question visible ne renseigne est sans objet. Chaque réponse apporte w × m / ' +
          '(poids connu) points à la maturité : c’est sa contribution, détaillée dans les explications.',
        en:
          'Action maturity = Σ(w × m) / Σ w over the visible questions that inform the action and whose maturity ' +
          'm is known, w being the question’s weight for that action (1 to 3). Confidence = known weight / ' +
          'visible weight (0 to 1). An action with no known answer has no maturity (confidence 0); an action no ' +
          'visible question informs is not applicable. Each answer brings w × m / (known weight) points to the ' +
          'maturity: its contribution, listed in the explanation.',
      },
    },
    {
      id: 'section-score',
      title: { fr: 'Score d’une section', en: 'Section score' },
      text: {
        fr:
          'Chaque question pèse W = Σ, sur les actions qu’elle renseigne, de (son poids pour l’action × le poids ' +
          'd’impact de l’action, 1 à 5). Score de la section = Σ(W × m) / Σ W sur ses questions visibles connues ; ' +
          'confiance = W connu / W visible. Une section sans réponse connue n’a pas de score.',
        en:
          'Each question weighs W = Σ, over the actions it informs, of (its weight for the action × the action’s ' +
          'impact weight, 1 to 5). Section score = Σ(W × m) / Σ W over its visible known questions; confidence = ' +
          'known W / visible W. A section with no known answer has no score.',
      },
    },
    {
      id: 'overall-score',
      title: { fr: 'Score global', en: 'Overall score' },
      text: {
        fr:
          'Score global = Σ(W × m) / Σ W sur toutes les questions connues du questionnaire, c’est-à-dire la moyenne ' +
          'des scores de section pondérée par le poids connu de chaque section : une section compte pour le poids ' +
          'de ce qu’on y sait, une section sans réponse connue ne compte pas. Confiance = W connu / W visible sur ' +
          'tout le questionnaire.',
        en:
          'Overall score = Σ(W × m) / Σ W over every known question of the questionnaire, i.e. the mean of the ' +
          'section scores weighted by each section’s known weight: a section counts for the weight of what is ' +
          'known in it, a section with no known answer does not count. Confidence = known W / visible W over the ' +
          'whole questionnaire.',
      },
    },
    {
      id: 'levels',
      title: { fr: 'Niveaux de maturité', en: 'Maturity levels' },
      text: {
        fr:
          'Niveau lu sur le score arrondi : moins de 20 = 1 Pas engagée ; 20 à moins de 40 = 2 Initiale ; 40 à ' +
          'moins de 60 = 3 Structurée ; 60 à moins de 80 = 4 Maîtrisée ; 80 à 100 = 5 Exemplaire.',
        en:
          'Level read from the rounded score: below 20 = 1 Not started; 20 to below 40 = 2 Initial; 40 to below ' +
          '60 = 3 Structured; 60 to below 80 = 4 Managed; 80 to 100 = 5 Exemplary.',
      },
    },
    {
      id: 'floor-rule',
      title: { fr: 'Règle du plancher', en: 'Floor rule' },
      text: {
        fr:
          'Une section très faible plafonne le niveau global : niveau global ≤ niveau de la section la plus ' +
          'faible (parmi celles qui ont un score) + 1. Quand la règle abaisse le niveau, le résultat nomme cette ' +
          'section (cappedBy) et garde le niveau d’origine (uncappedLevel). Le score global n’est pas modifié.',
        en:
          'A very weak section caps the overall level: overall level ≤ level of the weakest section (among those ' +
          'with a score) + 1. When the rule lowers the level, the result names that section (cappedBy) and keeps ' +
          'the level the score alone gives (uncappedLevel). The overall score itself is unchanged.',
      },
    },
    {
      id: 'priority',
      title: { fr: 'Priorité d’une action', en: 'Priority of an action' },
      text: {
        fr:
          'Écart = 100 − maturité. Impact effectif I′ = min(5, I + min(2, 10 × s)), où I est le poids d’impact de ' +
          'l’action (1 à 5) et s la part (0 à 1) de l’empreinte climat annuelle du numérique de l’organisation ' +
          'que l’action éviterait, quand l’inventaire permet de la chiffrer (sinon I′ = I) : +1 point par tranche ' +
          'de 10 % évités, au plus +2. Priorité = 100 × I′/5 × écart/100 × E, avec E = 1 pour un effort faible, ' +
          '0,7 moyen, 0,45 élevé ; elle va de 0 à 100. La confiance n’entre pas dans la priorité, elle est ' +
          'affichée à côté.',
        en:
          'Gap = 100 − maturity. Effective impact I′ = min(5, I + min(2, 10 × s)), where I is the action’s impact ' +
          'weight (1 to 5) and s the share (0 to 1) of the organisation’s yearly digital climate footprint the ' +
          'action would avoid, when the inventory lets us quantify it (otherwise I′ = I): +1 point per 10 % ' +
          'avoided, at most +2. Priority = 100 × I′/5 × gap/100 × E, with E = 1 for low effort, 0.7 medium, 0.45 ' +
          'high; it ranges from 0 to 100. Confidence does not enter the priority; it is shown beside it.',
      },
    },
    {
      id: 'groups',
      title: { fr: 'Groupes du plan', en: 'Plan groups' },
      text: {
        fr:
          'Gain rapide : écart ≥ 40 et effort faible, ou écart ≥ 60 et effort moyen. Chantier structurant : tout ' +
          'autre écart ≥ 40. À maintenir : écart < 40. À évaluer : aucune réponse connue, répondez aux questions.',
        en:
          'Quick win: gap ≥ 40 and low effort, or gap ≥ 60 and medium effort. Structural project: any other gap ' +
          '≥ 40. Keep up: gap < 40. Unknown: no known answer yet, answer the questions.',
      },
    },
    {
      id: 'ranking',
      title: { fr: 'Classement', en: 'Ranking' },
      text: {
        fr:
          'Les actions ayant une maturité sont classées par priorité décroissante, puis poids d’impact décroissant, ' +
          'puis identifiant ; viennent ensuite les actions inconnues, par poids d’impact décroissant puis ' +
          'identifiant. Les actions sans objet ne figurent pas au plan.',
        en:
          'Actions with a maturity are ranked by priority (highest first), then impact weight (highest first), ' +
          'then id; the unknown actions come after them, by impact weight then id. Actions that are not ' +
          'applicable are left out of the plan.',
      },
    },
    {
      id: 'rounding',
      title: { fr: 'Arrondis', en: 'Rounding' },
      text: {
        fr:
          'Scores, maturités, écarts, priorités et contributions sont arrondis à une décimale, la confiance au ' +
          'millième (un dixième de pourcent). Les calculs utilisent les valeurs exactes ; l’écart, la priorité et ' +
          'les niveaux sont calculés à partir des valeurs arrondies affichées. Les contributions étant arrondies ' +
          'une à une, leur somme peut différer de la maturité de quelques dixièmes.',
        en:
          'Scores, maturities, gaps, priorities and contributions are rounded to one decimal, confidence to three ' +
          'decimals (a tenth of a percent). Computations use exact values; the gap, the priority and the levels ' +
          'are computed from the rounded values shown. Contributions are rounded one by one, so their sum may ' +
          'differ from the maturity by a few tenths.',
      },
    },
  ],
};
