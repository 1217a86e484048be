import { randomUUID } from 'node:crypto';
import type { Db, DbOrTrx } from '../../db/database';
import { nowIso } from '../../db/database';
import type { ConsultationRow, RoomRow } from '../../db/types';
import { recordAudit } from '../../core/audit.repository';
import { closeRoom } from '../rooms/rooms.repository';
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

/**
 * Closes the room for good and ends its consultation, if a call happened. Idempotent: twice,
 * concurrently or after a crash, the room closes once and one consultation is recorded.
 * Returns the consultation (null when no call happened) and whether this call did the closing.
 */
export async function finalizeRoom(
  db: Db,
  room: RoomRow,
  by: 'doctor' | 'auto',
): Promise<{ consultation: ConsultationRow | null; closedNow: boolean }> {
  return db.transaction().execute(async (trx) => finalizeRoomIn(trx, room, by));
}

/**
 * {@link finalizeRoom} inside a transaction the caller already holds, for a change that must
 * close the room together with something else (an admin unlinking the room's doctor).
 */
export async function finalizeRoomIn(
  trx: DbOrTrx,
  room: RoomRow,
  by: 'doctor' | 'auto',
): Promise<{ consultation: ConsultationRow | null; closedNow: boolean }> {
  const at = nowIso();
  const closedNow = await closeRoom(trx, room.id, 'finished', at);
  const consultation = (await findConsultationByRoom(trx, room.id)) ?? null;
  if (!consultation) return { consultation: null, closedNow };
  if (consultation.ended_at === null) {
    const durationSeconds = Math.max(0, Math.round((Date.parse(at) - Date.parse(consultation.started_at)) / 1000));
    const end = { ended_at: at, duration_seconds: durationSeconds, finalized_by: by };
    if (await endConsultation(trx, consultation.id, end)) {
      const ended = { ...consultation, ...end };
      await onConsultationFinished(trx, ended);
      if (closedNow && by === 'doctor') {
        await recordAudit(trx, { actorId: room.doctor_id, action: 'room.finalized', entityType: 'room', entityId: room.id });
      }
      return { consultation: ended, closedNow };
    }
  }
  return { consultation, closedNow };
}
