/**
 * Methodology scoring-2 in words, French and English: the README, the API
 * (GET /api/v1/methodology) and the methodology page of the PDF report print it. Keep in step
 * with the block comment at the top of scoring-2.ts and with the constants of priority-2.ts and
 * ef-weighting.ts (the figures below are read from them); a rule that changes is a new version.
 */
import { EF_CATEGORIES, EF_SOURCE } from './ef-weighting.js';
import { formatNumber } from './format.js';
import type { Methodology } from './methodology.js';
import { EFFORT_FACTORS } from './priority.js';
import {
  ACTION_GAP,
  ASSUMED_SHARE_AT_IMPACT_5,
  CREDIBILITY_K,
  NEUTRAL_MEAN_GAP,
  THIS_YEAR_FOUNDATIONS,
  THIS_YEAR_LEVERS,
  THIS_YEAR_MAX,
  THIS_YEAR_MIN_IMPACT,
  THIS_YEAR_MIN_SHARE,
  assumedShare,
} from './priority-2.js';
import { METHODOLOGY_VERSION_2 } from './scoring-2.js';

const fr = (x: number, d = 4) => formatNumber(x, 'fr', d);
const en = (x: number, d = 4) => formatNumber(x, 'en', d);
const pctFr = (x: number) => `${fr(x * 100, 3)} %`;
const pctEn = (x: number) => `${en(x * 100, 3)}%`;
const ef = (c: string) => EF_CATEGORIES.find((x) => x.criterion === c)!;
const efLine = (lang: 'fr' | 'en') =>
  EF_CATEGORIES.filter((c) => c.criterion !== 'water')
    .map((c) =>
      lang === 'fr'
        ? `${c.name.fr} : ${fr(c.normalisation, 7)} ${c.units[0]} par personne et par an, poids ${fr(c.weight)}`
        : `${c.name.en}: ${en(c.normalisation, 7)} ${c.units[0]} per person and year, weight ${en(c.weight)}`,
    )
    .join(lang === 'fr' ? ' ; ' : '; ');
const assumed = (lang: 'fr' | 'en') =>
  [5, 4, 3, 2, 1].map((i) => `${i} → ${lang === 'fr' ? pctFr(assumedShare(i)) : pctEn(assumedShare(i))}`).join(', ');
const E = EFFORT_FACTORS;

