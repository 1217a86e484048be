import { randomUUID } from 'node:crypto';
import type { Db, DbOrTrx } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import type { ConsultationRow, RoomRow } from '#server/db/types.ts';
import { onConsultationFinished } from './consultation-finished';
import { endConsultation, findConsultationByRoom, insertConsultationOnce } from './consultations.repository';

/**
 * Both sides are connected with media: the consultation starts. Its start time is stored once,
 * however many times the call reconnects, with the time each side reported the connection (what
 * the server can know of a peer-to-peer call; ADR 008).
 */
export async function startConsultation(db: Db, room: RoomRow, evidence: { doctorConnectedAt: string; patientConnectedAt: string }): Promise<ConsultationRow> {
  return insertConsultationOnce(db, {
    id: randomUUID(),
    room_id: room.id,
    doctor_id: room.doctor_id,
    patient_id: room.patient_id,
    started_at: nowIso(),
    ended_at: null,
    duration_seconds: null,
    finalized_by: null,
    doctor_connected_at: evidence.doctorConnectedAt,
    patient_connected_at: evidence.patientConnectedAt,
  });
}

/** The room's consultation, if a call happened in it. */
export async function consultationOfRoom(db: DbOrTrx, roomId: string): Promise<ConsultationRow | undefined> {
  return findConsultationByRoom(db, roomId);
}

/**
 * Ends the room's consultation at `at`, if a call happened and it has not ended yet, and hands it
 * on (billing) in the caller's transaction. Idempotent: however many callers race, one ends it.
 * Returns the consultation as it stands (null when no call happened) and whether this call ended it.
 */
export async function endConsultationOfRoom(
  trx: DbOrTrx,
  roomId: string,
  by: 'doctor' | 'auto',
  at: string,
): Promise<{ consultation: ConsultationRow | null; endedNow: boolean }> {
  const consultation = (await findConsultationByRoom(trx, roomId)) ?? null;
  if (!consultation || consultation.ended_at !== null) return { consultation, endedNow: false };
  const durationSeconds = Math.max(0, Math.round((Date.parse(at) - Date.parse(consultation.started_at)) / 1000));
  const end = { ended_at: at, duration_seconds: durationSeconds, finalized_by: by };
  if (!(await endConsultation(trx, consultation.id, end))) return { consultation, endedNow: false };
  const ended = { ...consultation, ...end };
  await onConsultationFinished(trx, ended);
  return { consultation: ended, endedNow: true };
}
