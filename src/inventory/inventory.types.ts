/**
 * Types of the inventory import: the content under `templates/inventory/` (export formats,
 * classification rules, the class -> question table), a column mapping, the per-signature
 * aggregates an import keeps, and the preview. Pure types.
 */
import type { I18nText } from '../questionnaires/template.types.js';

export const DEVICE_CLASSES = [
  'laptop',
  'desktop',
  'monitor',
  'smartphone',
  'tablet',
  'meeting_room_screen',
  'server',
  'network_box',
  'network_switch',
  'printer',
  'other',
] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

/** The columns an import reads; every other column of the file is never read. */
export const FIELDS = [
  'type',
  'category',
  'model',
  'manufacturer',
  'os',
  'size',
  'purchaseDate',
  'firstSeenDate',
  'retirementDate',
  'status',
  'refurbished',
  'ownership',
] as const;
export type Field = (typeof FIELDS)[number];

/** Fields the classification reads (the "signature" of a row). */
export const SIGNATURE_FIELDS = ['type', 'category', 'model', 'manufacturer', 'os', 'size'] as const;
export type SignatureField = (typeof SIGNATURE_FIELDS)[number];

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** Which header holds each field, and how ambiguous dates read. */
export interface ColumnMapping {
  columns: Partial<Record<Field, string>>;
  dateOrder: DateOrder;
}

export interface ExportFormat {
  id: string;
  label: I18nText;
  source: string;
  all: string[];
  any?: string[];
  dateOrder: DateOrder;
  columns: Partial<Record<Field, string[]>>;
}

export interface ClassRule {
  id: string;
  class: DeviceClass;
  field: SignatureField[];
  /** Regular expression on the normalised text (lower case, no accents). */
  pattern?: string;
  /** Numbers (size in inches): at least / below. */
  gte?: number;
  lt?: number;
}

export type DeviceState = 'in_service' | 'retired' | 'excluded';

export interface StatusRule {
  id: string;
  state: Exclude<DeviceState, 'in_service'>;
  field: 'status' | 'ownership';
  pattern: string;
}

export interface InventoryContent {
  formats: ExportFormat[];
  suggestions: Partial<Record<Field, string[]>>;
  classLabels: Record<DeviceClass, I18nText>;
  rules: ClassRule[];
  rulesVersion: number;
  status: StatusRule[];
  refurbished: { yes: string; no: string };
  /** Class -> the questions its figures fill (null: none). */
  questionMap: Record<DeviceClass, QuestionTargets | null>;
}

export interface QuestionTargets {
  count: string;
  lifespanYears: string;
  refurbishedShare: string;
}

/** Age buckets of the devices in service, in years: [0,1), [1,2) ... [8,10), [10, +inf). */
export const AGE_BUCKETS: ReadonlyArray<readonly [number, number | null]> = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 4],
  [4, 5],
  [5, 6],
  [6, 7],
  [7, 8],
  [8, 10],
  [10, null],
];

/** A run of line numbers, inclusive. */
export type LineRange = [number, number];

/**
 * Everything kept about the rows of one signature (same type, category, model, manufacturer,
 * os and size): counts and sums, never a row's other cells.
 */
export interface SignatureGroup {
  signature: Partial<Record<SignatureField, string>>;
  rows: number;
  inService: number;
  retired: number;
  excluded: number;
  /** In service: devices per age bucket, the sum of their ages, how many had a date. */
  ageBuckets: number[];
  ageSum: number;
  dated: number;
  undated: number;
  /** Retired with a start and a retirement date: observed lifespans. */
  lifespanSum: number;
  lifespanCount: number;
  lifespanMin: number | null;
  lifespanMax: number | null;
  /** In service: refurbished flag. */
  refurbishedYes: number;
  refurbishedNo: number;
  refurbishedUnknown: number;
  /** Where these rows are in the file (line numbers, or spreadsheet rows), as ranges; capped. */
  lines: LineRange[];
  moreLines: number;
}

export interface RejectedRow {
  line: number;
  field?: Field;
  reason: I18nText;
}

/** What an import keeps once the file is parsed and dropped. */
export interface ParsedInventory {
  fileKind: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  headers: string[];
  formatId: string | null;
  mapping: ColumnMapping;
  rowCount: number;
  acceptedCount: number;
  rejectedCount: number;
  rejected: RejectedRow[];
  rejectedByReason: Record<string, number>;
  groups: SignatureGroup[];
  warnings: I18nText[];
  /** Which date column the ages come from. */
  ageFrom: 'purchaseDate' | 'firstSeenDate' | null;
}
