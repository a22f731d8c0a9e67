import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Baseline, CommitmentStatus, DueKind, Measurement, Target } from './plan.types.js';

/** What the results said about the action when it was adopted: kept so the plan explains itself later. */
export interface AdoptedSnapshot {
  /** Rank and group in the priorities of the assessment, when it was adopted. */
  rank: number | null;
  group: string | null;
  priority: number | null;
  maturity: number | null;
  /** The yearly saving the plan promised (low end where there is a range); null: not quantified. */
  saving: { climateKgCo2ePerYear: number | null; shareOfClimateTotal: number | null; range: { low: number; high: number } | null } | null;
  methodologyVersion: string | null;
}

/** One action an organisation commits to in one assessment's plan. Tenant-owned; optimistic version. */
@Entity({ name: 'plan_commitments' })
@Index('idx_plan_commitments_organisation_id', ['organisationId'])
@Index('uq_plan_commitments_assessment_action', ['assessmentId', 'actionId'], { unique: true })
export class PlanCommitment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  @Column({ name: 'action_id', type: 'text' })
  actionId: string;

  /** A member of the organisation... */
  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId: string | null;

  /** ...or a named role when the owner has no account (e.g. "Responsable des achats"). */
  @Column({ name: 'owner_role', type: 'text', nullable: true })
  ownerRole: string | null;

  /** The due day (the last day of the quarter when due by a quarter), in the organisation's time zone. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ name: 'due_kind', type: 'text', nullable: true })
  dueKind: DueKind | null;

  @Column({ type: 'text', default: 'not_started' })
  status: CommitmentStatus;

  @Column({ name: 'drop_reason', type: 'text', nullable: true })
  dropReason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  baseline: Baseline | null;

  @Column({ type: 'jsonb', nullable: true })
  target: Target | null;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  measurements: Measurement[];

  /** One flag per next step of the action catalogue, in its order. */
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  checklist: boolean[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'jsonb' })
  adopted: AdoptedSnapshot;

  /** The commitment of an earlier plan this one continues. */
  @Column({ name: 'carried_from_id', type: 'uuid', nullable: true })
  carriedFromId: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
