import SQLite from 'better-sqlite3';
import type { DbOrTrx } from '#server/db/database.ts';
import { vacuumInto } from './backups.repository';

/** The tables a backup's manifest counts, and a reset reports. */
export const COUNTED_TABLES = [
  'users',
  'doctor_profiles',
  'patient_profiles',
  'rooms',
  'consultations',
  'evolutions',
  'billing_records',
  'payments',
  'audit_log',
] as const;

/**
 * A consistent copy of the live SQLite database while the app keeps running: VACUUM INTO reads
 * one snapshot (WAL readers are not blocked) and writes a compact, standalone file.
 */
export async function copySqlite(db: DbOrTrx, file: string): Promise<void> {
  await vacuumInto(db, file);
}

/**
 * Opens a copy read-only and checks it is a whole database: integrity_check says "ok", the
 * migrations table names its schema, and the main tables can be counted. Throws when it is not.
 */
export function verifySqliteCopy(file: string): { schemaVersion: string; counts: Record<string, number> } {
  const copy = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`);
    const latest = copy.prepare('select name from kysely_migration order by name desc limit 1').get() as { name: string } | undefined;
    if (!latest) throw new Error('no migrations table: not a MedConnect database');
    const counts: Record<string, number> = {};
    for (const table of COUNTED_TABLES) counts[table] = (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return { schemaVersion: latest.name, counts };
  } finally {
    copy.close();
  }
}
