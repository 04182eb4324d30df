// Creating and dropping whole databases on a PostgreSQL server, for test and benchmark runs that
// each work in a database of their own.
import pg from 'pg';

/**
 * Drops a database once the connections of a pool just closed on it have gone. A pool's end does
 * not wait for its sockets to close, and FORCE would kill a closing connection whose error then
 * has no listener left (an uncaught exception).
 * @example await dropDatabase('postgres://root@127.0.0.1:5432/test', 'cordon_test_1a2b')
 */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (rows[0]!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
  } finally {
    await client.end();
  }
}
