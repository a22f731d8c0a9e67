import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { ResultsModule } from '../results/results.module.js';
import { CalendarService } from './calendar.service.js';
import { PlanController, PlanOrganisationController } from './plan.controller.js';
import { PlanService } from './plan.service.js';

/** From plan to progress: commitments, their exports and the calendar feed of due dates. */
@Module({
  imports: [AssessmentsModule, ResultsModule],
  controllers: [PlanController, PlanOrganisationController],
  providers: [PlanService, CalendarService],
  exports: [PlanService, CalendarService],
})
export class PlanModule {}
