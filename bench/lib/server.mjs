/**
 * Starts the built app (`node dist/src/main.js`) as a child process on a free 127.0.0.1 port,
 * waits for GET /health 200 (bounded), and stops it (SIGTERM, then SIGKILL). Every child started
 * here is tracked so that stopAll() can end them on error or interruption.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sleep } from './stats.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LOOPBACK = new URL('./loopback.mjs', import.meta.url).href;
const PROFILER = new URL('./profiler.mjs', import.meta.url).href;
const children = new Set();
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5000 }).trim()) || 100;
  } catch {
    return 100;
  }
})();
let closing = false;

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** One GET /health on a fresh connection: status code, or 0 when nothing answers. */
export function healthOnce(port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/health', agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

function waitExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * env: the server's variables (PORT is added). Environment variables of the bench's own shell
 * that configure the app (DATABASE_URL, DATA_DIR, JWT_SECRET, MIGRATE_ON_START, ...) are NOT
 * inherited: each start says exactly what it runs on.
 */
export async function startApp({ env, label = 'app', healthTimeoutMs = 90_000, pollMs = 10, profile = false } = {}) {
  if (closing) throw new Error(`${label}: not started, the bench is stopping`);
  const port = await freePort();
  const base = { ...process.env };
  for (const k of [
    'DATABASE_URL',
    'DATA_DIR',
    'JWT_SECRET',
    'MIGRATE_ON_START',
    'PORT',
    'LOG_LEVEL',
    'LOGIN_RATE_LIMIT',
    'REPORT_WORKERS',
    'TEMPLATES_DIR',
    'NODE_OPTIONS',
  ]) {
    delete base[k];
  }
  const childEnv = { ...base, LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '100000', ...env, PORT: String(port) };
  const nodeArgs = ['--import', LOOPBACK];
  if (profile) {
    nodeArgs.push('--import', PROFILER);
    childEnv.BENCH_CPU_PROFILE = '1';
  }
  if (closing) throw new Error(`${label}: not started, the bench is stopping`);
  const t0 = performance.now();
  const stdio = ['ignore', 'pipe', 'pipe', ...(profile ? ['ipc'] : [])];
  const child = spawn(process.execPath, [...nodeArgs, 'dist/src/main.js'], { cwd: ROOT, env: childEnv, stdio });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  const deadline = t0 + healthTimeoutMs;
  let startupMs = NaN;
  for (let i = 0; i < healthTimeoutMs / pollMs + 10 && performance.now() < deadline; i++) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if ((await healthOnce(port, 2000)) === 200) {
      startupMs = performance.now() - t0;
      break;
    }
    await sleep(pollMs);
  }
  const app = {
    label,
    port,
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${port}`,
    startupMs,
    child,
    log: () => log,
    /** Peak resident set of the server process (kB), from /proc/<pid>/status VmHWM. */
    status() {
      const s = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (key) => Number((s.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm')) ?? [])[1]);
      return { vmHwmKb: kb('VmHWM'), vmRssKb: kb('VmRSS') };
    },
    /**
     * Proportional set size (PSS, MB) of the service, and with a data folder, of its embedded
     * PostgreSQL server: the postmaster of DATA_DIR/postgres and all its children. PSS shares each
     * shared page among the processes mapping it, so the sum is what they cost the machine.
     */
    memory(dataDir) {
      const out = { servicePssMb: pssKb(child.pid) / 1024 };
      if (dataDir) {
        const postmaster = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
        const pids = [postmaster, ...childrenOf(postmaster)];
        out.databasePssMb = pids.reduce((sum, pid) => sum + pssKb(pid), 0) / 1024;
        out.databaseProcesses = pids.length;
      }
      return out;
    },
    /** CPU time used so far by the server process, all threads (user + system), in ms. */
    cpuMs() {
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
    },
    /** Resets VmHWM to the current RSS (Linux clear_refs 5); false when not allowed. */
    resetPeak() {
      try {
        writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    get exited() {
      return child.exitCode !== null || child.signalCode !== null;
    },
    /** --profile only: asks the preloaded profiler to 'start', or to 'stop' and write `file` (bounded wait). */
    profiler(what, file, timeoutMs = 15_000) {
      if (!child.send) return Promise.reject(new Error('profiler: the server was not started with a profile file'));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          child.off('message', onMessage);
          reject(new Error(`profiler: no answer to ${what} within ${timeoutMs} ms`));
        }, timeoutMs);
        const onMessage = (msg) => {
          if (msg?.benchProfiler !== what) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          if (msg.ok) resolve();
          else reject(new Error(`profiler ${what}: ${msg.error}`));
        };
        child.on('message', onMessage);
        child.send({ benchProfiler: what, file });
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      if (!(await waitExit(child, 15_000))) {
        child.kill('SIGKILL');
        await waitExit(child, 5_000);
      }
    },
  };
  if (!Number.isFinite(startupMs)) {
    await app.stop();
    throw new Error(
      `${label}: no 200 on /health within ${healthTimeoutMs} ms (exit ${child.exitCode ?? child.signalCode ?? 'none'}). Server output:\n${log}`,
    );
  }
  return app;
}

function pssKb(pid) {
  try {
    return Number((readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m) ?? [])[1] ?? 0);
  } catch {
    return 0;
  }
}

function childrenOf(parent) {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Ends every child this module started (used on error and on SIGINT/SIGTERM). */
export async function stopAll() {
  closing = true;
  await Promise.all(
    [...children].map(async (child) => {
      child.kill('SIGTERM');
      if (!(await waitExit(child, 5_000))) child.kill('SIGKILL');
    }),
  );
}

/** Starts bench/bare-server.mjs; resolves with { port, stop }. */
export async function startBare() {
  return startReference('../bare-server.mjs', {});
}

/** The SQL baseline (bench/sql-baseline-server.mjs) on the app's database, for `organisationId` and `userId`. */
export async function startSqlBaseline({ databaseUrl, organisationId, userId, poolSize = 10 }) {
  return startReference('../sql-baseline-server.mjs', {
    DATABASE_URL: databaseUrl,
    ORGANISATION_ID: organisationId,
    USER_ID: userId,
    POOL_SIZE: String(poolSize),
  });
}

async function startReference(script, env) {
  if (closing) throw new Error('bare server: not started, the bench is stopping');
  const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bare server: no port within 10 s')), 10_000);
    child.stdout.once('data', (d) => {
      clearTimeout(timer);
      resolve(Number(String(d).trim()));
    });
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
  });
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      if (!(await waitExit(child, 5_000))) child.kill('SIGKILL');
    },
  };
}
