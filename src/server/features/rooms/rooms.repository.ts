import type { DbOrTrx } from '#server/db/database.ts';
import type { RoomRow } from '#server/db/types.ts';

export async function insertRoom(db: DbOrTrx, room: RoomRow): Promise<void> {
  await db.insertInto('rooms').values(room).execute();
}

export async function findRoomByCode(db: DbOrTrx, code: string): Promise<RoomRow | undefined> {
  return db.selectFrom('rooms').selectAll().where('code', '=', code).executeTakeFirst();
}

export type RoomFilter = { doctorId?: string; patientId?: string; status?: RoomRow['status'] };

function roomsWithPeople(db: DbOrTrx) {
  return db
    .selectFrom('rooms')
    .innerJoin('users as d', 'd.id', 'rooms.doctor_id')
    .innerJoin('doctor_profiles as dp', 'dp.user_id', 'rooms.doctor_id')
    .innerJoin('users as p', 'p.id', 'rooms.patient_id')
    .leftJoin('consultations as c', 'c.room_id', 'rooms.id')
    .selectAll('rooms')
    .select([
      'd.name as doctor_name',
      'd.photo_version as doctor_photo_version',
      'dp.crm_number',
      'dp.crm_uf',
      'dp.specialty',
      'p.name as patient_name',
      'p.photo_version as patient_photo_version',
      'c.id as consultation_id',
      'c.started_at',
      'c.ended_at',
      'c.duration_seconds',
      'c.finalized_by',
    ]);
}
export type RoomWithPeople = Awaited<ReturnType<ReturnType<typeof roomsWithPeople>['executeTakeFirstOrThrow']>>;

/** Rooms with the people and the consultation a room card shows, newest first. */
export async function listRoomsWithPeople(db: DbOrTrx, f: RoomFilter, limit = 200): Promise<RoomWithPeople[]> {
  let q = roomsWithPeople(db);
  if (f.doctorId) q = q.where('rooms.doctor_id', '=', f.doctorId);
  if (f.patientId) q = q.where('rooms.patient_id', '=', f.patientId);
  if (f.status) q = q.where('rooms.status', '=', f.status);
  return q.orderBy('rooms.created_at', 'desc').orderBy('rooms.id').limit(limit).execute();
}

export async function findRoomWithPeople(db: DbOrTrx, code: string): Promise<RoomWithPeople | undefined> {
  return roomsWithPeople(db).where('rooms.code', '=', code).executeTakeFirst();
}

/** Closes an open room; false when it was already closed (finalize and cancel are idempotent). */
export async function closeRoom(db: DbOrTrx, id: string, status: 'finished' | 'cancelled', at: string): Promise<boolean> {
  const r = await db.updateTable('rooms').set({ status, closed_at: at }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markAdmitted(db: DbOrTrx, id: string, at: string): Promise<void> {
  await db.updateTable('rooms').set({ admitted_at: at }).where('id', '=', id).where('admitted_at', 'is', null).execute();
}

export async function touchRooms(db: DbOrTrx, codes: string[], at: string): Promise<void> {
  if (codes.length === 0) return;
  await db.updateTable('rooms').set({ last_activity_at: at }).where('code', 'in', codes).where('status', '=', 'open').execute();
}

/** Open rooms where a call happened and nobody has been around since `before`. */
export async function findAbandonedRooms(db: DbOrTrx, before: string): Promise<RoomRow[]> {
  return db
    .selectFrom('rooms')
    .selectAll('rooms')
    .where('status', '=', 'open')
    .where('last_activity_at', '<', before)
    .where('id', 'in', (eb) => eb.selectFrom('consultations').select('room_id'))
    .execute();
}

/** The open rooms of one doctor with one patient. */
export async function findOpenRoomsOfPair(db: DbOrTrx, doctorId: string, patientId: string): Promise<RoomRow[]> {
  return db.selectFrom('rooms').selectAll().where('doctor_id', '=', doctorId).where('patient_id', '=', patientId).where('status', '=', 'open').execute();
}

/** Which of these patients the doctor is (still) linked to. */
export async function linkedPatientIds(db: DbOrTrx, doctorId: string, patientIds: string[]): Promise<string[]> {
  if (patientIds.length === 0) return [];
  const rows = await db.selectFrom('doctor_patients').select('patient_id').where('doctor_id', '=', doctorId).where('patient_id', 'in', patientIds).execute();
  return rows.map((r) => r.patient_id);
}

/** A room member's name, as the other member sees it on joining (throws when the person is gone). */
export async function findMemberName(db: DbOrTrx, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirstOrThrow();
  return row.name;
}

/** When the room's consultation started, or null when it has not. */
export async function findConsultationStart(db: DbOrTrx, roomId: string): Promise<string | null> {
  const row = await db.selectFrom('consultations').select('started_at').where('room_id', '=', roomId).executeTakeFirst();
  return row?.started_at ?? null;
}
