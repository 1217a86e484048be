import type { Role } from '#shared/permissions.ts';

/** How each role is named on screen. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Administração',
  doctor: 'Médico(a)',
  patient: 'Paciente',
};
