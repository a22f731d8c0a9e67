/**
 * Request and response shapes of the plan API. Requests are validated at the edge
 * (whitelist + forbidNonWhitelisted): every field bounded, every rule named in the 400.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { I18nTextDto } from '../questionnaires/questionnaires.dto.js';
import { isCalendarDay, parseDue } from './dates.js';
import { COMMITMENT_STATUSES, type Baseline, type CommitmentStatus, type Measurement, type Target } from './plan.types.js';

export const MAX_MEASUREMENTS = 100;
export const MAX_CHECKLIST = 30;
export const NOTES_MAX_LENGTH = 4000;
export const REASON_MAX_LENGTH = 500;
export const ROLE_NAME_MAX_LENGTH = 120;
/** Indicator values: finite, within +-1e12 (a count of bytes fits; an overflow does not). */
const VALUE_BOUND = 1e12;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

function IsDue(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDue',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && parseDue(v) !== null,
        defaultMessage: (a) => `${a?.property} must be a day (YYYY-MM-DD, e.g. 2027-03-31) or a quarter (YYYY-Qn, e.g. 2027-Q2)`,
      },
    },
    options,
  );
}

function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && isCalendarDay(v),
        defaultMessage: (a) => `${a?.property} must be a calendar day, YYYY-MM-DD, between 2000 and 2100`,
      },
    },
    options,
  );
}

const ACTION_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export class TargetDto {
  @ApiPropertyOptional({ nullable: true, type: Number, description: "A number in the indicator's unit" })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'target.value must be a number' })
  @Min(-VALUE_BOUND)
  @Max(VALUE_BOUND)
  value?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200, description: 'Words, when the indicator is not a number' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  text?: string | null;
}

export class MeasurementDto {
  @ApiProperty({ example: '2027-03-31', description: "The day of the measurement, in the organisation's time zone" })
  @IsCalendarDay()
  date: string;

  @ApiProperty({ example: 4.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a number' })
  @Min(-VALUE_BOUND)
  @Max(VALUE_BOUND)
  value: number;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: REASON_MAX_LENGTH })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  note?: string | null;
}

export class EnteredBaselineDto {
  @ApiProperty({ description: "The indicator's value when the commitment starts" })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'baseline.value must be a number' })
  @Min(-VALUE_BOUND)
  @Max(VALUE_BOUND)
  value: number;

  @ApiPropertyOptional({ maxLength: 60, example: '%' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  unit?: string;
}

export class AdoptCommitmentDto {
  @ApiProperty({ example: 'extend-lifespan', description: 'An action of the catalogue (GET /api/v1/actions)' })
  @IsString()
  @Matches(ACTION_ID, { message: 'actionId must be an action id of the catalogue, such as extend-lifespan' })
  actionId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The member who owns it' })
  @IsOptional()
  @IsUUID(undefined, { message: 'ownerUserId must be a UUID' })
  ownerUserId?: string;

  @ApiPropertyOptional({
    maxLength: ROLE_NAME_MAX_LENGTH,
    example: 'Responsable des achats',
    description: 'A named role, when the owner has no account',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, ROLE_NAME_MAX_LENGTH)
  ownerRole?: string;

  @ApiPropertyOptional({ example: '2027-Q2', description: 'A day (YYYY-MM-DD) or a quarter (YYYY-Qn, due on its last day)' })
  @IsOptional()
  @IsDue()
  due?: string;

  @ApiPropertyOptional({ type: TargetDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetDto)
  target?: TargetDto;
}

/** Omitted fields are left as they are; null clears a field that may be empty. */
export class UpdateCommitmentDto {
  @ApiProperty({ minimum: 1, description: 'The version you last read; a stale one gives 409 with the current commitment' })
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1)
  expectedVersion: number;

  @ApiPropertyOptional({ enum: COMMITMENT_STATUSES })
  @ValidateIf((o: UpdateCommitmentDto) => o.status !== undefined)
  @IsIn(COMMITMENT_STATUSES, { message: `status must be one of ${COMMITMENT_STATUSES.join(', ')}` })
  status?: CommitmentStatus;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: REASON_MAX_LENGTH, description: 'Required to drop a commitment' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, REASON_MAX_LENGTH, { message: `dropReason must be 1 to ${REASON_MAX_LENGTH} characters long` })
  dropReason?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'Owners only' })
  @IsOptional()
  @IsUUID(undefined, { message: 'ownerUserId must be a UUID' })
  ownerUserId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: ROLE_NAME_MAX_LENGTH, description: 'Owners only' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, ROLE_NAME_MAX_LENGTH)
  ownerRole?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2027-03-31', description: 'Owners only: a day or a quarter (2027-Q2)' })
  @IsOptional()
  @IsDue()
  due?: string | null;

  @ApiPropertyOptional({ nullable: true, type: TargetDto, description: 'Owners only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetDto)
  target?: TargetDto | null;

  @ApiPropertyOptional({
    nullable: true,
    type: EnteredBaselineDto,
    description: 'Entered by hand when the answers do not measure the indicator',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnteredBaselineDto)
  baseline?: EnteredBaselineDto | null;

  @ApiPropertyOptional({
    type: [MeasurementDto],
    maxItems: MAX_MEASUREMENTS,
    description: 'The whole list of measured values (replaces it)',
  })
  @ValidateIf((o: UpdateCommitmentDto) => o.measurements !== undefined)
  @IsArray({ message: 'measurements must be a list' })
  @ArrayMaxSize(MAX_MEASUREMENTS)
  @ValidateNested({ each: true })
  @Type(() => MeasurementDto)
  measurements?: MeasurementDto[];

  @ApiPropertyOptional({ type: [Boolean], description: 'One flag per next step of the action, in order' })
  @ValidateIf((o: UpdateCommitmentDto) => o.checklist !== undefined)
  @IsArray({ message: 'checklist must be a list of true/false' })
  @ArrayMaxSize(MAX_CHECKLIST)
  @IsBoolean({ each: true, message: 'checklist must hold only true or false' })
  checklist?: boolean[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: NOTES_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(NOTES_MAX_LENGTH, { message: `notes must be at most ${NOTES_MAX_LENGTH} characters long` })
  notes?: string | null;
}

export class RemoveCommitmentQueryDto {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1)
  expectedVersion?: number;
}

export class CarryOverDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "Last year's commitments to carry (default: every open one)" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true, message: 'commitmentIds must hold UUIDs' })
  commitmentIds?: string[];
}

