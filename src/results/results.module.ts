import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { loadFootprintFactors } from '../footprint/index.js';
import { templatesDir } from '../questionnaires/questionnaires.module.js';
import { ResultsController } from './results.controller.js';
import { FOOTPRINT_FACTORS, ResultsService } from './results.service.js';

@Module({
  imports: [AssessmentsModule, AccountsModule],
  controllers: [ResultsController],
  providers: [
    ResultsService,
    // Validated at start: a malformed factors file stops the service with the file and field.
    { provide: FOOTPRINT_FACTORS, useFactory: () => loadFootprintFactors(join(templatesDir(), 'footprint-factors.json')) },
  ],
  exports: [ResultsService],
})
export class ResultsModule {}
