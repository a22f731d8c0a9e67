/**
 * Preloaded into the server with `--profile` (`--import ./bench/lib/profiler.mjs`, env
 * BENCH_CPU_PROFILE=1, an IPC channel from the bench): the message {benchProfiler: 'start'}
 * starts the V8 CPU profiler of the main thread, {benchProfiler: 'stop', file} stops it and writes
 * a .cpuprofile to `file` (the format of `node --cpu-prof`, but over the load window only). IPC rather than
 * a signal: Nest's shutdown hooks take SIGUSR2 (and SIGUSR1 is Node's inspector signal).
 */
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';

if (process.env.BENCH_CPU_PROFILE && process.send) {
  process.channel?.unref();
  const session = new Session();
  session.connect();
  const post = (method, params = {}) =>
    new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  process.on('message', (msg) => {
    const what = msg && typeof msg === 'object' ? msg.benchProfiler : undefined;
    let step;
    if (what === 'start') {
      step = post('Profiler.enable')
        .then(() => post('Profiler.setSamplingInterval', { interval: 500 }))
        .then(() => post('Profiler.start'));
    } else if (what === 'stop') {
      step = post('Profiler.stop').then(({ profile }) => writeFileSync(msg.file, JSON.stringify(profile)));
    } else {
      return;
    }
    step.then(
      () => process.send({ benchProfiler: what, ok: true }),
      (e) => process.send({ benchProfiler: what, ok: false, error: String(e) }),
    );
  });
}
