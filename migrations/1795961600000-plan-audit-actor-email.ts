import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan's audit trail keeps who acted by e-mail, as the answers' trail does, so that it still
 * says who changed a commitment after that member is removed (actor_id then matches no one).
 */
export class PlanAuditActorEmail1795961600000 implements MigrationInterface {
  name = 'PlanAuditActorEmail1795961600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_audit_events ADD COLUMN actor_email text`);
    await q.query(`UPDATE plan_audit_events e SET actor_email = u.email FROM users u WHERE u.id = e.actor_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_audit_events DROP COLUMN actor_email`);
  }
}
