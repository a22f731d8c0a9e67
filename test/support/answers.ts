import type { AnswerValue, Question, QuestionnaireTemplate } from '../../src/questionnaires/template.types.js';

/** A valid answer for any question: the best practice, or the worst, for scoring tests. */
export function answerFor(q: Question, quality: 'best' | 'worst' = 'best'): AnswerValue {
  const pick = <T>(xs: T[], score: (x: T) => number) =>
    [...xs].sort((a, b) => (quality === 'best' ? score(b) - score(a) : score(a) - score(b)))[0];
  switch (q.type) {
    case 'single_choice':
    case 'scale': {
      const scored = (q.options ?? []).filter((o) => typeof o.score === 'number');
      return pick(scored.length ? scored : q.options!, (o) => o.score ?? 0).id;
    }
    case 'multi_choice': {
      const options = (q.options ?? []).filter((o) => typeof o.score === 'number');
      if (quality === 'worst') return [pick(options.length ? options : q.options!, (o) => o.score ?? 0).id];
      const best = options.filter((o) => !o.exclusive && (o.score ?? 0) > 0).map((o) => o.id);
      return best.length ? best : [options[0]?.id ?? q.options![0].id];
    }
    case 'boolean': {
      const s = q.scoring?.boolean;
      if (!s) return quality === 'best';
      return quality === 'best' ? s.yes >= s.no : s.yes < s.no;
    }
    case 'number': {
      const lin = q.scoring?.linear;
      let v = lin ? (quality === 'best' ? lin.best : lin.worst) : Math.min(Math.max(q.min ?? 0, 10), q.max ?? 10);
      v = Math.min(Math.max(v, q.min ?? v), q.max ?? v);
      return q.integer ? Math.round(v) : v;
    }
    case 'text':
      return 'Notes de test : « éco-conception », œuvre commune.';
  }
}

export function allQuestions(t: QuestionnaireTemplate): Question[] {
  return t.sections.flatMap((s) => s.questions);
}
