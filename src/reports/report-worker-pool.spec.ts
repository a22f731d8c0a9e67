import { extractPdfText } from '../../test/fixtures/reports/pdf-text.js';
import { sampleInput } from '../../test/fixtures/reports/report-input.js';
import { buildReportViewModel } from './report.loader.js';
import type { ReportViewModel } from './report.view-model.js';

const vms: Record<string, ReportViewModel> = {};
beforeAll(async () => {
  vms.fr = buildReportViewModel(await sampleInput('fr'));
  vms.en = buildReportViewModel(await sampleInput('en'));
  vms.frFirst = buildReportViewModel(await sampleInput('fr', { previous: false }));
  vms.enFirst = buildReportViewModel(await sampleInput('en', { previous: false }));
});
import { renderReport } from './pdf-renderer.js';
import {
  ReportCancelledError,
  ReportOwnerBusyError,
  ReportPoolBusyError,
  ReportPoolClosedError,
  ReportRenderErrorCode,
  ReportRenderTimeoutError,
} from './report-render.errors.js';
import { defaultWorkerUrl, ReportWorkerPool } from './report-worker-pool.js';

// These tests start real worker threads running pdf-render.worker.ts (through the
// source bootstrap, see worker-source-bootstrap.ts); production runs the compiled .js.
describe('rendering reports off the request thread', () => {
  let pool: ReportWorkerPool;

  beforeAll(() => {
    pool = new ReportWorkerPool({ size: 2, timeoutMs: 30_000 });
  });
  afterAll(() => pool.close());

  it('renders the DOCX of the same view model in a worker', async () => {
    const docx = await pool.render(vms.en, { format: 'docx' });
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('uses the worker script beside the pool, in the form the pool runs from', () => {
    expect(defaultWorkerUrl().pathname).toMatch(/\/src\/reports\/pdf-render\.worker\.ts$/);
  });

  it('renders in a worker exactly what the renderer renders in process', async () => {
    const [inWorker, inProcess] = await Promise.all([
      pool.render(vms.fr, { deterministic: true }),
      renderReport(vms.fr, { deterministic: true }),
    ]);
    expect(Buffer.isBuffer(inWorker)).toBe(true);
    expect(Buffer.compare(inWorker, inProcess)).toBe(0);
    const { text } = await extractPdfText(inWorker);
    expect(text).toContain(vms.fr.meta.organisationName);
  });

  it('renders several reports at once with two workers', async () => {
    const pdfs = await Promise.all([pool.render(vms.en), pool.render(vms.frFirst), pool.render(vms.enFirst)]);
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pool.stats).toMatchObject({ size: 2, busy: 0, queued: 0, closed: false });
    expect(pool.stats.workers).toBeLessThanOrEqual(2);
  });

  it('stops a report that runs past its time limit, and keeps serving the next ones', async () => {
    const slow = pool.render(vms.fr, { timeoutMs: 5 });
    await expect(slow).rejects.toBeInstanceOf(ReportRenderTimeoutError);
    await expect(slow).rejects.toMatchObject({ code: ReportRenderErrorCode.Timeout, timeoutMs: 5 });
    const next = await pool.render(vms.fr, { deterministic: true });
    expect(next.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('a report pool under pressure and at shutdown', () => {
  it('refuses reports beyond its queue with a typed error', async () => {
    const pool = new ReportWorkerPool({ size: 1, maxQueue: 1 });
    const vm = vms.enFirst;
    try {
      const running = pool.render(vm);
      const waiting = pool.render(vm);
      await expect(pool.render(vm)).rejects.toBeInstanceOf(ReportPoolBusyError);
      await expect(Promise.all([running, waiting])).resolves.toHaveLength(2);
    } finally {
      await pool.close();
    }
  });

  it('finishes accepted reports on close, then refuses new ones', async () => {
    const pool = new ReportWorkerPool({ size: 1 });
    const vm = vms.frFirst;
    const accepted = pool.render(vm);
    const closed = pool.close();
    await expect(pool.render(vm)).rejects.toBeInstanceOf(ReportPoolClosedError);
    await expect(accepted).resolves.toBeInstanceOf(Buffer);
    await closed;
    expect(pool.stats).toMatchObject({ workers: 0, busy: 0, closed: true });
    await expect(pool.close()).resolves.toBeUndefined();
  });
});

describe('reports shared fairly between organisations, and dropped when nobody waits for them', () => {
  const vm = () => vms.enFirst;

  it('one organisation runs on all workers but one, holds one more waiting, and is refused beyond; another starts at once', async () => {
    const pool = new ReportWorkerPool({ size: 2 });
    try {
      expect([pool.maxRunningPerOwner, pool.maxInFlightPerOwner]).toEqual([1, 2]);
      const a1 = pool.render(vm(), { owner: 'A' });
      const a2 = pool.render(vm(), { owner: 'A' });
      await expect(pool.render(vm(), { owner: 'A' })).rejects.toBeInstanceOf(ReportOwnerBusyError);
      expect(pool.stats).toMatchObject({ busy: 1, queued: 1 });
      // B does not wait behind A's queued report: the second worker is kept for others.
      const b = pool.render(vm(), { owner: 'B' });
      expect(pool.stats).toMatchObject({ busy: 2, queued: 1 });
      expect(pool.inFlightOf('A')).toBe(2);
      await expect(Promise.all([a1, a2, b])).resolves.toHaveLength(3);
      expect(pool.inFlightOf('A')).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('a reserved place counts before the report is handed over, is used by render() and given back once by release()', async () => {
    const pool = new ReportWorkerPool({ size: 2 });
    try {
      const first = pool.reserve('A');
      const second = pool.reserve('A');
      expect(pool.inFlightOf('A')).toBe(2);
      // Refused while nothing renders yet: the places are taken before the inputs are loaded.
      expect(() => pool.reserve('A')).toThrow(ReportOwnerBusyError);
      expect(pool.stats).toMatchObject({ busy: 0, queued: 0 });
      const b = pool.reserve('B');
      b.release();
      b.release();
      expect(pool.inFlightOf('B')).toBe(0);
      // A load that failed gives its place back; release() twice gives back one place only.
      second.release();
      second.release();
      expect(pool.inFlightOf('A')).toBe(1);
      const rendered = pool.render(vm(), { reservation: first });
      expect(pool.inFlightOf('A')).toBe(1);
      expect(pool.stats).toMatchObject({ busy: 1, queued: 0 });
      first.release(); // already used by render(): no effect
      expect(pool.inFlightOf('A')).toBe(1);
      await expect(rendered).resolves.toBeInstanceOf(Buffer);
      expect(pool.inFlightOf('A')).toBe(0);
      // A reservation whose client went away before render() is given back too.
      const gone = pool.reserve('A');
      await expect(pool.render(vm(), { reservation: gone, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(ReportCancelledError);
      expect(pool.inFlightOf('A')).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('a waiting report whose client went away leaves the queue; a running one stops its worker; the next report renders', async () => {
    const pool = new ReportWorkerPool({ size: 1 });
    try {
      const running = new AbortController();
      const waiting = new AbortController();
      const first = pool.render(vm(), { signal: running.signal });
      const second = pool.render(vm(), { signal: waiting.signal });
      expect(pool.stats).toMatchObject({ busy: 1, queued: 1, workers: 1 });
      waiting.abort();
      await expect(second).rejects.toBeInstanceOf(ReportCancelledError);
      expect(pool.stats).toMatchObject({ busy: 1, queued: 0, cancelled: 1 });
      running.abort();
      await expect(first).rejects.toBeInstanceOf(ReportCancelledError);
      expect(pool.stats).toMatchObject({ busy: 0, queued: 0, workers: 0, cancelled: 2 });
      await expect(pool.render(vm(), { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: ReportRenderErrorCode.Cancelled });
      const next = await pool.render(vm());
      expect(next.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await pool.close();
    }
  });
});
