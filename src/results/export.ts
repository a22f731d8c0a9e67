import type { Lang } from '../questionnaires/template.types.js';
import type { IndexedTemplate } from '../questionnaires/questionnaires.service.js';
import { answerLabel } from '../scoring/index.js';
import type { AnswerDto } from '../assessments/assessments.dto.js';
import { toCsv, type CsvCell } from './csv.js';
import type { FullResults } from './results.service.js';

export interface AssessmentExport {
  exportedAt: string;
  organisation: { id: string; name: string };
  assessment: FullResults['assessment'];
  answers: Array<AnswerDto & { sectionId: string; question: { fr: string; en: string }; valueLabel: { fr: string; en: string } | null }>;
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
];

/** A share 0..1 as a percentage with two significant digits, for the benefit column. */
function roundShare(share: number): string {
  const percent = share * 100;
  return `${Number(percent.toPrecision(2))}%`;
}

/**
 * One table a spreadsheet can filter by `kind`: methodology, overall, sections (a section that does
 * not apply has no score and says why), priorities, not_applicable (actions and questions, with why),
 * footprint, answers.
 */
export function exportCsv(data: AssessmentExport, lang: Lang): string {
  const rows: CsvCell[][] = [];
  const r = data.results;
  rows.push([
    'overall',
    'overall',
    '',
    lang === 'fr' ? 'Score global' : 'Overall score',
    r.overall.score,
    r.overall.levelLabel?.[lang] ?? '',
    r.overall.score,
    r.overall.level,
    r.overall.confidence,
    '/100',
    '',
    '',
    '',
  ]);
  const na = lang === 'fr' ? 'sans objet' : 'not applicable';
  rows.push([
    'methodology',
    r.methodologyVersion,
    '',
    lang === 'fr' ? 'Méthode de calcul' : 'Methodology',
    r.methodologyVersion,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ]);
  for (const s of r.sections)
    rows.push(
      s.status === 'not_applicable'
        ? ['section', s.id, s.id, s.title[lang], '', `${na}: ${s.notApplicable?.text[lang] ?? ''}`, '', '', '', '', '', '', '']
        : ['section', s.id, s.id, s.title[lang], s.score, s.levelLabel?.[lang] ?? '', s.score, s.level, s.confidence, '/100', '', '', ''],
    );
  // One row per ranked action: the group in `section`, the rank in `value`, the priority in `score`,
  // lever or foundation and the expected benefit (share of the footprint) in `level`/`unit`.
  for (const p of r.priorities) {
    const benefit = p.benefit
      ? `${p.kind}; ${p.benefit.source} benefit ${roundShare(p.benefit.share)} of the footprint (EF)`
      : (p.kind ?? '');
    rows.push([
      'priority',
      p.actionId,
      p.group,
      p.title[lang],
      p.rank,
      p.why[lang],
      p.priority,
      benefit,
      p.confidence,
      p.saving?.climateKgCo2ePerYear != null ? 'kg CO2e/yr saved' : '',
      p.saving?.climateKgCo2ePerYear ?? '',
      '',
      '',
    ]);
  }
  for (const a of r.notApplicable?.actions ?? [])
    rows.push(['not_applicable', a.id, 'action', a.title[lang], '', a.reason.text[lang], '', a.kind, '', '', '', '', '']);
  for (const q of r.notApplicable?.questions ?? [])
    rows.push(['not_applicable', q.id, q.sectionId, q.label[lang], '', q.reason.text[lang], '', '', '', '', '', '', '']);
  for (const d of r.footprint.devices) {
    for (const [criterion, parts] of Object.entries(d.perCriterion)) {
      rows.push([
        'footprint',
        `${d.device}.${criterion}`,
        d.device,
        `${d.device} (${d.count})`,
        parts.total,
        `embodied ${parts.embodied ?? 'not estimated'}; use ${parts.use ?? 'not estimated'}`,
        '',
        '',
        '',
        r.footprint.units[criterion as keyof typeof r.footprint.units],
        '',
        '',
        '',
      ]);
    }
  }
  for (const [criterion, t] of Object.entries(r.footprint.totals)) {
    rows.push([
      'footprint_total',
      criterion,
      '',
      criterion,
      t.total,
      t.notEstimated.length ? `not estimated: ${t.notEstimated.map((n) => `${n.device} ${n.part}`).join(', ')}` : '',
      '',
      '',
      '',
      r.footprint.units[criterion as keyof typeof r.footprint.units],
      '',
      '',
      '',
    ]);
  }
  for (const a of data.answers) {
    rows.push([
      'answer',
      a.questionId,
      a.sectionId,
      a.question[lang],
      Array.isArray(a.value) ? a.value.join('|') : (a.value as CsvCell),
      a.valueLabel?.[lang] ?? '',
      '',
      '',
      '',
      '',
      a.comment ?? '',
      a.answeredByEmail ?? '',
      a.updatedAt,
    ]);
  }
  return toCsv(HEADER, rows);
}
