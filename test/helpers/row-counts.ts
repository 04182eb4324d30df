// The row count of every table in the public schema: what "stores nothing" is checked against.
import { sql } from 'kysely';
import type { Database } from '../../src/db/connection.ts';

export async function rowCounts(database: Database): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(database.db);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)}`.execute(database.db);
    counts[table_name] = rows[0]!.n;
  }
  return counts;
}
