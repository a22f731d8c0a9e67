import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['owner', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A person of one organisation. Invited members have no password until they accept. */
@Entity({ name: 'users' })
@Index('idx_users_organisation_id', ['organisationId'])
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  /** Stored lower-cased; unique across the service (a person belongs to one organisation). */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'text' })
  role: Role;

  /** sha256 of the invitation token, until the invitation is accepted. */
  @Column({ name: 'invitation_token_hash', type: 'text', nullable: true })
  invitationTokenHash: string | null;

  @Column({ name: 'invitation_expires_at', type: 'timestamptz', nullable: true })
  invitationExpiresAt: Date | null;

  /** Carried by every access token; raised when the password changes, which ends every session. */
  @Column({ name: 'token_version', type: 'int', default: 1 })
  tokenVersion: number;

  /** sha256 of the one-time password-reset token an owner issued, until it is used or expires. */
  @Column({ name: 'reset_token_hash', type: 'text', nullable: true })
  resetTokenHash: string | null;

  @Column({ name: 'reset_expires_at', type: 'timestamptz', nullable: true })
  resetExpiresAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
