/**
 * An answer save as ONE SQL statement (one round trip, no explicit transaction): it checks that the
 * assessment is a draft of the caller's organisation, writes the answer if its version still
 * matches, and inserts the audit row with the old and new values and comments.
 *
 * Why it cannot land in a submitted assessment: the statement reads the assessment `FOR KEY SHARE`
 * with `status = 'draft'` in its WHERE clause. Submit first takes the row `FOR UPDATE`, which
 * conflicts with KEY SHARE: a save already holding its lock makes submit wait until the answer is
 * committed (submit then reads it when it checks the required questions), and a save arriving while
 * submit holds the row waits for submit's commit, after which PostgreSQL re-checks the WHERE clause
 * on the newest version of the row (READ COMMITTED locking reads), finds `submitted`, and the
 * statement writes nothing. KEY SHARE is the lock every audit row's foreign key already takes on the
 * assessment, so saves do not queue behind one another, unlike the former `FOR SHARE` read held
 * over four statements in a transaction (see test/answer-save-concurrency.e2e-spec.ts).
 *
 * The answer row is read `FOR UPDATE` in the same statement, so a save without `expectedVersion`
 * waits for a concurrent save of the same answer and then replaces the newest version (last writer
 * wins, as before); with `expectedVersion` the version check runs against that newest version.
 */
import type { EntityManager } from 'typeorm';
import type { AnswerValue } from '../questionnaires/template.types.js';
import type { AnswerSource } from './answer.entity.js';

export interface AnswerSaveParams {
  assessmentId: string;
  organisationId: string;
  questionId: string;
  value: AnswerValue;
  /** undefined: keep the current comment. */
  comment: string | null | undefined;
  expectedVersion: number | undefined;
  userId: string;
  actorEmail: string;
  source: AnswerSource | null;
}

/** An answer row as the statement returns it. */
export interface SavedAnswerRow {
  id: string;
  organisation_id: string;
  assessment_id: string;
  question_id: string;
  value: AnswerValue | null;
  comment: string | null;
  version: number;
  carried_over: boolean;
  answered_by: string | null;
  updated_at: Date;
  source: AnswerSource | null;
}

/**
 * - `written`: the answer was written (and audited); `answer` is the new row.
 * - `unchanged`: same value and comment as the current answer, which is not a carried-over one to
 *   confirm: nothing written; `answer` is the current row.
 * - `stale`: `expectedVersion` does not match, or a colleague's first answer was inserted at the same
 *   moment; `answer` is the current row when the statement saw one.
 * - `not-draft`: no draft assessment of that id in the organisation (absent, or submitted).
 */
export type AnswerSaveOutcome =
  | { outcome: 'written' | 'unchanged'; answer: SavedAnswerRow }
  | { outcome: 'stale'; answer: SavedAnswerRow | null }
  | { outcome: 'not-draft'; answer: null };

const COLUMNS = [
  'id',
  'organisation_id',
  'assessment_id',
  'question_id',
  'value',
  'comment',
  'version',
  'carried_over',
  'answered_by',
  'updated_at',
  'source',
];

/** The statement's name for the server-side prepared statement (parsed and planned once per connection). */
export const SAVE_ANSWER_STATEMENT_NAME = 'fresque_save_answer_v1';

