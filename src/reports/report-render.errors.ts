/**
 * Typed errors of report rendering. Each carries a stable `code` that the global
 * problem+json filter can map (timeout -> 503/504, busy -> 503, closed -> 503,
 * failed -> 500).
 */
export enum ReportRenderErrorCode {
  Timeout = 'REPORT_RENDER_TIMEOUT',
  Failed = 'REPORT_RENDER_FAILED',
  PoolBusy = 'REPORT_POOL_BUSY',
  PoolClosed = 'REPORT_POOL_CLOSED',
  OwnerBusy = 'REPORT_OWNER_BUSY',
  Cancelled = 'REPORT_CANCELLED',
}

export class ReportRenderError extends Error {
  constructor(
    readonly code: ReportRenderErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The report took longer than the time limit; its worker was terminated. */
export class ReportRenderTimeoutError extends ReportRenderError {
  constructor(readonly timeoutMs: number) {
    super(ReportRenderErrorCode.Timeout, `Report rendering exceeded ${timeoutMs} ms and was stopped`);
  }
}

/** The renderer threw, or its worker died. */
export class ReportRenderFailedError extends ReportRenderError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ReportRenderErrorCode.Failed, `Report rendering failed: ${message}`, options);
  }
}

/** Too many reports waiting. */
export class ReportPoolBusyError extends ReportRenderError {
  constructor(readonly maxQueue: number) {
    super(ReportRenderErrorCode.PoolBusy, `Too many reports waiting (${maxQueue}); try again shortly`);
  }
}

/** The pool is shutting down or shut down. */
export class ReportPoolClosedError extends ReportRenderError {
  constructor() {
    super(ReportRenderErrorCode.PoolClosed, 'The report renderer is shutting down');
  }
}

/** One organisation already holds its share of the renderers: it waits, the others are not delayed. */
export class ReportOwnerBusyError extends ReportRenderError {
  constructor(readonly inFlight: number) {
    super(ReportRenderErrorCode.OwnerBusy, `${inFlight} reports of this organisation are already being produced`);
  }
}

/** The client went away: its report was taken out of the queue, or its worker stopped. */
export class ReportCancelledError extends ReportRenderError {
  constructor() {
    super(ReportRenderErrorCode.Cancelled, 'The report was cancelled: the client disconnected');
  }
}
