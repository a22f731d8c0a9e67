import { Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app.config.js';
import { buildDataSourceOptions, isEmbedded, PendingMigrationsError, prepareSchema } from './data-source.js';
import { DataFolderInUseError, EmbeddedCluster, EmbeddedClusterError } from './embedded-cluster.js';
import { carryOverPglite } from './pglite-carry-over.js';

/** Carries the settings and the embedded server from the options factory to the DataSource factory. */
const DB_CONFIG = Symbol('databaseConfig');
const CLUSTER = Symbol('embeddedCluster');

type Options = DataSourceOptions & { [DB_CONFIG]: DatabaseConfig; [CLUSTER]?: EmbeddedCluster };

const FATAL = [PendingMigrationsError, DataFolderInUseError, EmbeddedClusterError];

/**
 * The app's DataSource, from the one definition. Without DATABASE_URL the embedded PostgreSQL server
 * is started first (and stopped when the DataSource is destroyed, after the pool has closed); a data
 * folder of version 0.1 (PGlite) is carried into it; then the schema is checked or migrated before
 * anything serves.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: async (config: ConfigService) => {
        const db = config.getOrThrow<DatabaseConfig>('database');
        const logger = new Logger('Database');
        const cluster = isEmbedded(db)
          ? await EmbeddedCluster.start({ dataDir: db.dataDir, maxConnections: db.poolSize + 10, log: (m) => logger.log(m) })
          : undefined;
        return {
          ...buildDataSourceOptions(db, cluster?.connection),
          [DB_CONFIG]: db,
          [CLUSTER]: cluster,
          retryAttempts: 3,
          retryDelay: 1000,
          // An external server may come up a moment later; the embedded one either started or said why not.
          toRetry: (err: unknown) => !cluster && !FATAL.some((type) => err instanceof type),
          verboseRetryLog: true,
        };
      },
      dataSourceFactory: async (options) => {
        const { [DB_CONFIG]: db, [CLUSTER]: cluster } = options as Options;
        const ds = new DataSource(options as DataSourceOptions);
        if (cluster) {
          const destroy = ds.destroy.bind(ds);
          ds.destroy = async () => {
            try {
              if (ds.isInitialized) await destroy();
            } finally {
              await cluster.stop();
            }
          };
        }
        try {
          await ds.initialize();
          if (cluster) await carryOverPglite(ds, cluster.dataDir, new Logger('Database'));
          await prepareSchema(ds, db);
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
