import { Global, Module, type DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import { loadFootprintFactors } from './footprint-factors.loader.js';
import type { FootprintFactors } from './footprint.types.js';

/** The footprint factors (figures with their sources), as the services receive them. */
export const FOOTPRINT_FACTORS = Symbol('FootprintFactors');

/** The factors file of a templates folder, read and validated (a FootprintFactorsError names the file and the field). */
export function footprintFactorsIn(templatesDir: string): FootprintFactors {
  return loadFootprintFactors(join(templatesDir, 'footprint-factors.json'));
}

/**
 * The Nest side of the footprint: reads `footprint-factors.json` under the templates folder once,
 * at start (a malformed file stops the start), and provides it to every module. The only file of
 * the folder that knows Nest; the computation (index.ts) stays pure.
 */
@Global()
@Module({})
export class FootprintModule {
  static forRoot(templatesDir: string): DynamicModule {
    return {
      module: FootprintModule,
      providers: [{ provide: FOOTPRINT_FACTORS, useValue: footprintFactorsIn(templatesDir) }],
      exports: [FOOTPRINT_FACTORS],
    };
  }
}
