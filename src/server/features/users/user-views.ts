import { formatCrm } from '#shared/domain/crm.ts';
import type { Me } from '#shared/schemas/auth.ts';
import type { DoctorProfile, PatientProfile } from '#shared/schemas/profile.ts';
import type { UserSummary } from '#shared/schemas/users.ts';
import type { DoctorProfileRow, PatientProfileRow, UserRow } from '#server/db/types.ts';

/** The URL of a person's photo; the version makes it safe to cache for a long time. */
export function photoUrlOf(user: Pick<UserRow, 'id' | 'photo_version'>): string | null {
  return user.photo_version === null ? null : `/api/users/${user.id}/photo?v=${user.photo_version}`;
}

export function doctorSubtitle(p: { crm_number: string; crm_uf: string; specialty: string }): string {
  return `${formatCrm(p.crm_number, p.crm_uf)} · ${p.specialty}`;
}

/**
 * A user as lists show them. `pendingInvite`: whether an unused, unexpired invite exists, for
 * people without a password (see `findUserIdsWithPendingInvite`); unknown counts as pending.
 */
export function toUserSummary(
  user: UserRow,
  doctor?: { crm_number: string | null; crm_uf: string | null; specialty: string | null } | null,
  pendingInvite = true,
): UserSummary {
  const subtitle =
    doctor?.crm_number && doctor.crm_uf && doctor.specialty
      ? doctorSubtitle({ crm_number: doctor.crm_number, crm_uf: doctor.crm_uf, specialty: doctor.specialty })
      : null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    activated: user.password_hash !== null,
    inviteExpired: user.password_hash === null && !pendingInvite,
    photoUrl: photoUrlOf(user),
    createdAt: user.created_at,
    subtitle,
  };
}

export function toDoctorProfile(row: DoctorProfileRow): DoctorProfile {
  return {
    crmNumber: row.crm_number,
    crmUf: row.crm_uf,
    rqe: row.rqe,
    specialty: row.specialty,
    phone: row.phone,
    pixKeyType: row.pix_key_type,
    pixKey: row.pix_key,
    city: row.city,
    cityUf: row.city_uf,
  };
}

export function toPatientProfile(row: PatientProfileRow | undefined): PatientProfile {
  return { cpf: row?.cpf ?? null, birthDate: row?.birth_date ?? null, phone: row?.phone ?? null };
}

export function toMe(user: UserRow, doctor: DoctorProfileRow | undefined, patient: PatientProfileRow | undefined): Me {
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, status: user.status, photoUrl: photoUrlOf(user) },
    doctor: doctor ? toDoctorProfile(doctor) : null,
    patient: user.role === 'patient' ? toPatientProfile(patient) : null,
  };
}
