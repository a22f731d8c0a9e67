import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type PlanAuditAction = 'adopted' | 'updated' | 'removed' | 'carried_over';

/** The plan's audit trail: who changed which commitment, when, and each field from -> to. Append-only. */
@Entity({ name: 'plan_audit_events' })
@Index('idx_plan_audit_events_organisation_id', ['organisationId'])
@Index('idx_plan_audit_events_assessment_at', ['assessmentId', 'at'])
export class PlanAuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  /** Kept after the commitment is removed (no foreign key), so the trail still says what it was. */
  @Column({ name: 'commitment_id', type: 'uuid', nullable: true })
  commitmentId: string | null;

  @Column({ name: 'action_id', type: 'text', nullable: true })
  actionId: string | null;

  @Column({ type: 'text' })
  action: PlanAuditAction;

  /** Field -> { from, to }. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  changes: Record<string, { from: unknown; to: unknown }>;

  /** The commitment's version after the change. */
  @Column({ type: 'int', nullable: true })
  version: number | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** Who acted, kept when that member is later removed. */
  @Column({ name: 'actor_email', type: 'text', nullable: true })
  actorEmail: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
