/**
 * "Committed last year vs done" for the report: the plan module's pure result turned into text
 * in the report's language, with its own headings, so that its layout function stands alone
 * (the report's design is being reworked; this part moves as one piece).
 */
import type { CommittedVsDone, Verdict } from '../plan/progress.js';
import type { Lang } from '../questionnaires/template.types.js';
import { createFormatter } from './report-format.js';

export interface CommitmentsVm {
  title: string;
  intro: string;
  /** One sentence: of the done actions, how many moved as expected. */
  moved: string | null;
  headers: { action: string; status: string; maturity: string; footprint: string };
  rows: Array<{
    action: string;
    status: string;
    done: boolean;
    note: string | null;
    maturity: string;
    maturityVerdict: string;
    maturityOk: boolean | null;
    footprint: string;
    footprintVerdict: string;
    footprintOk: boolean | null;
  }>;
  method: string;
}

const STATUS: Record<Lang, Record<string, string>> = {
  fr: { not_started: 'Pas commencé', in_progress: 'En cours', done: 'Fait', dropped: 'Abandonné' },
  en: { not_started: 'Not started', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' },
};

const VERDICT: Record<Lang, Record<Verdict, string>> = {
  fr: { as_expected: 'comme attendu', unchanged: 'inchangé', opposite: 'en sens inverse', unknown: 'inconnu', not_estimated: 'non estimé' },
  en: { as_expected: 'as expected', unchanged: 'unchanged', opposite: 'the other way', unknown: 'unknown', not_estimated: 'not estimated' },
};

/** French plural: 0 and 1 take the singular. */
const pl = (n: number): string => (n > 1 ? 's' : '');

/** What became of the actions done: maturity and footprint figure, with plurals right in both languages. */
function movedText(cvd: CommittedVsDone, lang: Lang): string {
  const done = cvd.counts.done;
  const { maturityAsExpected: rose, footprintAsExpected: fell, footprintMeasurable: measurable } = cvd.doneMoved;
  if (lang === 'fr') {
    const lead = done === 1 ? 'Pour l’action faite' : `Sur les ${done} actions faites`;
    const footprint =
      measurable === 0
        ? 'aucune n’a de chiffre d’empreinte propre'
        : `le chiffre d’empreinte de l’action a baissé pour ${fell} sur ${measurable} mesurable${pl(measurable)}`;
    return `${lead}, la maturité a progressé pour ${rose} ; ${footprint}.`;
  }
  const lead = done === 1 ? 'Of the one action done' : `Of the ${done} actions done`;
  const footprint =
    measurable === 0
      ? 'none has a footprint figure of its own'
      : `the action’s footprint figure fell for ${fell} of the ${measurable === 1 ? 'one' : measurable} measurable`;
  return `${lead}, maturity rose for ${rose}; ${footprint}.`;
}

const ok = (v: Verdict): boolean | null => (v === 'as_expected' ? true : v === 'opposite' ? false : null);

export function buildCommitmentsVm(cvd: CommittedVsDone, lang: Lang): CommitmentsVm {
  const fmt = createFormatter(lang);
  const c = cvd.counts;
  const fr = lang === 'fr';
  const y0 = cvd.previous.year;
  const y1 = cvd.current.year;
  return {
    title: fr ? `Engagements ${y0} : promis et faits` : `${y0} commitments: committed vs done`,
    intro: fr
      ? `${c.committed} engagement${pl(c.committed)} pris en ${y0} : ${c.done} fait${pl(c.done)}, ${c.inProgress} en cours, ` +
        `${c.notStarted} pas commencé${pl(c.notStarted)}, ${c.dropped} abandonné${pl(c.dropped)}` +
        (c.carried ? ` ; ${c.carried} reporté${pl(c.carried)} dans le plan ${y1}.` : '.')
      : `${c.committed} commitment${c.committed === 1 ? '' : 's'} made in ${y0}: ${c.done} done, ${c.inProgress} in progress, ` +
        `${c.notStarted} not started, ${c.dropped} dropped` +
        (c.carried ? `; ${c.carried} carried into the ${y1} plan.` : '.'),
    moved: c.done ? movedText(cvd, lang) : null,
    headers: fr
      ? { action: 'Action', status: 'Statut final', maturity: `Maturité ${y0} → ${y1}`, footprint: 'Chiffre d’empreinte de l’action' }
      : { action: 'Action', status: 'Final status', maturity: `Maturity ${y0} → ${y1}`, footprint: 'Footprint figure of the action' },
    rows: cvd.items.map((i) => {
      const m = i.maturity;
      const f = i.footprint;
      return {
        action: i.title[lang],
        status: STATUS[lang][i.status] ?? i.status,
        done: i.status === 'done',
        note: i.dropReason ?? (i.carriedIntoId ? (fr ? `reporté en ${y1}` : `carried into ${y1}`) : null),
        maturity: m.previous === null || m.current === null ? '—' : `${fmt.score(m.previous)} → ${fmt.score(m.current)}`,
        maturityVerdict: VERDICT[lang][m.verdict],
        maturityOk: ok(m.verdict),
        footprint: !f
          ? fr
            ? 'pas de chiffre propre'
            : 'no figure of its own'
          : f.previous === null || f.current === null
            ? f.label[lang]
            : `${f.label[lang]} : ${fmt.quantity(f.previous)} → ${fmt.quantity(f.current)} ${f.unit}${f.deltaPercent === null ? '' : ` (${fmt.signedPercent(f.deltaPercent)})`}`.replace(
                ' : ',
                fr ? '\u202f: ' : ': ',
              ),
        footprintVerdict: f ? VERDICT[lang][f.verdict] : '',
        footprintOk: f ? ok(f.verdict) : null,
      };
    }),
    method: fr
      ? 'Attendu : la maturité de l’action monte d’au moins 1 point ; son chiffre d’empreinte baisse d’au moins 1 % (fabrication amortie par appareil pour la durée de vie et le reconditionné, usage par appareil pour l’extinction, climat des écrans pour leur réduction). Les autres actions n’ont pas de chiffre d’empreinte propre. Un parc qui change d’une année à l’autre peut aussi faire bouger ces chiffres.'
      : 'Expected: the action’s maturity rises by at least 1 point; its footprint figure falls by at least 1 % (embodied impact per device for lifespan and refurbished, use per device for switching off, the screens’ climate impact for fewer screens). Other actions have no footprint figure of their own. A fleet that changes from one year to the next also moves these figures.',
  };
}
