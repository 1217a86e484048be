import { sql } from 'kysely';
import type { DbOrTrx } from '#server/db/database.ts';
import type { ResetLogTable } from '#server/db/types.ts';

/**
 * Every table of the schema and what a reset does with it. A test checks this list against the
 * database itself, so a table added later can't be forgotten: it must be listed here.
 * Order matters: children before the rows they reference.
 */
export const ERASED_TABLES = [
  'payment_events',
  'payment_records',
  'billing_records',
  'payments',
  'closings',
  'fee_changes',
  'doctor_fees',
  'document_verifications',
  'prescription_items',
  'evolution_diagnoses',
  'evolutions',
  'record_access_log',
  'chat_messages',
  'consultations',
  'consents',
  'rooms',
  'invites',
  'password_resets',
  'doctor_patients',
  'doctor_profiles',
  'patient_profiles',
  'login_throttle',
  'audit_log',
] as const;

/** Kept whole, kept in part, or kept by triggers as the rows above go. */
export const KEPT_TABLES = {
  whole: ['kysely_migration', 'kysely_migration_lock', 'reset_log'],
  adminsOnly: ['users', 'photos', 'sessions'],
  resetToDefaults: ['fee_settings'],
  /** Derived from other tables by triggers (counts, search index, billing totals). */
  derived: ['user_counts', 'user_search_keys', 'billing_totals', 'billing_month_totals'],
} as const;

const num = (v: unknown) => Number(v ?? 0);

export async function countRows(db: DbOrTrx, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return num(r.rows[0]?.n);
}

export async function countUsersByRole(db: DbOrTrx): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('users')
    .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('role')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.role, num(r.n)]));
}

/** Starts a reset, unless one is running (the partial unique index): false then. A 'running' row older than an hour is a crashed reset and is marked failed first. */
export async function claimReset(
  db: DbOrTrx,
  row: { id: string; actor_id: string; actor_name: string; actor_email: string; started_at: string },
): Promise<boolean> {
  const stale = new Date(Date.parse(row.started_at) - 3_600_000).toISOString();
  await db
    .updateTable('reset_log')
    .set({ status: 'failed', finished_at: row.started_at, error: 'interrompido' })
    .where('status', '=', 'running')
    .where('started_at', '<', stale)
    .execute();
  const r = await db
    .insertInto('reset_log')
    .values({ ...row, status: 'running', finished_at: null, counts: null, backup_name: null, backup_sha256: null, error: null })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function finishReset(
  db: DbOrTrx,
  id: string,
  set: Partial<Pick<ResetLogTable, 'status' | 'finished_at' | 'counts' | 'backup_name' | 'backup_sha256' | 'error'>>,
): Promise<void> {
  await db.updateTable('reset_log').set(set).where('id', '=', id).execute();
}

export async function listResets(db: DbOrTrx, limit = 50) {
  return db.selectFrom('reset_log').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
}

/** Erases one table whole, returning how many rows went. */
export async function eraseTable(db: DbOrTrx, table: string): Promise<number> {
  const r = await sql`delete from ${sql.table(table)}`.execute(db);
  return num(r.numAffectedRows);
}

/** Everyone but the admins: their photos and sessions, then them. The caller's own session stays. */
export async function eraseNonAdmins(db: DbOrTrx, keepSessionId: string): Promise<{ users: number; photos: number; sessions: number }> {
  const photos = await db
    .deleteFrom('photos')
    .where('user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('role', '!=', 'admin'))
    .executeTakeFirst();
  const sessions = await db.deleteFrom('sessions').where('id', '!=', keepSessionId).executeTakeFirst();
  const users = await db.deleteFrom('users').where('role', '!=', 'admin').executeTakeFirst();
  return { users: num(users.numDeletedRows), photos: num(photos.numDeletedRows), sessions: num(sessions.numDeletedRows) };
}

/** A 'running' reset when no reset can be running (a single node starting): it was interrupted by a crash. */
export async function failRunningResets(db: DbOrTrx, at: string): Promise<number> {
  const r = await db
    .updateTable('reset_log')
    .set({ status: 'failed', finished_at: at, error: 'interrompido' })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
