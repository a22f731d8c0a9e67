// Stops the run's embedded PostgreSQL cluster and removes its throw-away folder.
export default async function globalTeardown() {
  await globalThis.__EMBEDDED_TEST_CLUSTER__?.stop();
}
