import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './user.entity.js';

export const MEMBER_ACTIONS = [
  'invited',
  'joined',
  'role_changed',
  'removed',
  'reset_link_issued',
  'password_reset',
  'password_changed',
] as const;
export type MemberAction = (typeof MEMBER_ACTIONS)[number];

/**
 * The organisation's trail of member changes: who did what to whom, and when. Append-only. Both
 * people are kept by e-mail, so the trail still reads after either of them is removed.
 */
@Entity({ name: 'member_events' })
@Index('idx_member_events_organisation_id_at', ['organisationId', 'at'])
export class MemberEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  action: MemberAction;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_email', type: 'text' })
  actorEmail: string;

  /** No foreign key: the member may since have been removed. */
  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId: string | null;

  @Column({ name: 'member_email', type: 'text' })
  memberEmail: string;

  @Column({ name: 'old_role', type: 'text', nullable: true })
  oldRole: Role | null;

  @Column({ name: 'new_role', type: 'text', nullable: true })
  newRole: Role | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
