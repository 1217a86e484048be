import { sql } from 'kysely';
import type { DbOrTrx } from '#server/db/database.ts';

/** VACUUM INTO (SQLite): one snapshot of the live database, written as a compact standalone file. */
export async function vacuumInto(db: DbOrTrx, file: string): Promise<void> {
  await sql`vacuum into ${file}`.execute(db);
}

/** The newest migration applied: the schema version a backup's manifest names (PostgreSQL). */
export async function findLatestMigrationName(db: DbOrTrx): Promise<string | undefined> {
  const latest = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return latest.rows[0]?.name;
}

/** The rows in one table (PostgreSQL: count(*) is a bigint, read as an int). */
export async function countRows(db: DbOrTrx, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
