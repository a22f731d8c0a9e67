import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * From plan to progress: the actions an organisation commits to from an assessment's priorities
 * (owner, due date or quarter, status, indicator with baseline, target and measured values,
 * checklist, notes, optimistic version), their audit trail, the revocable secret of the
 * organisation's iCalendar feed of due dates, and the organisation's time zone.
 * Plain PostgreSQL (13+): gen_random_uuid() is core.
 */
export class Plan1764403200000 implements MigrationInterface {
  name = 'Plan1764403200000';

  async up(q: QueryRunner): Promise<void> {
    // IANA name, e.g. Europe/Paris; null: derived from the organisation's country.
    await q.query(`ALTER TABLE organisations ADD COLUMN time_zone text`);

    await q.query(`
      CREATE TABLE plan_commitments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        action_id text NOT NULL,
        owner_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        owner_role text,
        due_date date,
        due_kind text CHECK (due_kind IN ('date', 'quarter')),
        status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'done', 'dropped')),
        drop_reason text,
        baseline jsonb,
        target jsonb,
        measurements jsonb NOT NULL DEFAULT '[]'::jsonb,
        checklist jsonb NOT NULL DEFAULT '[]'::jsonb,
        notes text,
        adopted jsonb NOT NULL,
        carried_from_id uuid REFERENCES plan_commitments(id) ON DELETE SET NULL,
        version int NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CONSTRAINT ck_plan_commitments_due CHECK ((due_date IS NULL) = (due_kind IS NULL)),
        CONSTRAINT ck_plan_commitments_dropped_reason CHECK (status <> 'dropped' OR drop_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX idx_plan_commitments_organisation_id ON plan_commitments (organisation_id)`);
    await q.query(`CREATE UNIQUE INDEX uq_plan_commitments_assessment_action ON plan_commitments (assessment_id, action_id)`);
    // The dashboard's overdue headline and the calendar feed read open commitments by due date.
    await q.query(
      `CREATE INDEX idx_plan_commitments_open_due ON plan_commitments (organisation_id, due_date) WHERE status IN ('not_started', 'in_progress')`,
    );
    await q.query(`CREATE INDEX idx_plan_commitments_carried_from ON plan_commitments (carried_from_id) WHERE carried_from_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE plan_audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        commitment_id uuid,
        action_id text,
        action text NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        version int,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_plan_audit_events_organisation_id ON plan_audit_events (organisation_id)`);
    await q.query(`CREATE INDEX idx_plan_audit_events_assessment_at ON plan_audit_events (assessment_id, at)`);

    await q.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        secret_hash text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT uq_calendar_feeds_secret_hash UNIQUE (secret_hash)
      )`);
    await q.query(`CREATE INDEX idx_calendar_feeds_organisation_id ON calendar_feeds (organisation_id)`);
    // At most one live feed per organisation: creating a new one revokes the old.
    await q.query(`CREATE UNIQUE INDEX uq_calendar_feeds_live ON calendar_feeds (organisation_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_feeds`);
    await q.query(`DROP TABLE plan_audit_events`);
    await q.query(`DROP TABLE plan_commitments`);
    await q.query(`ALTER TABLE organisations DROP COLUMN time_zone`);
  }
}
