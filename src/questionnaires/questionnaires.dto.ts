import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { QuestionnaireTemplate } from './template.types.js';

export class I18nTextDto {
  @ApiProperty() fr: string;
  @ApiProperty() en: string;
}

export class QuestionnaireSummaryDto {
  @ApiProperty({ example: 'fresque-numerique' }) id: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ type: I18nTextDto }) title: I18nTextDto;
  @ApiProperty({ type: [Number], description: 'Every version available, oldest first' }) versions: number[];
}

export class QuestionOptionDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: I18nTextDto }) label: I18nTextDto;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '0-100; null means "I do not know" (unknown, not zero)' })
  score?: number | null;
  @ApiPropertyOptional({ description: 'multi_choice: excludes every other option' }) exclusive?: boolean;
}

export class ShowIfDto {
  @ApiProperty() questionId: string;
  @ApiPropertyOptional({ type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'boolean' }] } }) in?: Array<string | boolean>;
  @ApiPropertyOptional() gte?: number;
}

export class ActionWeightDto {
  @ApiProperty() actionId: string;
  @ApiProperty({ minimum: 1, maximum: 3 }) weight: number;
}

export class QuestionScoringDto {
  @ApiProperty({ type: [ActionWeightDto] }) actions: ActionWeightDto[];
  @ApiPropertyOptional({ description: 'number: worst -> 0, best -> 100, clamped' }) linear?: { worst: number; best: number };
  @ApiPropertyOptional({ description: 'boolean: maturity for yes and no' }) boolean?: { yes: number; no: number };
}

export class QuestionDto {
  @ApiProperty({ example: 'procurement.lifespan_policy', description: 'Stable across template versions' }) id: string;
  @ApiProperty({ enum: ['single_choice', 'multi_choice', 'boolean', 'number', 'scale', 'text'] }) type: string;
  @ApiProperty({ type: I18nTextDto }) label: I18nTextDto;
  @ApiPropertyOptional({ type: I18nTextDto }) help?: I18nTextDto;
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ type: [QuestionOptionDto] }) options?: QuestionOptionDto[];
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
  @ApiPropertyOptional() integer?: boolean;
  @ApiPropertyOptional({ type: I18nTextDto }) unit?: I18nTextDto;
  @ApiPropertyOptional() maxLength?: number;
  @ApiPropertyOptional({ type: ShowIfDto }) showIf?: ShowIfDto;
  @ApiPropertyOptional({
    type: ShowIfDto,
    description:
      'Not applicable to the organisation (hidden, out of every score) when the profile question it names has a known answer that does not match',
  })
  applicableIf?: ShowIfDto;
  @ApiPropertyOptional({
    description: 'boolean and number questions: the value "dont_know" is accepted (choice questions have a "dont_know" option)',
  })
  dontKnow?: boolean;
  @ApiPropertyOptional({ type: QuestionScoringDto }) scoring?: QuestionScoringDto;
}

export class SectionDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: I18nTextDto }) title: I18nTextDto;
  @ApiPropertyOptional({ type: I18nTextDto }) description?: I18nTextDto;
  @ApiPropertyOptional({ type: ShowIfDto, description: 'When it does not hold the section has no score and is out of the floor rule' })
  applicableIf?: ShowIfDto;
  @ApiProperty({ type: [QuestionDto] }) questions: QuestionDto[];
}

export class WordingDto {
  @ApiProperty({ example: 'organisation.kind', description: 'The profile question whose answer picks the words' }) questionId: string;
  @ApiProperty({
    description:
      'term -> answer (option id, or "default" while unanswered) -> { fr, en }. Texts say {term}: ' +
      '{people} is "employees", "agents" or "staff and volunteers"; GET with ?kind= to have them replaced',
    example: { people: { company: { fr: 'salariés', en: 'employees' }, default: { fr: 'membres du personnel', en: 'staff' } } },
  })
  terms: Record<string, Record<string, I18nTextDto>>;
}

export class QuestionnaireDto {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: I18nTextDto }) title: I18nTextDto;
  @ApiPropertyOptional({ type: I18nTextDto }) description?: I18nTextDto;
  @ApiPropertyOptional({ type: WordingDto, description: 'Version 2 on: words by kind of organisation for the {term} placeholders' })
  wording?: WordingDto;
  @ApiProperty({ type: [SectionDto] }) sections: SectionDto[];
}

export class TemplateQuery {
  @ApiPropertyOptional({
    example: 'public_body',
    description:
      'Word the texts for this kind of organisation (an option of the wording question: company, public_body, association; ' +
      '"default" for the neutral words). Without it the texts keep their {term} placeholders.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^[a-z_]+$/, { message: 'kind must be a kind of organisation such as company, public_body or association' })
  kind?: string;
}

export class ActionDto {
  @ApiProperty({ example: 'extend-lifespan' }) id: string;
  @ApiProperty({ enum: ['user', 'company', 'collective'] }) category: string;
  @ApiProperty({ type: I18nTextDto }) title: I18nTextDto;
  @ApiProperty({ type: I18nTextDto }) description: I18nTextDto;
  @ApiProperty({ minimum: 1, maximum: 5 }) impactWeight: number;
  @ApiProperty({ description: 'Key messages (1-7) of the workshop that justify the weight, and why' })
  justification: { keyMessages: number[]; text: I18nTextDto };
  @ApiProperty({ enum: ['low', 'medium', 'high'] }) effort: string;
  @ApiProperty({ enum: ['procurement', 'it_operations', 'product_development', 'management', 'all_staff'] }) ownerRole: string;
  @ApiProperty({ type: I18nTextDto }) indicator: I18nTextDto;
  @ApiProperty({ type: [I18nTextDto] }) nextSteps: I18nTextDto[];
  @ApiPropertyOptional({ enum: ['lifespan', 'refurbished', 'fewer_screens', 'switch_off'] }) lever?: string;
  @ApiProperty({
    enum: ['lever', 'foundation'],
    description: 'lever: changes the footprint directly; foundation: makes levers possible (ranked apart, methodology scoring-2)',
  })
  kind: string;
  @ApiPropertyOptional({ type: [String], description: 'Foundations: the levers they make possible' }) enables?: string[];
  @ApiPropertyOptional({
    type: ShowIfDto,
    description: 'Applies only when this condition on a profile question holds (same language as showIf)',
  })
  applicableIf?: ShowIfDto;
}

export function toSummaries(templates: QuestionnaireTemplate[]): QuestionnaireSummaryDto[] {
  const byId = new Map<string, QuestionnaireTemplate[]>();
  for (const t of templates) byId.set(t.id, [...(byId.get(t.id) ?? []), t]);
  return [...byId.values()].map((versions) => {
    const sorted = [...versions].sort((a, b) => a.version - b.version);
    const newest = sorted[sorted.length - 1];
    return { id: newest.id, version: newest.version, title: newest.title, versions: sorted.map((v) => v.version) };
  });
}