export class PlanExportQueryDto {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsIn(['xlsx', 'csv'], { message: 'format must be xlsx or csv' })
  format?: 'xlsx' | 'csv';

  @ApiPropertyOptional({ enum: ['fr', 'en'], description: "Language of the labels (default: the organisation's)" })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsIn(['fr', 'en'], { message: 'lang must be fr or en' })
  lang?: 'fr' | 'en';
}

export class PlanHistoryQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class TimeZoneDto {
  @ApiProperty({ nullable: true, type: String, example: 'Europe/Paris', description: "An IANA time zone; null: the country's" })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(64)
  timeZone: string | null;
}

// ---------------------------------------------------------------- responses

export class OwnerDto {
  @ApiProperty({ enum: ['member', 'role'] }) kind: 'member' | 'role';
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) userId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ description: 'What to show: the email, or the named role' }) name: string;
}

export class DueDto {
  @ApiProperty({ enum: ['date', 'quarter'] }) kind: 'date' | 'quarter';
  @ApiProperty({ example: '2027-06-30', description: 'The due day (last day of the quarter)' }) date: string;
  @ApiProperty({ example: '2027-Q2', description: 'As entered: the day or the quarter' }) text: string;
}

export class ChecklistItemDto {
  @ApiProperty({ type: I18nTextDto }) step: I18nTextDto;
  @ApiProperty() done: boolean;
}

export class CommitmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) assessmentId: string;
  @ApiProperty() actionId: string;
  @ApiProperty({ type: I18nTextDto }) title: I18nTextDto;
  @ApiProperty({ type: I18nTextDto }) indicator: I18nTextDto;
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['lifespan', 'refurbished', 'fewer_screens', 'switch_off'] }) lever:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: OwnerDto }) owner: OwnerDto | null;
  @ApiPropertyOptional({ nullable: true, type: DueDto }) due: DueDto | null;
  @ApiProperty({ description: "Due day passed (organisation's time zone) while not done or dropped" }) overdue: boolean;
  @ApiProperty({ enum: COMMITMENT_STATUSES }) status: CommitmentStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) dropReason: string | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'From the answers where the questionnaire measures the indicator; null: not measured',
  })
  baseline: Baseline | null;
  @ApiPropertyOptional({ nullable: true }) target: Target | null;
  @ApiProperty({ description: 'Measured values, oldest first' }) measurements: Measurement[];
  @ApiPropertyOptional({ nullable: true, description: 'The latest measured value' }) lastMeasurement: Measurement | null;
  @ApiProperty({ type: [ChecklistItemDto], description: "The action's next steps, ticked as done" }) checklist: ChecklistItemDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ description: 'Rank, group, maturity and the saving the results gave when it was adopted' }) adopted: object;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) carriedFromId: string | null;
  @ApiProperty({ description: 'Send it back as expectedVersion' }) version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) updatedByEmail: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedAt: string | null;
}

