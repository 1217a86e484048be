import { randomBytes, randomUUID } from 'node:crypto';
import { addMonths, clinicMonthOf } from '#shared/domain/clinic-month.ts';
import type { Db } from '#server/db/database.ts';
import { billFinishedConsultation } from '#server/features/billing/billing.service.ts';

/**
 * A video call that really happened (both sides connected), `minutes` long and ending at
 * `endedAt`, billed by the server's own billing code as when a call ends: the fees of that
 * moment, the São Paulo month of its end, "Em análise" when shorter than the clinic's minimum.
 * Returns the billing record's id.
 */
export async function billedCall(db: Db, doctorId: string, patientId: string, endedAt: Date, minutes: number): Promise<string> {
  const started = new Date(endedAt.getTime() - minutes * 60_000).toISOString();
  const ended = endedAt.toISOString();
  const roomId = randomUUID();
  await db
    .insertInto('rooms')
    .values({
      id: roomId,
      code: randomBytes(16).toString('base64url'),
      doctor_id: doctorId,
      patient_id: patientId,
      status: 'finished',
      reason: null,
      scheduled_at: null,
      admitted_at: started,
      last_activity_at: ended,
      created_at: started,
      closed_at: ended,
    })
    .execute();
  const consultation = {
    id: randomUUID(),
    room_id: roomId,
    doctor_id: doctorId,
    patient_id: patientId,
    started_at: started,
    ended_at: ended,
    duration_seconds: minutes * 60,
    finalized_by: 'doctor' as const,
    doctor_connected_at: started,
    patient_connected_at: started,
  };
  await db.insertInto('consultations').values(consultation).execute();
  await billFinishedConsultation(db, consultation);
  const record = await db.selectFrom('billing_records').select('id').where('consultation_id', '=', consultation.id).executeTakeFirstOrThrow();
  return record.id;
}

/** The 15th of the month before `now`'s São Paulo month, mid-afternoon: safely inside last month. */
export function midLastMonth(now = new Date()): Date {
  return new Date(`${addMonths(clinicMonthOf(now), -1)}-15T18:00:00.000Z`);
}
