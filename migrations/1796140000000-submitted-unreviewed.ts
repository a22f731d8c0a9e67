import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The carried-over answers an owner chose to submit without confirming them (question ids; null when
 * there were none, and while a draft). The choice is also in the audit trail (the "submitted" event).
 */
export class SubmittedUnreviewed1796140000000 implements MigrationInterface {
  name = 'SubmittedUnreviewed1796140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assessments ADD COLUMN submitted_unreviewed jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assessments DROP COLUMN submitted_unreviewed`);
  }
}
