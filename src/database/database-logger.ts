import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { redactParameters } from '../common/loggable-error.js';

/**
 * TypeORM's messages through the service's logger (structured, with the request's context) rather
 * than the console, and without the query's parameters: they carry e-mails, answers and password
 * hashes, which never reach the logs. Failed queries and migration steps are logged; successful
 * queries are not.
 */
export class DatabaseLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    // PostgreSQL quotes the offending value in some messages: the parameters are redacted there too.
    const message = redactParameters(typeof error === 'string' ? error : error.message, parameters);
    this.logger.warn({ query: oneLine(query) }, `query failed: ${message}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ query: oneLine(query), ms: time }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.log(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}

function oneLine(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().slice(0, 500);
}
