import { Global, Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { QuestionnairesController } from './questionnaires.controller.js';
import { QuestionnairesService } from './questionnaires.service.js';
import { loadTemplates } from './template-loader.js';

/** Templates live under TEMPLATES_DIR (default ./templates), as data. */
export function templatesDir(): string {
  return resolve(process.env.TEMPLATES_DIR ?? 'templates');
}

@Global()
@Module({
  controllers: [QuestionnairesController],
  providers: [
    {
      provide: QuestionnairesService,
      // Throws TemplateValidationError (file, question, problem) and so stops the start.
      useFactory: async () => new QuestionnairesService(await loadTemplates(templatesDir())),
    },
  ],
  exports: [QuestionnairesService],
})
export class QuestionnairesModule {}
