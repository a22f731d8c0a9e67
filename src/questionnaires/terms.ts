/**
 * The domain's words in French and English, written once: the plan's groups, who leads an action
 * (owner roles), the effort, and the footprint criteria. Scoring, the footprint, the report and the
 * web pages all read them here (they were written in four places, with different words).
 * Names as a heading or a table cell writes them (capitalised); `termsInSentence` for running text.
 */
import type { Effort, I18nText, Lang, OwnerRole } from './template.types.js';

/** The plan's groups: scoring-2's (`this_year`, `next`) and scoring-1's (`quick_win`, `structural`), `keep_up` and `unknown` in both. */
export const GROUP_TERMS = {
  this_year: { fr: 'Cette année', en: 'This year' },
  next: { fr: 'Ensuite', en: 'Next' },
  quick_win: { fr: 'Gains rapides', en: 'Quick wins' },
  structural: { fr: 'Chantiers structurants', en: 'Structural projects' },
  keep_up: { fr: 'À maintenir', en: 'Keep up' },
  unknown: { fr: 'À évaluer', en: 'To assess' },
} as const satisfies Record<string, I18nText>;

/** Who leads an action, as the action catalogue names it. */
export const OWNER_ROLE_TERMS = {
  procurement: { fr: 'Achats', en: 'Procurement' },
  it_operations: { fr: 'Exploitation informatique', en: 'IT operations' },
  product_development: { fr: 'Produit et développement', en: 'Product and development' },
  management: { fr: 'Direction', en: 'Management' },
  all_staff: { fr: 'Tous les collaborateurs', en: 'All staff' },
} as const satisfies Record<OwnerRole, I18nText>;

export const EFFORT_TERMS = {
  low: { fr: 'Faible', en: 'Low' },
  medium: { fr: 'Moyen', en: 'Medium' },
  high: { fr: 'Élevé', en: 'High' },
} as const satisfies Record<Effort, I18nText>;

/**
 * The footprint's criteria. `fossil` is ADPf, which counts uranium with fossil fuels; `water` is
 * ADEME's water indicator of manufacture, not a volume drawn; `rawMaterial` is total material input.
 */
export const CRITERION_TERMS = {
  climate: { fr: 'Changement climatique', en: 'Climate change' },
  minerals: { fr: 'Ressources minérales et métaux', en: 'Minerals and metals' },
  fossil: { fr: 'Énergie non renouvelable (fossile et nucléaire)', en: 'Non-renewable energy (fossil and nuclear)' },
  rawMaterial: { fr: 'Matières mobilisées (masse totale)', en: 'Material input (total mass)' },
  water: { fr: 'Eau (indicateur ADEME, fabrication)', en: 'Water (ADEME indicator, manufacture)' },
} as const satisfies Record<string, I18nText>;

/** Every table of terms, by kind. */
export const TERMS = {
  group: GROUP_TERMS,
  ownerRole: OWNER_ROLE_TERMS,
  effort: EFFORT_TERMS,
  criterion: CRITERION_TERMS,
} as const;

/** Terms inside a sentence ("un effort faible", "a low effort"): lower case. */
export function termsInSentence<K extends string>(table: Readonly<Record<K, I18nText>>): Readonly<Record<K, I18nText>> {
  const lower = (text: string, lang: Lang) => text.toLocaleLowerCase(lang);
  return Object.fromEntries(
    Object.entries<I18nText>(table).map(([k, t]) => [k, { fr: lower(t.fr, 'fr'), en: lower(t.en, 'en') }]),
  ) as Record<K, I18nText>;
}
