/**
 * Renders reports off the request thread, in a small pool of worker threads.
 *
 * - size: min(2, cores) by default; workers start lazily and are reused;
 * - time limit per report: past it the worker is terminated (the only way to stop
 *   synchronous layout work), the call rejects with ReportRenderTimeoutError and a
 *   fresh worker takes the next job;
 * - bounded queue: beyond `maxQueue` waiting reports, ReportPoolBusyError;
 * - fairness: a report may name its owner (the organisation). One owner runs at most
 *   `maxRunningPerOwner` reports at once (default: all workers but one, so another owner always
 *   finds a worker) and holds at most `maxInFlightPerOwner` running or waiting (beyond:
 *   ReportOwnerBusyError, a 429); a free worker takes the oldest report whose owner is under its share;
 * - reservation: reserve(owner) takes the owner's place before the report's input is loaded, so a
 *   refused report (429) costs the request thread nothing; render() with the reservation uses it;
 * - cancellation: an aborted signal takes a waiting report out of the queue, or stops its worker
 *   (ReportCancelledError), so a client that disconnects frees its place;
 * - close(): no new work, waiting and running reports finish (each bounded by its
 *   time limit), then the workers stop. Idle workers never keep the process alive.
 *
 * Worker script: next to this file, `pdf-render.worker.js` when running compiled
 * (`dist/`, production) or `pdf-render.worker.ts` when running from sources (jest);
 * the latter is started through worker-source-bootstrap.ts (see there why).
 */
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { RenderRequest, RenderResponse, ReportFormat, ReportSource } from './pdf-render.worker.js';
import {
  ReportCancelledError,
  ReportOwnerBusyError,
  ReportPoolBusyError,
  ReportPoolClosedError,
  ReportRenderFailedError,
  ReportRenderTimeoutError,
} from './report-render.errors.js';
import type { ReportViewModel } from './report.view-model.js';
import { sourceWorkerBootstrap } from './worker-source-bootstrap.js';

export interface ReportWorkerPoolOptions {
  /** Number of worker threads. Default: min(2, available cores). */
  size?: number;
  /** Time limit of one report, from dispatch to a worker. Default 60 s. */
  timeoutMs?: number;
  /** Reports allowed to wait for a free worker. Default 50. */
  maxQueue?: number;
  /** Worker script; defaults to pdf-render.worker next to this file. `.ts` scripts run through the source bootstrap. */
  workerUrl?: URL;
  /** V8 limits of each worker. Default: 192 MB old generation, 12 MB young (see DEFAULT_LIMITS). */
  resourceLimits?: ResourceLimits;
  /** Reports one owner may have rendering at once. Default: size - 1 (at least 1). */
  maxRunningPerOwner?: number;
  /** Reports one owner may have rendering or waiting. Default: maxRunningPerOwner + 1. */
  maxInFlightPerOwner?: number;
}

export interface RenderCallOptions {
  deterministic?: boolean;
  /** pdf (default) or docx, from the same view model. */
  format?: ReportFormat;
  /** Overrides the pool's time limit for this report. */
  timeoutMs?: number;
  /** Who asks (an organisation id): the per-owner limits apply. */
  owner?: string;
  /** Aborted when the client goes away: the report is dropped from the queue or its worker stopped. */
  signal?: AbortSignal;
  /** The owner's place taken by reserve() (the owner's limit was checked then); render() uses and releases it. */
  reservation?: ReportReservation;
}

/** One report's place among its owner's, held from reserve() until render() or release(). */
export interface ReportReservation {
  readonly owner: string;
  /** Gives the place back; idempotent (render() releases it too). */
  release(): void;
}

export interface ReportWorkerPoolStats {
  size: number;
  workers: number;
  busy: number;
  queued: number;
  closed: boolean;
  /** Reports dropped because their client went away, since the pool started. */
  cancelled: number;
}

