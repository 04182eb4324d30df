// The row count of every table in the public schema: what "stores nothing" is checked against.
// `STORES_NOTHING_EXCEPT` are the tables a public request always touches: the request counts of the
// rate limits (hashes of the route and the client network, swept within hours; no address, no ad).
import { sql } from 'kysely';
import type { Database } from '../../src/db/connection.ts';

export const STORES_NOTHING_EXCEPT = ['rate_limits'];

/** The tables of the public schema, by name, but the ones in `except`. */
async function tablesOf(database: Database, except: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(database.db);
  return rows.map((row) => row.table_name).filter((table) => !except.includes(table));
}

export async function rowCounts(database: Database, except: readonly string[] = []): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tablesOf(database, except)) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db);
    counts[table] = rows[0]!.n;
  }
  return counts;
}

/**
 * The same counts in one query, for checking after each of many requests: the list of tables is
 * read once.
 * @example const counts = await rowCounter(database); const before = await counts(); …
 */
export async function rowCounter(database: Database, except: readonly string[] = []): Promise<() => Promise<Record<string, number>>> {
  const tables = await tablesOf(database, except);
  const query = sql<{ counts: Record<string, number> }>`select json_build_object(${sql.join(
    tables.map((table) => sql`${sql.lit(table)}::text, (select count(*)::int from ${sql.table(table)})`),
  )}) as counts`;
  return async () => {
    const { rows } = await query.execute(database.db);
    const counts = rows[0]!.counts;
    return typeof counts === 'string' ? (JSON.parse(counts) as Record<string, number>) : counts;
  };
}
