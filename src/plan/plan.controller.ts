import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, Public, RequireRole, type Caller } from '../accounts/caller.js';
import { DomainError } from '../common/domain-error.js';
import { uuidPipe } from '../common/uuid.pipe.js';
import { CalendarService } from './calendar.service.js';
import {
  AdoptCommitmentDto,
  CalendarCreatedDto,
  CalendarStatusDto,
  CarryOverDto,
  CommitmentDto,
  OverdueCommitmentDto,
  PlanDto,
  PlanExportQueryDto,
  PlanHistoryEventDto,
  PlanHistoryQueryDto,
  RemoveCommitmentQueryDto,
  TimeZoneDto,
  TimeZoneSettingDto,
  UpdateCommitmentDto,
} from './plan.dto.js';
import { planCsv, planFilename, planXlsx } from './plan-export.js';
import { PlanService } from './plan.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An assessment's plan: owners manage it, editors update the commitments they own, viewers read. */
@ApiTags('plan')
@ApiBearerAuth()
@Controller('api/v1/assessments')
export class PlanController {
  constructor(private readonly plans: PlanService) {}

  @Get(':id/plan')
  @ApiOkResponse({ type: PlanDto, description: "The plan's commitments, counts, the top five to adopt, and last year's plan" })
  @ApiNotFoundResponse()
  plan(@CurrentCaller() caller: Caller, @Param('id', uuidPipe('id')) id: string): Promise<PlanDto> {
    return this.plans.plan(caller, id);
  }

  @Post(':id/plan/commitments')
  @RequireRole('owner')
  @ApiCreatedResponse({ type: CommitmentDto })
  @ApiConflictResponse({ description: 'The action is already in this plan' })
  @ApiForbiddenResponse({ description: 'Owners manage the plan' })
  adopt(@CurrentCaller() caller: Caller, @Param('id', uuidPipe('id')) id: string, @Body() dto: AdoptCommitmentDto): Promise<CommitmentDto> {
    return this.plans.adopt(caller, id, dto);
  }

  @Patch(':id/plan/commitments/:commitmentId')
  @RequireRole('editor')
  @ApiOkResponse({ type: CommitmentDto })
  @ApiConflictResponse({ description: 'Stale expectedVersion: the body holds the current commitment (`current`)' })
  @ApiForbiddenResponse({ description: 'Viewers read; editors update only the commitments they own, not their owner, due date or target' })
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Param('commitmentId', uuidPipe('commitmentId')) commitmentId: string,
    @Body() dto: UpdateCommitmentDto,
  ): Promise<CommitmentDto> {
    return this.plans.update(caller, id, commitmentId, dto);
  }

  @Delete(':id/plan/commitments/:commitmentId')
  @RequireRole('owner')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Taken out of the plan (kept in the plan history)' })
  async remove(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Param('commitmentId', uuidPipe('commitmentId')) commitmentId: string,
    @Query() query: RemoveCommitmentQueryDto,
  ): Promise<void> {
    await this.plans.remove(caller, id, commitmentId, query.expectedVersion);
  }

  @Post(':id/plan/carry-over')
  @RequireRole('owner')
  @HttpCode(200)
  @ApiOkResponse({ type: PlanDto, description: "Last year's open commitments (or those named) continue in this plan" })
  carryOver(@CurrentCaller() caller: Caller, @Param('id', uuidPipe('id')) id: string, @Body() dto: CarryOverDto): Promise<PlanDto> {
    return this.plans.carryOver(caller, id, dto);
  }

  @Get(':id/plan/history')
  @ApiOkResponse({ type: [PlanHistoryEventDto], description: "The plan's audit trail, newest first" })
  history(@CurrentCaller() caller: Caller, @Param('id', uuidPipe('id')) id: string, @Query() query: PlanHistoryQueryDto) {
    return this.plans.history(caller, id, query.limit);
  }

  @Get(':id/plan/export')
  @ApiProduces(XLSX, 'text/csv')
  @ApiOkResponse({
    description: 'One row per commitment: owner, due date, status, indicator, baseline, target, last value, saving expected',
  })
  async export(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Query() query: PlanExportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { plan, organisation } = await this.plans.forExport(caller, id);
    const lang = query.lang ?? organisation.language;
    const format = query.format ?? 'xlsx';
    const exportedAt = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: plan.timeZone,
    }).format(new Date());
    const filename = planFilename(organisation.name, plan.assessment.year, lang, format);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      return new StreamableFile(Buffer.from(planCsv(plan, lang), 'utf8'));
    }
    res.setHeader('Content-Type', XLSX);
    return new StreamableFile(await planXlsx(plan, organisation.name, lang, exportedAt));
  }
}

/** Organisation-wide: overdue commitments, the time zone dates are read in, and the calendar feed. */
@ApiTags('plan')
@Controller('api/v1')
export class PlanOrganisationController {
  constructor(
    private readonly plans: PlanService,
    private readonly calendar: CalendarService,
  ) {}

  @Get('plan/overdue')
  @ApiBearerAuth()
  @ApiOkResponse({ type: [OverdueCommitmentDto], description: "Open commitments whose due day has passed in the organisation's time zone" })
  overdue(@CurrentCaller() caller: Caller): Promise<OverdueCommitmentDto[]> {
    return this.plans.overdue(caller);
  }

  @Get('organisation/time-zone')
  @ApiBearerAuth()
  @ApiOkResponse({ type: TimeZoneSettingDto })
  timeZone(@CurrentCaller() caller: Caller): Promise<TimeZoneSettingDto> {
    return this.plans.timeZone(caller);
  }

  @Put('organisation/time-zone')
  @ApiBearerAuth()
  @RequireRole('owner')
  @ApiOkResponse({ type: TimeZoneSettingDto, description: "null goes back to the country's time zone" })
  setTimeZone(@CurrentCaller() caller: Caller, @Body() dto: TimeZoneDto): Promise<TimeZoneSettingDto> {
    return this.plans.setTimeZone(caller, dto.timeZone);
  }

  @Get('calendar')
  @ApiBearerAuth()
  @ApiOkResponse({
    type: CalendarStatusDto,
    description: 'Whether the organisation has a live calendar address (the address itself is shown once)',
  })
  calendarStatus(@CurrentCaller() caller: Caller): Promise<CalendarStatusDto> {
    return this.calendar.status(caller);
  }

  @Post('calendar')
  @ApiBearerAuth()
  @RequireRole('owner')
  @ApiCreatedResponse({ type: CalendarCreatedDto, description: 'A new secret address; the previous one stops working' })
  createCalendar(@CurrentCaller() caller: Caller, @Req() req: Request): Promise<CalendarCreatedDto> {
    return this.calendar.create(caller, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  }

  @Delete('calendar')
  @ApiBearerAuth()
  @RequireRole('owner')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The address stops working at once' })
  async revokeCalendar(@CurrentCaller() caller: Caller): Promise<void> {
    await this.calendar.revoke(caller);
  }

  @Get('calendar/:file')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar (RFC 5545) feed of due dates, at the secret address; 404 once revoked' })
  @ApiNotFoundResponse()
  async feed(@Param('file') file: string): Promise<string> {
    if (!file.endsWith('.ics')) throw DomainError.notFound('Calendar');
    return this.calendar.feed(file.slice(0, -4));
  }
}
