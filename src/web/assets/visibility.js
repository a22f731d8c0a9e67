// Conditional questions, the same rule as src/scoring/visibility.ts (a test checks they agree):
// a question with showIf is shown only when the question it refers to is shown, answered, and
// its answer matches (`in`: one of these option ids or booleans, for multi_choice one selected
// option is enough; `gte`: a number at least this value; both must hold when both are given).

export function isAnswered(value) {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'boolean';
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

/**
 * Ids of the questions shown for these answers.
 * @param questions every question of the template, in template order: { id, showIf }
 * @param answers answer values by question id
 */
export function visibleQuestionIds(questions, answers) {
  const visible = new Set();
  for (const q of questions) {
    const c = q.showIf;
    const value = Object.hasOwn(answers, c ? c.questionId : '') ? answers[c.questionId] : undefined;
    if (!c || (visible.has(c.questionId) && conditionMatches(c, value))) visible.add(q.id);
  }
  return visible;
}
