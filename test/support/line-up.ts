import pg from 'pg';

/**
 * Forces the worst interleaving of concurrent requests, rather than hoping for it: a connection of
 * the test locks the rows the requests will touch, the requests are sent, and once `waiters` of the
 * app's sessions are queued behind those locks (or `patienceMs` has passed) the lock is released and
 * they all run against the same starting state. Whatever reads they made before blocking (checks
 * done without a lock) were made while nothing had changed yet: a check-then-write race then loses
 * every time instead of now and then.
 *
 * Needs a database server (a URL): on the in-process embedded database the requests are simply
 * sent together.
 */
export async function lineUp<T>(
  databaseUrl: string | undefined,
  lock: { sql: string; params: unknown[] },
  waiters: number,
  send: () => Promise<T>,
  patienceMs = 20_000,
): Promise<T> {
  if (!databaseUrl) return send();
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'line-up' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(lock.sql, lock.params);
    const sent = send();
    const until = Date.now() + patienceMs;
    while (Date.now() < until) {
      // pg_stat_activity is read once per transaction unless the snapshot is cleared.
      await client.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND application_name <> 'line-up'`,
      );
      if (rows[0].n >= waiters) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await client.query('COMMIT');
    return await sent;
  } finally {
    await client.end();
  }
}
