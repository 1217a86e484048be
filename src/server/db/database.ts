import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '#server/config.ts';
import type { Database } from './types';

export type Db = Kysely<Database>;
/** Repositories take either the database or an open transaction. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;

/** How the app's PostgreSQL connections name themselves. */
export const APP_NAME = 'medconnect';

/** Opens the configured database: SQLite (WAL, foreign keys, busy timeout) or PostgreSQL. */
export function createDb(database: Config['database']): Db {
  if (database.kind === 'postgres') {
    // COUNT(*) and BIGINT come back as strings by default; our counts fit in a JS number.
    pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
    // Named, so a restore can see whether any MedConnect node is still connected (pg_stat_activity).
    const pool = new pg.Pool({ connectionString: database.url, max: 10, application_name: APP_NAME });
    // An idle connection can be cut by the server (restart, failover, DROP DATABASE ... FORCE). Without a
    // listener pg re-emits that as an unhandled 'error' and the process dies; the pool already drops the client.
    pool.on('error', (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true });
  const sqlite = new SQLite(database.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** The current instant as stored in the database. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** One cheap read that fails when the database is unreachable (the health check). */
export async function pingDb(db: Db): Promise<void> {
  await db.selectFrom('users').select('id').limit(1).execute();
}