export const SAVE_ANSWER_SQL = `
WITH a AS (
  SELECT id FROM assessments
   WHERE id = $1::uuid AND organisation_id = $2::uuid AND status = 'draft'
   FOR KEY SHARE
),
cur AS (
  SELECT ${COLUMNS.join(', ')} FROM answers
   WHERE assessment_id = (SELECT id FROM a) AND organisation_id = $2::uuid AND question_id = $3::text
   FOR UPDATE
),
d AS (
  SELECT a.id AS assessment_id, c.id AS answer_id, c.value AS old_value, c.comment AS old_comment,
         c.version AS old_version, coalesce(c.carried_over, false) AS carried_over,
         CASE WHEN $6::boolean THEN $5::text ELSE c.comment END AS new_comment,
         -- The version the client read matches; a client that saw no answer (0) may write a cleared one.
         coalesce($7::int IS NULL OR c.version = $7::int OR ($7::int = 0 AND c.value IS NULL), false) AS version_ok
    FROM a LEFT JOIN cur c ON true
),
s AS (
  SELECT d.*, coalesce(d.old_value IS NOT NULL AND d.old_value = $4::jsonb AND d.old_comment IS NOT DISTINCT FROM d.new_comment, false) AS unchanged
    FROM d
),
upd AS (
  UPDATE answers x
     SET value = $4::jsonb, comment = s.new_comment, version = x.version + 1, carried_over = false,
         answered_by = $8::uuid, updated_at = now(), source = $10::jsonb
    FROM s
   -- No "version = s.old_version" here: the row is locked by cur (the newest version), while this scan
   -- sees the statement's snapshot, which may predate a save committed while cur waited for the lock.
   WHERE x.id = s.answer_id AND s.version_ok AND NOT (s.unchanged AND NOT s.carried_over)
  RETURNING ${COLUMNS.map((c) => `x.${c}`).join(', ')}
),
ins AS (
  INSERT INTO answers (organisation_id, assessment_id, question_id, value, comment, version, carried_over, answered_by, updated_at, source)
  SELECT $2::uuid, s.assessment_id, $3::text, $4::jsonb, s.new_comment, 1, false, $8::uuid, now(), $10::jsonb
    FROM s WHERE s.answer_id IS NULL AND s.version_ok
  ON CONFLICT (assessment_id, question_id) DO NOTHING
  RETURNING ${COLUMNS.join(', ')}
),
w AS (SELECT * FROM upd UNION ALL SELECT * FROM ins),
audit AS (
  INSERT INTO audit_events (organisation_id, assessment_id, question_id, action, old_value, new_value, old_comment, new_comment,
                            version, actor_id, actor_email, at, source)
  SELECT $2::uuid, w.assessment_id, $3::text, CASE WHEN s.unchanged AND s.carried_over THEN 'confirmed' ELSE 'answered' END,
         s.old_value, $4::jsonb, s.old_comment, s.new_comment, w.version, $8::uuid, $9::text, $11::timestamptz, $10::jsonb
    FROM w CROSS JOIN s
)
SELECT CASE
         WHEN w.id IS NOT NULL THEN 'written'
         WHEN s.assessment_id IS NULL THEN 'not-draft'
         WHEN s.version_ok AND s.unchanged AND NOT s.carried_over THEN 'unchanged'
         ELSE 'stale'
       END AS outcome,
       ${COLUMNS.map((col) => `coalesce(w.${col}, c.${col}) AS ${col}`).join(',\n       ')}
  FROM (SELECT 1) one
  LEFT JOIN s ON true
  LEFT JOIN w ON true
  LEFT JOIN cur c ON w.id IS NULL`;

/** Something that runs one parameterised statement: a `pg` pool (prepared statement) or a TypeORM transaction's manager. */
export type StatementRunner =
  | { kind: 'pool'; query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> }
  | { kind: 'manager'; manager: EntityManager };

/** Runs the save statement; see the module comment for what it guarantees. */
export async function runAnswerSave(runner: StatementRunner, p: AnswerSaveParams): Promise<AnswerSaveOutcome> {
  const values = [
    p.assessmentId,
    p.organisationId,
    p.questionId,
    JSON.stringify(p.value),
    p.comment ?? null,
    p.comment !== undefined,
    p.expectedVersion ?? null,
    p.userId,
    p.actorEmail,
    p.source ? JSON.stringify(p.source) : null,
    new Date(), // the audit row's time, taken by the service as for every other audit event
  ];
  const rows =
    runner.kind === 'pool'
      ? (await runner.query({ name: SAVE_ANSWER_STATEMENT_NAME, text: SAVE_ANSWER_SQL, values })).rows
      : ((await runner.manager.query(SAVE_ANSWER_SQL, values)) as unknown[]);
  const row = rows[0] as (SavedAnswerRow & { outcome: AnswerSaveOutcome['outcome'] }) | undefined;
  if (!row) throw new Error('The answer-save statement returned no row');
  const { outcome, ...answer } = row;
  if (outcome === 'not-draft') return { outcome, answer: null };
  if (outcome === 'stale') return { outcome, answer: answer.id ? answer : null };
  return { outcome, answer };
}
