import type { z } from 'zod';
import { formatCrm } from '#shared/domain/crm.ts';
import type { Me } from '#shared/schemas/auth.ts';
import type { patientProfileInputSchema } from '#shared/schemas/profile.ts';
import type { DoctorOption, MyDoctor } from '#shared/schemas/users.ts';
import type { Db, DbOrTrx } from '#server/db/database.ts';
import { UNIQUE, isUniqueViolation } from '#server/db/unique-violation.ts';
import type { UserRow } from '#server/db/types.ts';
import { conflict } from '#server/errors.ts';
import { doctorSubtitle, photoUrlOf, toMe } from './user-views';
import { findDoctorProfile, findPatientIdByCpf, findPatientProfile, listDoctorsOfPatient, listUsers, upsertPatientProfile } from './users.repository';

/**
 * The users feature: people (the users table), their doctor and patient profiles and the links
 * between doctors and patients, as every other feature reads them. Opening and managing accounts
 * (invites, admin changes) is the accounts feature, built on this one.
 */

// What other features use as it is: lookups and plain writes of people, and how lists show them.
export {
  findDoctorByCrm,
  findDoctorProfile,
  findPatientProfile,
  findUserByEmail,
  findUserById,
  insertUser,
  linkDoctorPatient,
  listDoctorsOfPatient,
  listUsers,
  unlinkDoctorPatient,
  updateUser,
  upsertDoctorProfile,
} from './users.repository';
export { doctorSubtitle, photoUrlOf, toDoctorProfile, toPatientProfile, toUserSummary } from './user-views';

type PatientProfileData = z.output<typeof patientProfileInputSchema>;

export const emailTaken = () =>
  conflict('email_taken', 'Este e-mail já tem cadastro.', { email: 'Este e-mail já tem cadastro. Use outro ou procure a pessoa na lista.' });
export const cpfTaken = () =>
  conflict('cpf_taken', 'Já existe um paciente com este CPF.', {
    'profile.cpf': 'Já existe um paciente com este CPF. Confira os números ou procure a pessoa na lista.',
  });

/** The signed-in person with their profile. */
export async function getMe(db: DbOrTrx, user: UserRow): Promise<Me> {
  const [doctor, patient] = await Promise.all([
    user.role === 'doctor' ? findDoctorProfile(db, user.id) : undefined,
    user.role === 'patient' ? findPatientProfile(db, user.id) : undefined,
  ]);
  return toMe(user, doctor, patient);
}

/** Saves a patient's profile fields; refuses a CPF that belongs to another patient. */
export async function savePatientProfile(trx: DbOrTrx, userId: string, p: PatientProfileData, at: string): Promise<void> {
  const cpf = p.cpf ?? null;
  if (cpf !== null) {
    const holder = await findPatientIdByCpf(trx, cpf);
    if (holder && holder !== userId) throw cpfTaken();
  }
  await rethrowUnique(
    UNIQUE.patientCpf,
    cpfTaken,
    upsertPatientProfile(trx, { user_id: userId, cpf, birth_date: p.birthDate ?? null, phone: p.phone ?? null, updated_at: at }),
  );
}

/**
 * Runs a write that a concurrent twin may beat to a unique index: both pass the "is it taken?"
 * check, the database refuses the second, and that must read as the same 409, not a 500.
 */
export async function rethrowUnique<T>(index: (typeof UNIQUE)[keyof typeof UNIQUE], conflictError: () => Error, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    throw isUniqueViolation(error, index) ? conflictError() : error;
  }
}

/** Active doctors, for assigning a patient's doctors. */
export async function doctorOptions(db: Db): Promise<DoctorOption[]> {
  const { rows } = await listUsers(db, { role: 'doctor', status: 'active' }, 1, 500);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    subtitle: r.crm_number && r.crm_uf && r.specialty ? doctorSubtitle({ crm_number: r.crm_number, crm_uf: r.crm_uf, specialty: r.specialty }) : '',
  }));
}

/** A patient's active doctors, as their home and "Meus médicos" list them. */
export async function myDoctors(db: DbOrTrx, patientId: string): Promise<MyDoctor[]> {
  const doctors = await listDoctorsOfPatient(db, patientId);
  return doctors
    .filter((d) => d.status === 'active')
    .map((d) => ({ id: d.id, name: d.name, specialty: d.specialty, crm: formatCrm(d.crm_number, d.crm_uf), photoUrl: photoUrlOf(d) }));
}
