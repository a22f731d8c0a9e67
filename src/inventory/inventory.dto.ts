import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { AnswerValue, I18nText } from '../questionnaires/template.types.js';
import type { ClassFigures, InventoryPreview, Proposal } from './derive.js';
import {
  DEVICE_CLASSES,
  SIGNATURE_FIELDS,
  type ClassRule,
  type ColumnMapping,
  type DeviceClass,
  type RejectedRow,
} from './inventory.types.js';
import { LIMITS } from './limits.js';

/** The text fields of the multipart upload (beside `file`). */
export class UploadFieldsDto {
  @ApiPropertyOptional({
    description:
      'JSON of the mapping step for a file no format recognises: {"columns": {"type"|"category"|"model"|"manufacturer"|"os"|"size"|"purchaseDate"|"firstSeenDate"|"retirementDate"|"status"|"refurbished"|"ownership": "<header>"}, "dateOrder": "dmy"|"mdy"|"ymd"}. Saved for the organisation: next time a file with the same headers needs none.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  mapping?: string;

  @ApiPropertyOptional({ description: 'The day the export was taken, YYYY-MM-DD (default: today, UTC): ages are counted to it' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a day, YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({
    enum: DEVICE_CLASSES,
    description: 'What every row of this file is, for rows no rule classifies (a GLPI monitors export: monitor)',
  })
  @IsOptional()
  @IsIn(DEVICE_CLASSES)
  defaultClass?: DeviceClass;
}

export class ApplyImportDto {
  @ApiPropertyOptional({
    type: Object,
    description:
      'The answer versions the preview showed, by question id ({"inventory.laptop.count": 3}); a question changed since is refused with 409 and nothing is written. Default: the versions at the time of applying.',
  })
  @IsOptional()
  @IsObject()
  expectedVersions?: Record<string, number>;

  @ApiPropertyOptional({ type: [String], description: 'Apply only these questions of the preview (default: every applicable proposal)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  questionIds?: string[];
}

export class ClassRuleDto implements ClassRule {
  @ApiProperty()
  @IsString()
  @Matches(/^[\w.-]{1,60}$/, { message: 'id may hold 1 to 60 letters, digits, dots, dashes and underscores' })
  id: string;
  @ApiProperty({ enum: DEVICE_CLASSES }) @IsIn(DEVICE_CLASSES) class: DeviceClass;
  @ApiProperty({ type: [String], enum: SIGNATURE_FIELDS })
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(SIGNATURE_FIELDS, { each: true })
  field: Array<(typeof SIGNATURE_FIELDS)[number]>;
  @ApiPropertyOptional({ description: 'Regular expression matched against the text lower-cased with accents removed' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  pattern?: string;
  @ApiPropertyOptional({ description: 'A number (size in inches) at least this' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  gte?: number;
  @ApiPropertyOptional({ description: 'A number below this' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  lt?: number;
}

export class PutRulesDto {
  @ApiProperty({ type: [ClassRuleDto], description: "The organisation's rules, tried in order before the defaults" })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ClassRuleDto)
  rules: ClassRuleDto[];

  @ApiProperty({ description: 'The version read (0 when the organisation has none yet); 409 when stale' })
  @IsInt()
  @Min(0)
  expectedVersion: number;
}

export class RulesDto {
  @ApiProperty({ type: [ClassRuleDto] }) rules: ClassRule[];
  @ApiProperty() version: number;
  @ApiProperty({ type: [ClassRuleDto], description: 'The defaults of templates/inventory/classification-rules.json, tried after' })
  defaults: ClassRule[];
  @ApiProperty() defaultsVersion: number;
}

export class MappingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: [String] }) headers: string[];
  @ApiProperty({ type: Object }) mapping: ColumnMapping;
  @ApiProperty() updatedAt: string;
}

/** What applying wrote, kept on the import. */
export interface ApplyRecord {
  appliedAt: string;
  appliedBy: string;
  appliedByEmail: string;
  written: Array<{ questionId: string; from: AnswerValue | null; to: number; version: number }>;
  skipped: Array<{ questionId: string; reason: I18nText }>;
}

export class ImportLimitsDto {
  @ApiProperty() maxFileBytes: number;
  @ApiProperty() maxRows: number;
  @ApiProperty() maxColumns: number;
}

export const IMPORT_LIMITS: ImportLimitsDto = { maxFileBytes: LIMITS.maxFileBytes, maxRows: LIMITS.maxRows, maxColumns: LIMITS.maxColumns };

export class InventoryImportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) assessmentId: string;
  @ApiProperty() fileName: string;
  @ApiProperty() fileBytes: number;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) fileKind: 'csv' | 'xlsx';
  @ApiPropertyOptional({ nullable: true, type: String }) encoding: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) delimiter: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sheet: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Object,
    description: 'The export recognised ({id, label, source}); id "mapping" or "saved-mapping" when a mapping was used',
  })
  format: { id: string; label: I18nText; source?: string } | null;
  @ApiProperty({ type: [String] }) headers: string[];
  @ApiProperty({ type: Object }) mapping: ColumnMapping;
  @ApiPropertyOptional({ nullable: true, enum: DEVICE_CLASSES }) defaultClass: DeviceClass | null;
  @ApiProperty({ description: 'The day ages are counted to' }) asOf: string;
  @ApiProperty({ type: Object, description: '{total, accepted, rejected} rows after the header' })
  rows: { total: number; accepted: number; rejected: number };
  @ApiProperty({ type: [Object], description: `Rejected rows with their line and reason (the first ${LIMITS.maxRejectedListed})` })
  rejected: RejectedRow[];
  @ApiProperty({ type: Object, description: 'Every rejected row counted by reason' }) rejectedByReason: Record<string, number>;
  @ApiProperty({ type: [Object] }) warnings: I18nText[];
  @ApiProperty({
    type: Object,
    description: 'Classes with their counts, ages, lifespans and derivations; unclassified rows; the answers that would change',
  })
  preview: InventoryPreview;
  @ApiProperty({ description: "The organisation's rules version the preview was classified with" }) rulesVersion: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) parseMs: number | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) createdByEmail: string | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) applied: ApplyRecord | null;
  @ApiProperty({ type: ImportLimitsDto }) limits: ImportLimitsDto;
}

export class ApplyResultDto {
  @ApiProperty({ type: InventoryImportDto }) import: InventoryImportDto;
  @ApiProperty({ type: [Object] }) written: ApplyRecord['written'];
  @ApiProperty({ type: [Object] }) skipped: ApplyRecord['skipped'];
}

export type { ClassFigures, Proposal };
