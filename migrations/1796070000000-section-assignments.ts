import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sections assigned to colleagues: at most one member holds a section of an assessment (the buyer
 * the procurement section, a product lead eco-design). The member and the assessment belong to the
 * assignment's organisation (checked by the service; the foreign keys remove the assignment with
 * the member or the assessment). Every assignment and clearing is kept in an append-only trail,
 * with the e-mails, so it still reads after the member is removed.
 */
export class SectionAssignments1796070000000 implements MigrationInterface {
  name = 'SectionAssignments1796070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE section_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        section_id text NOT NULL CONSTRAINT section_assignments_section_id_check CHECK (length(section_id) BETWEEN 1 AND 100),
        assignee_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        assigned_by uuid REFERENCES users(id) ON DELETE SET NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_section_assignments_assessment_section UNIQUE (assessment_id, section_id)
      )
    `);
    await q.query(`CREATE INDEX idx_section_assignments_organisation_id ON section_assignments (organisation_id)`);
    await q.query(`CREATE INDEX idx_section_assignments_assignee_id ON section_assignments (assignee_id)`);
    await q.query(`
      CREATE TABLE section_assignment_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        section_id text NOT NULL,
        action text NOT NULL CONSTRAINT section_assignment_events_action_check CHECK (action IN ('assigned', 'cleared')),
        assignee_id uuid REFERENCES users(id) ON DELETE SET NULL,
        assignee_email text,
        previous_assignee_email text,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        actor_email text,
        at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await q.query(`CREATE INDEX idx_section_assignment_events_organisation_id ON section_assignment_events (organisation_id)`);
    await q.query(`CREATE INDEX idx_section_assignment_events_assessment_at ON section_assignment_events (assessment_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE section_assignment_events`);
    await q.query(`DROP TABLE section_assignments`);
  }
}
