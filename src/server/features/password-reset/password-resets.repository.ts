import type { DbOrTrx } from '../../db/database';
import type { PasswordResetRow } from '../../db/types';

export async function insertPasswordReset(db: DbOrTrx, row: PasswordResetRow): Promise<void> {
  await db.insertInto('password_resets').values(row).execute();
}

export async function findPasswordResetByTokenHash(db: DbOrTrx, tokenHash: string): Promise<PasswordResetRow | undefined> {
  return db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** A new link replaces the open ones, and a completed reset closes the others: only one link works at a time. */
export async function revokeOpenPasswordResets(db: DbOrTrx, userId: string, at: string): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Marks the link used only if nobody used it first; false when it lost the race. */
export async function markPasswordResetUsed(db: DbOrTrx, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('password_resets')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
