/**
 * The organisation's profile (given at sign-up) as answers to the questionnaire's first section, so
 * that a new assessment does not ask again what the organisation already said: kind, kind of public
 * body, inhabitants, country, headcount, whether it builds services, where its servers run. Pure.
 *
 * Only questions the template has, only values it accepts (the same check as any answer), only what
 * the profile knows: an unknown field stays unanswered, never a guess.
 */
import { checkAnswerValue } from '../questionnaires/answer-validation.js';
import type { AnswerValue, Question } from '../questionnaires/template.types.js';

export interface OrganisationProfile {
  kind: string | null;
  publicBodyType: string | null;
  staffCount: number | null;
  inhabitants: number | null;
  buildsServices: boolean | null;
  hosting: string[] | null;
  /** ISO 3166 alpha-2. */
  country: string | null;
}

/** The question ids the profile fills, in the order of the first section. */
export const PROFILE_QUESTIONS = {
  kind: 'organisation.kind',
  publicBodyType: 'organisation.public_body_type',
  inhabitants: 'organisation.inhabitants',
  country: 'organisation.country',
  staffCount: 'organisation.employees',
  buildsServices: 'ecodesign.builds_services',
  hosting: 'organisation.hosting',
} as const;

/**
 * The country as the questionnaire's option: the code itself when it is an option, else "another EU
 * country" for a member state, else "another country" (the electricity factor the footprint uses then).
 */
export function countryOption(country: string, question: Question, euMemberStates: readonly string[]): string | null {
  const ids = new Set((question.options ?? []).map((o) => o.id));
  const code = country.trim().toUpperCase();
  if (ids.has(code)) return code;
  if (euMemberStates.includes(code) && ids.has('OTHER_EU')) return 'OTHER_EU';
  return ids.has('OTHER') ? 'OTHER' : null;
}

export function profileAnswers(
  profile: OrganisationProfile,
  questions: ReadonlyMap<string, Question>,
  euMemberStates: readonly string[],
): Array<{ questionId: string; value: AnswerValue }> {
  const wanted: Array<[string, AnswerValue | null]> = [
    [PROFILE_QUESTIONS.kind, profile.kind],
    [PROFILE_QUESTIONS.publicBodyType, profile.kind === 'public_body' ? profile.publicBodyType : null],
    [PROFILE_QUESTIONS.inhabitants, profile.kind === 'public_body' ? profile.inhabitants : null],
    [PROFILE_QUESTIONS.staffCount, profile.staffCount],
    [PROFILE_QUESTIONS.buildsServices, profile.buildsServices],
    [PROFILE_QUESTIONS.hosting, profile.hosting && profile.hosting.length ? profile.hosting : null],
  ];
  const countryQuestion = questions.get(PROFILE_QUESTIONS.country);
  if (profile.country && countryQuestion)
    wanted.push([PROFILE_QUESTIONS.country, countryOption(profile.country, countryQuestion, euMemberStates)]);
  const out: Array<{ questionId: string; value: AnswerValue }> = [];
  for (const [questionId, value] of wanted) {
    const question = questions.get(questionId);
    if (!question || value === null) continue;
    if (checkAnswerValue(question, value)) continue;
    out.push({ questionId, value });
  }
  return out;
}
