import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { validationProblem } from '../common/validation.js';
import { ActionDto, QuestionnaireDto, QuestionnaireSummaryDto, TemplateQuery, toSummaries } from './questionnaires.dto.js';
import { QuestionnairesService } from './questionnaires.service.js';
import type { Action, QuestionnaireTemplate } from './template.types.js';

const versionPipe = new ParseIntPipe({
  exceptionFactory: () => validationProblem([{ field: 'version', rule: 'isInt', message: 'version must be a whole number' }]),
});

@ApiTags('questionnaires')
@ApiBearerAuth()
@Controller('api/v1')
export class QuestionnairesController {
  constructor(private readonly questionnaires: QuestionnairesService) {}

  @Get('questionnaires')
  @ApiOkResponse({ type: [QuestionnaireSummaryDto], description: 'Each questionnaire with its newest version' })
  list(): QuestionnaireSummaryDto[] {
    return toSummaries(this.questionnaires.list());
  }

  @Get('questionnaires/:id/versions/:version')
  @ApiOkResponse({ type: QuestionnaireDto, description: 'The whole template: sections, questions, options, conditions, scoring' })
  @ApiNotFoundResponse({ description: 'No such questionnaire or version' })
  @ApiBadRequestResponse({ description: 'A kind the template has no words for (field kind)' })
  get(@Param('id') id: string, @Param('version', versionPipe) version: number, @Query() query: TemplateQuery): QuestionnaireTemplate {
    return query.kind === undefined
      ? this.questionnaires.get(id, version).template
      : this.questionnaires.wordedForKind(id, version, query.kind).template;
  }

  @Get('actions')
  @ApiOkResponse({ type: [ActionDto], description: 'The action catalogue, from the workshop takeaways' })
  actions(): Action[] {
    return this.questionnaires.actions();
  }
}
