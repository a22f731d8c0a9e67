import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller, RequireRole, type Caller } from '../accounts/caller.js';
import { uuidPipe } from '../common/uuid.pipe.js';
import { validationProblem } from '../common/validation.js';
import {
  AnswerDto,
  AssessmentDto,
  AssessmentSummaryDto,
  ClearAnswerQueryDto,
  CreateAssessmentDto,
  HistoryEventDto,
  HistoryQueryDto,
  NextQuestionDto,
  SaveAnswerDto,
  SubmitAssessmentDto,
} from './assessments.dto.js';
import { AssessmentsService } from './assessments.service.js';

const QUESTION_ID = /^[\w.-]{1,200}$/;

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('api/v1/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Post()
  @RequireRole('editor')
  @ApiCreatedResponse({ type: AssessmentDto })
  @ApiConflictResponse({ description: 'The organisation already has an assessment for that year' })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateAssessmentDto): Promise<AssessmentDto> {
    return this.assessments.create(caller, dto);
  }

  @Get()
  @ApiOkResponse({ type: [AssessmentSummaryDto], description: 'Newest year first' })
  list(@CurrentCaller() caller: Caller): Promise<AssessmentSummaryDto[]> {
    return this.assessments.list(caller);
  }

  @Get(':id')
  @ApiOkResponse({ type: AssessmentDto })
  @ApiNotFoundResponse()
  get(@CurrentCaller() caller: Caller, @Param('id', uuidPipe('id')) id: string): Promise<AssessmentDto> {
    return this.assessments.get(caller, id);
  }

  @Get(':id/next')
  @ApiOkResponse({ type: NextQuestionDto, description: 'The next visible unanswered question, in template order' })
  @ApiNoContentResponse({ description: 'Every visible question is answered' })
  async next(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<NextQuestionDto | undefined> {
    const next = await this.assessments.next(caller, id);
    if (!next) {
      res.status(204);
      return undefined;
    }
    return next;
  }

  @Put(':id/answers/:questionId')
  @RequireRole('editor')
  @ApiOkResponse({ type: AnswerDto })
  @ApiConflictResponse({ description: 'Stale expectedVersion (the body holds the current answer), or the assessment is submitted' })
  @ApiForbiddenResponse({ description: 'Viewers cannot answer' })
  saveAnswer(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Param('questionId') questionId: string,
    @Body() dto: SaveAnswerDto,
  ): Promise<AnswerDto> {
    return this.assessments.saveAnswer(caller, id, checkQuestionId(questionId), dto);
  }

  @Delete(':id/answers/:questionId')
  @RequireRole('editor')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The answer is cleared (kept in the history)' })
  async clearAnswer(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Param('questionId') questionId: string,
    @Query() query: ClearAnswerQueryDto,
  ): Promise<void> {
    await this.assessments.clearAnswer(caller, id, checkQuestionId(questionId), query.expectedVersion);
  }

  @Get(':id/answers')
  @ApiOkResponse({ type: [AnswerDto], description: 'Current answers in template order' })
  answers(@CurrentCaller() caller: Caller, @Param('id', uuidPipe('id')) id: string): Promise<AnswerDto[]> {
    return this.assessments.listAnswers(caller, id);
  }

  @Get(':id/history')
  @ApiOkResponse({ type: [HistoryEventDto], description: 'The audit trail, newest first' })
  history(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Query() query: HistoryQueryDto,
  ): Promise<HistoryEventDto[]> {
    return this.assessments.history(caller, id, query.limit, query.questionId);
  }

  @Post(':id/submit')
  @RequireRole('owner')
  @HttpCode(200)
  @ApiOkResponse({ type: AssessmentDto })
  @ApiConflictResponse({
    description:
      'Required visible questions are unanswered (listed in `missing`); carried-over answers are unconfirmed and `confirmUnreviewed` was not sent (listed in `unconfirmed`); or already submitted',
  })
  submit(
    @CurrentCaller() caller: Caller,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: SubmitAssessmentDto,
  ): Promise<AssessmentDto> {
    return this.assessments.submit(caller, id, dto);
  }

  @Post(':id/reopen')
  @RequireRole('owner')
  @HttpCode(200)
  @ApiOkResponse({ type: AssessmentDto })
  reopen(@CurrentCaller() caller: Caller, @Param('id', uuidPipe('id')) id: string): Promise<AssessmentDto> {
    return this.assessments.reopen(caller, id);
  }
}

function checkQuestionId(id: string): string {
  if (!QUESTION_ID.test(id)) {
    throw validationProblem([
      { field: 'questionId', rule: 'pattern', message: 'questionId may hold letters, digits, dots, dashes and underscores' },
    ]);
  }
  return id;
}
