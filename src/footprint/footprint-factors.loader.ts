/**
 * Reads and validates `templates/footprint-factors.json`. The only file of the module
 * doing I/O: the computation itself takes the parsed factors.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FootprintFactorsError, validateFootprintFactors } from './footprint-factors.validate.js';
import type { FootprintFactors } from './footprint.types.js';

/** Default location, relative to the working directory (the project root when the app or the CLI runs). */
export const DEFAULT_FOOTPRINT_FACTORS_PATH = 'templates/footprint-factors.json';

/**
 * Reads, parses and validates the factors file. Throws a FootprintFactorsError (an Error)
 * naming the file and the missing or malformed field.
 */
export function loadFootprintFactors(path: string = DEFAULT_FOOTPRINT_FACTORS_PATH): FootprintFactors {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FootprintFactorsError(file, '(file)', `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FootprintFactorsError(file, '(file)', `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return validateFootprintFactors(data, file);
}
