import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The organisation's iCalendar feed of due dates. The URL carries a random secret; only its
 * sha256 is stored, so the URL is shown once, when it is created. Revoking it (or creating a
 * new one) makes the old URL answer 404.
 */
@Entity({ name: 'calendar_feeds' })
@Index('idx_calendar_feeds_organisation_id', ['organisationId'])
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'secret_hash', type: 'text', unique: true })
  secretHash: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy: string | null;
}
