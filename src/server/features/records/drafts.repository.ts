import type { DbOrTrx } from '#server/db/database.ts';

/** Only drafts of patients the doctor still follows: an unlinked patient's record is closed to them. */
function ownDrafts(db: DbOrTrx, doctorId: string) {
  return db
    .selectFrom('evolutions as e')
    .innerJoin('doctor_patients as dp', (j) => j.onRef('dp.doctor_id', '=', 'e.doctor_id').onRef('dp.patient_id', '=', 'e.patient_id'))
    .where('e.doctor_id', '=', doctorId)
    .where('e.status', '=', 'draft');
}

/** The doctor's newest unsigned drafts, with the patient and the start of the call each was written in. */
export async function listDoctorDrafts(db: DbOrTrx, doctorId: string, limit: number) {
  return ownDrafts(db, doctorId)
    .innerJoin('users as p', 'p.id', 'e.patient_id')
    .leftJoin('consultations as c', 'c.room_id', 'e.room_id')
    .select(['e.id', 'e.kind', 'e.patient_id', 'p.name as patient_name', 'c.started_at', 'e.updated_at'])
    .orderBy('e.updated_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
}

export async function countDoctorDrafts(db: DbOrTrx, doctorId: string): Promise<number> {
  const row = await ownDrafts(db, doctorId)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
