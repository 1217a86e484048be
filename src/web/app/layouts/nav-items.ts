import { House, LayoutDashboard, UserRound, Users, Video } from 'lucide-react';
import type { LucideIcon } from 'lucide-react';
import type { Role } from '../../../shared/permissions';

export interface NavItem {
  to: string;
  label: string;
  icon: LucideIcon;
  /** Active only on this exact path (home pages), not on the pages under it. */
  end?: boolean;
}

const PROFILE: NavItem = { to: '/perfil', label: 'Meu perfil', icon: UserRound };

/** The sidebar of each role. */
export const NAV_ITEMS: Readonly<Record<Role, readonly NavItem[]>> = {
  admin: [
    { to: '/admin', label: 'Início', icon: LayoutDashboard, end: true },
    { to: '/admin/usuarios', label: 'Usuários', icon: Users },
    PROFILE,
  ],
  doctor: [
    { to: '/medico', label: 'Início', icon: LayoutDashboard, end: true },
    { to: '/medico/pacientes', label: 'Pacientes', icon: Users },
    { to: '/medico/salas', label: 'Consultas', icon: Video },
    PROFILE,
  ],
  patient: [{ to: '/paciente', label: 'Início', icon: House, end: true }, PROFILE],
};
