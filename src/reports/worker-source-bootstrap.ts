/**
 * Starting a worker from TypeScript sources (tests, `ts` tooling) instead of dist.
 *
 * Why: in production the pool runs from `dist/` and its worker is the compiled
 * `pdf-render.worker.js` beside it. Under jest (ts-jest, native ESM) the pool runs
 * from `src/**.ts`, and a worker thread is a fresh Node isolate that cannot load
 * the project's `.ts` files (Node's own type stripping neither maps the `./x.js` import
 * convention to `./x.ts` nor handles enums and parameter properties, and jest's transformer
 * does not reach into workers). Rather than an in-process fallback (which would leave the worker
 * untested) or compiling to a temp dir, the worker is started from a tiny eval'd
 * CommonJS bootstrap that registers module hooks (node:module `register`, Node >= 20.6)
 * then imports the `.ts` entry:
 *   - resolve: a relative `./x.js` imported from a `.ts` file resolves to `./x.ts`
 *     when that file exists (the project's ESM import convention);
 *   - load: `.ts` files are transpiled with TypeScript's `transpileModule`
 *     (no type check, ESM output), the project's own devDependency.
 * The hooks are inline `data:` URLs: no extra file, nothing written to disk.
 * This path is only taken when the pool itself was loaded from a `.ts` file.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

function hooksSource(typescriptUrl: string): string {
  return `
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
let ts;
export async function resolve(specifier, context, next) {
  const parent = context.parentURL;
  if (parent && parent.startsWith('file:') && parent.endsWith('.ts') && specifier.endsWith('.js') && (specifier.startsWith('./') || specifier.startsWith('../'))) {
    const candidate = new URL(specifier.slice(0, -3) + '.ts', parent);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, format: 'module', shortCircuit: true };
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (url.startsWith('file:') && url.endsWith('.ts')) {
    ts ??= (await import(${JSON.stringify(typescriptUrl)})).default;
    const fileName = fileURLToPath(url);
    const source = await readFile(fileName, 'utf8');
    const out = ts.transpileModule(source, {
      fileName,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        sourceMap: false,
        inlineSourceMap: true,
        inlineSources: true,
        isolatedModules: true,
      },
    });
    return { format: 'module', source: out.outputText, shortCircuit: true };
  }
  return next(url, context);
}
`;
}

/** CommonJS code for `new Worker(code, { eval: true })` that runs the `.ts` worker entry. */
export function sourceWorkerBootstrap(entry: URL): string {
  const typescriptUrl = pathToFileURL(createRequire(import.meta.url).resolve('typescript')).href;
  const hooksUrl = `data:text/javascript,${encodeURIComponent(hooksSource(typescriptUrl))}`;
  return `
const { register } = require('node:module');
register(${JSON.stringify(hooksUrl)});
import(${JSON.stringify(entry.href)}).catch((err) => {
  console.error('pdf-render worker failed to start', err);
  process.exit(1);
});
`;
}
