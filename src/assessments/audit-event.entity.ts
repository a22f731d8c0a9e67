import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AnswerValue } from '../questionnaires/template.types.js';
import type { AnswerSource } from './answer.entity.js';

/** prefilled: a profile answer given at sign-up, filled in when the assessment was started. */
export type AuditAction = 'answered' | 'cleared' | 'confirmed' | 'carried_over' | 'prefilled' | 'submitted' | 'reopened' | 'created';

/** The audit trail: every change to an assessment, who made it and when, old and new values. Append-only. */
@Entity({ name: 'audit_events' })
@Index('idx_audit_events_organisation_id', ['organisationId'])
@Index('idx_audit_events_assessment_at', ['assessmentId', 'at'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  @Column({ name: 'question_id', type: 'text', nullable: true })
  questionId: string | null;

  @Column({ type: 'text' })
  action: AuditAction;

  @Column({ name: 'old_value', type: 'jsonb', nullable: true })
  oldValue: AnswerValue | null;

  @Column({ name: 'new_value', type: 'jsonb', nullable: true })
  newValue: AnswerValue | null;

  @Column({ name: 'old_comment', type: 'text', nullable: true })
  oldComment: string | null;

  @Column({ name: 'new_comment', type: 'text', nullable: true })
  newComment: string | null;

  /** The answer's version after the change. */
  @Column({ type: 'int', nullable: true })
  version: number | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** Who acted, kept after the member is removed (actorId then becomes null). */
  @Column({ name: 'actor_email', type: 'text', nullable: true })
  actorEmail: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** Set when the change came from an inventory import (file, rows, who applied it), null when typed. */
  @Column({ type: 'jsonb', nullable: true })
  source: AnswerSource | null;
}
