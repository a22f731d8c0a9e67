import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { ResultsCache } from './results-cache.js';
import { ResultsController } from './results.controller.js';
import { ResultsService } from './results.service.js';

@Module({
  imports: [AssessmentsModule, AccountsModule],
  controllers: [ResultsController],
  providers: [ResultsService, ResultsCache],
  exports: [ResultsService],
})
export class ResultsModule {}
