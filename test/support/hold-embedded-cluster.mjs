// A process that starts the embedded PostgreSQL server on a data folder exactly as the service does
// (src/database/embedded-cluster.ts, loaded with Node's type stripping), says "ready", then holds it
// until it is killed: the lifecycle tests kill it with SIGKILL to leave an orphaned server behind.
const { EmbeddedCluster } = await import('../../src/database/embedded-cluster.ts');
const cluster = await EmbeddedCluster.start({ dataDir: process.argv[2] });
process.stdout.write(`ready ${cluster.clusterDir}\n`);
setInterval(() => undefined, 60_000);
