// Once per test run: the initialised embedded-database seed every throw-away database starts from
// (see src/database/pglite-seed.ts, which reads it; Jest's global setup runs outside its TypeScript
// transform, so this file is plain JavaScript and writes the file at the same path).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

export default async function globalSetup() {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const { version } = JSON.parse(readFileSync(join(entry.slice(0, entry.lastIndexOf('/dist/')), 'package.json'), 'utf8'));
  const path = resolve(process.env.PGLITE_SEED ?? join('node_modules', '.cache', 'fresque-impact', `pglite-${version}.tar.gz`));
  if (existsSync(path)) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  const dump = await db.dumpDataDir('gzip');
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, path);
  await db.close();
}
