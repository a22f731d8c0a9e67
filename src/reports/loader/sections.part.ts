/** Scores by section (annex), each beside last year's. */
import type { LoaderContext } from './context.js';
import { round1 } from './text.js';

export function sectionsPart(ctx: LoaderContext) {
  const { input, lang, results } = ctx;
  const previous = input.previous;
  return results.sections.map((s) => {
    const before = previous?.results.sections.find((p) => p.id === s.id)?.score ?? null;
    return {
      id: s.id,
      title: s.title[lang],
      score: s.score,
      level: s.level,
      levelLabel: s.levelLabel?.[lang] ?? null,
      confidence: s.confidence,
      previousScore: before,
      change: before !== null && s.score !== null ? round1(s.score - before) : null,
      notApplicable: s.status === 'not_applicable' && s.notApplicable ? s.notApplicable.text[lang] : null,
    };
  });
}
