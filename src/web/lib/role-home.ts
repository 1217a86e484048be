import type { Role } from '#shared/permissions.ts';

const HOME: Record<Role, string> = { admin: '/admin', doctor: '/medico', patient: '/paciente' };

/** Where each role lands after signing in. */
export function roleHome(role: Role): string {
  return HOME[role];
}
