import type { z } from 'zod';
import type { InviteLink } from '#shared/schemas/auth.ts';
import type { pageQuerySchema } from '#shared/schemas/common.ts';
import type { CreatedUser, PatientDetail, PatientList, createPatientInputSchema, updatePatientInputSchema } from '#shared/schemas/users.ts';
import type { Actor } from '#server/core/actor.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import { isDoctorOfPatient } from '#server/core/care-links.repository.ts';
import type { Db, DbOrTrx } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import type { UserRow } from '#server/db/types.ts';
import { AppError, conflict, notFound } from '#server/errors.ts';
import { createAccount, renewInvite } from '#server/features/accounts/accounts.service.ts';
import { hasPendingInvite, pendingInvitesOf } from '#server/features/invites/invites.service.ts';
import {
  findPatientProfile,
  findUserByEmail,
  findUserById,
  linkDoctorPatient,
  listUsers,
  savePatientProfile,
  toPatientProfile,
  toUserSummary,
  updateUser,
} from '#server/features/users/users.service.ts';

// The same answer whether the patient does not exist or belongs to another doctor.
const patientNotFound = () => notFound('Paciente não encontrado.');

/**
 * A doctor typed an e-mail that already has an account. Whoever holds it (a patient, another
 * doctor, the admin), the answer is the same, so a doctor cannot probe who works at or is treated
 * by the clinic; only the admin links an existing patient to another doctor.
 */
const MESSAGE_EXISTS = 'Já existe um cadastro com este e-mail. Peça à administração para vincular.';
export const patientExists = () => conflict('patient_exists', MESSAGE_EXISTS, { email: MESSAGE_EXISTS });

/** A patient of this doctor, or 404. */
async function ownPatient(db: DbOrTrx, doctor: UserRow, patientId: string): Promise<UserRow> {
  const patient = await findUserById(db, patientId);
  if (!patient || patient.role !== 'patient' || !(await isDoctorOfPatient(db, doctor.id, patientId))) throw patientNotFound();
  return patient;
}

export async function listOwnPatients(db: Db, doctor: UserRow, q: z.output<typeof pageQuerySchema>): Promise<PatientList> {
  const { rows, total } = await listUsers(db, { role: 'patient', doctorId: doctor.id, q: q.q }, q.page, q.pageSize);
  const pending = await pendingInvitesOf(db, rows);
  return {
    items: rows.map((r) => ({
      ...toUserSummary(r, null, pending.has(r.id)),
      phone: r.patient_phone,
      birthDate: r.birth_date,
      lastConsultationAt: r.last_consultation_at,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getOwnPatient(db: DbOrTrx, doctor: UserRow, patientId: string): Promise<PatientDetail> {
  const patient = await ownPatient(db, doctor, patientId);
  const [profile, pending] = await Promise.all([findPatientProfile(db, patientId), hasPendingInvite(db, patientId)]);
  return { user: toUserSummary(patient, null, pending), patient: toPatientProfile(profile), pendingInvite: patient.password_hash === null && pending };
}

/** A doctor registers a patient, who becomes theirs and gets an invite link. */
export async function createOwnPatient(db: Db, actor: Actor, input: z.output<typeof createPatientInputSchema>): Promise<CreatedUser> {
  const created = await db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, input.email)) throw patientExists();
    const { user, invite } = await createAccount(trx, actor, { role: 'patient', email: input.email, profile: input.profile }).catch((error: unknown) => {
      // The admin's "e-mail taken" names the field and suggests the list; a doctor gets the neutral answer.
      throw error instanceof AppError && error.code === 'email_taken' ? patientExists() : error;
    });
    await linkDoctorPatient(trx, actor.user.id, user.id, user.created_at);
    return { user: toUserSummary(user), invite };
  });
  actor.mailInvite?.(created.user, created.invite);
  return created;
}

export async function updateOwnPatient(db: Db, actor: Actor, patientId: string, input: z.output<typeof updatePatientInputSchema>): Promise<PatientDetail> {
  return db.transaction().execute(async (trx) => {
    await ownPatient(trx, actor.user, patientId);
    const at = nowIso();
    await updateUser(trx, patientId, { name: input.profile.name, updated_at: at });
    await savePatientProfile(trx, patientId, input.profile, at);
    await recordAudit(trx, { actorId: actor.user.id, action: 'patient.updated', entityType: 'user', entityId: patientId, ip: actor.ip });
    return getOwnPatient(trx, actor.user, patientId);
  });
}

export async function renewOwnPatientInvite(db: Db, actor: Actor, patientId: string): Promise<InviteLink> {
  return renewInvite(db, actor, await ownPatient(db, actor.user, patientId));
}
