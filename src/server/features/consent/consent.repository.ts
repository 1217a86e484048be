import type { DbOrTrx } from '#server/db/database.ts';
import type { ConsentsTable } from '#server/db/types.ts';

/** The patient's acceptance of this version of the term, if any. */
export async function findConsent(db: DbOrTrx, patientId: string, version: string): Promise<Pick<ConsentsTable, 'version' | 'accepted_at'> | undefined> {
  return db.selectFrom('consents').select(['version', 'accepted_at']).where('patient_id', '=', patientId).where('version', '=', version).executeTakeFirst();
}

/** Records an acceptance; a second one of the same version keeps the first (its time stands). */
export async function insertConsentOnce(db: DbOrTrx, row: ConsentsTable): Promise<void> {
  await db
    .insertInto('consents')
    .values(row)
    .onConflict((oc) => oc.columns(['patient_id', 'version']).doNothing())
    .execute();
}
