/**
 * Worker-thread entry: receives a report's input (or a ready view model), builds the view model
 * here, off the request thread, and answers with the PDF's (or the DOCX's) bytes.
 * Started by report-worker-pool.ts, one render at a time per worker.
 */
import { parentPort } from 'node:worker_threads';
import { renderDocx } from './docx-renderer.js';
import { renderReport } from './pdf-renderer.js';
import { buildReportViewModel, type ReportInput } from './report.loader.js';
import type { ReportViewModel } from './report.view-model.js';

/** What a report is made from: the loaded data (the view model is then built in the worker), or a view model. */
export type ReportSource = { input: ReportInput } | { vm: ReportViewModel };

/** What the worker produces: the PDF, or the editable DOCX of the same view model. */
export type ReportFormat = 'pdf' | 'docx';

export type RenderRequest = ReportSource & {
  id: number;
  deterministic: boolean;
  format?: ReportFormat;
};

export type RenderResponse =
  { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; error: { name: string; message: string; stack?: string } };

const port = parentPort;
if (!port) throw new Error('pdf-render.worker must run in a worker thread');

port.on('message', (req: RenderRequest) => {
  Promise.resolve()
    .then(() => {
      const vm = 'vm' in req ? req.vm : buildReportViewModel(req.input);
      return req.format === 'docx' ? renderDocx(vm) : renderReport(vm, { deterministic: req.deterministic });
    })
    .then(
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
