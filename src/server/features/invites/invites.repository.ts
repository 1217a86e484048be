import type { DbOrTrx } from '../../db/database';
import type { InviteRow } from '../../db/types';

export async function insertInvite(db: DbOrTrx, invite: InviteRow): Promise<void> {
  await db.insertInto('invites').values(invite).execute();
}

export async function findInviteByTokenHash(db: DbOrTrx, tokenHash: string): Promise<InviteRow | undefined> {
  return db.selectFrom('invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** A new link replaces the old ones, so only the last link sent works. */
export async function revokeOpenInvites(db: DbOrTrx, userId: string, at: string): Promise<void> {
  await db.updateTable('invites').set({ revoked_at: at }).where('user_id', '=', userId).where('used_at', 'is', null).where('revoked_at', 'is', null).execute();
}

/** Marks the invite used only if nobody used it first; false when it lost the race. */
export async function markInviteUsed(db: DbOrTrx, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('invites')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
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
