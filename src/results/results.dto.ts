import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_TABLES, type ExportTable } from './export-tables.js';
import { METHODOLOGY_VERSION, METHODOLOGY_VERSIONS, type MethodologyVersion } from '../scoring/index.js';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);

const METHODOLOGY_MESSAGE = `methodology must be one of ${METHODOLOGY_VERSIONS.join(', ')}`;

/** `?methodology=`: which scoring methodology computes the figures (the current one when absent). */
export class MethodologyQueryDto {
  @ApiPropertyOptional({
    enum: METHODOLOGY_VERSIONS,
    description: `Scoring methodology (default ${METHODOLOGY_VERSION}); earlier versions stay reproducible`,
  })
  @IsOptional()
  @Transform(lower)
  @IsIn(METHODOLOGY_VERSIONS, { message: METHODOLOGY_MESSAGE })
  methodology?: MethodologyVersion;
}

export class ExportQueryDto extends MethodologyQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @Transform(lower)
  @IsIn(['json', 'csv', 'xlsx'], { message: 'format must be json, csv or xlsx' })
  format?: 'json' | 'csv' | 'xlsx';

  @ApiPropertyOptional({
    enum: ['fr', 'en'],
    description:
      "Language of labels and units, and the CSV's convention (fr: semicolon and decimal comma; en: comma and decimal point). Default: the organisation's language",
  })
  @IsOptional()
  @Transform(lower)
  @IsIn(['fr', 'en'], { message: 'lang must be fr or en' })
  lang?: 'fr' | 'en';

  @ApiPropertyOptional({
    enum: ['semicolon', 'comma'],
    description:
      'CSV only: the field separator, overriding the language convention; the decimal mark goes with it (semicolon: decimal comma)',
  })
  @IsOptional()
  @Transform(lower)
  @IsIn(['semicolon', 'comma'], { message: 'delimiter must be semicolon or comma' })
  delimiter?: 'semicolon' | 'comma';

  @ApiPropertyOptional({
    enum: EXPORT_TABLES,
    description:
      'CSV only: one kind of row per file (answers, scores, priorities, footprint by device, footprint totals). Without it, the single table of every kind of row (kept for earlier clients)',
  })
  @IsOptional()
  @Transform(lower)
  @IsIn(EXPORT_TABLES, { message: `table must be one of ${EXPORT_TABLES.join(', ')}` })
  table?: ExportTable;
}

class ScoreDto {
  @ApiProperty({ nullable: true, type: Number, description: '0-100, one decimal; null when nothing is known yet' }) score: number | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 1, maximum: 5 }) level: number | null;
  @ApiProperty({ description: 'Share of the weight answered, 0-1: how much of the score rests on answers' }) confidence: number;
}

class OverallDto extends ScoreDto {
  @ApiPropertyOptional({ description: 'Section whose weakness capped the level (floor rule)' }) cappedBy?: string;
}

class NotApplicableReasonDto {
  @ApiProperty({ enum: ['condition', 'declared', 'no_question'] }) cause: string;
  @ApiPropertyOptional({ description: 'The profile question whose answer rules it out' }) questionId?: string;
  @ApiProperty({ description: 'One sentence, fr and en' }) text: { fr: string; en: string };
}

class SectionScoreDto extends ScoreDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['scored', 'unknown', 'not_applicable'], description: 'scoring-2' }) status: string;
  @ApiPropertyOptional({ type: NotApplicableReasonDto, description: 'Why the section does not apply: no score, out of the floor rule' })
  notApplicable?: NotApplicableReasonDto;
  @ApiProperty() answered: number;
  @ApiProperty() visible: number;
}

class ActionResultDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['scored', 'unknown', 'not_applicable'] }) status: string;
  @ApiProperty({ enum: ['lever', 'foundation'], description: 'scoring-2' }) kind: string;
  @ApiPropertyOptional({ type: NotApplicableReasonDto }) notApplicable?: NotApplicableReasonDto;
  @ApiPropertyOptional({ description: 'scoring-2: known weight / (visible weight + 3)' }) credibility?: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'scoring-2: gap shrunk toward the mean gap by the credibility' })
  effectiveGap?: number | null;
  @ApiPropertyOptional({
    description: 'scoring-2, levers: expected share of the footprint avoided (EF single score), quantified or assumed',
  })
  benefit?: object;
  @ApiProperty({ nullable: true, type: Number }) maturity: number | null;
  @ApiProperty({ nullable: true, type: Number }) gap: number | null;
  @ApiProperty({ nullable: true, type: Number }) priority: number | null;
  @ApiProperty() confidence: number;
  @ApiProperty({ description: 'The answers that moved it and by how much (contribution in points)' }) explanation: object[];
}

