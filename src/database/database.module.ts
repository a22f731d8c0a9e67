import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app.config.js';
import { buildDataSourceOptions, PendingMigrationsError, prepareSchema } from './data-source.js';

/** Carries the database settings from the options factory to the DataSource factory. */
const DB_CONFIG = Symbol('databaseConfig');

/** The app's DataSource, from the one definition; the schema is checked or migrated before anything serves. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        ...buildDataSourceOptions(config.getOrThrow<DatabaseConfig>('database')),
        [DB_CONFIG]: config.getOrThrow<DatabaseConfig>('database'),
        retryAttempts: 3,
        retryDelay: 1000,
        toRetry: (err: unknown) => !(err instanceof PendingMigrationsError),
        verboseRetryLog: true,
      }),
      dataSourceFactory: async (options) => {
        const ds = new DataSource(options as DataSourceOptions);
        await ds.initialize();
        try {
          await prepareSchema(ds, (options as unknown as { [DB_CONFIG]: DatabaseConfig })[DB_CONFIG]);
        } catch (e) {
          await ds.destroy().catch(() => undefined);
          throw e;
        }
        return ds;
      },
    }),
  ],
})
export class DatabaseModule {}
