// Which questions are asked, the same rule as src/scoring/visibility.ts (a test checks they agree):
// - showIf: a question is shown only when the question it refers to is shown, answered, and its
//   answer matches (`in`: one of these option ids or booleans, for multi_choice one selected option
//   is enough; `gte`: a number at least this value; both must hold when both are given);
// - applicableIf: a question is not asked when the profile question it refers to has a known
//   answer (given, and not "I don't know") that does not match; unknown leaves it asked.

const DONT_KNOW = 'dont_know';

export function isAnswered(value) {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'boolean';
}

export function isDontKnow(value) {
  if (value === DONT_KNOW) return true;
  return Array.isArray(value) && value.length > 0 && value.every((v) => v === DONT_KNOW);
}

export function conditionMatches(condition, value) {
  if (!isAnswered(value)) return false;
  if (condition.in !== undefined && condition.in !== null) {
    const allowed = condition.in;
    const matches = Array.isArray(value) ? value.some((v) => allowed.includes(v)) : allowed.includes(value);
    if (!matches) return false;
  }
  if (condition.gte !== undefined && condition.gte !== null) {
    if (typeof value !== 'number' || !(value >= condition.gte)) return false;
  }
  return true;
}

const own = (answers, id) => (Object.hasOwn(answers, id) ? answers[id] : undefined);

/**
 * Ids of the questions asked for these answers.
 * @param questions every question of the template, in template order: { id, showIf, applicableIf }
 * @param answers answer values by question id
 */
export function visibleQuestionIds(questions, answers) {
  const ids = new Set(questions.map((q) => q.id));
  const visible = new Set();
  for (const q of questions) {
    const a = q.applicableIf;
    if (a && ids.has(a.questionId)) {
      const value = own(answers, a.questionId);
      if (isAnswered(value) && !isDontKnow(value) && !conditionMatches(a, value)) continue;
    }
    const c = q.showIf;
    if (!c || (visible.has(c.questionId) && conditionMatches(c, own(answers, c.questionId)))) visible.add(q.id);
  }
  return visible;
}
