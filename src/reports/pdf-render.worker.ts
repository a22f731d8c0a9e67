/**
 * Worker-thread entry: receives view models, answers with PDF bytes.
 * Started by report-worker-pool.ts, one render at a time per worker.
 */
import { parentPort } from 'node:worker_threads';
import { renderReport } from './pdf-renderer.js';
import type { ReportViewModel } from './report.view-model.js';

export interface RenderRequest {
  id: number;
  vm: ReportViewModel;
  deterministic: boolean;
}

export type RenderResponse =
  { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; error: { name: string; message: string; stack?: string } };

const port = parentPort;
if (!port) throw new Error('pdf-render.worker must run in a worker thread');

port.on('message', (req: RenderRequest) => {
  renderReport(req.vm, { deterministic: req.deterministic }).then(
    (buffer) => {
      // A fresh, exactly sized ArrayBuffer that can be transferred without copying.
      const pdf = new Uint8Array(buffer.byteLength);
      pdf.set(buffer);
      port.postMessage({ id: req.id, ok: true, pdf } satisfies RenderResponse, [pdf.buffer]);
    },
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      port.postMessage({ id: req.id, ok: false, error: { name: e.name, message: e.message, stack: e.stack } } satisfies RenderResponse);
    },
  );
});
