// In-process render time of the README example's report (examples/answers.json), without a server
// or a database: the view model once, then the PDF (and the DOCX, when the build has it) N times.
//
//   npm run build && node bench/report-render.mjs [--runs 15] [--lang fr] [--root <a built checkout>]
//
// `--root` points at another checkout's build (its dist/, templates/ and examples/), so that two
// versions of the report can be timed one after the other under the same machine load.
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '15' }, lang: { type: 'string', default: 'fr' }, root: { type: 'string', default: '.' } },
});
const root = resolve(values.root);
const runs = Math.max(3, Number(values.runs));
process.chdir(root);
const load = (path) => import(pathToFileURL(resolve(root, path)).href);
const { fromAnswersFile } = await load('dist/src/cli/report.js');
const { renderReport } = await load('dist/src/reports/pdf-renderer.js');
const docx = await load('dist/src/reports/docx-renderer.js').catch(() => null);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

async function time(label, fn) {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: fonts parsed, caches filled
  const samples = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = await fn();
    samples.push(performance.now() - t0);
  }
  return { label, median: median(samples), p95: p95(samples), bytes: out.length };
}

const t0 = performance.now();
const vm = await fromAnswersFile('examples/answers.json', values.lang, '2026-11-29T10:00:00.000Z');
const vmMs = performance.now() - t0;
const rows = [await time('pdf', () => renderReport(vm, { deterministic: true }))];
if (docx?.renderDocx) rows.push(await time('docx', () => docx.renderDocx(vm)));

const { loadavg } = await import('node:os');
console.log(
  `root ${root}, lang ${values.lang}, ${runs} runs, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(`view model (first, templates loaded): ${vmMs.toFixed(0)} ms`);
for (const r of rows) console.log(`${r.label}: median ${r.median.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, ${r.bytes} bytes`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
