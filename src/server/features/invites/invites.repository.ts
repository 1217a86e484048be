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

/** Pending invites, optionally only for one doctor's patients. */
export async function countPendingInvites(db: DbOrTrx, now: string, doctorId?: string): Promise<number> {
  let q = db
    .selectFrom('invites')
    .innerJoin('users', 'users.id', 'invites.user_id')
    .where('invites.used_at', 'is', null)
    .where('invites.revoked_at', 'is', null)
    .where('invites.expires_at', '>', now)
    .where('users.password_hash', 'is', null)
    .where('users.status', '=', 'active');
  if (doctorId) q = q.where('users.id', 'in', (eb) => eb.selectFrom('doctor_patients').select('patient_id').where('doctor_id', '=', doctorId));
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
