/**
 * The plan as a spreadsheet people can use: one row per commitment with owner, due date,
 * status, indicator, baseline, target, last value and the saving expected; as XLSX (exceljs:
 * real dates and numbers, a header row that stays, filters) or CSV (UTF-8, formula-safe).
 * Figures are kept in full (a data export); what is not estimated says so, never 0.
 */
import type { Lang } from '../questionnaires/template.types.js';
import { toCsv, type CsvCell } from '../results/csv.js';
import type { CommitmentDto, PlanDto } from './plan.dto.js';

const STATUS: Record<string, Record<Lang, string>> = {
  not_started: { fr: 'Pas commencé', en: 'Not started' },
  in_progress: { fr: 'En cours', en: 'In progress' },
  done: { fr: 'Fait', en: 'Done' },
  dropped: { fr: 'Abandonné', en: 'Dropped' },
};

export const EXPORT_COLUMNS: ReadonlyArray<{ key: string; fr: string; en: string; width: number }> = [
  { key: 'action', fr: 'Action', en: 'Action', width: 42 },
  { key: 'status', fr: 'Statut', en: 'Status', width: 14 },
  { key: 'owner', fr: 'Responsable', en: 'Owner', width: 28 },
  { key: 'due', fr: 'Échéance', en: 'Due date', width: 12 },
  { key: 'dueText', fr: 'Échéance saisie', en: 'Due as entered', width: 12 },
  { key: 'overdue', fr: 'En retard', en: 'Overdue', width: 10 },
  { key: 'indicator', fr: 'Indicateur', en: 'Indicator', width: 44 },
  { key: 'baseline', fr: 'Valeur de départ', en: 'Baseline', width: 12 },
  { key: 'unit', fr: 'Unité', en: 'Unit', width: 16 },
  { key: 'target', fr: 'Cible', en: 'Target', width: 14 },
  { key: 'lastValue', fr: 'Dernière valeur', en: 'Last value', width: 12 },
  { key: 'lastValueDate', fr: 'Date de la dernière valeur', en: 'Last value date', width: 12 },
  { key: 'saving', fr: 'Gain attendu (kg CO2e par an)', en: 'Saving expected (kg CO2e a year)', width: 16 },
  { key: 'savingRange', fr: 'Fourchette du gain (kg CO2e par an)', en: 'Saving range (kg CO2e a year)', width: 18 },
  { key: 'steps', fr: 'Étapes faites', en: 'Steps done', width: 10 },
  { key: 'dropReason', fr: 'Raison de l’abandon', en: 'Why dropped', width: 24 },
  { key: 'notes', fr: 'Notes', en: 'Notes', width: 40 },
  { key: 'actionId', fr: 'Identifiant de l’action', en: 'Action id', width: 26 },
];

/** A cell: a number, a day (YYYY-MM-DD, written as a date), text, or empty. */
export type ExportCell = number | string | { day: string } | null;

const NOT_ESTIMATED: Record<Lang, string> = { fr: 'non estimé', en: 'not estimated' };
const NOT_MEASURED: Record<Lang, string> = { fr: 'non mesuré', en: 'not measured' };

export function exportRow(c: CommitmentDto, lang: Lang): Record<string, ExportCell> {
  const saving = (c.adopted as { saving?: { climateKgCo2ePerYear: number | null; range: { low: number; high: number } | null } | null })
    .saving;
  const done = c.checklist.filter((s) => s.done).length;
  return {
    action: c.title[lang],
    status: STATUS[c.status]?.[lang] ?? c.status,
    owner: c.owner?.name ?? null,
    due: c.due ? { day: c.due.date } : null,
    dueText: c.due?.text ?? null,
    overdue: c.overdue ? (lang === 'fr' ? 'Oui' : 'Yes') : lang === 'fr' ? 'Non' : 'No',
    indicator: c.indicator[lang],
    baseline: c.baseline ? c.baseline.value : NOT_MEASURED[lang],
    unit: c.baseline?.unit[lang] || null,
    target: c.target ? (c.target.value ?? c.target.text) : null,
    lastValue: c.lastMeasurement ? c.lastMeasurement.value : null,
    lastValueDate: c.lastMeasurement ? { day: c.lastMeasurement.date } : null,
    saving: saving && saving.climateKgCo2ePerYear !== null ? saving.climateKgCo2ePerYear : NOT_ESTIMATED[lang],
    savingRange: saving?.range ? `${saving.range.low} – ${saving.range.high}` : null,
    steps: c.checklist.length ? `${done}/${c.checklist.length}` : null,
    dropReason: c.dropReason,
    notes: c.notes,
    actionId: c.actionId,
  };
}

