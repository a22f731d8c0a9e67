import { registerAs } from '@nestjs/config';
import { resolve } from 'node:path';

export interface AppConfig {
  port: number;
  logLevel: string;
  loginRateLimit: number;
  reportWorkers: number;
}

export interface DatabaseConfig {
  /** Set: a PostgreSQL server. Unset: the embedded PostgreSQL server under dataDir. */
  url?: string;
  dataDir: string;
  migrateOnStart: boolean;
  /** Connections in the service's pool. */
  poolSize: number;
  /** How long a request waits for a connection before a 503. */
  connectTimeoutMs: number;
  /** The longest a statement (and a lock wait) may run before it is cancelled. */
  statementTimeoutMs: number;
}

export interface AuthConfig {
  /** Undefined on the embedded default until the secret file under DATA_DIR is read or created. */
  jwtSecret?: string;
  tokenTtlSeconds: number;
}

export const appConfig = registerAs('app', (): AppConfig => ({
  port: Number(process.env.PORT ?? 3000),
  logLevel: process.env.LOG_LEVEL ?? 'info',
  loginRateLimit: Number(process.env.LOGIN_RATE_LIMIT ?? 10),
  reportWorkers: Number(process.env.REPORT_WORKERS ?? 2),
}));

export interface ContentConfig {
  /** Questionnaire versions, action catalogue, key messages, footprint factors and inventory content. */
  templatesDir: string;
}

/** TEMPLATES_DIR (validated: an existing folder), absolute; ./templates when unset. */
export function templatesDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.TEMPLATES_DIR || 'templates');
}

export const contentConfig = registerAs('content', (): ContentConfig => ({ templatesDir: templatesDir() }));

export const databaseConfig = registerAs('database', (): DatabaseConfig => ({
  url: process.env.DATABASE_URL || undefined,
  dataDir: dataDirOf(process.env.DATA_DIR),
  migrateOnStart: process.env.MIGRATE_ON_START === 'true',
  poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  connectTimeoutMs: 5_000,
  statementTimeoutMs: Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 10_000),
}));

/** `memory://`: a throw-away embedded database in a temporary folder, removed at stop; anything else is a folder. */
export const IN_MEMORY = 'memory://';

function dataDirOf(raw: string | undefined): string {
  return raw === IN_MEMORY ? IN_MEMORY : resolve(raw ?? './data');
}

export const authConfig = registerAs('auth', (): AuthConfig => ({
  jwtSecret: process.env.JWT_SECRET || undefined,
  tokenTtlSeconds: 12 * 3600,
}));
