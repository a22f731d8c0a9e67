import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['company', 'public_body', 'association'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const PUBLIC_BODY_TYPES = ['commune_grouping', 'other_local_authority', 'state', 'other_public'] as const;
export type PublicBodyType = (typeof PUBLIC_BODY_TYPES)[number];
export const HOSTING = ['own_room', 'colocation', 'cloud', 'saas_only'] as const;
export type Hosting = (typeof HOSTING)[number];

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

  /** Profile given at sign-up (all optional): pre-fills the questionnaire's first section. */
  @Column({ type: 'text', nullable: true })
  kind: OrganisationKind | null;

  @Column({ name: 'public_body_type', type: 'text', nullable: true })
  publicBodyType: PublicBodyType | null;

  /** Headcount: employees, agents, or staff and regular volunteers. */
  @Column({ name: 'staff_count', type: 'integer', nullable: true })
  staffCount: number | null;

  /** Communes and intercommunal groupings: legal population. */
  @Column({ type: 'integer', nullable: true })
  inhabitants: number | null;

  @Column({ name: 'builds_services', type: 'boolean', nullable: true })
  buildsServices: boolean | null;

  /** Where its servers run: own_room, colocation, cloud, or saas_only alone. */
  @Column({ type: 'text', array: true, nullable: true })
  hosting: Hosting[] | null;

  /** Default language of reports: fr or en. */
  @Column({ type: 'text', default: 'fr' })
  language: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
