import { Accounts1764396000000 } from './1764396000000-accounts.js';
import { Assessments1764399600000 } from './1764399600000-assessments.js';
import { Plan1764403200000 } from './1764403200000-plan.js';
import { InventoryImports1764406800000 } from './1764406800000-inventory-imports.js';
import { SubmittedMethodology1764482400000 } from './1764482400000-submitted-methodology.js';
import { AccountSecurity1795958000000 } from './1795958000000-account-security.js';
import { PlanAuditActorEmail1795961600000 } from './1795961600000-plan-audit-actor-email.js';
import { OrganisationProfile1796050000000 } from './1796050000000-organisation-profile.js';
import { SectionAssignments1796070000000 } from './1796070000000-section-assignments.js';
import { SubmittedUnreviewed1796140000000 } from './1796140000000-submitted-unreviewed.js';
import { ResultsCache1796180000000 } from './1796180000000-results-cache.js';

/** Every migration, in order of their timestamps. `npm run migration:generate` writes a new file: add it here. */
export const MIGRATIONS = [
  Accounts1764396000000,
  Assessments1764399600000,
  Plan1764403200000,
  InventoryImports1764406800000,
  SubmittedMethodology1764482400000,
  AccountSecurity1795958000000,
  PlanAuditActorEmail1795961600000,
  OrganisationProfile1796050000000,
  SectionAssignments1796070000000,
  SubmittedUnreviewed1796140000000,
  ResultsCache1796180000000,
];
