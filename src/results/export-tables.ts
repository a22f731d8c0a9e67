/**
 * The export as separate tables, one kind of row each (answers, scores, priorities, footprint by
 * device, footprint totals), for a CSV file per table or an XLSX sheet per table. Pure: plain data in,
 * plain rows out; the CSV and XLSX writers below only lay them out.
 *
 * Numbers are rounded to what they mean, as the pages and the report print them (figures.js):
 * scores and maturities to the unit, confidence and shares as whole percentages (shares to two
 * significant digits), footprint figures and savings to two significant digits. They stay numbers;
 * each column or row says its unit, in the file's language. A figure not estimated is an empty cell
 * with a note, never 0.
 */
import type { Lang } from '../questionnaires/template.types.js';
import { roundSignificant } from '../web/assets/figures.js';
import { csvLine, type CsvCell, type CsvConvention } from './csv.js';
import type { AssessmentExport } from './export.js';

export const EXPORT_TABLES = ['answers', 'scores', 'priorities', 'footprint', 'footprint_totals'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export interface TableColumn {
  key: string;
  label: string;
  /** Column width in an XLSX sheet, in characters. */
  width: number;
}

export interface Table {
  name: ExportTable;
  /** The sheet's name, in the file's language (at most 31 characters). */
  title: string;
  columns: TableColumn[];
  rows: Array<Record<string, CsvCell>>;
}

type Labels = Record<string, { fr: string; en: string; width?: number }>;

const TITLES: Record<ExportTable, { fr: string; en: string }> = {
  answers: { fr: 'Réponses', en: 'Answers' },
  scores: { fr: 'Scores', en: 'Scores' },
  priorities: { fr: 'Priorités', en: 'Priorities' },
  footprint: { fr: 'Empreinte par appareil', en: 'Footprint by device' },
  footprint_totals: { fr: 'Empreinte totale', en: 'Footprint totals' },
};

const COLUMNS: Record<ExportTable, Labels> = {
  answers: {
    section_id: { fr: 'section_id', en: 'section_id', width: 16 },
    section: { fr: 'Section', en: 'Section', width: 28 },
    question_id: { fr: 'question_id', en: 'question_id', width: 28 },
    question: { fr: 'Question', en: 'Question', width: 50 },
    answer: { fr: 'Réponse', en: 'Answer', width: 36 },
    value: { fr: 'Valeur', en: 'Value', width: 16 },
    unit: { fr: 'Unité', en: 'Unit', width: 12 },
    comment: { fr: 'Commentaire', en: 'Comment', width: 36 },
    answered_by: { fr: 'Répondu par', en: 'Answered by', width: 28 },
    updated_at: { fr: 'Modifié le', en: 'Updated at', width: 24 },
    carried_over: { fr: 'Reprise non confirmée', en: 'Carried over, not confirmed', width: 12 },
  },
  scores: {
    kind: { fr: 'Niveau de lecture', en: 'Kind', width: 12 },
    id: { fr: 'id', en: 'id', width: 16 },
    label: { fr: 'Libellé', en: 'Label', width: 32 },
    score: { fr: 'Score (/100)', en: 'Score (/100)', width: 10 },
    level: { fr: 'Niveau (1 à 5)', en: 'Level (1 to 5)', width: 10 },
    level_label: { fr: 'Libellé du niveau', en: 'Level label', width: 20 },
    confidence: { fr: 'Confiance (%)', en: 'Confidence (%)', width: 12 },
    note: { fr: 'Remarque', en: 'Note', width: 40 },
  },
  priorities: {
    rank: { fr: 'Rang', en: 'Rank', width: 6 },
    group: { fr: 'Groupe', en: 'Group', width: 10 },
    action_id: { fr: 'action_id', en: 'action_id', width: 24 },
    action: { fr: 'Action', en: 'Action', width: 40 },
    kind: { fr: 'Type', en: 'Kind', width: 12 },
    priority: { fr: 'Priorité (/100)', en: 'Priority (/100)', width: 10 },
    maturity: { fr: 'Maturité (/100)', en: 'Maturity (/100)', width: 10 },
    saving: { fr: 'Économie (kg CO2e/an)', en: 'Saving (kg CO2e/yr)', width: 14 },
    share: { fr: "Part de l'empreinte climat (%)", en: 'Share of the climate footprint (%)', width: 14 },
    confidence: { fr: 'Confiance (%)', en: 'Confidence (%)', width: 12 },
    why: { fr: 'Pourquoi', en: 'Why', width: 60 },
  },
  footprint: {
    device_id: { fr: 'appareil_id', en: 'device_id', width: 16 },
    device: { fr: 'Appareil', en: 'Device', width: 24 },
    count: { fr: 'Nombre', en: 'Count', width: 8 },
    lifespan: { fr: 'Durée de vie (ans)', en: 'Lifespan (years)', width: 10 },
    refurbished: { fr: 'Part reconditionnée (%)', en: 'Refurbished share (%)', width: 10 },
    criterion_id: { fr: 'critère_id', en: 'criterion_id', width: 12 },
    criterion: { fr: 'Critère', en: 'Criterion', width: 32 },
    unit: { fr: 'Unité (par an)', en: 'Unit (a year)', width: 12 },
    embodied: { fr: 'Fabrication', en: 'Embodied', width: 12 },
    use: { fr: 'Usage', en: 'Use', width: 12 },
    total: { fr: 'Total', en: 'Total', width: 12 },
    low: { fr: 'Bas', en: 'Low', width: 12 },
    high: { fr: 'Haut', en: 'High', width: 12 },
    note: { fr: 'Remarque', en: 'Note', width: 40 },
  },
  footprint_totals: {
    criterion_id: { fr: 'critère_id', en: 'criterion_id', width: 12 },
    criterion: { fr: 'Critère', en: 'Criterion', width: 32 },
    unit: { fr: 'Unité (par an)', en: 'Unit (a year)', width: 12 },
    embodied: { fr: 'Fabrication', en: 'Embodied', width: 12 },
    use: { fr: 'Usage', en: 'Use', width: 12 },
    total: { fr: 'Total', en: 'Total', width: 12 },
    low: { fr: 'Bas', en: 'Low', width: 12 },
    high: { fr: 'Haut', en: 'High', width: 12 },
    per_person: { fr: 'Par personne', en: 'Per person', width: 12 },
    factors_version: { fr: 'Version des facteurs', en: 'Factors version', width: 10 },
    note: { fr: 'Remarque', en: 'Note', width: 60 },
  },
};

/** Units of the footprint in the file's language (a year is said by the column's title). */
const UNIT_WORDS: Record<string, { fr: string; en: string }> = {
  'kg CO2e': { fr: 'kg CO2e', en: 'kg CO2e' },
  'kg Sb eq': { fr: 'kg Sb éq.', en: 'kg Sb eq' },
  MJ: { fr: 'MJ', en: 'MJ' },
  kg: { fr: 'kg', en: 'kg' },
  L: { fr: 'L', en: 'L' },
};

const YES_NO = { fr: ['oui', 'non'], en: ['yes', 'no'] } as const;

/** A footprint figure or saving: two significant digits; null stays empty. */
export function quantity(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? roundSignificant(v) : null;
}

/** A score or maturity 0-100 to the unit. */
export function points(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? Math.round(v) + 0 : null;
}

/** A ratio 0..1 as a whole percentage. */
export function wholePercent(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 100) + 0 : null;
}