function notes(plan: PlanDto, organisationName: string, lang: Lang, exportedAt: string): string[][] {
  return lang === 'fr'
    ? [
        ['Organisation', organisationName],
        ['Plan', String(plan.assessment.year)],
        ['Exporté le', `${exportedAt} (${plan.timeZone})`],
        ['Dates', `Jours dans le fuseau horaire de l’organisation (${plan.timeZone}) ; un trimestre est dû à son dernier jour.`],
        [
          'Gain attendu',
          'Gain climat annuel estimé sur votre propre inventaire quand l’action a été adoptée (bas de la fourchette quand il y en a une). « non estimé » : l’empreinte ne chiffre pas cette action ; ce n’est pas zéro.',
        ],
        [
          'Valeur de départ',
          'Calculée à partir des réponses quand le questionnaire mesure l’indicateur, sinon saisie ; « non mesuré » : pas de valeur.',
        ],
      ]
    : [
        ['Organisation', organisationName],
        ['Plan', String(plan.assessment.year)],
        ['Exported on', `${exportedAt} (${plan.timeZone})`],
        ['Dates', `Days in the organisation's time zone (${plan.timeZone}); a quarter is due on its last day.`],
        [
          'Saving expected',
          'Yearly climate saving estimated on your own inventory when the action was adopted (low end of the range where there is one). "not estimated": the footprint does not quantify this action; it is not zero.',
        ],
        ['Baseline', 'Computed from the answers where the questionnaire measures the indicator, else entered; "not measured": no value.'],
      ];
}

export async function planXlsx(plan: PlanDto, organisationName: string, lang: Lang, exportedAt: string): Promise<Buffer> {
  // Loaded on first use: exceljs is a quarter to half a second of every start otherwise.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fresque-impact';
  const sheet = wb.addWorksheet(lang === 'fr' ? 'Plan' : 'Plan', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c[lang], key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'top', wrapText: true };
  for (const c of plan.commitments) {
    const row = exportRow(c, lang);
    const values: Record<string, string | number | Date | null> = {};
    for (const [k, v] of Object.entries(row)) values[k] = v !== null && typeof v === 'object' ? new Date(`${v.day}T00:00:00Z`) : v;
    const added = sheet.addRow(values);
    if (c.overdue) added.getCell('overdue').font = { bold: true, color: { argb: 'FFB00020' } };
  }
  for (const key of ['due', 'lastValueDate']) sheet.getColumn(key).numFmt = 'yyyy-mm-dd';
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  const about = wb.addWorksheet(lang === 'fr' ? 'À propos' : 'About');
  about.columns = [
    { key: 'k', width: 22 },
    { key: 'v', width: 100 },
  ];
  for (const [k, v] of notes(plan, organisationName, lang, exportedAt)) about.addRow({ k, v }).getCell('v').alignment = { wrapText: true };
  about.getColumn('k').font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function planCsv(plan: PlanDto, lang: Lang): string {
  const rows: CsvCell[][] = plan.commitments.map((c) => {
    const row = exportRow(c, lang);
    return EXPORT_COLUMNS.map((col) => {
      const v = row[col.key];
      return v !== null && typeof v === 'object' ? v.day : v;
    });
  });
  return toCsv(
    EXPORT_COLUMNS.map((c) => c[lang]),
    rows,
  );
}

export function planFilename(organisationName: string, year: number, lang: Lang, ext: 'xlsx' | 'csv'): string {
  const slug = organisationName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${lang === 'fr' ? 'engagements' : 'commitments'}-${slug || 'organisation'}-${year}.${ext}`;
}
