import { PostgresAdapter, sql } from 'kysely';
import type { Db } from './database';

/** Jobs that must run on one node at a time; each name has its own lock. */
export type LeaseName = 'room-sweep' | 'daily-backup' | 'session-sweep';

/** First half of the advisory lock key: MedConnect's own, apart from Kysely's migration lock. */
const LOCK_CLASS = 0x4d43; // 'MC'
const LOCK_IDS: Record<LeaseName, number> = { 'room-sweep': 1, 'daily-backup': 2, 'session-sweep': 3 };

/**
 * Runs `job` unless another node is running the same job right now; returns whether it ran.
 *
 * PostgreSQL (several nodes): a transaction-level advisory lock (`pg_try_advisory_xact_lock`),
 * taken without waiting and held by a transaction open for as long as the job runs. The job
 * itself uses its own connections. The lock goes with the transaction: at the end of the job,
 * on an error, or when the node dies and its connection closes, so a crashed node never keeps
 * the lease. The next tick of any node simply tries again.
 *
 * SQLite: one node only, nothing to share; the job just runs.
 */
export async function withLease(db: Db, name: LeaseName, job: () => Promise<void>): Promise<boolean> {
  if (!isPostgres(db)) {
    await job();
    return true;
  }
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ got: boolean }>`select pg_try_advisory_xact_lock(${sql.lit(LOCK_CLASS)}, ${sql.lit(LOCK_IDS[name])}) as got`.execute(trx);
    if (!rows[0]?.got) return false;
    await job();
    return true;
  });
}

/** Whether this Kysely instance talks to PostgreSQL. */
function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
