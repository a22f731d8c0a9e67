import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IN_MEMORY, type AuthConfig, type DatabaseConfig } from '../config/app.config.js';

/**
 * JWT_SECRET when given. On the embedded default without one, a random secret is generated
 * once and kept in DATA_DIR/jwt-secret (mode 600), so tokens survive restarts.
 * With DATABASE_URL the variable is required (checked at boot by the env validation).
 */
export function resolveJwtSecret(auth: AuthConfig, db: DatabaseConfig): string {
  if (auth.jwtSecret) return auth.jwtSecret;
  if (db.url) throw new Error('JWT_SECRET is required when DATABASE_URL is set');
  if (db.dataDir === IN_MEMORY) return randomBytes(48).toString('base64url');
  const file = join(db.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(db.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
