import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { InviteLink } from '#shared/schemas/auth.ts';
import type { doctorProfileInputSchema, patientProfileInputSchema } from '#shared/schemas/profile.ts';
import type { CreatedUser, UserDetail, UserList, createUserInputSchema, updateUserInputSchema, userListQuerySchema } from '#shared/schemas/users.ts';
import type { Actor } from '#server/core/actor.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import type { Db, DbOrTrx } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import { UNIQUE } from '#server/db/unique-violation.ts';
import type { UserRow } from '#server/db/types.ts';
import { AppError, conflict, notFound } from '#server/errors.ts';
import { endUserSessions } from '#server/features/auth/session.service.ts';
import { createInvite, hasPendingInvite, pendingInvitesOf } from '#server/features/invites/invites.service.ts';
import { refreshPixKeySnapshots } from '#server/features/payments/payment-transitions.service.ts';
import { logAccessChange } from '#server/features/records/access-log.service.ts';
import { type UnlinkedRooms, closeRoomsOfUnlinkedPair } from '#server/features/rooms/rooms.service.ts';
import {
  emailTaken,
  findDoctorByCrm,
  findDoctorProfile,
  findPatientProfile,
  findUserByEmail,
  findUserById,
  insertUser,
  linkDoctorPatient,
  listDoctorsOfPatient,
  listUsers,
  rethrowUnique,
  savePatientProfile,
  toDoctorProfile,
  toPatientProfile,
  toUserSummary,
  unlinkDoctorPatient,
  updateUser,
  upsertDoctorProfile,
} from '#server/features/users/users.service.ts';

/**
 * Opening and managing accounts: a new account comes with its invite, a doctor's saved profile
 * moves unpaid payments to the new PIX key, and the admin's changes reach sessions, rooms and the
 * record's access log. Built on the users feature (people and profiles as such).
 */

type DoctorProfileData = z.output<typeof doctorProfileInputSchema>;
type PatientProfileData = z.output<typeof patientProfileInputSchema>;

const crmTaken = () => conflict('crm_taken', 'Já existe um médico com este CRM.', { 'profile.crmNumber': 'Já existe um médico com este CRM nesta UF.' });

/**
 * Saves a doctor's profile fields; refuses a CRM that belongs to someone else. Payments not yet
 * paid follow a new PIX key, recorded as changed by `changedBy` (the doctor, or the admin).
 */
export async function saveDoctorProfile(trx: DbOrTrx, userId: string, p: DoctorProfileData, at: string, changedBy = userId): Promise<void> {
  const holder = await findDoctorByCrm(trx, p.crmUf, p.crmNumber);
  if (holder && holder !== userId) throw crmTaken();
  await rethrowUnique(
    UNIQUE.doctorCrm,
    crmTaken,
    upsertDoctorProfile(trx, {
      user_id: userId,
      crm_number: p.crmNumber,
      crm_uf: p.crmUf,
      rqe: p.rqe ?? null,
      specialty: p.specialty,
      phone: p.phone ?? null,
      pix_key_type: p.pixKeyType ?? null,
      pix_key: p.pixKey ?? null,
      city: p.city ?? null,
      city_uf: p.cityUf ?? null,
      updated_at: at,
    }),
  );
  await refreshPixKeySnapshots(trx, userId, { type: p.pixKeyType ?? null, key: p.pixKey ?? null }, changedBy, at);
}

/** Creates an account without a password; the person sets it through the returned invite. */
export async function createAccount(
  trx: DbOrTrx,
  actor: Actor,
  input: { role: 'doctor'; email: string; profile: DoctorProfileData } | { role: 'patient'; email: string; profile: PatientProfileData },
): Promise<{ user: UserRow; invite: InviteLink }> {
  if (await findUserByEmail(trx, input.email)) throw emailTaken();
  const at = nowIso();
  const user: UserRow = {
    id: randomUUID(),
    email: input.email,
    name: input.profile.name,
    role: input.role,
    status: 'active',
    password_hash: null,
    photo_version: null,
    created_at: at,
    updated_at: at,
  };
  await rethrowUnique(UNIQUE.userEmail, emailTaken, insertUser(trx, user));
  if (input.role === 'doctor') await saveDoctorProfile(trx, user.id, input.profile, at);
  else await savePatientProfile(trx, user.id, input.profile, at);
  const invite = await createInvite(trx, user.id, actor.user.id, actor.baseUrl);
  await recordAudit(trx, {
    actorId: actor.user.id,
    action: 'user.created',
    entityType: 'user',
    entityId: user.id,
    details: { role: user.role, email: user.email },
    ip: actor.ip,
  });
  return { user, invite };
}

async function assertDoctors(trx: DbOrTrx, doctorIds: string[]): Promise<void> {
  for (const id of new Set(doctorIds)) {
    const doctor = await findUserById(trx, id);
    if (!doctor || doctor.role !== 'doctor') {
      throw new AppError('validation_error', 400, 'Confira os campos destacados.', { doctorIds: 'Escolha médicos da lista.' });
    }
  }
}

/** Admin: one page of users. */
export async function adminListUsers(db: Db, q: z.output<typeof userListQuerySchema>): Promise<UserList> {
  const { rows, total } = await listUsers(db, { role: q.role, status: q.status, q: q.q }, q.page, q.pageSize);
  const pending = await pendingInvitesOf(db, rows);
  return { items: rows.map((r) => toUserSummary(r, r, pending.has(r.id))), total, page: q.page, pageSize: q.pageSize };
}

/** Admin: a doctor or patient; admins are not managed through these screens. */
async function managedUser(db: DbOrTrx, id: string): Promise<UserRow> {
  const user = await findUserById(db, id);
  if (!user || user.role === 'admin') throw notFound('Pessoa não encontrada.');
  return user;
}

