import { DataSource } from 'typeorm';
import { databaseConfig } from '../config/app.config.js';
import { buildDataSourceOptions, isEmbedded } from './data-source.js';
import { EmbeddedCluster } from './embedded-cluster.js';

/**
 * What the TypeORM CLI loads (`npm run migration:run|generate|revert|show`): the app's own
 * definition, from the same environment. Without DATABASE_URL it works on the embedded server under
 * DATA_DIR (started for the command, stopped when the CLI closes the DataSource), so it refuses, as
 * the service does, while a service runs on that folder.
 */
const db = databaseConfig();
const cluster = isEmbedded(db)
  ? await EmbeddedCluster.start({ dataDir: db.dataDir, log: (m) => process.stderr.write(`${m}\n`) })
  : undefined;
const dataSource = new DataSource(buildDataSourceOptions(db, cluster?.connection));
if (cluster) {
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    try {
      await destroy();
    } finally {
      await cluster.stop();
    }
  };
}

export default dataSource;
