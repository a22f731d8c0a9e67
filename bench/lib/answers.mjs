/**
 * Answer values for the bench, generated from a questionnaire template (the JSON served by
 * GET /api/v1/questionnaires/:id/versions/:version, or the file under templates/).
 *
 * fullAnswers(template, variant): a valid value for every question, chosen so that every
 * conditional question is shown (booleans that open questions are true, counts >= their bound),
 * inventory included. `variant` varies the choices (scores differ between variants).
 */

/** Conditions referencing each question: questionId -> [showIf, ...]. */
export function conditionsByTarget(template) {
  const out = new Map();
  for (const s of template.sections) {
    for (const q of s.questions) {
      if (!q.showIf) continue;
      const list = out.get(q.showIf.questionId) ?? [];
      list.push(q.showIf);
      out.set(q.showIf.questionId, list);
    }
  }
  return out;
}

export function allQuestions(template) {
  return template.sections.flatMap((s) => s.questions);
}

/** A valid value for one question; `needs` are the conditions other questions put on it. */
export function valueFor(q, variant, index, needs = []) {
  const wanted = needs.flatMap((c) => c.in ?? []);
  const minNeeded = Math.max(-Infinity, ...needs.map((c) => (c.gte === undefined ? -Infinity : c.gte)));
  const pick = (list) => list[(variant * 7 + index * 3) % list.length];
  switch (q.type) {
    case 'scale':
    case 'single_choice': {
      let ids = q.options.map((o) => o.id).filter((id) => id !== 'dont_know');
      if (wanted.length) ids = ids.filter((id) => wanted.includes(id));
      return pick(ids.length ? ids : q.options.map((o) => o.id));
    }
    case 'multi_choice': {
      const plain = q.options.filter((o) => !o.exclusive).map((o) => o.id);
      const first = wanted.length ? (wanted.find((id) => plain.includes(id)) ?? plain[0]) : pick(plain);
      const second = plain[(plain.indexOf(first) + 1 + variant) % plain.length];
      return variant % 2 === 0 || second === first ? [first] : [first, second];
    }
    case 'boolean':
      return wanted.length ? (wanted.includes(true) ? true : wanted[0]) : (variant + index) % 3 !== 0;
    case 'number': {
      const lo = Math.max(q.min ?? 0, minNeeded);
      const hi = Math.min(q.max ?? lo + 1000, lo + 200);
      let v = lo + ((variant * 37 + index * 11) % (hi - lo + 1));
      if (!q.integer && variant % 2 === 1 && v + 0.5 <= hi) v += 0.5;
      return v;
    }
    case 'text':
      return `Bench note ${variant}-${index}`.slice(0, q.maxLength ?? 2000);
    default:
      throw new Error(`bench: unknown question type ${q.type} (${q.id})`);
  }
}

/** Every question answered, all shown: questionId -> value, in template order. */
export function fullAnswers(template, variant = 0) {
  const needs = conditionsByTarget(template);
  const values = {};
  allQuestions(template).forEach((q, i) => {
    values[q.id] = valueFor(q, variant, i, needs.get(q.id) ?? []);
  });
  return values;
}

/**
 * The questions the answer-save load rotates over: unconditional scale and single_choice
 * questions, each with all its option ids (so consecutive saves to one question change its value).
 */
export function saveRotation(template) {
  return allQuestions(template)
    .filter((q) => (q.type === 'scale' || q.type === 'single_choice') && !q.showIf && q.options.length > 1)
    .map((q) => ({ questionId: q.id, options: q.options.map((o) => o.id) }));
}
