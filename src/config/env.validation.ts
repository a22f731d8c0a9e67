import { plainToInstance } from 'class-transformer';
import {
  IsBooleanString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  validateSync,
} from 'class-validator';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTrustProxy } from './trust-proxy.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The environment the service accepts. Anything wrong stops the start with the variable's name. */
export class EnvironmentVariables {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: string;

  @IsOptional()
  @IsBooleanString({ message: 'MIGRATE_ON_START must be true or false' })
  MIGRATE_ON_START?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(16)
  REPORT_WORKERS?: number;

  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE?: number;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_STATEMENT_TIMEOUT_MS?: number;

  /** Reverse proxies trusted for X-Forwarded-For (see trust-proxy.ts). */
  @IsOptional()
  @ValidateBy({
    name: 'trustProxy',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && 'value' in parseTrustProxy(value),
      defaultMessage: (args) => {
        const parsed = parseTrustProxy(String(args?.value));
        return 'error' in parsed ? parsed.error : 'TRUST_PROXY is invalid';
      },
    },
  })
  TRUST_PROXY?: string;

  /** Questionnaire versions, action catalogue, key messages and footprint factors (default ./templates). */
  @IsOptional()
  @ValidateBy({
    name: 'folder',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isFolder(value),
      defaultMessage: (args) => `TEMPLATES_DIR must be an existing folder (${resolve(String(args?.value))} is not one)`,
    },
  })
  TEMPLATES_DIR?: string;
}

function isFolder(path: string): boolean {
  try {
    return statSync(resolve(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Used by ConfigModule: returns the typed environment or throws naming every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Record<string, unknown> {
  const numeric = ['PORT', 'LOGIN_RATE_LIMIT', 'REPORT_WORKERS', 'DATABASE_POOL_SIZE', 'DATABASE_STATEMENT_TIMEOUT_MS'];
  const input: Record<string, unknown> = { ...raw };
  for (const key of Object.keys(input)) {
    if (input[key] === '') delete input[key];
  }
  for (const key of numeric) {
    if (typeof input[key] === 'string' && /^-?\d+$/.test(input[key] as string)) input[key] = Number(input[key]);
  }
  const env = plainToInstance(EnvironmentVariables, input, { enableImplicitConversion: false });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (env.DATABASE_URL && !env.JWT_SECRET) {
    throw new Error('Invalid configuration:\n  JWT_SECRET: required when DATABASE_URL is set (at least 32 characters)');
  }
  return { ...raw, ...input };
}
