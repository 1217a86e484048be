import type { DbOrTrx } from '../../db/database';
import type { PasswordResetRow } from '../../db/types';

export async function findPasswordResetByTokenHash(db: DbOrTrx, tokenHash: string): Promise<PasswordResetRow | undefined> {
  return db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

