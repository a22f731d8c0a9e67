import { DataSource } from 'typeorm';
import { databaseConfig } from '../config/app.config.js';
import { buildDataSourceOptions } from './data-source.js';

/** What the TypeORM CLI loads (`npm run migration:run|generate|revert`): the app's own definition, from the same environment. */
export default new DataSource(buildDataSourceOptions(databaseConfig()));
