import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation's profile, given at sign-up (all optional): kind of organisation, kind of public
 * body, headcount, inhabitants (communes and groupings), whether it builds digital services, where its
 * servers run. A new assessment starts with these answers filled in (questionnaire's first section),
 * so nothing is asked twice. Checked here as the API checks them, so that no other writer can store
 * a value the questionnaire would refuse.
 */
export class OrganisationProfile1796050000000 implements MigrationInterface {
  name = 'OrganisationProfile1796050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisations
        ADD COLUMN kind text CONSTRAINT organisations_kind_check CHECK (kind IN ('company', 'public_body', 'association')),
        ADD COLUMN public_body_type text CONSTRAINT organisations_public_body_type_check
          CHECK (public_body_type IN ('commune_grouping', 'other_local_authority', 'state', 'other_public')),
        ADD COLUMN staff_count integer CONSTRAINT organisations_staff_count_check CHECK (staff_count BETWEEN 1 AND 1000000),
        ADD COLUMN inhabitants integer CONSTRAINT organisations_inhabitants_check CHECK (inhabitants BETWEEN 0 AND 100000000),
        ADD COLUMN builds_services boolean,
        ADD COLUMN hosting text[] CONSTRAINT organisations_hosting_check
          CHECK (hosting <@ ARRAY['own_room', 'colocation', 'cloud', 'saas_only']::text[]
                 AND cardinality(hosting) BETWEEN 1 AND 4
                 AND NOT ('saas_only' = ANY (hosting) AND cardinality(hosting) > 1))
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisations
        DROP COLUMN hosting, DROP COLUMN builds_services, DROP COLUMN inhabitants,
        DROP COLUMN staff_count, DROP COLUMN public_body_type, DROP COLUMN kind
    `);
  }
}
