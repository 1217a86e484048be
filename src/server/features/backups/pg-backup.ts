import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { DbOrTrx } from '#server/db/database.ts';
import { AppError } from '#server/errors.ts';
import { countRows, findLatestMigrationName } from './backups.repository';
import { COUNTED_TABLES } from './sqlite-backup';

const run = promisify(execFile);

const toolMissing = (tool: string) =>
  new AppError(
    'backup_tool_missing',
    503,
    `O programa ${tool} não está instalado neste servidor. Instale o pacote postgresql-client (apt-get install postgresql-client).`,
  );

/** pg_dump in its custom format (compressed, restorable table by table with pg_restore). */
export async function dumpPostgres(url: string, file: string): Promise<void> {
  try {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw toolMissing('pg_dump');
    throw error;
  }
}

/** The dump's table of contents lists the data of every main table; throws when it does not. */
export async function verifyPostgresDump(file: string): Promise<void> {
  let listing: string;
  try {
    listing = (await run('pg_restore', ['--list', file], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw toolMissing('pg_restore');
    throw error;
  }
  for (const table of ['kysely_migration', ...COUNTED_TABLES]) {
    if (!new RegExp(`TABLE DATA \\S+ ${table} `).test(listing)) throw new Error(`the dump has no data for ${table}`);
  }
}

/** The schema version and row counts of the live database, read in one snapshot. */
export async function countPostgres(db: DbOrTrx): Promise<{ schemaVersion: string; counts: Record<string, number> }> {
  const latest = await findLatestMigrationName(db);
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) counts[table] = await countRows(db, table);
  return { schemaVersion: latest ?? 'unknown', counts };
}
