/**
 * Wording by kind of organisation (questionnaire version 2). Pure.
 *
 * Template texts may say `{people}` ("employees", "agents", "staff and volunteers") or `{person}`;
 * the template's `wording` table gives the words for each answer to the kind-of-organisation
 * question, and `default` while it is unanswered or unknown. An assessment's template is worded once
 * for its answer, so every surface that shows a question (the walk, results, explanations, reports,
 * exports) reads the organisation's own words. A template without `wording` is returned as it is.
 */
import type { AnswerValue, I18nText, QuestionnaireTemplate, Wording } from './template.types.js';

/** `{term}`: a placeholder in a template text. */
export const PLACEHOLDER = /\{([a-z][a-zA-Z0-9_]*)\}/g;

/** The words used while the kind of organisation is not known. */
export const DEFAULT_WORDING = 'default';

/** Which words an assessment reads: the answer to the wording question when it has words, else `default`. */
export function wordingVariant(wording: Wording | undefined, answers: Readonly<Record<string, AnswerValue | undefined>>): string {
  if (!wording) return DEFAULT_WORDING;
  const value = Object.hasOwn(answers, wording.questionId) ? answers[wording.questionId] : undefined;
  if (typeof value !== 'string') return DEFAULT_WORDING;
  const first = Object.values(wording.terms)[0];
  return first && Object.hasOwn(first, value) ? value : DEFAULT_WORDING;
}

/** One text with its placeholders replaced by the variant's words (an unknown term stays as it is). */
export function wordText(text: I18nText, wording: Wording, variant: string): I18nText {
  const words = (lang: 'fr' | 'en') => (_match: string, term: string) => {
    const byVariant = Object.hasOwn(wording.terms, term) ? wording.terms[term] : undefined;
    const chosen = byVariant?.[variant] ?? byVariant?.[DEFAULT_WORDING];
    return chosen ? chosen[lang] : `{${term}}`;
  };
  return { fr: text.fr.replace(PLACEHOLDER, words('fr')), en: text.en.replace(PLACEHOLDER, words('en')) };
}

function isI18n(value: unknown): value is I18nText {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as I18nText).fr === 'string' &&
    typeof (value as I18nText).en === 'string' &&
    Object.keys(value).every((k) => k === 'fr' || k === 'en')
  );
}

/** The template with every text worded for the variant (a deep copy; the wording table itself is kept). */
export function applyWording(template: QuestionnaireTemplate, variant: string): QuestionnaireTemplate {
  const wording = template.wording;
  if (!wording) return template;
  const walk = (value: unknown, key: string): unknown => {
    if (key === 'wording') return value;
    if (isI18n(value)) return wordText(value, wording, variant);
    if (Array.isArray(value)) return value.map((v) => walk(v, ''));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(template, '') as QuestionnaireTemplate;
}

/** Every text of a template with where it is, for checks: `[where, text]`. */
export function templateTexts(template: unknown): Array<[string, I18nText]> {
  const out: Array<[string, I18nText]> = [];
  const walk = (value: unknown, where: string, key: string): void => {
    if (key === 'wording') return;
    if (isI18n(value)) {
      out.push([where, value]);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, where, String(i)));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const obj = value as Record<string, unknown>;
    const here =
      typeof obj.id === 'string' && Array.isArray(obj.questions)
        ? `section "${obj.id}"`
        : typeof obj.id === 'string' && typeof obj.type === 'string'
          ? `question "${obj.id}"`
          : typeof obj.id === 'string' && where.startsWith('question')
            ? `${where} option "${obj.id}"`
            : where;
    for (const [k, v] of Object.entries(obj)) walk(v, isI18n(v) ? `${here} ${k}`.trim() : here, k);
  };
  walk(template, '', '');
  return out;
}
