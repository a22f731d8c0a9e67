/** Request and response shapes of section assignments. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ProgressDto } from '../assessments/assessments.dto.js';
import { I18nTextDto } from '../questionnaires/questionnaires.dto.js';

export class AssignSectionDto {
  @ApiProperty({ format: 'uuid', description: 'A member of your organisation (invited members too)' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;
}

export class AssigneeDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() email: string;
}

export class SectionAssignmentDto {
  @ApiProperty({ format: 'uuid' }) assessmentId: string;
  @ApiProperty() year: number;
  @ApiProperty() sectionId: string;
  @ApiProperty({ type: I18nTextDto }) sectionTitle: I18nTextDto;
  @ApiProperty({ type: AssigneeDto }) assignee: AssigneeDto;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'E-mail of the owner who assigned it' }) assignedBy: string | null;
  @ApiProperty() assignedAt: string;
  @ApiProperty({ type: ProgressDto, description: "The section's visible questions answered" }) progress: ProgressDto;
}

export class AssignmentListDto {
  @ApiProperty({ type: [SectionAssignmentDto], description: 'In the order of the sections' }) assignments: SectionAssignmentDto[];
}

export class AssignmentEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() sectionId: string;
  @ApiProperty({ enum: ['assigned', 'cleared'] }) action: 'assigned' | 'cleared';
  @ApiPropertyOptional({ nullable: true, type: String }) assigneeEmail: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Who held it before' }) previousAssigneeEmail: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actorEmail: string | null;
  @ApiProperty() at: string;
}
