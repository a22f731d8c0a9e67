/**
 * The second reference for the answer-save figure: the least SQL an audited, optimistic answer save
 * needs, behind a bare node:http server on 127.0.0.1, on the same database as the app. Per request:
 * read the body, then ONE prepared statement through `pg` (a pool as large as the app's) that checks
 * the assessment is a draft of the caller's organisation, updates the answer (its row locked, the
 * version it had checked and bumped) and inserts the audit row with the old and new values; then a
 * small JSON answer. No authentication, no validation, no framework: an upper bound for the service.
 * Run as a child process by bench/run.mjs (env: DATABASE_URL, ORGANISATION_ID, USER_ID, POOL_SIZE);
 * prints its port on stdout.
 */
import http from 'node:http';
import pg from 'pg';

const { DATABASE_URL, ORGANISATION_ID, USER_ID } = process.env;
const pool = new pg.Pool({
  connectionString: DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
  application_name: 'fresque-bench-sql',
});

const SQL = `
WITH a AS (
  SELECT id FROM assessments WHERE id = $1::uuid AND organisation_id = $2::uuid AND status = 'draft'
),
old AS (
  SELECT id, value, version FROM answers
   WHERE assessment_id = (SELECT id FROM a) AND question_id = $3::text
   FOR UPDATE
),
upd AS (
  UPDATE answers x SET value = $4::jsonb, version = x.version + 1, answered_by = $5::uuid, updated_at = now()
    FROM old WHERE x.id = old.id
  RETURNING x.assessment_id, x.version, x.updated_at
),
audit AS (
  INSERT INTO audit_events (organisation_id, assessment_id, question_id, action, old_value, new_value, version, actor_id, at)
  SELECT $2::uuid, upd.assessment_id, $3::text, 'answered', old.value, $4::jsonb, upd.version, $5::uuid, now() FROM upd, old
)
SELECT version, updated_at FROM upd`;

const PATH = /^\/api\/v1\/assessments\/([0-9a-f-]{36})\/answers\/([^/?]+)$/;

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const m = PATH.exec(req.url ?? '');
    const send = (status, body) => {
      const buf = Buffer.from(JSON.stringify(body));
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': buf.length });
      res.end(buf);
    };
    if (!m) return send(404, { title: 'Not found' });
    try {
      const questionId = decodeURIComponent(m[2]);
      const { value } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const { rows } = await pool.query({
        name: 'bench_save_answer',
        text: SQL,
        values: [m[1], ORGANISATION_ID, questionId, JSON.stringify(value), USER_ID],
      });
      if (!rows.length) return send(409, { title: 'Not saved' });
      send(200, { questionId, value, version: rows[0].version, updatedAt: rows[0].updated_at.toISOString() });
    } catch (e) {
      process.stderr.write(`SQL baseline: ${e.message}\n`);
      send(500, { title: String(e.message) });
    }
  });
});
server.keepAliveTimeout = 10_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
