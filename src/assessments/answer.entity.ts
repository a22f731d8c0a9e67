import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AnswerValue } from '../questionnaires/template.types.js';

/**
 * One answer per question per assessment. A cleared answer keeps its row (value null) so that
 * its version keeps counting: a client holding an old version can never overwrite silently.
 */
@Entity({ name: 'answers' })
@Index('idx_answers_organisation_id', ['organisationId'])
@Index('uq_answers_assessment_question', ['assessmentId', 'questionId'], { unique: true })
export class Answer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  @Column({ name: 'question_id', type: 'text' })
  questionId: string;

  /** null once cleared. */
  @Column({ type: 'jsonb', nullable: true })
  value: AnswerValue | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'int' })
  version: number;

  /** Copied from last year's assessment and not yet confirmed or changed. */
  @Column({ name: 'carried_over', type: 'boolean', default: false })
  carriedOver: boolean;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Where the current value came from when not typed by a person (an inventory import); a hand edit clears it. */
  @Column({ type: 'jsonb', nullable: true })
  source: AnswerSource | null;
}

/** Provenance of an answer written by an import: the file, its rows, when and by whom it was applied. */
export interface AnswerSource {
  kind: 'inventory-import';
  importId: string;
  fileName: string;
  formatId: string | null;
  rows: number;
  acceptedRows: number;
  appliedAt: string;
  appliedBy: string;
  appliedByEmail: string;
}
