import type { DbOrTrx } from '#server/db/database.ts';

/**
 * Gives the entry its verification code: the one it already has, or `candidate` when it has none.
 * Two prints at once both end with the one code that landed first (unique evolution_id).
 */
export async function ensureVerificationCode(db: DbOrTrx, evolutionId: string, candidate: string, at: string): Promise<string> {
  await db
    .insertInto('document_verifications')
    .values({ code: candidate, evolution_id: evolutionId, created_at: at })
    .onConflict((oc) => oc.column('evolution_id').doNothing())
    .execute();
  const row = await db.selectFrom('document_verifications').select('code').where('evolution_id', '=', evolutionId).executeTakeFirstOrThrow();
  return row.code;
}

/** The entry a verification code stands for, if any. */
export async function findVerifiedEvolutionId(db: DbOrTrx, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('document_verifications').select('evolution_id').where('code', '=', code).executeTakeFirst();
  return row?.evolution_id;
}
