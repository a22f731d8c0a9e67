import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that can end, limits that hold across instances, and a member trail that outlives members.
 * - users.token_version: every access token carries the version it was issued under; raising it
 *   (password changed or reset) ends every session of that user at once. Tokens issued before this
 *   migration carry no version and are refused: everyone logs in once more.
 * - users.reset_token_hash / reset_expires_at: a one-time password-reset link an owner issues
 *   (sha256 of the token, as for invitations; the token itself is never stored).
 * - revoked_tokens: tokens ended by logging out, until they would have expired anyway.
 * - rate_limits: the login / sign-up / token / invitation budgets, shared by every instance. UNLOGGED:
 *   no WAL for counters that only matter for a minute or an hour (a crash empties the table, which
 *   merely restarts the budgets).
 * - audit_events.actor_email: who acted, kept when the member is later removed (actor_id then
 *   becomes null); filled in for existing events from their actor.
 * - member_events: the organisation's trail of member changes, readable by owners.
 */
export class AccountSecurity1795958000000 implements MigrationInterface {
  name = 'AccountSecurity1795958000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN token_version int NOT NULL DEFAULT 1 CHECK (token_version >= 1),
        ADD COLUMN reset_token_hash text,
        ADD COLUMN reset_expires_at timestamptz`);
    await q.query(`CREATE UNIQUE INDEX uq_users_reset_token_hash ON users (reset_token_hash) WHERE reset_token_hash IS NOT NULL`);

    await q.query(`
      CREATE TABLE revoked_tokens (
        jti uuid PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX idx_revoked_tokens_expires_at ON revoked_tokens (expires_at)`);

    await q.query(`
      CREATE UNLOGGED TABLE rate_limits (
        key text PRIMARY KEY,
        hits int NOT NULL CHECK (hits >= 0),
        window_ends_at timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
    await q.query(`CREATE INDEX idx_rate_limits_window_ends_at ON rate_limits (window_ends_at)`);

    await q.query(`ALTER TABLE audit_events ADD COLUMN actor_email text`);
    await q.query(`UPDATE audit_events e SET actor_email = u.email FROM users u WHERE u.id = e.actor_id`);

    await q.query(`
      CREATE TABLE member_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        action text NOT NULL CHECK (action IN (
          'invited', 'joined', 'role_changed', 'removed', 'reset_link_issued', 'password_reset', 'password_changed'
        )),
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        actor_email text NOT NULL,
        member_id uuid,
        member_email text NOT NULL,
        old_role text,
        new_role text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idx_member_events_organisation_id_at ON member_events (organisation_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE member_events`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN actor_email`);
    await q.query(`DROP TABLE rate_limits`);
    await q.query(`DROP TABLE revoked_tokens`);
    await q.query(`DROP INDEX uq_users_reset_token_hash`);
    await q.query(`ALTER TABLE users DROP COLUMN reset_expires_at, DROP COLUMN reset_token_hash, DROP COLUMN token_version`);
  }
}
