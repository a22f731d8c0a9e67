import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentCaller, RequireRole, type Caller } from '../accounts/caller.js';
import { uuidPipe } from '../common/uuid.pipe.js';
import { AssignmentEventDto, AssignmentListDto, AssignSectionDto, SectionAssignmentDto } from './assignments.dto.js';
import { AssignmentsService } from './assignments.service.js';
import { sectionIdPipe } from './section-id.pipe.js';

/** Sections assigned to colleagues: owners assign and clear, every member reads. */
@ApiTags('assignments')
@ApiBearerAuth()
@Controller('api/v1')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get('me/assignments')
  @ApiOkResponse({
    type: [SectionAssignmentDto],
    description: "The caller's sections in every assessment, with their progress, newest year first",
  })
  mine(@CurrentCaller() caller: Caller): Promise<SectionAssignmentDto[]> {
    return this.assignments.mine(caller);
  }

  @Get('assessments/:id/assignments')
  @ApiOkResponse({ type: AssignmentListDto, description: 'Who holds each assigned section, with its progress' })
  @ApiNotFoundResponse()
  list(@CurrentCaller() caller: Caller, @Param('id', uuidPipe('id')) id: string): Promise<AssignmentListDto> {
    return this.assignments.list(caller, id);
  }

  @Get('assessments/:id/assignments/history')
  @ApiOkResponse({ type: [AssignmentEventDto], description: 'Who assigned or took back which section, newest first (100 at most)' })
  @ApiNotFoundResponse()
  history(@CurrentCaller() caller: Caller, @Param('id', uuidPipe('id')) id: string): Promise<AssignmentEventDto[]> {
    return this.assignments.history(caller, id);
  }

  @Put('assessments/:id/assignments/:sectionId')
  @RequireRole('owner')
  @ApiOkResponse({ type: SectionAssignmentDto, description: 'The section is now held by that member (whoever held it before, no longer)' })
  @ApiBadRequestResponse({ description: '`userId` is not a member of your organisation, or not a UUID' })
  @ApiForbiddenResponse({ description: 'Owners assign sections' })
  @ApiNotFoundResponse({ description: 'No such assessment in your organisation, or no such section in its questionnaire' })
  assign(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Param('sectionId', sectionIdPipe) sectionId: string,
    @Body() dto: AssignSectionDto,
  ): Promise<SectionAssignmentDto> {
    return this.assignments.assign(caller, id, sectionId, dto.userId);
  }

  @Delete('assessments/:id/assignments/:sectionId')
  @RequireRole('owner')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Nobody holds the section any more' })
  @ApiForbiddenResponse({ description: 'Owners assign sections' })
  @ApiNotFoundResponse()
  async clear(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Param('sectionId', sectionIdPipe) sectionId: string,
  ): Promise<void> {
    await this.assignments.clear(caller, id, sectionId);
  }
}