class PriorityDto {
  @ApiProperty({ description: 'Position in the plan: this_year, then next, keep_up, unknown; levers before foundations in a group' })
  rank: number;
  @ApiProperty() actionId: string;
  @ApiProperty({
    enum: ['this_year', 'next', 'keep_up', 'unknown', 'quick_win', 'structural'],
    description: 'scoring-2: this_year (at most 5), next, keep_up, unknown; scoring-1: quick_win, structural, keep_up, unknown',
  })
  group: string;
  @ApiProperty({ enum: ['lever', 'foundation'], description: 'scoring-2' }) kind: string;
  @ApiProperty({ description: 'scoring-2: rank among the actions of the same kind, by priority' }) kindRank: number;
  @ApiPropertyOptional({
    description: 'scoring-2, levers: expected share of the footprint avoided (EF single score), quantified (criteria combined) or assumed',
  })
  benefit?: object;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'scoring-2: levers, percentage points of the footprint avoided per unit of effort; foundations, 0-100',
  })
  priority: number | null;
  @ApiProperty({ description: 'One sentence, fr and en, saying why it ranks here' }) why: { fr: string; en: string };
  @ApiPropertyOptional({ description: 'Quantified yearly saving on the organisation inventory' }) saving?: object;
}

export class ResultsDto {
  @ApiProperty() assessment: object;
  @ApiProperty({ type: OverallDto }) overall: OverallDto;
  @ApiProperty({ type: [SectionScoreDto] }) sections: SectionScoreDto[];
  @ApiProperty({ type: [ActionResultDto] }) actions: ActionResultDto[];
  @ApiProperty({ type: [PriorityDto] }) priorities: PriorityDto[];
  @ApiProperty({
    description:
      'Yearly multi-criteria footprint by device type (and cloud), embodied vs use, full figures with `low` and `high`; null = not estimated. ' +
      '`factorsVersion`: version of templates/footprint-factors.json; `criteria`: the name and method of each indicator; ' +
      '`scope.estimated` / `scope.notEstimated`: what the estimate counts and what it leaves out, and why; ' +
      '`perPerson`: totals per person, naming the person (employee, agent, staff); `display`: summary texts (two significant digits and the range, fr/en).',
  })
  footprint: object;
  @ApiProperty({
    description: 'Quantified levers (lifespan, refurbished, fewer screens, switch off), each with `range.low` and `range.high`',
  })
  savings: object[];
  @ApiProperty({ enum: METHODOLOGY_VERSIONS, description: 'The methodology that produced these results' }) methodologyVersion: string;
  @ApiProperty({
    nullable: true,
    description:
      "Committed last year vs done: the previous plan's commitments with their final status, and for each whether the action's maturity and footprint figure moved as expected; null the first year",
  })
  lastYearCommitments: object | null;
  @ApiPropertyOptional({ description: 'scoring-2: the sections, actions and questions that do not apply, each with its reason' })
  notApplicable?: object;
  @ApiPropertyOptional({ description: 'scoring-2: 100 - overall score, toward which uncertain gaps are shrunk' }) meanGap?: number;
  @ApiPropertyOptional({
    description:
      'A submitted assessment computed with another methodology than the one it was submitted under: its figures under that one, beside these where they differ',
  })
  asSubmitted?: object;
  @ApiProperty({
    nullable: true,
    description:
      'Answers carried over from an earlier year (copy-forward): `fromYear`, `unconfirmed` (visible carried-over answers nobody confirmed or changed, question ids in template order) and `submittedUnreviewed` (true when an owner submitted with them unconfirmed, by explicit choice); null when nothing was carried over',
  })
  carriedOver: { fromYear: number; unconfirmed: string[]; submittedUnreviewed: boolean } | null;
}

export class ComparisonDto {
  @ApiProperty({ description: 'The one methodology both years are computed with' }) methodologyVersion: string;
  @ApiProperty() previous: object;
  @ApiProperty() current: object;
  @ApiProperty() sameTemplate: boolean;
  @ApiProperty() overall: object;
  @ApiProperty({ description: 'matched, onlyInPrevious, onlyInCurrent' }) sections: object;
  @ApiProperty({ description: 'improved / regressed / unchanged / new / no_longer_asked / unknown' }) actions: object[];
  @ApiProperty({
    nullable: true,
    description:
      'Deltas per criterion and device type; `factorsVersion` and `note` say which footprint factors both years use (no delta across two versions)',
  })
  footprint: object | null;
  @ApiProperty({
    nullable: true,
    description:
      "Why the footprint moved: per device type and criterion, `change` = `inventory` + `practice` + `factors` (sequential substitution in that order: counts at last year's practice and factors, then practice at last year's factors, then the factors), with `unit`",
  })
  footprintAttribution: object | null;
  @ApiProperty({
    description:
      'Questions only in one year, changed answers (`changed`), and `bySection`: the changed answers in words (question, before -> after, who), grouped by section',
  })
  answers: object;
  @ApiProperty({ nullable: true, description: "The earlier year's plan: committed vs done (null when it had no commitment)" })
  committedVsDone: object | null;
}

export class TrendDto {
  @ApiProperty({ nullable: true, type: String, description: 'The one methodology every year is computed with' }) methodologyVersion:
    string | null;
  @ApiProperty({ description: 'One point per year: overall, sections, footprint totals' }) points: object[];
  @ApiProperty() sections: object[];
  @ApiProperty({ type: [String] }) criteria: string[];
}
