import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * PGlite creates a new database cluster (initdb) in about 6 s on a 2-core machine, but restores
 * one from a dump in about 1 s. So an empty, freshly initialised cluster is dumped once (at
 * `npm install`, or by the first test run) and every new embedded database starts from it:
 * the first `npm start` and every throw-away test database. Migrations still run as usual.
 * The file name carries PGlite's version, so an upgrade makes a new seed.
 */
const require = createRequire(import.meta.url);

export function pgliteVersion(): string {
  // The package's exports map hides package.json: find it next to the resolved entry point.
  const entry = require.resolve('@electric-sql/pglite');
  const pkg = JSON.parse(readFileSync(join(entry.slice(0, entry.lastIndexOf('/dist/')), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export function seedPath(): string {
  return resolve(process.env.PGLITE_SEED ?? join('node_modules', '.cache', 'fresque-impact', `pglite-${pgliteVersion()}.tar.gz`));
}

/** The seed as PGlite's `loadDataDir`, or undefined when there is none yet (PGlite then runs initdb). */
export function readSeed(): Blob | undefined {
  const path = seedPath();
  return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}

/** Writes the seed if it is missing. Safe when several processes race: each writes a temp file and renames it. */
export async function ensureSeed(): Promise<string> {
  const path = seedPath();
  if (existsSync(path)) return path;
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  try {
    const dump = await db.dumpDataDir('gzip');
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, path);
  } finally {
    await db.close();
  }
  return path;
}

/** `node dist/src/database/pglite-seed.js` (run by `npm install`): prepares the seed. */
if (import.meta.url === `file://${process.argv[1]}`) {
  ensureSeed()
    .then((path) => process.stdout.write(`embedded database seed ready: ${path}\n`))
    .catch((e: unknown) => {
      // Not fatal: without a seed the first start simply takes a few seconds longer.
      process.stderr.write(`could not prepare the embedded database seed: ${String(e)}\n`);
    });
}
