import { Accounts1764396000000 } from './1764396000000-accounts.js';

/** Every migration, in order. `npm run migration:generate` writes a new file: add it here. */
export const MIGRATIONS = [Accounts1764396000000];
