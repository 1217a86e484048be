import type { DbOrTrx } from '#server/db/database.ts';
import type { Insertable } from 'kysely';
import type { ConsultationRow, ConsultationsTable } from '#server/db/types.ts';

/** Inserts the room's consultation unless it already has one; returns the one that stands. */
export async function insertConsultationOnce(db: DbOrTrx, row: Insertable<ConsultationsTable> & { room_id: string }): Promise<ConsultationRow> {
  await db
    .insertInto('consultations')
    .values(row)
    .onConflict((oc) => oc.column('room_id').doNothing())
    .execute();
  return db.selectFrom('consultations').selectAll().where('room_id', '=', row.room_id).executeTakeFirstOrThrow();
}

export async function findConsultationByRoom(db: DbOrTrx, roomId: string): Promise<ConsultationRow | undefined> {
  return db.selectFrom('consultations').selectAll().where('room_id', '=', roomId).executeTakeFirst();
}

/** Ends a consultation once; false when it had already ended. */
export async function endConsultation(
  db: DbOrTrx,
  id: string,
  end: { ended_at: string; duration_seconds: number; finalized_by: 'doctor' | 'auto' },
): Promise<boolean> {
  const r = await db.updateTable('consultations').set(end).where('id', '=', id).where('ended_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Inserts a consultation by its id unless that id exists; true when this call inserted it. */
export async function insertConsultationById(db: DbOrTrx, row: Insertable<ConsultationsTable>): Promise<boolean> {
  const r = await db
    .insertInto('consultations')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function findConsultation(db: DbOrTrx, id: string): Promise<ConsultationRow | undefined> {
  return db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
}
