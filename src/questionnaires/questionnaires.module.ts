import { Global, Module, type DynamicModule } from '@nestjs/common';
import { templatesDir } from '../config/app.config.js';
import { QuestionnairesController } from './questionnaires.controller.js';
import { QuestionnairesService } from './questionnaires.service.js';
import { loadTemplates } from './template-loader.js';

/**
 * The content under `templates/` (TEMPLATES_DIR): questionnaire versions, action catalogue and key
 * messages (the footprint factors are the footprint module's). `forRoot()` reads and validates it all before anything else starts (no
 * database is opened for a malformed template): a problem stops the start with the file, the
 * question and the problem.
 */
@Global()
@Module({})
export class QuestionnairesModule {
  static async forRoot(dir: string = templatesDir()): Promise<DynamicModule> {
    const content = await loadTemplates(dir);
    return {
      module: QuestionnairesModule,
      controllers: [QuestionnairesController],
      providers: [{ provide: QuestionnairesService, useValue: new QuestionnairesService(content) }],
      exports: [QuestionnairesService],
    };
  }
}
