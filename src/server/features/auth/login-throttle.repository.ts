import type { DbOrTrx } from '#server/db/database.ts';

/**
 * Fixed-window counters kept in the database, so every node of a cluster shares them.
 * Returns the count after adding one, atomically, within a window that restarts once it is older
 * than windowMs.
 */
export async function hit(db: DbOrTrx, key: string, windowMs: number, now: Date): Promise<{ count: number; windowStart: string }> {
  const nowIso = now.toISOString();
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  const row = await db
    .insertInto('login_throttle')
    .values({ key, window_start: nowIso, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('login_throttle.window_start', '<=', cutoff)
          .then(1)
          .else(eb('login_throttle.count', '+', 1))
          .end(),
        window_start: eb.case().when('login_throttle.window_start', '<=', cutoff).then(nowIso).else(eb.ref('login_throttle.window_start')).end(),
      })),
    )
    // The count this very attempt produced: concurrent attempts each see their own number.
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: row.count, windowStart: row.window_start };
}

export async function clear(db: DbOrTrx, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
