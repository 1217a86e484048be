import type { DbOrTrx } from '#server/db/database.ts';
import type { InviteRow } from '#server/db/types.ts';

export async function findInviteByTokenHash(db: DbOrTrx, tokenHash: string): Promise<InviteRow | undefined> {
  return db.selectFrom('invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Of these people, those with an unused, unexpired invite (one query for a whole list page). */
export async function findUserIdsWithPendingInvite(db: DbOrTrx, userIds: string[], now: string): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('invites')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

export async function hasPendingInvite(db: DbOrTrx, userId: string, now: string): Promise<boolean> {
  const row = await db
    .selectFrom('invites')
    .select('id')
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}
