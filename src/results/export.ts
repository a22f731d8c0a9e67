import type { Lang } from '../questionnaires/template.types.js';
import type { IndexedTemplate } from '../questionnaires/questionnaires.service.js';
import { answerLabel } from '../scoring/index.js';
import type { AnswerDto } from '../assessments/assessments.dto.js';
import { toCsv, type CsvCell, type CsvConvention } from './csv.js';
import { quantity } from './export-tables.js';
import type { FullResults } from './results.service.js';

export interface AssessmentExport {
  exportedAt: string;
  organisation: { id: string; name: string };
  assessment: FullResults['assessment'];
  answers: Array<
    AnswerDto & {
      sectionId: string;
      sectionTitle: { fr: string; en: string } | null;
      question: { fr: string; en: string };
      valueLabel: { fr: string; en: string } | null;
      /** The question's unit, for numbers. */
      unit: { fr: string; en: string } | null;
    }
  >;
  results: FullResults;
}

export function buildExport(
  organisation: { id: string; name: string },
  template: IndexedTemplate,
  answers: AnswerDto[],
  results: FullResults,
): AssessmentExport {
  return {
    exportedAt: new Date().toISOString(),
    organisation,
    assessment: results.assessment,
    answers: answers.map((a) => {
      const located = template.questions.get(a.questionId);
      return {
        ...a,
        sectionId: located?.section.id ?? '',
        sectionTitle: located ? { fr: located.section.title.fr, en: located.section.title.en } : null,
        unit: located?.question.unit ? { fr: located.question.unit.fr, en: located.question.unit.en } : null,
        question: located?.question.label ?? { fr: a.questionId, en: a.questionId },
        valueLabel: located ? answerLabel(located.question, a.value) : null,
      };
    }),
    results,
  };
}

const HEADER = [
  'kind',
  'id',
  'section',
  'label',
  'value',
  'detail',
  'score',
  'level',
  'confidence',
  'unit',
  'comment',
  'answered_by',
  'updated_at',
  'low',
  'high',
] as const;

/** A share 0..1 as a percentage with two significant digits, for the benefit column. */
function roundShare(share: number): string {
  const percent = share * 100;
  return `${Number(percent.toPrecision(2))}%`;
}

/**
 * One table a spreadsheet can filter by `kind`: methodology, overall, sections (a section that does
 * not apply has no score and says why), priorities, not_applicable (actions and questions, with
 * why), footprint (by device, totals, per person, what is and is not estimated, the factors
 * version), the levers' savings, answers. Footprint figures and savings are rounded to two
 * significant digits (as printed everywhere), with their low and high values in the last two columns.
 * In the convention of the language (fr: semicolons and decimal comma) unless another is asked for.
 * Kept for clients of the single-file export; `?table=` gives one kind of row per file.
 */
