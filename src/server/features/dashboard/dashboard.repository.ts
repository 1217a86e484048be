import type { DbOrTrx } from '../../db/database';
import type { UserRow } from '../../db/types';

type Role = UserRow['role'];
type Status = UserRow['status'];

/** Everyone counted by role and status in one pass over the users_list_role_status index. */
export async function countUsersByRoleAndStatus(db: DbOrTrx): Promise<(role: Role, status: Status) => number> {
  const rows = await db
    .selectFrom('users')
    .select(['role', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['role', 'status'])
    .execute();
  return (role, status) => Number(rows.find((r) => r.role === role && r.status === status)?.n ?? 0);
}

/** Active people with an open invite they have not used yet (optionally only one doctor's patients). */
export async function countPendingInvites(db: DbOrTrx, now: string, doctorId?: string): Promise<number> {
  let q = db
    .selectFrom('invites')
    .innerJoin('users', 'users.id', 'invites.user_id')
    // Matches the partial index invites_pending, so only open invites are read.
    .where('invites.used_at', 'is', null)
    .where('invites.revoked_at', 'is', null)
    .where('invites.expires_at', '>', now)
    .where('users.password_hash', 'is', null)
    .where('users.status', '=', 'active');
  if (doctorId) q = q.where('users.id', 'in', (eb) => eb.selectFrom('doctor_patients').select('patient_id').where('doctor_id', '=', doctorId));
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
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

/** How many patients a doctor has: a range of the doctor_patients key, each checked by primary key. */
export async function countPatientsOfDoctor(db: DbOrTrx, doctorId: string): Promise<number> {
  const row = await db
    .selectFrom('doctor_patients')
    .innerJoin('users', 'users.id', 'doctor_patients.patient_id')
    .where('doctor_patients.doctor_id', '=', doctorId)
    .where('users.role', '=', 'patient')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A doctor's most recently linked patients (doctor_patients_doctor_created). */
export async function listRecentPatientsOfDoctor(db: DbOrTrx, doctorId: string, limit: number) {
  return db
    .selectFrom('doctor_patients')
    .innerJoin('users', 'users.id', 'doctor_patients.patient_id')
    .selectAll('users')
    .where('doctor_patients.doctor_id', '=', doctorId)
    .orderBy('doctor_patients.created_at', 'desc')
    .limit(limit)
    .execute();
}
