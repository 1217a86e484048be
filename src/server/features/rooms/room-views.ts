import { formatCrm } from '#shared/domain/crm.ts';
import type { Room } from '#shared/schemas/rooms.ts';
import { photoUrlOf } from '#server/features/users/users.service.ts';
import type { RoomWithPeople } from './rooms.repository';

/** Whether a person has a socket in the room (in multi-node mode, asked of Redis). */
export type Online = (code: string, userId: string) => boolean | Promise<boolean>;

/** A room as both sides see it. */
export async function toRoom(r: RoomWithPeople, baseUrl: string, isOnline: Online): Promise<Room> {
  const [doctorOnline, patientOnline] =
    r.status === 'open' ? await Promise.all([isOnline(r.code, r.doctor_id), isOnline(r.code, r.patient_id)]) : [false, false];
  return {
    code: r.code,
    status: r.status,
    reason: r.reason,
    scheduledAt: r.scheduled_at,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    joinUrl: `${baseUrl}/sala/${r.code}`,
    doctor: {
      id: r.doctor_id,
      name: r.doctor_name,
      crm: formatCrm(r.crm_number, r.crm_uf),
      specialty: r.specialty,
      photoUrl: photoUrlOf({ id: r.doctor_id, photo_version: r.doctor_photo_version }),
    },
    patient: { id: r.patient_id, name: r.patient_name, photoUrl: photoUrlOf({ id: r.patient_id, photo_version: r.patient_photo_version }) },
    consultation:
      r.consultation_id && r.started_at
        ? { id: r.consultation_id, startedAt: r.started_at, endedAt: r.ended_at, durationSeconds: r.duration_seconds, finalizedBy: r.finalized_by }
        : null,
    doctorOnline,
    patientOnline,
  };
}
