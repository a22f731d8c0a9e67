/**
 * The limits of an inventory upload, stated once (README, OpenAPI and problems quote them).
 * A fleet of 100,000 devices is a very large organisation; an export of it with a dozen columns
 * is about 15 MB of CSV.
 */
export const LIMITS = {
  /** Bytes of the uploaded file (413 beyond). */
  maxFileBytes: 25 * 1024 * 1024,
  /** Data rows after the header (413 beyond). */
  maxRows: 100_000,
  /** Columns of the header (413 beyond). */
  maxColumns: 200,
  /** Characters of one CSV record (413 beyond: usually a quote never closed). */
  maxRecordChars: 64 * 1024,
  /** Distinct type/category/model/manufacturer/os/size combinations (400 beyond: a serial number mapped as the model). */
  maxSignatures: 20_000,
  /** Rejected rows listed one by one (all are counted, by reason). */
  maxRejectedListed: 500,
  /** Line ranges kept per signature. */
  maxRangesPerSignature: 50,
  /** Characters kept of a signature cell. */
  maxSignatureChars: 120,
  /** Imports parsed at once by one service process, and waiting beyond them (429 beyond). */
  concurrentParses: 2,
  queuedParses: 4,
  /** Memory of the worker thread that parses one file, in MB (the file is refused beyond). */
  workerHeapMb: 1024,
} as const;

/** A problem with the file itself: becomes a 400 (or 413) problem naming the field `file` and the rule. */
export class InventoryFileError extends Error {
  constructor(
    readonly rule: string,
    message: string,
    readonly status: 400 | 413 = 400,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'InventoryFileError';
  }
}