export const METHODOLOGY_2: Methodology = {
  version: METHODOLOGY_VERSION_2,
  title: {
    fr: 'Méthode de calcul des scores et des priorités (version scoring-2)',
    en: 'How scores and priorities are computed (version scoring-2)',
  },
  rules: [
    {
      id: 'question-maturity',
      title: { fr: 'Maturité d’une réponse', en: 'Maturity of an answer' },
      text: {
        fr:
          'Chaque question notée donne une maturité de 0 (pratique la moins bonne) à 100 (meilleure pratique) : le score de l’option choisie ; ' +
          'pour un choix multiple la somme des options cochées plafonnée à 100 ; pour oui/non le score prévu ; pour un nombre, linéaire entre ' +
          'une valeur « pire » et une valeur « meilleure ». Inchangé depuis scoring-1.',
        en:
          'Each scored question gives a maturity from 0 (worst practice) to 100 (best practice): the chosen option’s score; for a multiple ' +
          'choice the sum of the selected options capped at 100; for yes/no the score set for each; for a number, linear between a "worst" ' +
          'and a "best" value. Unchanged since scoring-1.',
      },
    },
    {
      id: 'unknown-is-not-zero',
      title: { fr: 'Inconnu n’est pas zéro', en: 'Unknown is not zero' },
      text: {
        fr:
          '« Je ne sais pas » est possible sur toute question de pratique (oui/non, échelles, choix et nombres compris) ; seules les questions ' +
          'de profil (l’organisation conçoit-elle des services numériques, pays, effectif, type d’organisation) n’en ont pas. Il compte comme une ' +
          'réponse pour l’envoi, et comme une inconnue dans les calculs : il ne fait baisser aucun score, il abaisse la confiance affichée. ' +
          'Une question sans réponse est inconnue de la même façon.',
        en:
          '"I don’t know" is available on every practice question (yes/no, scales, choices and numbers included); only profile questions ' +
          '(does the organisation build digital services, country, headcount, kind of organisation) have none. It counts as an answer for ' +
          'submitting, and as unknown in the figures: it lowers no score, it lowers the confidence shown. An unanswered question is unknown ' +
          'in the same way.',
      },
    },
    {
      id: 'not-applicable',
      title: { fr: 'Sans objet n’est pas zéro', en: 'Not applicable is not zero' },
      text: {
        fr:
          'Le questionnaire déclare ce qui ne s’applique qu’à certaines organisations, par une condition sur une question de profil toujours ' +
          'posée (même langage que les questions conditionnelles) : la section éco-conception et l’action « Éco-concevoir les services ' +
          'numériques » pour qui conçoit des services, le modèle économique pour une entreprise ou une association, l’extinction des serveurs ' +
          'pour qui en héberge. Un élément est sans objet seulement si la réponse de profil est connue et l’exclut ; tant qu’elle manque ou ' +
          'vaut « je ne sais pas », il s’applique. Une question répondue « sans objet » l’est aussi, et une action qu’aucune question ' +
          'applicable ne renseigne. Ce qui est sans objet n’est pas posé, et sort des scores, de la confiance, de la règle du plancher et ' +
          'des priorités ; l’API, les pages, le rapport et l’export le montrent comme tel, avec la raison. Les questions d’une section sans ' +
          'objet qui s’appliquent encore (la vérification des logiciels achetés) comptent pour leur action et pour le score global.',
        en:
          'The questionnaire declares what applies to some organisations only, by a condition on an always-asked profile question (the ' +
          'same language as conditional questions): the eco-design section and the action "Eco-design digital services" for those who build ' +
          'services, the business model for a company or an association, switching servers off for those who host some. An item is not ' +
          'applicable only when that profile answer is known and rules it out; while it is missing or "I don’t know", the item applies. A ' +
          'question answered "not applicable" is not applicable either, and so is an action no applicable question informs. What is not ' +
          'applicable is not asked, and is left out of scores, confidence, the floor rule and priorities; the API, the pages, the report and ' +
          'the export show it as such, with the reason. Questions of a not-applicable section that still apply (the check of purchased ' +
          'software) count for their action and in the overall score.',
      },
    },
    {
      id: 'scores',
      title: { fr: 'Maturité des actions, scores, niveaux et plancher', en: 'Action maturity, scores, levels and floor' },
      text: {
        fr:
          'Maturité d’une action = Σ(w × m) / Σ w sur ses questions applicables et connues (w, poids de 1 à 3) ; confiance = poids connu / ' +
          'poids visible. Chaque question pèse W = Σ (w × poids d’impact) sur ses actions applicables ; score de section et score global = ' +
          'Σ(W × m) / Σ W. Niveaux : moins de 20 = 1, moins de 40 = 2, moins de 60 = 3, moins de 80 = 4, sinon 5. Plancher : le niveau global ' +
          'est au plus le niveau de la section applicable la plus faible + 1. Une section sans objet n’a ni score ni niveau et ne plafonne rien.',
        en:
          'Action maturity = Σ(w × m) / Σ w over its applicable known questions (w, weight 1 to 3); confidence = known weight / visible ' +
          'weight. Each question weighs W = Σ (w × impact weight) over its applicable actions; section and overall scores = Σ(W × m) / Σ W. ' +
          'Levels: below 20 = 1, below 40 = 2, below 60 = 3, below 80 = 4, else 5. Floor: the overall level is at most the weakest applicable ' +
          'section’s level + 1. A not-applicable section has no score nor level and caps nothing.',
      },
    },
    {
      id: 'levers-and-foundations',
      title: { fr: 'Leviers et fondations', en: 'Levers and foundations' },
      text: {
        fr:
          'Le catalogue distingue les leviers, qui changent directement l’empreinte (durée de vie, reconditionné, moins d’écrans, réparation, ' +
          'réemploi, extinction, vidéo sobre, stockage, mutualisation…), et les fondations qui les rendent possibles (politique d’achat, ' +
          'gouvernance, sensibilisation, formation, mesure, contribution collective). Les deux sont classés à part, chacun par sa priorité.',
        en:
          'The catalogue tells levers, which change the footprint directly (lifespan, refurbished, fewer screens, repair, reuse, switching ' +
          'off, sober video, storage, pooling…), from foundations, which make them possible (purchasing policy, governance, awareness, ' +
          'training, measurement, collective contribution). Each is ranked apart, by its priority.',
      },
    },
    {
      id: 'lever-benefit',
      title: { fr: 'Bénéfice attendu d’un levier', en: 'Expected benefit of a lever' },
      text: {
        fr:
          'Quand l’inventaire permet de chiffrer le levier (durée de vie, reconditionné, moins d’écrans, extinction), son bénéfice s est la part ' +
          'de l’empreinte de l’organisation qu’il évite, critères combinés par la normalisation et la pondération de la méthode Empreinte ' +
          `environnementale (EF 3.1) : s = Σ w × gain / N ÷ Σ w × total / N, sur les critères estimés à la fois pour le gain et le total (${efLine('fr')} ; ` +
          `${EF_SOURCE.title}, ${EF_SOURCE.year}, ${EF_SOURCE.publishedBy}). Les poids sont renormalisés sur ces critères. Les matières premières ` +
          `mobilisées ne sont pas une catégorie EF : elles restent informatives. L’eau de l’estimation (litres d’eau de fabrication, ADEME) n’est pas ` +
          `l’indicateur EF d’utilisation de l’eau (m3 monde équivalent privés, poids ${fr(ef('water').weight)}) : elle est laissée de côté et ce ` +
          'choix est affiché. Pour un reconditionné, le bas de la fourchette fait le bénéfice, le haut est montré. Le gain n’est pas plafonné : ' +
          'il pèse en proportion de sa taille. Un levier que l’inventaire ne chiffre pas reçoit un bénéfice supposé d’après son poids d’impact, ' +
          `chaque point de moins divisant par deux (${assumed('fr')}) : un ordre de grandeur propre à cette méthode, pas une mesure, fixé bas à ` +
          'dessein pour qu’une hypothèse ne passe pas devant un gain mesuré de même taille, et remplacé par le chiffre de l’organisation dès que ' +
          'l’inventaire le permet.',
        en:
          'When the inventory lets the lever be quantified (lifespan, refurbished, fewer screens, switching off), its benefit s is the share of ' +
          'the organisation’s footprint it avoids, criteria combined with the normalisation and weighting of the Environmental Footprint ' +
          `method (EF 3.1): s = Σ w × saving / N ÷ Σ w × total / N, over the criteria estimated for both the saving and the total (${efLine('en')}; ` +
          `${EF_SOURCE.title}, ${EF_SOURCE.year}, ${EF_SOURCE.publishedBy}). The weights are renormalised over those criteria. Raw material ` +
          `mobilised is not an EF category: it stays informative. The estimate’s water (litres of water of manufacture, ADEME) is not EF’s water ` +
          `use indicator (m3 world eq. deprived, weight ${en(ef('water').weight)}): it is left out and this is shown. For refurbished devices the ` +
          'low end of the range makes the benefit and the high end is shown. The saving is not capped: it weighs in proportion to its size. A ' +
          'lever the inventory does not quantify gets a benefit assumed from its impact weight, each point less halving it ' +
          `(${assumed('en')}): an order of magnitude of this methodology, not a measurement, set low on purpose so that an assumption does not ` +
          'outrank a measured saving of the same size, and replaced by the organisation’s own figure as soon as the inventory allows.',
      },
    },
    {
      id: 'credibility',
      title: { fr: 'Confiance dans le rang', en: 'Confidence in the rank' },
      text: {
        fr:
          `Un rang qui repose sur peu ne peut pas sauter. Crédit Z = poids connu / (poids visible + ${CREDIBILITY_K}) : ${CREDIBILITY_K} est le poids ` +
          'd’une réponse du plus fort poids, si bien qu’une action renseignée par une seule telle réponse compte à moitié. Écart retenu ' +
          'g* = Z × écart + (1 − Z) × ḡ, où ḡ = 100 − score global est l’écart moyen de l’organisation ' +
          `(${NEUTRAL_MEAN_GAP} si rien n’est connu) : l’écart d’une action peu renseignée est ramené vers la moyenne à proportion de ce qui ` +
          'est inconnu ou de ce qui manque. Une action encore inconnue est classée à l’écart moyen. Une réponse de poids w fait donc bouger ' +
          'l’écart retenu d’au plus Z × 100 points.',
        en:
          `A rank resting on little cannot jump. Credibility Z = known weight / (visible weight + ${CREDIBILITY_K}): ${CREDIBILITY_K} is the weight of ` +
          'one answer of the greatest weight, so that an action informed by one such answer alone counts by half. Effective gap ' +
          'g* = Z × gap + (1 − Z) × ḡ, where ḡ = 100 − overall score is the organisation’s mean gap ' +
          `(${NEUTRAL_MEAN_GAP} when nothing is known): the gap of a little-informed action is pulled toward the mean in proportion to what ` +
          'is unknown or missing. An action still unknown is ranked at the mean gap. One answer of weight w can thus move the effective gap ' +
          'by at most Z × 100 points.',
      },
    },
    {
      id: 'priority',
      title: { fr: 'Priorité', en: 'Priority' },
      text: {
        fr:
          `Levier : P = 100 × s × g*/100 × E. Fondation : P = 100 × I/5 × g*/100 × E, I étant le poids d’impact (1 à 5). E = ${fr(E.low, 2)} ` +
          `(effort faible), ${fr(E.medium, 2)} (moyen), ${fr(E.high, 2)} (élevé). La priorité d’un levier se lit en points de pourcentage ` +
          'de l’empreinte évités par unité d’effort ; celle d’une fondation de 0 à 100. Chaque priorité est accompagnée d’une phrase qui ' +
          'donne ces nombres.',
        en:
          `Lever: P = 100 × s × g*/100 × E. Foundation: P = 100 × I/5 × g*/100 × E, I being the impact weight (1 to 5). E = ${en(E.low, 2)} ` +
          `(low effort), ${en(E.medium, 2)} (medium), ${en(E.high, 2)} (high). A lever’s priority reads as percentage points of the footprint ` +
          'avoided per unit of effort; a foundation’s from 0 to 100. Each priority comes with a sentence giving these numbers.',
      },
    },
    {
      id: 'groups',
      title: { fr: 'Groupes du plan', en: 'Plan groups' },
      text: {
        fr:
          `Cette année (this_year) : au plus ${THIS_YEAR_MAX} actions, ${THIS_YEAR_LEVERS} leviers et ${THIS_YEAR_FOUNDATIONS} fondations au plus, ` +
          'une place libre revenant à l’action suivante de l’autre type (leviers d’abord), les mieux classées parmi celles dont l’écart est ' +
          `d’au moins ${ACTION_GAP} et l’impact d’au moins ${THIS_YEAR_MIN_IMPACT}/5 (pour un levier : un bénéfice attendu d’au moins ` +
          `${pctFr(THIS_YEAR_MIN_SHARE)}, celui supposé pour un impact ${THIS_YEAR_MIN_IMPACT}). Ensuite (next) : les autres actions dont l’écart est ` +
          `d’au moins ${ACTION_GAP}. À maintenir (keep_up) : écart inférieur à ${ACTION_GAP}. À évaluer (unknown) : aucune réponse connue.`,
        en:
          `This year (this_year): at most ${THIS_YEAR_MAX} actions, at most ${THIS_YEAR_LEVERS} levers and ${THIS_YEAR_FOUNDATIONS} foundations, a free ` +
          'place going to the next action of the other kind (levers first), the best-ranked among those with a gap of at least ' +
          `${ACTION_GAP} and an impact of at least ${THIS_YEAR_MIN_IMPACT}/5 (for a lever: an expected benefit of at least ${pctEn(THIS_YEAR_MIN_SHARE)}, ` +
          `the one assumed for impact ${THIS_YEAR_MIN_IMPACT}). Next (next): the other actions with a gap of at least ${ACTION_GAP}. Keep up ` +
          `(keep_up): gap below ${ACTION_GAP}. To assess (unknown): no known answer.`,
      },
    },
    {
      id: 'ranking',
      title: { fr: 'Classement', en: 'Ranking' },
      text: {
        fr:
          'Le plan suit les groupes (cette année, ensuite, à maintenir, à évaluer) ; dans un groupe, les leviers puis les fondations, chacun ' +
          'par priorité décroissante, puis poids d’impact, puis identifiant. Chaque action porte aussi son rang parmi celles de son type ' +
          '(kindRank), par priorité seule. Les actions sans objet ne figurent pas au plan.',
        en:
          'The plan follows the groups (this year, next, keep up, to assess); within a group, levers then foundations, each by priority ' +
          '(highest first), then impact weight, then id. Each action also carries its rank among those of its kind (kindRank), by priority ' +
          'alone. Actions that are not applicable are left out of the plan.',
      },
    },
    {
      id: 'versions',
      title: { fr: 'Versions', en: 'Versions' },
      text: {
        fr:
          'Chaque résultat dit quelle méthode l’a produit. scoring-1 reste calculable (?methodology=scoring-1). Deux années sont comparées avec ' +
          'une seule méthode, nommée dans la comparaison. Une évaluation envoyée sous une méthode antérieure garde ses chiffres : les résultats ' +
          'montrent ceux de cette méthode à côté des nouveaux là où ils diffèrent.',
        en:
          'Each result says which methodology produced it. scoring-1 can still be computed (?methodology=scoring-1). Two years are compared ' +
          'with one methodology, named in the comparison. An assessment submitted under an earlier methodology keeps its figures: results ' +
          'show them beside the new ones where they differ.',
      },
    },
    {
      id: 'rounding',
      title: { fr: 'Arrondis', en: 'Rounding' },
      text: {
        fr:
          'Scores, maturités, écarts et écarts retenus à une décimale ; confiance et crédit au millième ; priorités à deux décimales ; bénéfice ' +
          'à quatre chiffres significatifs. Groupes et rangs se lisent sur les valeurs arrondies affichées.',
        en:
          'Scores, maturities, gaps and effective gaps to one decimal; confidence and credibility to three decimals; priorities to two decimals; ' +
          'benefit to four significant digits. Groups and ranks use the rounded values shown.',
      },
    },
  ],
};

/** For the record: the figures the text is built from (tests check they match the code). */
export const METHODOLOGY_2_FIGURES = { ASSUMED_SHARE_AT_IMPACT_5 } as const;
