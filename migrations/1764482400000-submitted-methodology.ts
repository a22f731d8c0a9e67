import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scoring methodology an assessment was submitted under, so that its figures are not silently
 * changed by a newer methodology (results show both where they differ). Assessments submitted
 * before this column existed were scored with methodology scoring-1, the only one there was.
 */
export class SubmittedMethodology1764482400000 implements MigrationInterface {
  name = 'SubmittedMethodology1764482400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assessments ADD COLUMN methodology_version text`);
    await q.query(`UPDATE assessments SET methodology_version = 'scoring-1' WHERE status = 'submitted'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assessments DROP COLUMN methodology_version`);
  }
}
