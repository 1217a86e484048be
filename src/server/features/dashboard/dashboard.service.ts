import { formatCrm } from '../../../shared/domain/crm';
import type { Dashboard } from '../../../shared/schemas/dashboard';
import type { Db } from '../../db/database';
import { nowIso } from '../../db/database';
import type { UserRow } from '../../db/types';
import { countPendingInvites } from '../invites/invites.repository';
import { photoUrlOf, toUserSummary } from '../users/user-views';
import { countUsers, findDoctorProfile, findPatientProfile, listDoctorsOfPatient } from '../users/users.repository';

/** The figures for the caller's home screen, all from live data. */
export async function getDashboard(db: Db, user: UserRow): Promise<Dashboard> {
  const now = nowIso();
  if (user.role === 'admin') {
    const [da, di, pa, pi, activeUsers, pendingInvites, recent] = await Promise.all([
      countUsers(db, { role: 'doctor', status: 'active' }),
      countUsers(db, { role: 'doctor', status: 'inactive' }),
      countUsers(db, { role: 'patient', status: 'active' }),
      countUsers(db, { role: 'patient', status: 'inactive' }),
      countUsers(db, { status: 'active' }),
      countPendingInvites(db, now),
      db.selectFrom('users').leftJoin('doctor_profiles', 'doctor_profiles.user_id', 'users.id').selectAll('users')
        .select(['doctor_profiles.crm_number', 'doctor_profiles.crm_uf', 'doctor_profiles.specialty'])
        .where('users.role', '!=', 'admin').orderBy('users.created_at', 'desc').limit(5).execute(),
    ]);
    return {
      role: 'admin',
      doctors: { active: da, inactive: di },
      patients: { active: pa, inactive: pi },
      activeUsers,
      pendingInvites,
      recentUsers: recent.map((r) => toUserSummary(r, r)),
    };
  }
  if (user.role === 'doctor') {
    const [patients, pendingInvites, profile, recent] = await Promise.all([
      countUsers(db, { role: 'patient', doctorId: user.id }),
      countPendingInvites(db, now, user.id),
      findDoctorProfile(db, user.id),
      db.selectFrom('users').innerJoin('doctor_patients', 'doctor_patients.patient_id', 'users.id').selectAll('users')
        .where('doctor_patients.doctor_id', '=', user.id).orderBy('doctor_patients.created_at', 'desc').limit(5).execute(),
    ]);
    const missingProfile: string[] = [];
    if (!profile?.pix_key) missingProfile.push('Chave PIX');
    if (!profile?.phone) missingProfile.push('Telefone');
    if (user.photo_version === null) missingProfile.push('Foto');
    return { role: 'doctor', patients, pendingInvites, missingProfile, recentPatients: recent.map((r) => toUserSummary(r)) };
  }
  const [doctors, profile] = await Promise.all([listDoctorsOfPatient(db, user.id), findPatientProfile(db, user.id)]);
  const missingProfile: string[] = [];
  if (!profile?.phone) missingProfile.push('Telefone');
  if (!profile?.birth_date) missingProfile.push('Data de nascimento');
  return {
    role: 'patient',
    doctors: doctors
      .filter((d) => d.status === 'active')
      .map((d) => ({ id: d.id, name: d.name, specialty: d.specialty, crm: formatCrm(d.crm_number, d.crm_uf), photoUrl: photoUrlOf(d) })),
    missingProfile,
  };
}
