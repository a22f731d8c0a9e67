import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Computed results documents (`GET .../results`), one per assessment and methodology, with the key
 * of everything they were computed from (src/results/results-cache.ts): shared by every instance,
 * a document whose key is no longer current is recomputed and replaced, never served.
 */
export class ResultsCache1796180000000 implements MigrationInterface {
  name = 'ResultsCache1796180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE results_cache (
        assessment_id uuid NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        methodology text NOT NULL,
        key text NOT NULL,
        body text NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_results_cache PRIMARY KEY (assessment_id, methodology)
      )`);
    await q.query(`CREATE INDEX idx_results_cache_organisation_id ON results_cache (organisation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE results_cache`);
  }
}
