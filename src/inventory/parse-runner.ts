import { Worker } from 'node:worker_threads';
import { sourceWorkerBootstrap } from '../reports/worker-source-bootstrap.js';
import { InventoryFileError, LIMITS } from './limits.js';
import type { ParseRequest, ParseResponse } from './inventory-parse.worker.js';
import type { ParsedInventory } from './inventory.types.js';

/**
 * Parses uploaded exports off the request thread: one worker thread per file, with a bounded heap
 * (a file that needs more, such as a zip bomb disguised as XLSX, is refused, and the service does
 * not notice), a time limit, and at most `concurrentParses` at once with `queuedParses` waiting
 * (beyond: TooBusyError, a 429). The service's event loop only moves bytes.
 */
export class TooBusyError extends Error {
  constructor() {
    super('Too many inventory files are being read right now');
  }
}

export interface ParseJobResult {
  parsed: ParsedInventory;
  /** Time spent parsing and aggregating in the worker, ms. */
  ms: number;
}

export const PARSE_TIMEOUT_MS = 45_000;

function workerUrl(): URL {
  const fromSources = new URL(import.meta.url).pathname.endsWith('.ts');
  return new URL(`./inventory-parse.worker${fromSources ? '.ts' : '.js'}`, import.meta.url);
}

export class ParseRunner {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly workers = new Set<Worker>();

  constructor(
    private readonly concurrent: number = LIMITS.concurrentParses,
    private readonly queued: number = LIMITS.queuedParses,
  ) {}

  async parse(request: ParseRequest): Promise<ParseJobResult> {
    if (this.running >= this.concurrent) {
      if (this.waiting.length >= this.queued) throw new TooBusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      return await this.run(request);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  private run(request: ParseRequest): Promise<ParseJobResult> {
    const url = workerUrl();
    const options = {
      workerData: request,
      transferList: [request.bytes.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: LIMITS.workerHeapMb },
    };
    const worker = url.pathname.endsWith('.ts')
      ? new Worker(sourceWorkerBootstrap(url), { ...options, eval: true })
      : new Worker(url, options);
    this.workers.add(worker);
    return new Promise<ParseJobResult>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.workers.delete(worker);
        void worker.terminate().catch(() => undefined);
        fn();
      };
      const timer = setTimeout(
        () =>
          settle(() => reject(new InventoryFileError('timeout', `The file could not be read within ${PARSE_TIMEOUT_MS / 1000} s`, 413))),
        PARSE_TIMEOUT_MS,
      );
      worker.on('message', (res: ParseResponse) =>
        settle(() => {
          if (res.ok) resolve({ parsed: res.parsed, ms: res.ms });
          else if (res.fileError) {
            const f = res.fileError;
            reject(new InventoryFileError(f.rule, f.message, f.status, f.extensions));
          } else reject(new Error(`Reading the inventory file failed: ${res.message}`));
        }),
      );
      worker.on('error', (err: Error & { code?: string }) =>
        settle(() =>
          reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new InventoryFileError('memory', `Reading the file needs more than ${LIMITS.workerHeapMb} MB of memory: it is refused`, 413)
              : err,
          ),
        ),
      );
      worker.on('exit', (code) => settle(() => reject(new Error(`The inventory parsing worker stopped (exit code ${code})`))));
    });
  }

  /** Stops the workers still running (at shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate().catch(() => undefined)));
  }
}
