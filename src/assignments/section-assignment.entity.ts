import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A section of an assessment held by one member, who answers it (the buyer takes procurement). Tenant-owned. */
@Entity({ name: 'section_assignments' })
@Index('idx_section_assignments_organisation_id', ['organisationId'])
@Index('idx_section_assignments_assignee_id', ['assigneeId'])
@Index('uq_section_assignments_assessment_section', ['assessmentId', 'sectionId'], { unique: true })
export class SectionAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  @Column({ name: 'section_id', type: 'text' })
  sectionId: string;

  @Column({ name: 'assignee_id', type: 'uuid' })
  assigneeId: string;

  @Column({ name: 'assigned_by', type: 'uuid', nullable: true })
  assignedBy: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;
}

export type AssignmentAction = 'assigned' | 'cleared';

/** The trail of assignments: who gave or took back which section, from whom to whom, when. Append-only. */
@Entity({ name: 'section_assignment_events' })
@Index('idx_section_assignment_events_organisation_id', ['organisationId'])
@Index('idx_section_assignment_events_assessment_at', ['assessmentId', 'at'])
export class SectionAssignmentEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  @Column({ name: 'section_id', type: 'text' })
  sectionId: string;

  @Column({ type: 'text' })
  action: AssignmentAction;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  /** Kept after the member is removed. */
  @Column({ name: 'assignee_email', type: 'text', nullable: true })
  assigneeEmail: string | null;

  @Column({ name: 'previous_assignee_email', type: 'text', nullable: true })
  previousAssigneeEmail: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_email', type: 'text', nullable: true })
  actorEmail: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
