import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inventory import from asset-management exports: the imports (what is kept once the file is
 * parsed and dropped: row counts, per-signature aggregates, rejected rows' lines and reasons,
 * never a name, serial number, user or e-mail), the column mappings an organisation saved for
 * files no format recognises, its own classification rules, and the provenance of an answer
 * (on the answer while it stands, and on each audit event).
 */
export class InventoryImports1764406800000 implements MigrationInterface {
  name = 'InventoryImports1764406800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inventory_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        file_name text NOT NULL,
        file_bytes int NOT NULL CHECK (file_bytes >= 0),
        file_kind text NOT NULL CHECK (file_kind IN ('csv', 'xlsx')),
        encoding text,
        delimiter text,
        sheet text,
        format_id text,
        headers jsonb NOT NULL,
        mapping jsonb NOT NULL,
        default_class text,
        as_of date NOT NULL,
        row_count int NOT NULL CHECK (row_count >= 0),
        accepted_count int NOT NULL CHECK (accepted_count >= 0),
        rejected_count int NOT NULL CHECK (rejected_count >= 0),
        rejected jsonb NOT NULL DEFAULT '[]'::jsonb,
        rejected_by_reason jsonb NOT NULL DEFAULT '{}'::jsonb,
        groups jsonb NOT NULL DEFAULT '[]'::jsonb,
        warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
        age_from text,
        parse_ms int,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        applied_at timestamptz,
        applied_by uuid REFERENCES users(id) ON DELETE SET NULL,
        applied jsonb
      )`);
    await q.query(`CREATE INDEX idx_inventory_imports_organisation_id ON inventory_imports (organisation_id)`);
    await q.query(`CREATE INDEX idx_inventory_imports_assessment_created ON inventory_imports (assessment_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE inventory_mappings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        fingerprint text NOT NULL,
        headers jsonb NOT NULL,
        mapping jsonb NOT NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_inventory_mappings_organisation_id ON inventory_mappings (organisation_id)`);
    await q.query(
      `CREATE UNIQUE INDEX uq_inventory_mappings_organisation_fingerprint ON inventory_mappings (organisation_id, fingerprint)`,
    );

    await q.query(`
      CREATE TABLE inventory_rules (
        organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
        rules jsonb NOT NULL DEFAULT '[]'::jsonb,
        version int NOT NULL DEFAULT 1 CHECK (version >= 1),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Where an answer came from while it stands (null: typed by a person); a hand edit clears it.
    await q.query(`ALTER TABLE answers ADD COLUMN source jsonb`);
    await q.query(`ALTER TABLE audit_events ADD COLUMN source jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP COLUMN source`);
    await q.query(`ALTER TABLE answers DROP COLUMN source`);
    await q.query(`DROP TABLE inventory_rules`);
    await q.query(`DROP TABLE inventory_mappings`);
    await q.query(`DROP TABLE inventory_imports`);
  }
}
