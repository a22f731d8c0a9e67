import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type AssessmentStatus = 'draft' | 'submitted';

/** What copy-forward did, kept with the assessment so the walk can show it. */
export interface CopyForwardSummary {
  fromAssessmentId: string;
  fromYear: number;
  fromTemplateVersion: number;
  copied: number;
  /** The questions whose answers were carried over (absent from summaries written before version 2). */
  carried?: string[];
  /** Questions of the earlier version that this version no longer asks. */
  noLongerAsked: string[];
  /** Questions new in this version (nothing to copy). */
  newQuestions: string[];
  /** Answers that no longer fit the question (an option removed, bounds changed): not copied. */
  notCopied: Array<{ questionId: string; reason: string }>;
}

/** One organisation's assessment for one year, pinned to the template version it started on. */
@Entity({ name: 'assessments' })
@Index('idx_assessments_organisation_id', ['organisationId'])
@Index('uq_assessments_organisation_year', ['organisationId', 'year'], { unique: true })
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ name: 'questionnaire_id', type: 'text' })
  questionnaireId: string;

  @Column({ name: 'template_version', type: 'int' })
  templateVersion: number;

  @Column({ type: 'text', default: 'draft' })
  status: AssessmentStatus;

  @Column({ name: 'copy_forward', type: 'jsonb', nullable: true })
  copyForward: CopyForwardSummary | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  /** The scoring methodology it was submitted under (null while a draft; scoring-1 for those submitted before scoring-2). */
  @Column({ name: 'methodology_version', type: 'text', nullable: true })
  methodologyVersion: string | null;

  /** The carried-over answers an owner submitted without confirming them, by explicit choice (null: none, or a draft). */
  @Column({ name: 'submitted_unreviewed', type: 'jsonb', nullable: true })
  submittedUnreviewed: string[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
