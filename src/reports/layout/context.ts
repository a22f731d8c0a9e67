/**
 * What every layout function receives besides the document and the view model.
 */
import type {} from 'pdfkit';
import type { Lang } from '../../questionnaires/template.types.js';
import type { ReportFormatter } from '../report-format.js';
import type { ReportLabels } from '../report.labels.js';
import type { ReportViewModel } from '../report.view-model.js';

/** The pdfkit document (type only: layout files never construct one). */
export type Doc = PDFKit.PDFDocument;

export interface LayoutContext {
  readonly lang: Lang;
  /** Fixed wording in `lang`. */
  readonly t: ReportLabels;
  readonly fmt: ReportFormatter;
  /** Title of the part being drawn: the running header of every page it spans. */
  part: string;
  /** Running-header title of each page, by 0-based page index ('' for the cover). */
  readonly pageTitles: string[];
  /** Annex parts started so far (A, B, C...): the main body ends where the first one starts. */
  annexes: number;
}

/** A layout function draws one part of the report from the current position. */
export type LayoutFn = (doc: Doc, vm: ReportViewModel, ctx: LayoutContext) => void;
