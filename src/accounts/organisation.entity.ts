import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The tenant: every other tenant-owned row carries its id. */
@Entity({ name: 'organisations' })
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  sector: string | null;

  /** ISO 3166 alpha-2, used as the default electricity zone. */
  @Column({ type: 'text', nullable: true })
  country: string | null;

  /** Default language of reports: fr or en. */
  @Column({ type: 'text', default: 'fr' })
  language: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
