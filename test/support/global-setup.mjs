// Once per test run. Without DATABASE_URL, one embedded PostgreSQL cluster (the service's own
// embedded server, src/database/embedded-cluster.ts, in a throw-away folder) serves the whole run;
// with DATABASE_URL, that server does. Either way each test file creates its own fresh databases on
// it (test/support/test-app.ts), so the suite runs the same code on both and no test pays a start.
// Jest's global set-up runs outside its TypeScript transform: Node's own type stripping loads the
// cluster module, which is written in erasable TypeScript for that reason.
export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const { EmbeddedCluster } = await import('../../src/database/embedded-cluster.ts');
  const cluster = await EmbeddedCluster.start({ dataDir: 'memory://', maxConnections: 400 });
  globalThis.__EMBEDDED_TEST_CLUSTER__ = cluster;
  // Workers are started after the global set-up and inherit this environment.
  process.env.TEST_DATABASE_URL = cluster.url('postgres');
}
