import type { DbOrTrx } from '#server/db/database.ts';
import type { TokenLinkRow } from './token-links';

/** The tables that hold single-use password links (same columns: `TokenLinkRow`). */
export type TokenLinkTable = 'invites' | 'password_resets';

export async function insertTokenLink(db: DbOrTrx, table: TokenLinkTable, row: TokenLinkRow): Promise<void> {
  await db.insertInto(table).values(row).execute();
}

/** Revokes a person's links of this table that are neither used nor revoked: only the newest works. */
export async function revokeOpenTokenLinks(db: DbOrTrx, table: TokenLinkTable, userId: string, at: string): Promise<void> {
  await db.updateTable(table).set({ revoked_at: at }).where('user_id', '=', userId).where('used_at', 'is', null).where('revoked_at', 'is', null).execute();
}

/** Marks the link used only if nobody used or revoked it first; false when it lost the race. */
export async function markTokenLinkUsed(db: DbOrTrx, table: TokenLinkTable, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable(table)
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
