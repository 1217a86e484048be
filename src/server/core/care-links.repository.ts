import type { DbOrTrx } from '#server/db/database.ts';

/**
 * "Is this doctor linked to this patient": the check behind every doctor's access to a patient's
 * rooms, record, photo and links. Making and removing links belongs to the users feature.
 */
export async function isDoctorOfPatient(db: DbOrTrx, doctorId: string, patientId: string): Promise<boolean> {
  const row = await db
    .selectFrom('doctor_patients')
    .select('patient_id')
    .where('doctor_id', '=', doctorId)
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
  return row !== undefined;
}

/** True when a and b are doctor and patient of each other (either way round). */
export async function areLinked(db: DbOrTrx, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('doctor_patients')
    .select('doctor_id')
    .where((eb) => eb.or([eb.and([eb('doctor_id', '=', a), eb('patient_id', '=', b)]), eb.and([eb('doctor_id', '=', b), eb('patient_id', '=', a)])]))
    .executeTakeFirst();
  return row !== undefined;
}
