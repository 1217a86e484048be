import type { DbOrTrx } from '#server/db/database.ts';
import type { UserRow } from '#server/db/types.ts';

type Role = UserRow['role'];
type Status = UserRow['status'];

/** Everyone counted by role and status: the few rows of user_counts, which database triggers keep. */
export async function countUsersByRoleAndStatus(db: DbOrTrx): Promise<(role: Role, status: Status) => number> {
  const rows = await db.selectFrom('user_counts').select(['role', 'status', 'n']).execute();
  return (role, status) => Number(rows.find((r) => r.role === role && r.status === status)?.n ?? 0);
}

/** Active people with an open invite they have not used yet: the partial index invites_pending, then each person. */
export async function countPendingInvites(db: DbOrTrx, now: string): Promise<number> {
  const row = await db
    .selectFrom('invites')
    .innerJoin('users', 'users.id', 'invites.user_id')
    .where('invites.used_at', 'is', null)
    .where('invites.revoked_at', 'is', null)
    .where('invites.expires_at', '>', now)
    .where('users.password_hash', 'is', null)
    .where('users.status', '=', 'active')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active people still without a password (the partial index users_awaiting_invite): with the pending count, the expired invites. */
export async function countAwaitingPassword(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .where('password_hash', 'is', null)
    .where('status', '=', 'active')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The same for one doctor's patients: the doctor's links, then each patient. */
export async function countAwaitingPasswordOfDoctor(db: DbOrTrx, doctorId: string): Promise<number> {
  const row = await db
    .selectFrom('doctor_patients')
    .innerJoin('users', 'users.id', 'doctor_patients.patient_id')
    .where('doctor_patients.doctor_id', '=', doctorId)
    .where('users.password_hash', 'is', null)
    .where('users.status', '=', 'active')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The same for one doctor's patients, read from the doctor's links (a few hundred), not from every open invite. */
export async function countPendingInvitesOfDoctor(db: DbOrTrx, now: string, doctorId: string): Promise<number> {
  const row = await db
    .selectFrom('doctor_patients')
    // CROSS JOIN keeps this order on SQLite: the doctor's links first, then each patient and their invites.
    .crossJoin('users')
    .crossJoin('invites')
    .whereRef('users.id', '=', 'doctor_patients.patient_id')
    .whereRef('invites.user_id', '=', 'users.id')
    .where('doctor_patients.doctor_id', '=', doctorId)
    .where('users.password_hash', 'is', null)
    .where('users.status', '=', 'active')
    .where('invites.used_at', 'is', null)
    .where('invites.revoked_at', 'is', null)
    .where('invites.expires_at', '>', now)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The newest doctors and patients (users_created, read backwards). */
export async function listRecentUsers(db: DbOrTrx, limit: number) {
  return db
    .selectFrom('users')
    .leftJoin('doctor_profiles', 'doctor_profiles.user_id', 'users.id')
    .selectAll('users')
    .select(['doctor_profiles.crm_number', 'doctor_profiles.crm_uf', 'doctor_profiles.specialty'])
    .where('users.role', '!=', 'admin')
    .orderBy('users.created_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * How many patients a doctor has: the doctor's range of the doctor_patients key, read from the index
 * alone. Links are only ever made to patients (users.service and patients.service link patient ids).
 */
export async function countPatientsOfDoctor(db: DbOrTrx, doctorId: string): Promise<number> {
  const row = await db
    .selectFrom('doctor_patients')
    .where('doctor_id', '=', doctorId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A doctor's most recently linked patients (doctor_patients_doctor_created). */
export async function listRecentPatientsOfDoctor(db: DbOrTrx, doctorId: string, limit: number) {
  return db
    .selectFrom('doctor_patients')
    .crossJoin('users')
    .whereRef('users.id', '=', 'doctor_patients.patient_id')
    .selectAll('users')
    .where('doctor_patients.doctor_id', '=', doctorId)
    .orderBy('doctor_patients.created_at', 'desc')
    .limit(limit)
    .execute();
}
