/** Summarises a V8 .cpuprofile: self time by function and by package. */
import { readFileSync } from 'node:fs';

function where(url) {
  if (!url) return { pkg: '(V8 / native)', short: '' };
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length);
    const parts = rest.split('/');
    const pkg = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    return { pkg, short: rest };
  }
  if (url.startsWith('node:')) return { pkg: 'node core', short: url };
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return { pkg: 'app (dist/)', short: url.slice(dist + 1) };
  return { pkg: url.replace(/^file:\/\//, ''), short: url.replace(/^file:\/\//, '') };
}

export function summariseProfile(file, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = timeDeltas[i + 1] ?? timeDeltas[i] ?? 0;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + Math.max(0, dt));
  }
  const totalUs = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const fns = new Map();
  const pkgs = new Map();
  for (const [id, us] of self) {
    const { callFrame } = byId.get(id);
    const w = where(callFrame.url);
    const name = callFrame.functionName || '(anonymous)';
    const key = `${name} ${w.short}${w.short ? `:${callFrame.lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    pkgs.set(w.pkg, (pkgs.get(w.pkg) ?? 0) + us);
  }
  const rank = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: Math.round(us / 1000), selfPct: Math.round((1000 * us) / totalUs) / 10 }));
  return { totalMs: Math.round(totalUs / 1000), samples: samples.length, functions: rank(fns), packages: rank(pkgs) };
}
