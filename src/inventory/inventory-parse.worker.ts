/**
 * Worker-thread entry: parses one uploaded export (its bytes transferred, not copied) and answers
 * with the aggregates an import keeps, or with the problem of the file. One file per worker: the
 * thread ends with it, and its memory (the file, exceljs's workbook) with it. Started by
 * parse-runner.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InventoryFileError } from './limits.js';
import { parseInventory, type ParseOptions } from './parse-inventory.js';
import type { ColumnMapping, InventoryContent, ParsedInventory } from './inventory.types.js';

export interface ParseRequest {
  bytes: Uint8Array;
  content: InventoryContent;
  asOf: string;
  mapping?: ColumnMapping;
  savedMappings?: Record<string, ColumnMapping>;
}

export type ParseResponse =
  | { ok: true; parsed: ParsedInventory; ms: number }
  | { ok: false; fileError?: { rule: string; message: string; status: 400 | 413; extensions: Record<string, unknown> }; message: string };

const port = parentPort;
if (!port) throw new Error('inventory-parse.worker must run in a worker thread');
const req = workerData as ParseRequest;
const started = performance.now();
const options: ParseOptions = { asOf: new Date(req.asOf), mapping: req.mapping, savedMappings: req.savedMappings };
parseInventory(req.bytes, req.content, options).then(
  (parsed) => port.postMessage({ ok: true, parsed, ms: performance.now() - started } satisfies ParseResponse),
  (err: unknown) => {
    if (err instanceof InventoryFileError) {
      port.postMessage({
        ok: false,
        message: err.message,
        fileError: { rule: err.rule, message: err.message, status: err.status, extensions: err.extensions },
      } satisfies ParseResponse);
    } else port.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) } satisfies ParseResponse);
  },
);
