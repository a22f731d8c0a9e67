import type { PGliteOptions } from '@electric-sql/pglite';
import { EventEmitter } from 'node:events';
import { PGliteDriver } from 'typeorm-pglite';

/**
 * The embedded database (PGlite) is one PostgreSQL session shared by the whole process.
 * `typeorm-pglite` hands that same session to every caller, so two requests' transactions
 * would interleave, and one request's ROLLBACK could undo another request's writes.
 *
 * This driver keeps typeorm-pglite's pg-compatible pool but behaves like a pool of ONE
 * connection: `connect()` waits until the previous holder has released the session.
 * TypeORM takes a connection per query runner (one per transaction, or one per single
 * query), so transactions and single queries are serialised, exactly as they would be
 * on a real server with `max: 1`.
 */
type ConnectCallback = (err: Error | null, connection: unknown, release: (err?: unknown) => void) => void;
type PoolClass = new (...args: unknown[]) => {
  connect(cb: ConnectCallback): Promise<void>;
  query(...args: unknown[]): Promise<unknown>;
};

/** How long a caller waits for the embedded session before giving up with a clear error. */
const ACQUIRE_TIMEOUT_MS = 30_000;

export class EmbeddedDatabaseBusyError extends Error {
  constructor() {
    super(`the embedded database stayed busy for ${ACQUIRE_TIMEOUT_MS / 1000} s (a transaction was not released)`);
    this.name = 'EmbeddedDatabaseBusyError';
  }
}

/** FIFO lock: one holder at a time, waiters served in arrival order. */
export class SessionLock {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  get queued(): number {
    return this.waiting;
  }

  acquire(timeoutMs = ACQUIRE_TIMEOUT_MS): Promise<() => void> {
    let unlock!: () => void;
    const released = new Promise<void>((resolve) => (unlock = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => released);
    this.waiting++;
    return new Promise((resolve, reject) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        this.waiting--;
        reject(new EmbeddedDatabaseBusyError());
      }, timeoutMs);
      void previous.then(() => {
        clearTimeout(timer);
        if (timedOut) {
          unlock();
          return;
        }
        this.waiting--;
        let done = false;
        resolve(() => {
          if (!done) {
            done = true;
            unlock();
          }
        });
      });
    });
  }
}

/**
 * typeorm-pglite keeps ONE PGlite instance per process, whichever DataSource asks for it.
 * So the lock is per process too, and the instance is closed only when the last DataSource
 * using it is destroyed (otherwise destroying one DataSource would silently hand the others a
 * fresh, empty database). Two DataSources asking for different data folders is refused.
 */
const sessionLock = new SessionLock();
let openPools = 0;
let openDataDir: string | undefined;

export function serialisedPgliteDriver(options: PGliteOptions): { Pool: PoolClass } {
  const dataDir = options.dataDir ?? 'memory://';
  if (openPools > 0 && openDataDir !== dataDir) {
    throw new Error(`The embedded database is already open on ${openDataDir}; one process serves one data folder (asked for ${dataDir})`);
  }
  // typeorm-pglite loads PGlite's CommonJS build: same options, different declaration file.
  const Base = new PGliteDriver(options as never).driver.Pool as unknown as PoolClass;

  /** What a query runner holds while it owns the session: queries go straight to PGlite. */
  class SessionClient extends EventEmitter {
    constructor(private readonly pool: InstanceType<PoolClass>) {
      super();
    }
    async query(...args: unknown[]): Promise<unknown> {
      return toPgResult(args[0], await Base.prototype.query.apply(this.pool, args));
    }
  }

  class SerialisedPglitePool extends Base {
    private ended = false;

    constructor(...args: unknown[]) {
      super(...args);
      openPools++;
      openDataDir = dataDir;
    }

    connect(cb: ConnectCallback): Promise<void> {
      return sessionLock.acquire().then(
        (unlock) =>
          super.connect((err) => {
            if (err) {
              unlock();
              cb(err, null, () => undefined);
              return;
            }
            cb(null, new SessionClient(this), () => unlock());
          }),
        (err: Error) => cb(err, null, () => undefined),
      );
    }

    /** Direct pool queries (outside a query runner) wait for the session too. */
    async query(...args: unknown[]): Promise<unknown> {
      const unlock = await sessionLock.acquire();
      try {
        return toPgResult(args[0], await super.query(...args));
      } finally {
        unlock();
      }
    }

    end(callback: (err: unknown) => void): void {
      if (this.ended) return callback(null);
      this.ended = true;
      openPools--;
      if (openPools > 0) return callback(null);
      openDataDir = undefined;
      (Base.prototype as unknown as { end(cb: (err: unknown) => void): void }).end.call(this, callback);
    }
  }

  return { Pool: SerialisedPglitePool };
}

/**
 * PGlite answers `{ rows, affectedRows }`; `pg` answers `{ rows, rowCount, command }`, which is
 * what TypeORM reads to report affected rows. Give PGlite's results pg's shape, so that
 * `UpdateResult.affected` and raw UPDATE/DELETE results mean the same on both databases.
 */
export function toPgResult(sql: unknown, raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || !('rows' in raw)) return raw;
  const result = raw as { rows: unknown[]; affectedRows?: number; rowCount?: number; command?: string };
  const command = commandOf(sql);
  const changes = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
  result.command = command;
  result.rowCount = changes ? (result.affectedRows ?? result.rows.length) : result.rows.length;
  return result;
}

function commandOf(sql: unknown): string {
  const text = typeof sql === 'string' ? sql : ((sql as { text?: string } | null)?.text ?? '');
  const stripped = text.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/|\()*/, '');
  return (/^[a-z]+/i.exec(stripped)?.[0] ?? '').toUpperCase();
}
