import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations (tenants) and their users. gen_random_uuid() is core PostgreSQL >= 13, so it works on PGlite too. */
export class Accounts1764396000000 implements MigrationInterface {
  name = 'Accounts1764396000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        sector text,
        country text,
        language text NOT NULL DEFAULT 'fr',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        email text NOT NULL,
        password_hash text,
        role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
        invitation_token_hash text,
        invitation_expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_users_email UNIQUE (email)
      )`);
    await q.query(`CREATE INDEX idx_users_organisation_id ON users (organisation_id)`);
    await q.query(
      `CREATE UNIQUE INDEX uq_users_invitation_token_hash ON users (invitation_token_hash) WHERE invitation_token_hash IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE organisations`);
  }
}
