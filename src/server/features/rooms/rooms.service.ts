import { randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Room, createRoomInputSchema, roomListQuerySchema } from '#shared/schemas/rooms.ts';
import type { Actor } from '#server/core/actor.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import { isDoctorOfPatient } from '#server/core/care-links.repository.ts';
import type { Db, DbOrTrx } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import type { ConsultationRow, RoomRow, UserRow } from '#server/db/types.ts';
import { AppError, conflict, notFound } from '#server/errors.ts';
import { consultationOfRoom, endConsultationOfRoom } from '#server/features/consultations/consultations.service.ts';
import { type Online, toRoom } from './room-views';
import { closeRoom, findOpenRoomsOfPair, findRoomByCode, findRoomWithPeople, insertRoom, listRoomsWithPeople } from './rooms.repository';

/** The same answer whether the room does not exist or is someone else's. */
export const noAccess = () => new AppError('no_access', 404, 'Você não tem acesso a esta sala.');

/** 128 random bits, URL-safe: 22 characters nobody can guess. */
export function newRoomCode(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The room, if this person is its doctor or its patient. A doctor the admin has since unlinked
 * from the patient is no longer a member: same answer as a stranger, like the record.
 */
export async function roomForMember(db: DbOrTrx, code: string, user: Pick<UserRow, 'id'>): Promise<RoomRow> {
  const room = await findRoomByCode(db, code);
  if (!room || (room.doctor_id !== user.id && room.patient_id !== user.id)) throw noAccess();
  if (room.doctor_id === user.id && !(await isDoctorOfPatient(db, room.doctor_id, room.patient_id))) throw noAccess();
  return room;
}

/**
 * Closes the room for good and ends its consultation, if a call happened. Idempotent: twice,
 * concurrently or after a crash, the room closes once and one consultation is recorded.
 * Returns the consultation (null when no call happened) and whether this call did the closing.
 */
export async function finalizeRoom(db: Db, room: RoomRow, by: 'doctor' | 'auto'): Promise<{ consultation: ConsultationRow | null; closedNow: boolean }> {
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
  const { consultation, endedNow } = await endConsultationOfRoom(trx, room.id, by, at);
  if (endedNow && closedNow && by === 'doctor') {
    await recordAudit(trx, { actorId: room.doctor_id, action: 'room.finalized', entityType: 'room', entityId: room.id });
  }
  return { consultation, closedNow };
}

/** Rooms closed because their doctor and patient were unlinked: who must hear it, and how. */
export type UnlinkedRooms = { cancelled: string[]; finalized: string[] };

/**
 * The admin unlinked this doctor from this patient: their open rooms close in the caller's
 * transaction, so the unlink and the closing land together. A room where no call happened is
 * cancelled; one where a consultation started is finalized (the call happened and is billed, its
 * record kept). The caller tells connected sockets once the transaction has committed.
 */
export async function closeRoomsOfUnlinkedPair(trx: DbOrTrx, actor: Actor, doctorId: string, patientId: string): Promise<UnlinkedRooms> {
  const out: UnlinkedRooms = { cancelled: [], finalized: [] };
  for (const room of await findOpenRoomsOfPair(trx, doctorId, patientId)) {
    const details = { reason: 'doctor_unlinked', doctorId, patientId };
    if (await consultationOfRoom(trx, room.id)) {
      const { closedNow } = await finalizeRoomIn(trx, room, 'auto');
      if (!closedNow) continue;
      await recordAudit(trx, { actorId: actor.user.id, action: 'room.finalized', entityType: 'room', entityId: room.id, details, ip: actor.ip });
      out.finalized.push(room.code);
    } else if (await closeRoom(trx, room.id, 'cancelled', nowIso())) {
      await recordAudit(trx, { actorId: actor.user.id, action: 'room.cancelled', entityType: 'room', entityId: room.id, details, ip: actor.ip });
      out.cancelled.push(room.code);
    }
  }
  return out;
}

export async function createRoom(db: Db, actor: Actor, isOnline: Online, input: z.output<typeof createRoomInputSchema>): Promise<Room> {
  const code = newRoomCode();
  await db.transaction().execute(async (trx) => {
    if (!(await isDoctorOfPatient(trx, actor.user.id, input.patientId))) throw notFound('Paciente não encontrado.');
    const at = nowIso();
    const id = randomUUID();
    await insertRoom(trx, {
      id,
      code,
      doctor_id: actor.user.id,
      patient_id: input.patientId,
      status: 'open',
      reason: input.reason ?? null,
      scheduled_at: input.scheduledAt ? new Date(input.scheduledAt).toISOString() : null,
      admitted_at: null,
      last_activity_at: at,
      created_at: at,
      closed_at: null,
    });
    await recordAudit(trx, {
      actorId: actor.user.id,
      action: 'room.created',
      entityType: 'room',
      entityId: id,
      details: { patientId: input.patientId },
      ip: actor.ip,
    });
  });
  return getRoom(db, actor, isOnline, code);
}

export async function listRooms(db: Db, actor: Actor, isOnline: Online, q: z.output<typeof roomListQuerySchema>): Promise<Room[]> {
  const own = actor.user.role === 'doctor' ? { doctorId: actor.user.id } : { patientId: actor.user.id };
  const rows = await listRoomsWithPeople(db, { ...(q.patientId ? { patientId: q.patientId } : {}), ...own, ...(q.status ? { status: q.status } : {}) });
  return Promise.all(rows.map((r) => toRoom(r, actor.baseUrl, isOnline)));
}

export async function getRoom(db: DbOrTrx, actor: Actor, isOnline: Online, code: string): Promise<Room> {
  const row = await findRoomWithPeople(db, code);
  if (!row || (row.doctor_id !== actor.user.id && row.patient_id !== actor.user.id)) throw noAccess();
  return toRoom(row, actor.baseUrl, isOnline);
}

/** A room where no call happened can be cancelled; it is never billed. */
export async function cancelRoom(db: Db, actor: Actor, isOnline: Online, code: string): Promise<Room> {
  await db.transaction().execute(async (trx) => {
    const room = await roomForMember(trx, code, actor.user);
    if (room.doctor_id !== actor.user.id) throw noAccess();
    if (await consultationOfRoom(trx, room.id)) {
      throw conflict('consultation_happened', 'Esta sala já teve uma consulta. Use "Finalizar consulta" para encerrá-la.');
    }
    if (await closeRoom(trx, room.id, 'cancelled', nowIso())) {
      await recordAudit(trx, { actorId: actor.user.id, action: 'room.cancelled', entityType: 'room', entityId: room.id, ip: actor.ip });
    }
  });
  return getRoom(db, actor, isOnline, code);
}

/** The doctor ends the consultation: the room closes for good. */
export async function finalizeOwnRoom(db: Db, actor: Actor, code: string): Promise<{ room: RoomRow; closedNow: boolean; durationSeconds: number | null }> {
  const room = await roomForMember(db, code, actor.user);
  if (room.doctor_id !== actor.user.id) throw noAccess();
  const { consultation, closedNow } = await finalizeRoom(db, room, 'doctor');
  return { room, closedNow, durationSeconds: consultation?.duration_seconds ?? null };
}
