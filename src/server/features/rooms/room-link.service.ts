import type { RoomLanding, RoomPatientLink } from '#shared/schemas/auth.ts';
import type { Actor } from '#server/core/actor.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import type { Db } from '#server/db/database.ts';
import { AppError } from '#server/errors.ts';
import { createInvite } from '#server/features/invites/invites.service.ts';
import { findUserById } from '#server/features/users/users.service.ts';
import { findRoomWithPeople } from './rooms.repository';
import { noAccess, roomForMember } from './rooms.service';

/** The fragment that carries an invite token in a room link: fragments never reach the server or its logs. */
export const ROOM_INVITE_FRAGMENT = 'convite';

/** The room link's landing page, before sign-in: the doctor's name and whether the room is open. */
export async function getRoomLanding(db: Db, code: string): Promise<RoomLanding> {
  const room = await findRoomWithPeople(db, code);
  if (!room) throw new AppError('room_link_invalid', 404, 'Este link de consulta não é válido. Confira o link ou peça um novo à clínica.');
  return { doctorName: room.doctor_name, open: room.status === 'open' };
}

/**
 * The link the room's doctor sends. A patient who already has a password gets the plain room
 * link (they sign in on the landing page; a forwarded link grants nothing). A patient without one
 * gets a fresh invite in the same link, replacing earlier invites, so one WhatsApp message is enough.
 */
export async function roomPatientLink(db: Db, actor: Actor, code: string): Promise<RoomPatientLink> {
  const room = await roomForMember(db, code, actor.user);
  if (room.doctor_id !== actor.user.id) throw noAccess();
  if (room.status !== 'open') throw new AppError('room_closed', 409, 'Esta sala já foi encerrada. Abra uma nova consulta.');
  const roomUrl = `${actor.baseUrl}/sala/${room.code}`;
  const patient = await findUserById(db, room.patient_id);
  if (!patient || patient.password_hash !== null || patient.status !== 'active') {
    return { url: roomUrl, patientHasPassword: patient?.password_hash != null, inviteExpiresAt: null };
  }
  const invite = await db.transaction().execute(async (trx) => {
    const link = await createInvite(trx, patient.id, actor.user.id, actor.baseUrl);
    await recordAudit(trx, {
      actorId: actor.user.id,
      action: 'invite.renewed',
      entityType: 'user',
      entityId: patient.id,
      details: { roomId: room.id },
      ip: actor.ip,
    });
    return link;
  });
  const token = invite.url.slice(invite.url.lastIndexOf('/') + 1);
  return { url: `${roomUrl}#${ROOM_INVITE_FRAGMENT}=${token}`, patientHasPassword: false, inviteExpiresAt: invite.expiresAt };
}