export class LastYearCommitmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() actionId: string;
  @ApiProperty({ type: I18nTextDto }) title: I18nTextDto;
  @ApiProperty({ enum: COMMITMENT_STATUSES, description: 'Its final status' }) status: CommitmentStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) dropReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: OwnerDto }) owner: OwnerDto | null;
  @ApiPropertyOptional({ nullable: true, type: DueDto }) due: DueDto | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: "The commitment of this year's plan that continues it",
  })
  carriedIntoId: string | null;
  @ApiProperty({ description: 'Not done nor dropped, and not carried yet: it can be carried into this plan' }) canCarry: boolean;
}

export class ReviewFirstDto {
  @ApiProperty() questionId: string;
  @ApiProperty() sectionId: string;
  @ApiProperty({ type: I18nTextDto }) label: I18nTextDto;
  @ApiProperty({ type: [String], description: "Last year's committed actions this question informs" }) actionIds: string[];
  @ApiProperty({ description: 'Carried over from last year and not yet confirmed' }) carriedOver: boolean;
}

export class LastYearPlanDto {
  @ApiProperty({ format: 'uuid' }) assessmentId: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: [LastYearCommitmentDto] }) commitments: LastYearCommitmentDto[];
  @ApiProperty({ type: [ReviewFirstDto], description: "Questions informing last year's commitments: review them first" })
  reviewFirst: ReviewFirstDto[];
}

export class PlanDto {
  @ApiProperty() assessment: { id: string; year: number; status: string };
  @ApiProperty({ example: 'Europe/Paris' }) timeZone: string;
  @ApiProperty({ example: '2027-01-15', description: "Today in the organisation's time zone" }) today: string;
  @ApiProperty({ type: [CommitmentDto], description: 'By due date, then action title' }) commitments: CommitmentDto[];
  @ApiProperty() counts: { total: number; notStarted: number; inProgress: number; done: number; dropped: number; overdue: number };
  @ApiProperty({ type: [String], description: 'The first five ranked priorities: what "adopt the top 5" adopts' }) top: string[];
  @ApiPropertyOptional({ nullable: true, type: LastYearPlanDto }) lastYear: LastYearPlanDto | null;
}

export class PlanHistoryEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) commitmentId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actionId: string | null;
  @ApiProperty({ enum: ['adopted', 'updated', 'removed', 'carried_over'] }) action: string;
  @ApiProperty({ description: 'Field -> {from, to}' }) changes: Record<string, { from: unknown; to: unknown }>;
  @ApiPropertyOptional({ nullable: true, type: Number }) version: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actorEmail: string | null;
  @ApiProperty() at: string;
}

export class OverdueCommitmentDto {
  @ApiProperty({ format: 'uuid' }) commitmentId: string;
  @ApiProperty({ format: 'uuid' }) assessmentId: string;
  @ApiProperty() year: number;
  @ApiProperty() actionId: string;
  @ApiProperty({ type: I18nTextDto }) title: I18nTextDto;
  @ApiProperty({ type: DueDto }) due: DueDto;
  @ApiProperty() daysLate: number;
  @ApiPropertyOptional({ nullable: true, type: OwnerDto }) owner: OwnerDto | null;
  @ApiProperty({ enum: COMMITMENT_STATUSES }) status: CommitmentStatus;
}

export class TimeZoneSettingDto {
  @ApiProperty({ example: 'Europe/Paris' }) timeZone: string;
  @ApiProperty({ enum: ['organisation', 'country'], description: 'Set by an owner, or derived from the country' }) source:
    'organisation' | 'country';
  @ApiPropertyOptional({ nullable: true, type: String }) country: string | null;
  @ApiProperty({ example: '2027-01-15' }) today: string;
}

export class CalendarStatusDto {
  @ApiProperty() active: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) createdAt: string | null;
}

export class CalendarCreatedDto {
  @ApiProperty({ description: 'The secret address of the feed: shown once; anyone holding it reads the due dates' }) url: string;
  @ApiProperty() path: string;
  @ApiProperty() createdAt: string;
}