function columns(name: ExportTable, lang: Lang): TableColumn[] {
  return Object.entries(COLUMNS[name]).map(([key, l]) => ({ key, label: l[lang], width: l.width ?? 14 }));
}

export function exportTable(data: AssessmentExport, name: ExportTable, lang: Lang): Table {
  const r = data.results;
  const fp = r.footprint;
  const notEstimated = lang === 'fr' ? 'non estimé' : 'not estimated';
  const unitOf = (criterion: keyof typeof fp.units) => UNIT_WORDS[fp.units[criterion]]?.[lang] ?? fp.units[criterion];
  const rows: Array<Record<string, CsvCell>> = [];
  switch (name) {
    case 'answers':
      for (const a of data.answers) {
        const value = a.value;
        rows.push({
          section_id: a.sectionId,
          section: a.sectionTitle?.[lang] ?? '',
          question_id: a.questionId,
          question: a.question[lang],
          answer: a.valueLabel?.[lang] ?? '',
          value: Array.isArray(value) ? value.join('|') : typeof value === 'boolean' ? YES_NO[lang][value ? 0 : 1] : value,
          unit: a.unit?.[lang] ?? '',
          comment: a.comment ?? '',
          answered_by: a.answeredByEmail ?? '',
          updated_at: a.updatedAt,
          carried_over: a.carriedOver ? YES_NO[lang][0] : YES_NO[lang][1],
        });
      }
      break;
    case 'scores': {
      rows.push({
        kind: lang === 'fr' ? 'global' : 'overall',
        id: 'overall',
        label: lang === 'fr' ? 'Score global' : 'Overall score',
        score: points(r.overall.score),
        level: r.overall.level,
        level_label: r.overall.levelLabel?.[lang] ?? '',
        confidence: wholePercent(r.overall.confidence),
        note: `${lang === 'fr' ? 'Méthode' : 'Methodology'} ${r.methodologyVersion}`,
      });
      for (const s of r.sections) {
        const na = s.status === 'not_applicable';
        rows.push({
          kind: 'section',
          id: s.id,
          label: s.title[lang],
          score: na ? null : points(s.score),
          level: na ? null : s.level,
          level_label: na ? '' : (s.levelLabel?.[lang] ?? ''),
          confidence: na ? null : wholePercent(s.confidence),
          note: na ? `${lang === 'fr' ? 'sans objet' : 'not applicable'}: ${s.notApplicable?.text[lang] ?? ''}` : '',
        });
      }
      break;
    }
    case 'priorities':
      for (const p of r.priorities) {
        const kind = p.kind === undefined ? '' : lang === 'fr' ? (p.kind === 'lever' ? 'levier' : 'fondation') : p.kind;
        rows.push({
          rank: p.rank,
          group: p.group,
          action_id: p.actionId,
          action: p.title[lang],
          kind,
          priority: points(p.priority),
          maturity: points(p.maturity),
          saving: quantity(p.saving?.climateKgCo2ePerYear),
          share: typeof p.saving?.shareOfClimateTotal === 'number' ? roundSignificant(p.saving.shareOfClimateTotal * 100) : null,
          confidence: wholePercent(p.confidence),
          why: p.why[lang],
        });
      }
      break;
    case 'footprint':
      for (const d of fp.devices) {
        for (const [criterion, parts] of Object.entries(d.perCriterion) as Array<
          [keyof typeof fp.units, (typeof d.perCriterion)['climate']]
        >) {
          rows.push({
            device_id: d.device,
            device: d.label[lang],
            count: d.count,
            lifespan: d.device === 'cloud' ? null : Number(d.lifespanYears.toFixed(2)),
            refurbished: d.device === 'cloud' ? null : wholePercent(d.refurbishedShare),
            criterion_id: criterion,
            criterion: fp.criteria[criterion].label[lang],
            unit: unitOf(criterion),
            embodied: quantity(parts.embodied),
            use: quantity(parts.use),
            total: quantity(parts.total),
            low: quantity(parts.low.total),
            high: quantity(parts.high.total),
            note: !d.estimated
              ? (d.notes.find((n) => n.code === 'not_estimated_device')?.text[lang] ?? notEstimated)
              : parts.total === null
                ? notEstimated
                : '',
          });
        }
      }
      break;
    case 'footprint_totals':
      for (const [criterion, t] of Object.entries(fp.totals) as Array<[keyof typeof fp.units, (typeof fp.totals)['climate']]>) {
        const missing = t.notEstimated.map((n) => `${n.device} ${n.part}`).join(', ');
        rows.push({
          criterion_id: criterion,
          criterion: fp.criteria[criterion].label[lang],
          unit: unitOf(criterion),
          embodied: quantity(t.embodied),
          use: quantity(t.use),
          total: quantity(t.total),
          low: quantity(t.low.total),
          high: quantity(t.high.total),
          per_person: quantity(fp.perPerson?.values[criterion]?.value),
          factors_version: fp.factorsVersion,
          note: [t.total === null ? notEstimated : '', missing ? `${notEstimated}: ${missing}` : '', fp.display.leavesOut[lang]]
            .filter(Boolean)
            .join(' · '),
        });
      }
      break;
  }
  return { name, title: TITLES[name][lang], columns: columns(name, lang), rows };
}

