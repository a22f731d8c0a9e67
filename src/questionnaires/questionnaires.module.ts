import { Global, Module, type DynamicModule } from '@nestjs/common';
import { join, resolve } from 'node:path';
import { loadFootprintFactors, type FootprintFactors } from '../footprint/index.js';
import { QuestionnairesController } from './questionnaires.controller.js';
import { QuestionnairesService } from './questionnaires.service.js';
import { loadTemplates } from './template-loader.js';

/** Templates live under TEMPLATES_DIR (default ./templates), as data. */
export function templatesDir(): string {
  return resolve(process.env.TEMPLATES_DIR ?? 'templates');
}

/** The footprint factors file (figures with sources), validated with the rest of the content. */
export const FOOTPRINT_FACTORS = Symbol('FootprintFactors');

/**
 * The content under `templates/`: questionnaire versions, action catalogue, key messages and
 * footprint factors. `forRoot()` reads and validates it all before anything else starts (no
 * database is opened for a malformed template): a problem stops the start with the file, the
 * question and the problem.
 */
@Global()
@Module({})
export class QuestionnairesModule {
  static async forRoot(dir: string = templatesDir()): Promise<DynamicModule> {
    const content = await loadTemplates(dir);
    const factors: FootprintFactors = loadFootprintFactors(join(dir, 'footprint-factors.json'));
    return {
      module: QuestionnairesModule,
      controllers: [QuestionnairesController],
      providers: [
        { provide: QuestionnairesService, useValue: new QuestionnairesService(content) },
        { provide: FOOTPRINT_FACTORS, useValue: factors },
      ],
      exports: [QuestionnairesService, FOOTPRINT_FACTORS],
    };
  }
}
