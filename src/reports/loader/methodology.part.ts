/** Methodology and sources (annex): how scores, priorities and the footprint are worked out, and from what. */
import type { Lang } from '../../questionnaires/template.types.js';
import { EF_SOURCE, METHODOLOGY_VERSION, isMethodologyVersion, methodologyText } from '../../scoring/index.js';
import { FOOTPRINT_CRITERIA, type SourceVm } from '../report.view-model.js';
import type { LoaderContext } from './context.js';

export function methodologyPart(ctx: LoaderContext) {
  const { lang, t, results } = ctx;
  const fp = results.footprint;
  const sourceList: SourceVm[] = fp.sources.map((s) => ({ label: `${s.publisher}: ${s.title}`, year: s.year, usedFor: s.reference }));
  if (results.methodologyVersion !== 'scoring-1')
    sourceList.push({ label: EF_SOURCE.title, year: EF_SOURCE.year, usedFor: EF_SOURCE.publishedBy });

  return {
    scoring: methodologyText(lang, isMethodologyVersion(results.methodologyVersion) ? results.methodologyVersion : METHODOLOGY_VERSION),
    priority: priorityText(lang, results.methodologyVersion),
    footprint: [
      t.factorsVersion(fp.factorsVersion),
      fp.assumptions.workingProfile.text[lang],
      FOOTPRINT_CRITERIA.map((c) =>
        `${fp.criteria[c].label[lang]} : ${fp.criteria[c].indicator[lang]}`.replace(' : ', lang === 'fr' ? '\u00a0: ' : ': '),
      ).join('\n'),
      ...fp.assumptions.notes.map((n) => n[lang]),
      ...results.savings.map((s) => s.method[lang]),
    ].join('\n\n'),
    sources: sourceList,
  };
}

/** The priority rule in two sentences (the full rules are in the scoring text above it). */
export function priorityText(lang: Lang, version: string): string {
  if (version === 'scoring-1') {
    return lang === 'fr'
      ? 'Priorité = 100 × I′/5 × écart/100 × E, où l’écart vaut 100 − maturité, E = 1 (effort faible), 0,7 (moyen) ou 0,45 (élevé), ' +
          'et I′ = poids d’impact (1 à 5) augmenté d’un point par tranche de 10 % de l’empreinte climat que l’action permet d’éviter (deux points au plus, plafonné à 5). ' +
          'Groupes : gains rapides (écart ≥ 40 et effort faible, ou écart ≥ 60 et effort moyen), projets structurants (autre écart ≥ 40), à entretenir (écart < 40).'
      : 'Priority = 100 × I′/5 × gap/100 × E, where gap = 100 − maturity, E = 1 (low effort), 0.7 (medium) or 0.45 (high), ' +
          'and I′ = the impact weight (1 to 5) raised by one point per 10 % of the climate footprint the action would avoid (at most two points, capped at 5). ' +
          'Groups: quick wins (gap ≥ 40 and low effort, or gap ≥ 60 and medium effort), structural projects (any other gap ≥ 40), keep up (gap < 40).';
  }
  return lang === 'fr'
    ? 'Levier : priorité = 100 × s × g*/100 × E, s étant la part de l’empreinte (score unique EF 3.1 sur climat, minéraux et métaux, ressources fossiles) que le levier évite, chiffrée sur l’inventaire ou supposée d’après l’impact ; ' +
        'fondation : 100 × I/5 × g*/100 × E. g* est l’écart ramené vers l’écart moyen de l’organisation selon le crédit des réponses (poids connu / (poids visible + 3)) ; E = 1, 0,7 ou 0,45 selon l’effort. ' +
        'Cette année : cinq actions au plus (trois leviers, deux fondations), écart ≥ 40 et impact ≥ 3 ; ensuite : autre écart ≥ 40 ; à entretenir : écart < 40. Ce qui est sans objet sort des scores et du plan.'
    : 'Lever: priority = 100 × s × g*/100 × E, s being the share of the footprint (EF 3.1 single score over climate, minerals and metals, fossil resources) the lever avoids, quantified on the inventory or assumed from its impact; ' +
        'foundation: 100 × I/5 × g*/100 × E. g* is the gap pulled toward the organisation’s mean gap by the credibility of the answers (known weight / (visible weight + 3)); E = 1, 0.7 or 0.45 by effort. ' +
        'This year: five actions at most (three levers, two foundations), gap ≥ 40 and impact ≥ 3; next: any other gap ≥ 40; keep up: gap < 40. What does not apply is left out of scores and plan.';
}