interface Job {
  id: number;
  source: ReportSource;
  owner: string | undefined;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  deterministic: boolean;
  format: ReportFormat;
  timeoutMs: number;
  resolve: (pdf: Buffer) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_QUEUE = 50;

/** The worker script beside this module, in the same form (.ts from sources, .js from dist). */
export function defaultWorkerUrl(): URL {
  const fromSources = new URL(import.meta.url).pathname.endsWith('.ts');
  return new URL(`./pdf-render.worker${fromSources ? '.ts' : '.js'}`, import.meta.url);
}

/**
 * A render's heap stays under about 100 MB (the parsed fonts with their caches, one document); V8
 * grows a heap lazily up to its limit, so a 512 MB limit let each worker hold 300 MB and more
 * between collections. These limits make it collect sooner: in-process render of the README
 * example, peak RSS 413 -> 271 MB for 225 -> 257 ms (bench/report-render.mjs with the same V8 flags).
 */
const DEFAULT_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 12 };

export class ReportWorkerPool {
  readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxQueue: number;
  private readonly workerUrl: URL;
  private readonly resourceLimits: ResourceLimits;
  readonly maxRunningPerOwner: number;
  readonly maxInFlightPerOwner: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  /** Places reserved per owner and not yet used by render(). */
  private readonly reserved = new Map<string, number>();
  private nextId = 1;
  private cancelled = 0;
  private closing: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  constructor(options: ReportWorkerPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? Math.min(2, availableParallelism())));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;
    this.workerUrl = options.workerUrl ?? defaultWorkerUrl();
    this.resourceLimits = options.resourceLimits ?? DEFAULT_LIMITS;
    this.maxRunningPerOwner = Math.max(1, options.maxRunningPerOwner ?? this.size - 1);
    this.maxInFlightPerOwner = Math.max(this.maxRunningPerOwner, options.maxInFlightPerOwner ?? this.maxRunningPerOwner + 1);
  }

  /**
   * Renders in a worker, from a view model or from the report's input (the view model is then built
   * in the worker). Rejects with a ReportRenderError subclass (timeout, failed, busy, owner busy,
   * cancelled, closed).
   */
  render(source: ReportViewModel | ReportSource, options: RenderCallOptions = {}): Promise<Buffer> {
    // The reserved place becomes this job (queued or running below), or is given back on refusal.
    options.reservation?.release();
    if (this.closing) return Promise.reject(new ReportPoolClosedError());
    if (options.signal?.aborted) {
      this.cancelled++;
      return Promise.reject(new ReportCancelledError());
    }
    const owner = options.reservation?.owner ?? options.owner;
    if (owner !== undefined && !options.reservation) {
      const inFlight = this.inFlightOf(owner);
      if (inFlight >= this.maxInFlightPerOwner) return Promise.reject(new ReportOwnerBusyError(inFlight));
    }
    const canStartNow = this.queue.length === 0 && (this.slots.length < this.size || this.slots.some((s) => s.job === null));
    if (!canStartNow && this.queue.length >= this.maxQueue) return Promise.reject(new ReportPoolBusyError(this.maxQueue));
    return new Promise<Buffer>((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        source: 'input' in source || 'vm' in source ? source : { vm: source },
        owner,
        signal: options.signal,
        onAbort: undefined,
        deterministic: options.deterministic ?? false,
        format: options.format ?? 'pdf',
        timeoutMs: options.timeoutMs ?? this.timeoutMs,
        resolve,
        reject,
      };
      if (job.signal) {
        job.onAbort = () => this.cancel(job);
        job.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /**
   * Takes one of the owner's places before its report's input is loaded, so that a report beyond
   * the owner's share is refused (ReportOwnerBusyError) before any work. The place counts as in
   * flight until render() is called with it or it is released: release it on every path.
   */
  reserve(owner: string): ReportReservation {
    const inFlight = this.inFlightOf(owner);
    if (inFlight >= this.maxInFlightPerOwner) throw new ReportOwnerBusyError(inFlight);
    this.reserved.set(owner, (this.reserved.get(owner) ?? 0) + 1);
    let held = true;
    return {
      owner,
      release: () => {
        if (!held) return;
        held = false;
        const left = (this.reserved.get(owner) ?? 1) - 1;
        if (left > 0) this.reserved.set(owner, left);
        else this.reserved.delete(owner);
      },
    };
  }

  /** Reports of this owner rendering, waiting, or reserved. */
  inFlightOf(owner: string): number {
    return this.runningOf(owner) + this.queue.filter((j) => j.owner === owner).length + (this.reserved.get(owner) ?? 0);
  }

  private runningOf(owner: string): number {
    return this.slots.filter((s) => s.job?.owner === owner).length;
  }

  get stats(): ReportWorkerPoolStats {
    return {
      size: this.size,
      workers: this.slots.length,
      busy: this.slots.filter((s) => s.job).length,
      queued: this.queue.length,
      closed: this.closing !== null,
      cancelled: this.cancelled,
    };
  }

  /** Graceful shutdown: refuses new reports, lets accepted ones finish, stops the workers. Idempotent. */
  close(): Promise<void> {
    if (!this.closing) {
      this.closing = new Promise<void>((resolve) => {
        this.drained = resolve;
      }).then(async () => {
        const slots = this.slots.splice(0);
        await Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined)));
      });
      this.pump();
    }
    return this.closing;
  }

  /** Nest lifecycle hook, when the pool instance is registered as a provider. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      // The oldest report whose owner is under its share of the workers.
      const next = this.queue.findIndex((j) => j.owner === undefined || this.runningOf(j.owner) < this.maxRunningPerOwner);
      if (next < 0) break;
      const slot = this.slots.find((s) => s.job === null) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) break;
      this.dispatch(slot, this.queue.splice(next, 1)[0]);
    }
    if (this.closing && this.drained && this.queue.length === 0 && this.slots.every((s) => s.job === null)) {
      const done = this.drained;
      this.drained = null;
      done();
    }
  }

  private spawn(): Slot {
    const url = this.workerUrl;
    const worker = url.pathname.endsWith('.ts')
      ? new Worker(sourceWorkerBootstrap(url), { eval: true, resourceLimits: this.resourceLimits })
      : new Worker(url, { resourceLimits: this.resourceLimits });
    const slot: Slot = { worker, job: null, timer: null };
    worker.on('message', (res: RenderResponse) => this.onMessage(slot, res));
    worker.on('error', (err: Error) => this.onWorkerGone(slot, err));
    worker.on('exit', (code: number) => this.onWorkerGone(slot, new Error(`worker exited with code ${code}`)));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => this.onTimeout(slot), job.timeoutMs);
    const req: RenderRequest = { ...job.source, id: job.id, deterministic: job.deterministic, format: job.format };
    try {
      slot.worker.postMessage(req);
    } catch (err) {
      // e.g. a view model that cannot be cloned
      this.finish(slot);
      job.reject(new ReportRenderFailedError(err instanceof Error ? err.message : String(err), { cause: err }));
      this.pump();
    }
  }

  /** The client went away: a waiting report leaves the queue; a running one stops its worker. */
  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.cancelled++;
      this.queue.splice(queued, 1);
      job.reject(new ReportCancelledError());
      this.pump();
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (!slot) return; // already finished
    this.cancelled++;
    this.removeSlot(slot);
    this.finish(slot);
    void slot.worker.terminate().catch(() => undefined);
    job.reject(new ReportCancelledError());
    this.pump();
  }

  /** Clears the slot's job and timer; returns the job. */
  private finish(slot: Slot): Job | null {
    const job = slot.job;
    if (job?.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (this.slots.includes(slot)) slot.worker.unref();
    return job;
  }

  private onMessage(slot: Slot, res: RenderResponse): void {
    if (!slot.job || slot.job.id !== res.id) return;
    const job = this.finish(slot)!;
    if (res.ok) job.resolve(Buffer.from(res.pdf.buffer, res.pdf.byteOffset, res.pdf.byteLength));
    else job.reject(new ReportRenderFailedError(res.error.message));
    this.pump();
  }

  private onTimeout(slot: Slot): void {
    const job = slot.job;
    if (!job) return;
    this.removeSlot(slot);
    this.finish(slot);
    void slot.worker.terminate().catch(() => undefined);
    job.reject(new ReportRenderTimeoutError(job.timeoutMs));
    this.pump();
  }

  private onWorkerGone(slot: Slot, err: Error): void {
    if (!this.removeSlot(slot)) return; // already handled (timeout, close, or error then exit)
    const job = this.finish(slot);
    void slot.worker.terminate().catch(() => undefined);
    if (job) job.reject(new ReportRenderFailedError(err.message, { cause: err }));
    this.pump();
  }

  private removeSlot(slot: Slot): boolean {
    const i = this.slots.indexOf(slot);
    if (i < 0) return false;
    this.slots.splice(i, 1);
    return true;
  }
}
