import { Accounts1764396000000 } from './1764396000000-accounts.js';
import { Assessments1764399600000 } from './1764399600000-assessments.js';
import { SubmittedMethodology1764482400000 } from './1764482400000-submitted-methodology.js';

/** Every migration, in order. `npm run migration:generate` writes a new file: add it here. */
export const MIGRATIONS = [Accounts1764396000000, Assessments1764399600000, SubmittedMethodology1764482400000];
