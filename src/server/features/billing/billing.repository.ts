import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { BillingRecordRow, BillingRecordsTable } from '../../db/types';

/** Inserts the consultation's record unless it has one: retries and races leave exactly one. */
export async function insertBillingRecordOnce(db: DbOrTrx, row: Insertable<BillingRecordsTable>): Promise<void> {
  await db.insertInto('billing_records').values(row).onConflict((oc) => oc.column('consultation_id').doNothing()).execute();
}

export async function findBillingRecordByConsultation(db: DbOrTrx, consultationId: string): Promise<BillingRecordRow | undefined> {
  return db.selectFrom('billing_records').selectAll().where('consultation_id', '=', consultationId).executeTakeFirst();
}
