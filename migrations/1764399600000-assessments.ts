import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Assessments (one per organisation and year), their answers (versioned) and the audit trail. */
export class Assessments1764399600000 implements MigrationInterface {
  name = 'Assessments1764399600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        questionnaire_id text NOT NULL,
        template_version int NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
        copy_forward jsonb,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        submitted_at timestamptz,
        submitted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_assessments_organisation_id ON assessments (organisation_id)`);
    await q.query(`CREATE UNIQUE INDEX uq_assessments_organisation_year ON assessments (organisation_id, year)`);

    await q.query(`
      CREATE TABLE answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        question_id text NOT NULL,
        value jsonb,
        comment text,
        version int NOT NULL CHECK (version >= 1),
        carried_over boolean NOT NULL DEFAULT false,
        answered_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_answers_organisation_id ON answers (organisation_id)`);
    await q.query(`CREATE UNIQUE INDEX uq_answers_assessment_question ON answers (assessment_id, question_id)`);

    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        question_id text,
        action text NOT NULL,
        old_value jsonb,
        new_value jsonb,
        old_comment text,
        new_comment text,
        version int,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_audit_events_organisation_id ON audit_events (organisation_id)`);
    await q.query(`CREATE INDEX idx_audit_events_assessment_at ON audit_events (assessment_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP TABLE answers`);
    await q.query(`DROP TABLE assessments`);
  }
}
