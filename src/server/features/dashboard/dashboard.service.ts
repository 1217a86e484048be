import type { Dashboard } from '#shared/schemas/dashboard.ts';
import type { Db } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import type { UserRow } from '#server/db/types.ts';
import { billingGlance } from '#server/features/billing/billing-glance.service.ts';
import { pendingInvitesOf } from '#server/features/invites/invites.service.ts';
import { findDoctorProfile, findPatientProfile, myDoctors, toUserSummary } from '#server/features/users/users.service.ts';
import {
  countAwaitingPassword,
  countAwaitingPasswordOfDoctor,
  countPatientsOfDoctor,
  countPendingInvites,
  countPendingInvitesOfDoctor,
  countUsersByRoleAndStatus,
  listRecentPatientsOfDoctor,
  listRecentUsers,
} from './dashboard.repository';

/** The figures for the caller's home screen, all from live data. */
export async function getDashboard(db: Db, user: UserRow): Promise<Dashboard> {
  const now = nowIso();
  if (user.role === 'admin') {
    const [count, pendingInvites, awaiting, recent, billing] = await Promise.all([
      countUsersByRoleAndStatus(db),
      countPendingInvites(db, now),
      countAwaitingPassword(db),
      listRecentUsers(db, 5),
      billingGlance(db),
    ]);
    const pending = await pendingInvitesOf(db, recent);
    return {
      role: 'admin',
      doctors: { active: count('doctor', 'active'), inactive: count('doctor', 'inactive') },
      patients: { active: count('patient', 'active'), inactive: count('patient', 'inactive') },
      activeUsers: count('admin', 'active') + count('doctor', 'active') + count('patient', 'active'),
      pendingInvites,
      // The same people the users list marks "Convite expirado".
      expiredInvites: Math.max(0, awaiting - pendingInvites),
      recentUsers: recent.map((r) => toUserSummary(r, r, pending.has(r.id))),
      billing,
    };
  }
  if (user.role === 'doctor') {
    const [patients, pendingInvites, awaiting, profile, recent, earnings] = await Promise.all([
      countPatientsOfDoctor(db, user.id),
      countPendingInvitesOfDoctor(db, now, user.id),
      countAwaitingPasswordOfDoctor(db, user.id),
      findDoctorProfile(db, user.id),
      listRecentPatientsOfDoctor(db, user.id, 5),
      billingGlance(db, user.id),
    ]);
    const missingProfile: string[] = [];
    if (!profile?.pix_key) missingProfile.push('Chave PIX');
    if (!profile?.phone) missingProfile.push('Telefone');
    if (user.photo_version === null) missingProfile.push('Foto');
    const pending = await pendingInvitesOf(db, recent);
    return {
      role: 'doctor',
      patients,
      pendingInvites,
      expiredInvites: Math.max(0, awaiting - pendingInvites),
      missingProfile,
      recentPatients: recent.map((r) => toUserSummary(r, null, pending.has(r.id))),
      earnings,
    };
  }
  const [doctors, profile] = await Promise.all([myDoctors(db, user.id), findPatientProfile(db, user.id)]);
  const missingProfile: string[] = [];
  if (!profile?.phone) missingProfile.push('Telefone');
  if (!profile?.birth_date) missingProfile.push('Data de nascimento');
  return {
    role: 'patient',
    doctors,
    missingProfile,
  };
}
