import { Organisation } from '../accounts/organisation.entity.js';
import { User } from '../accounts/user.entity.js';

/** Every entity, listed once: the app and the migration CLI read the same list. */
export const ENTITIES = [Organisation, User];