/** One table as CSV in the given convention (UTF-8 with a byte-order mark, CRLF). */
export function tableCsv(table: Table, convention: CsvConvention): string {
  const lines = [
    csvLine(
      table.columns.map((c) => c.label),
      convention,
    ),
    ...table.rows.map((row) =>
      csvLine(
        table.columns.map((c) => row[c.key]),
        convention,
      ),
    ),
  ];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Every table, one sheet each: numbers stay numbers, a header row that stays, filters. */
export async function tablesXlsx(tables: Table[], meta: { organisation: string; year: number; exportedAt: string }): Promise<Buffer> {
  // Loaded on first use, as the plan's export does: exceljs is a quarter to half a second of every start otherwise.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fresque-impact';
  wb.title = `${meta.organisation} ${meta.year}`;
  wb.created = new Date(meta.exportedAt);
  for (const table of tables) {
    const sheet = wb.addWorksheet(table.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.label, key: c.key, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      const cells: Record<string, string | number | boolean | null> = {};
      for (const c of table.columns) {
        const v = row[c.key];
        // Text that a spreadsheet would run as a formula is written as plain text anyway (exceljs never makes formulas of strings).
        cells[c.key] = v === undefined ? null : v;
      }
      sheet.addRow(cells);
    }
    if (table.rows.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