export async function adminGetUser(db: DbOrTrx, id: string): Promise<UserDetail> {
  const user = await managedUser(db, id);
  const [doctor, patient, doctors, pendingInvite] = await Promise.all([
    user.role === 'doctor' ? findDoctorProfile(db, id) : undefined,
    user.role === 'patient' ? findPatientProfile(db, id) : undefined,
    user.role === 'patient' ? listDoctorsOfPatient(db, id) : [],
    hasPendingInvite(db, id),
  ]);
  return {
    user: toUserSummary(user, doctor, pendingInvite),
    doctor: doctor ? toDoctorProfile(doctor) : null,
    patient: user.role === 'patient' ? toPatientProfile(patient) : null,
    doctors: doctors.map((d) => ({ id: d.id, name: d.name })),
    pendingInvite: user.password_hash === null && pendingInvite,
  };
}

export async function adminCreateUser(db: Db, actor: Actor, input: z.output<typeof createUserInputSchema>): Promise<CreatedUser> {
  const created = await db.transaction().execute(async (trx) => {
    if (input.role === 'patient') await assertDoctors(trx, input.doctorIds);
    const { user, invite } = await createAccount(trx, actor, input);
    if (input.role === 'patient') {
      for (const doctorId of new Set(input.doctorIds)) {
        await linkDoctorPatient(trx, doctorId, user.id, user.created_at);
        await logAccessChange(trx, actor, user.id, doctorId, 'granted');
      }
    }
    const detail = await adminGetUser(trx, user.id);
    return { user: detail.user, invite };
  });
  actor.mailInvite?.(created.user, created.invite);
  return created;
}

/**
 * Admin edits a person. For a patient, removing a doctor also closes that pair's open rooms (see
 * `closeRoomsOfUnlinkedPair`); their codes come back so the route can tell connected sockets.
 */
export async function adminUpdateUser(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof updateUserInputSchema>,
): Promise<{ detail: UserDetail; closedRooms: UnlinkedRooms }> {
  const closedRooms: UnlinkedRooms = { cancelled: [], finalized: [] };
  const detail = await db.transaction().execute(async (trx) => {
    const user = await managedUser(trx, id);
    if (user.role !== input.role) throw new AppError('role_mismatch', 400, 'Não é possível trocar o tipo de conta de uma pessoa.');
    if (input.email !== user.email) {
      const other = await findUserByEmail(trx, input.email);
      if (other && other.id !== id) throw emailTaken();
    }
    const at = nowIso();
    await rethrowUnique(UNIQUE.userEmail, emailTaken, updateUser(trx, id, { email: input.email, name: input.profile.name, updated_at: at }));
    if (input.role === 'doctor') {
      await saveDoctorProfile(trx, id, input.profile, at, actor.user.id);
    } else {
      await savePatientProfile(trx, id, input.profile, at);
      await assertDoctors(trx, input.doctorIds);
      const wanted = new Set(input.doctorIds);
      const current = await listDoctorsOfPatient(trx, id);
      // Unlinking removes access to the record, never the record itself; the pair's open rooms close with it.
      for (const d of current) {
        if (wanted.has(d.id)) continue;
        await unlinkDoctorPatient(trx, d.id, id);
        await logAccessChange(trx, actor, id, d.id, 'revoked');
        const closed = await closeRoomsOfUnlinkedPair(trx, actor, d.id, id);
        closedRooms.cancelled.push(...closed.cancelled);
        closedRooms.finalized.push(...closed.finalized);
      }
      const linked = new Set(current.map((d) => d.id));
      for (const doctorId of wanted) {
        if (linked.has(doctorId)) continue;
        await linkDoctorPatient(trx, doctorId, id, at);
        await logAccessChange(trx, actor, id, doctorId, 'granted');
      }
    }
    await recordAudit(trx, { actorId: actor.user.id, action: 'user.updated', entityType: 'user', entityId: id, details: { email: input.email }, ip: actor.ip });
    return adminGetUser(trx, id);
  });
  return { detail, closedRooms };
}

/** Deactivating signs the person out everywhere; nothing of theirs is deleted. */
export async function adminSetStatus(db: Db, actor: Actor, id: string, status: 'active' | 'inactive'): Promise<UserDetail> {
  return db.transaction().execute(async (trx) => {
    const user = await managedUser(trx, id);
    if (user.status !== status) {
      await updateUser(trx, id, { status, updated_at: nowIso() });
      if (status === 'inactive') await endUserSessions(trx, id);
      await recordAudit(trx, {
        actorId: actor.user.id,
        action: status === 'inactive' ? 'user.deactivated' : 'user.reactivated',
        entityType: 'user',
        entityId: id,
        ip: actor.ip,
      });
    }
    return adminGetUser(trx, id);
  });
}

/** A fresh invite for someone who has not set a password yet. */
export async function renewInvite(db: Db, actor: Actor, user: UserRow): Promise<InviteLink> {
  if (user.password_hash !== null) throw conflict('already_activated', 'Esta pessoa já criou a senha. Ela pode entrar com o e-mail dela.');
  if (user.status !== 'active') throw conflict('inactive', 'Reative a conta antes de enviar um novo convite.');
  const invite = await db.transaction().execute(async (trx) => {
    const link = await createInvite(trx, user.id, actor.user.id, actor.baseUrl);
    await recordAudit(trx, { actorId: actor.user.id, action: 'invite.renewed', entityType: 'user', entityId: user.id, ip: actor.ip });
    return link;
  });
  actor.mailInvite?.(user, invite);
  return invite;
}

export async function adminRenewInvite(db: Db, actor: Actor, id: string): Promise<InviteLink> {
  return renewInvite(db, actor, await managedUser(db, id));
}
