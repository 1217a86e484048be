import type { DbOrTrx } from '#server/db/database.ts';
import type { PasswordResetRow } from '#server/db/types.ts';

export async function findPasswordResetByTokenHash(db: DbOrTrx, tokenHash: string): Promise<PasswordResetRow | undefined> {
  return db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}