export function exportCsv(data: AssessmentExport, lang: Lang, convention?: CsvConvention): string {
  const rows: CsvCell[][] = [];
  const r = data.results;
  const fp = r.footprint;
  /** A row in HEADER's order, from the columns it fills. */
  const row = (cells: Partial<Record<(typeof HEADER)[number], CsvCell>>): CsvCell[] => HEADER.map((h) => cells[h] ?? '');
  const notEstimated = lang === 'fr' ? 'non estimé' : 'not estimated';
  const figure = (v: number | null): CsvCell => quantity(v) ?? notEstimated;
  const bound = (v: number | null | undefined): CsvCell => quantity(v) ?? '';
  rows.push(
    row({
      kind: 'overall',
      id: 'overall',
      label: lang === 'fr' ? 'Score global' : 'Overall score',
      value: r.overall.score,
      detail: r.overall.levelLabel?.[lang] ?? '',
      score: r.overall.score,
      level: r.overall.level,
      confidence: r.overall.confidence,
      unit: '/100',
    }),
  );
  const na = lang === 'fr' ? 'sans objet' : 'not applicable';
  rows.push(
    row({
      kind: 'methodology',
      id: r.methodologyVersion,
      label: lang === 'fr' ? 'Méthode de calcul' : 'Methodology',
      value: r.methodologyVersion,
    }),
  );
  for (const s of r.sections)
    rows.push(
      s.status === 'not_applicable'
        ? row({ kind: 'section', id: s.id, section: s.id, label: s.title[lang], detail: `${na}: ${s.notApplicable?.text[lang] ?? ''}` })
        : row({
            kind: 'section',
            id: s.id,
            section: s.id,
            label: s.title[lang],
            value: s.score,
            detail: s.levelLabel?.[lang] ?? '',
            score: s.score,
            level: s.level,
            confidence: s.confidence,
            unit: '/100',
          }),
    );
  // One row per ranked action: the group in `section`, the rank in `value`, the priority in `score`,
  // lever or foundation and the expected benefit (share of the footprint) in `level`.
  for (const p of r.priorities) {
    const benefit = p.benefit
      ? `${p.kind}; ${p.benefit.source} benefit ${roundShare(p.benefit.share)} of the footprint (EF)`
      : (p.kind ?? '');
    rows.push(
      row({
        kind: 'priority',
        id: p.actionId,
        section: p.group,
        label: p.title[lang],
        value: p.rank,
        detail: p.why[lang],
        score: p.priority,
        level: benefit,
        confidence: p.confidence,
        unit: p.saving?.climateKgCo2ePerYear != null ? (lang === 'fr' ? 'kg CO2e/an évités' : 'kg CO2e/yr saved') : '',
        comment: bound(p.saving?.climateKgCo2ePerYear),
      }),
    );
  }
  for (const a of r.notApplicable?.actions ?? [])
    rows.push(
      row({ kind: 'not_applicable', id: a.id, section: 'action', label: a.title[lang], detail: a.reason.text[lang], level: a.kind }),
    );
  for (const q of r.notApplicable?.questions ?? [])
    rows.push(row({ kind: 'not_applicable', id: q.id, section: q.sectionId, label: q.label[lang], detail: q.reason.text[lang] }));
  rows.push(
    row({
      kind: 'footprint_factors',
      id: 'factors_version',
      label: lang === 'fr' ? 'Version des facteurs d’empreinte' : 'Footprint factors version',
      value: fp.factorsVersion,
      detail:
        lang === 'fr'
          ? 'templates/footprint-factors.json : source, année et ligne de chaque chiffre'
          : 'templates/footprint-factors.json: source, year and row of every figure',
    }),
  );
  for (const d of fp.devices) {
    for (const [criterion, parts] of Object.entries(d.perCriterion) as Array<
      [keyof typeof fp.units, (typeof d.perCriterion)[keyof typeof fp.units]]
    >) {
      const detail = d.estimated
        ? lang === 'fr'
          ? `fabrication ${quantity(parts.embodied) ?? notEstimated} ; usage ${quantity(parts.use) ?? notEstimated}`
          : `embodied ${quantity(parts.embodied) ?? notEstimated}; use ${quantity(parts.use) ?? notEstimated}`
        : (d.notes.find((n) => n.code === 'not_estimated_device')?.text[lang] ?? notEstimated);
      rows.push(
        row({
          kind: 'footprint',
          id: `${d.device}.${criterion}`,
          section: d.device,
          label: `${d.label[lang]} (${d.count}) · ${fp.criteria[criterion].label[lang]}`,
          value: figure(parts.total),
          detail,
          unit: fp.units[criterion],
          low: bound(parts.low.total),
          high: bound(parts.high.total),
        }),
      );
    }
  }
  for (const [criterion, t] of Object.entries(fp.totals) as Array<[keyof typeof fp.units, (typeof fp.totals)[keyof typeof fp.units]]>) {
    const missing = t.notEstimated.map((n) => `${n.device} ${n.part}`).join(', ');
    rows.push(
      row({
        kind: 'footprint_total',
        id: criterion,
        label: fp.criteria[criterion].label[lang],
        value: figure(t.total),
        detail: [fp.display.totals[criterion][lang], missing ? `${notEstimated}: ${missing}` : ''].filter(Boolean).join(' · '),
        unit: fp.units[criterion],
        low: bound(t.low.total),
        high: bound(t.high.total),
      }),
    );
  }
  if (fp.perPerson) {
    for (const [criterion, v] of Object.entries(fp.perPerson.values) as Array<
      [keyof typeof fp.units, (typeof fp.perPerson.values)[keyof typeof fp.units]]
    >) {
      rows.push(
        row({
          kind: 'footprint_per_person',
          id: criterion,
          label: `${fp.criteria[criterion].label[lang]}, ${fp.display.perPersonLabel?.[lang] ?? ''}`,
          value: figure(v?.value ?? null),
          detail: `${fp.perPerson.people} (${fp.perPerson.basis})`,
          unit: fp.units[criterion],
          low: bound(v?.low),
          high: bound(v?.high),
        }),
      );
    }
  }
  for (const e of fp.scope.estimated) {
    rows.push(row({ kind: 'footprint_estimated', id: e.id, label: e.label[lang], detail: e.detail[lang] }));
  }
  for (const e of fp.scope.notEstimated) {
    rows.push(row({ kind: 'footprint_not_estimated', id: e.id, label: e.label[lang], detail: e.detail[lang] }));
  }
  for (const s of r.savings) {
    rows.push(
      row({
        kind: 'saving',
        id: s.lever,
        label: s.lever,
        value: s.applicable ? figure(s.climateKgCo2ePerYear) : '',
        detail: (s.applicable ? s.description?.[lang] : s.reason?.[lang]) ?? '',
        unit: s.applicable ? (lang === 'fr' ? 'kg CO2e/an' : 'kg CO2e/yr') : '',
        low: bound(s.range?.low.climate),
        high: bound(s.range?.high.climate),
      }),
    );
  }
  for (const a of data.answers) {
    rows.push(
      row({
        kind: 'answer',
        id: a.questionId,
        section: a.sectionId,
        label: a.question[lang],
        value: Array.isArray(a.value) ? a.value.join('|') : (a.value as CsvCell),
        detail: a.valueLabel?.[lang] ?? '',
        comment: a.comment ?? '',
        answered_by: a.answeredByEmail ?? '',
        updated_at: a.updatedAt,
      }),
    );
  }
  return toCsv([...HEADER], rows, convention);
}
