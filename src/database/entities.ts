import { MemberEvent } from '../accounts/member-event.entity.js';
import { Organisation } from '../accounts/organisation.entity.js';
import { User } from '../accounts/user.entity.js';
import { Answer } from '../assessments/answer.entity.js';
import { Assessment } from '../assessments/assessment.entity.js';
import { SectionAssignment, SectionAssignmentEvent } from '../assignments/section-assignment.entity.js';
import { AuditEvent } from '../assessments/audit-event.entity.js';
import { InventoryImport, InventoryMapping, InventoryRules } from '../inventory/inventory.entities.js';
import { CalendarFeed } from '../plan/calendar-feed.entity.js';
import { PlanCommitment } from '../plan/commitment.entity.js';
import { PlanAuditEvent } from '../plan/plan-audit-event.entity.js';

/** Every entity, listed once: the app and the migration CLI read the same list. */
export const ENTITIES = [
  Organisation,
  User,
  MemberEvent,
  Assessment,
  Answer,
  AuditEvent,
  PlanCommitment,
  PlanAuditEvent,
  CalendarFeed,
  InventoryImport,
  InventoryMapping,
  InventoryRules,
  SectionAssignment,
  SectionAssignmentEvent,
];
