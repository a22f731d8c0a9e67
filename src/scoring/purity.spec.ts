/**
 * Scoring and comparison are pure cores: their run-time files import nothing but each
 * other and the template types (no Nest, no TypeORM, no fs, no node: modules), and every
 * relative import ends in `.js` (ES modules).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FOLDERS = ['src/scoring', 'src/comparison'];
const isRuntime = (file: string) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith('.arbitraries.ts');

function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\b(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]/g)) found.push(match[1]);
  for (const match of source.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]);
  for (const match of source.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]);
  return found;
}

describe('pure modules', () => {
  const files = FOLDERS.flatMap((folder) =>
    readdirSync(join(process.cwd(), folder))
      .filter(isRuntime)
      .map((file) => join(folder, file)),
  );

  it('finds the run-time files', () => {
    expect(files).toEqual(expect.arrayContaining(['src/scoring/scoring.ts', 'src/comparison/comparison.ts']));
  });

  it.each(files)('%s imports only relative modules ending in .js', (file) => {
    const source = readFileSync(join(process.cwd(), file), 'utf8');
    for (const specifier of importsOf(source)) {
      expect(specifier).toMatch(/^\.\.?\//);
      expect(specifier).toMatch(/\.js$/);
      expect(specifier).not.toMatch(/(assessments|accounts|database|reports|web|common)\//);
    }
    expect(source).not.toMatch(/\bprocess\.|Date\.now|Math\.random|new Date\(/);
  });
});
