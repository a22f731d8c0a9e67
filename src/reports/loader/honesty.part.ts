/**
 * Honesty marks: what the reader must know before trusting the figures (answers carried over and
 * not confirmed, a low confidence, what does not apply), on the cover and the summary.
 */
import type { NoticeVm } from '../report.view-model.js';
import { CONFIDENCE_THRESHOLD, type LoaderContext } from './context.js';

export function honestyPart(ctx: LoaderContext) {
  const { input, lang, t, fmt, results } = ctx;
  const sectionOf = new Map(input.template.sections.flatMap((s) => s.questions.map((q) => [q.id, s] as const)));
  const unconfirmedIds = new Set(input.answers.filter((a) => a.carriedOver && a.value !== null).map((a) => a.questionId));
  const unconfirmedSections = input.template.sections
    .map((s) => ({ id: s.id, title: s.title[lang], count: s.questions.filter((q) => unconfirmedIds.has(q.id)).length }))
    .filter((s) => s.count > 0);
  const unconfirmedCount = [...unconfirmedIds].filter((id) => sectionOf.has(id)).length;
  const carriedFrom = input.carriedFromYear ?? input.previous?.year ?? null;
  const notices: NoticeVm[] = [];
  if (unconfirmedCount > 0) {
    notices.push({
      kind: 'unconfirmed',
      short: t.unconfirmedShort(unconfirmedCount, carriedFrom),
      text:
        t.unconfirmed(
          unconfirmedCount,
          carriedFrom,
          unconfirmedSections
            .map((s) => `${s.title} : ${s.count}`.replace(' : ', lang === 'fr' ? '\u00a0: ' : ': '))
            .join(lang === 'fr' ? ' ; ' : '; '),
        ) + (input.submittedUnreviewed ? ` ${t.submittedUnreviewed}` : ''),
    });
  }
  const weakSections = results.sections.filter((s) => s.status !== 'not_applicable' && s.confidence < CONFIDENCE_THRESHOLD);
  if (results.overall.confidence < CONFIDENCE_THRESHOLD || weakSections.length > 0) {
    const c = fmt.ratio(results.overall.confidence);
    notices.push({
      kind: 'low_confidence',
      short: t.lowConfidenceShort(c),
      text: t.lowConfidenceNotice(
        c,
        fmt.ratio(CONFIDENCE_THRESHOLD),
        weakSections.map((s) => `${s.title[lang]} (${fmt.ratio(s.confidence)})`).join(', '),
      ),
    });
  }
  const naSections = results.sections.filter((s) => s.status === 'not_applicable');
  if (naSections.length > 0) {
    notices.push({
      kind: 'not_applicable',
      short: t.notApplicableShort(t.list(naSections.map((s) => s.title[lang]))),
      text: t.notApplicableNotice(
        naSections
          .map((s) => (s.notApplicable ? `${s.title[lang]} (${s.notApplicable.text[lang]})` : s.title[lang]))
          .join(lang === 'fr' ? ' ; ' : '; '),
        results.notApplicable?.actions.length ?? 0,
      ),
    });
  }
  return {
    unconfirmed: { count: unconfirmedCount, fromYear: carriedFrom, sections: unconfirmedSections },
    confidenceThreshold: CONFIDENCE_THRESHOLD,
    notices,
  };
}
