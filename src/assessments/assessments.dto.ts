import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { I18nTextDto, QuestionDto } from '../questionnaires/questionnaires.dto.js';
import type { AnswerValue } from '../questionnaires/template.types.js';
import type { AnswerSource } from './answer.entity.js';

export const COMMENT_MAX_LENGTH = 2000;

export class CreateAssessmentDto {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ example: 'fresque-numerique', description: 'Defaults to the standard questionnaire; its newest version is used' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  questionnaireId?: string;

  @ApiPropertyOptional({
    example: 1,
    description: 'Pin an older version of the questionnaire (default: the newest), e.g. to compare like with like',
  })
  @IsOptional()
  @IsInt({ message: 'templateVersion must be a whole number' })
  @Min(1)
  templateVersion?: number;

  @ApiPropertyOptional({ format: 'uuid', description: "Start from an earlier assessment's answers (copy-forward)" })
  @IsOptional()
  @IsUUID(undefined, { message: 'copyFromAssessmentId must be a UUID' })
  copyFromAssessmentId?: string;
}

export class SaveAnswerDto {
  @ApiProperty({
    description:
      'By question type: single_choice and scale: an option id; multi_choice: an array of option ids; boolean: true or false; number: a number, or the text a person typed ("1,5", "1.5", "1 234": comma or point for decimals, spaces for thousands; refused when ambiguous, such as "1,234" or "1.234,5", rule `decimal`); text: a string (max 2,000 characters)',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'boolean' }, { type: 'number' }],
  })
  @IsDefined({ message: 'value is required (use DELETE to clear an answer)' })
  value: unknown;

  @ApiPropertyOptional({
    maxLength: COMMENT_MAX_LENGTH,
    nullable: true,
    type: String,
    description: 'Omit to keep the current comment; null clears it',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(COMMENT_MAX_LENGTH, { message: `comment must be at most ${COMMENT_MAX_LENGTH} characters long` })
  comment?: string | null;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'The version you last read (0: you expect no answer yet). A stale version gives 409 with the current answer.',
  })
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(0)
  expectedVersion?: number;
}

export class SubmitAssessmentDto {
  @ApiPropertyOptional({
    description:
      'Submit although carried-over answers are neither confirmed nor changed (without it: 409 listing them in `unconfirmed`). The choice is recorded: `submittedUnreviewed`, the audit trail, the results and the report say so.',
  })
  @IsOptional()
  @IsBoolean({ message: 'confirmUnreviewed must be true or false' })
  confirmUnreviewed?: boolean;
}

export class ClearAnswerQueryDto {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1)
  expectedVersion?: number;
}

export class HistoryQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only the changes of this question' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  questionId?: string;
}

export class LangQueryDto {
  @ApiPropertyOptional({ enum: ['fr', 'en'] })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsIn(['fr', 'en'], { message: 'lang must be fr or en' })
  lang?: 'fr' | 'en';
}

export class ProgressDto {
  @ApiProperty() answered: number;
  @ApiProperty({ description: 'Visible questions only' }) total: number;
  @ApiProperty() percent: number;
}

export class SectionProgressDto extends ProgressDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: I18nTextDto }) title: I18nTextDto;
}

export class CopyForwardDto {
  @ApiProperty({ format: 'uuid' }) fromAssessmentId: string;
  @ApiProperty() fromYear: number;
  @ApiProperty() fromTemplateVersion: number;
  @ApiProperty({ description: 'How many answers were carried over' }) copied: number;
  @ApiPropertyOptional({ type: [String], description: 'The questions whose answers were carried over, in template order' })
  carried?: string[];
  @ApiProperty({ type: [String], description: 'Questions of the earlier version that this version no longer asks' })
  noLongerAsked: string[];
  @ApiProperty({ type: [String], description: 'Questions new in this version (nothing to carry)' }) newQuestions: string[];
  @ApiProperty({
    description: 'Answers that no longer fit their question (an option removed or split, bounds changed), with the reason: not carried',
  })
  notCopied: Array<{ questionId: string; reason: string }>;
  @ApiProperty({ description: 'Copied answers nobody has confirmed or changed yet' }) pendingConfirmation: number;
}

export class AssessmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty() questionnaireId: string;
  @ApiProperty() templateVersion: number;
  @ApiProperty({ enum: ['draft', 'submitted'] }) status: 'draft' | 'submitted';
  @ApiProperty({ type: ProgressDto }) progress: ProgressDto;
  @ApiProperty({ type: [SectionProgressDto] }) sections: SectionProgressDto[];
  @ApiProperty({ description: 'Required visible questions still unanswered' }) requiredMissing: number;
  @ApiPropertyOptional({ type: CopyForwardDto, nullable: true }) copyForward: CopyForwardDto | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) submittedAt: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: [String],
    description: 'The carried-over answers an owner chose to submit without confirming them (null: none, or a draft)',
  })
  submittedUnreviewed: string[] | null;
}

export class AssessmentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty() questionnaireId: string;
  @ApiProperty() templateVersion: number;
  @ApiProperty({ enum: ['draft', 'submitted'] }) status: 'draft' | 'submitted';
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) submittedAt: string | null;
}

export class AnswerDto {
  @ApiProperty() questionId: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'boolean' }, { type: 'number' }] })
  value: AnswerValue;
  @ApiPropertyOptional({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ description: 'Send it back as expectedVersion on the next change' }) version: number;
  @ApiProperty({ description: 'Copied from last year, not yet confirmed' }) carriedOver: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) answeredBy: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) answeredByEmail?: string | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'Whether the question is shown for the current answers (hidden answers are kept but ignored)' })
  visible: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: Object,
    description:
      'Where the value came from when not typed: an inventory import (file name, rows, when and by whom applied); null once edited by hand',
  })
  source: AnswerSource | null;
}

export class NextQuestionDto {
  @ApiProperty({ type: QuestionDto }) question: QuestionDto;
  @ApiProperty() section: { id: string; title: I18nTextDto };
  @ApiProperty({ type: ProgressDto }) progress: ProgressDto;
}

export class HistoryEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true, type: String }) questionId: string | null;
  @ApiProperty({ enum: ['answered', 'cleared', 'confirmed', 'carried_over', 'prefilled', 'submitted', 'reopened', 'created'] })
  action: string;
  @ApiPropertyOptional({ nullable: true }) oldValue: AnswerValue | null;
  @ApiPropertyOptional({ nullable: true }) newValue: AnswerValue | null;
  @ApiPropertyOptional({ nullable: true, type: String }) oldComment: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) newComment: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) version: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actorId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actorEmail: string | null;
  @ApiProperty() at: string;
  @ApiPropertyOptional({ nullable: true, type: Object, description: 'The inventory import the change came from, if any' })
  source: AnswerSource | null;
}

export class MissingQuestionDto {
  @ApiProperty() questionId: string;
  @ApiProperty() sectionId: string;
  @ApiProperty({ type: I18nTextDto }) label: I18nTextDto;
}
