import {
  ChartColumn,
  DatabaseBackup,
  Eye,
  HandCoins,
  History,
  House,
  Landmark,
  LayoutDashboard,
  ShieldCheck,
  TriangleAlert,
  UserRound,
  Users,
  Video,
  Wallet,
} from 'lucide-react';
import type { LucideIcon } from 'lucide-react';
import type { Role } from '#shared/permissions.ts';
import type { NoticeBadge } from '#web/lib/notices.ts';

export interface NavItem {
  to: string;
  label: string;
  icon: LucideIcon;
  /** Active only on this exact path (home pages), not on the pages under it. */
  end?: boolean;
  /** Live notices counted on this entry until its page is visited (app/notices-provider). */
  badge?: NoticeBadge;
  /** Shown only while the server offers this (the reset: RESET_ENABLED). */
  onlyIf?: 'reset';
}

const PROFILE: NavItem = { to: '/perfil', label: 'Meu perfil', icon: UserRound };

/** The sidebar of each role. */
export const NAV_ITEMS: Readonly<Record<Role, readonly NavItem[]>> = {
  admin: [
    { to: '/admin', label: 'Início', icon: LayoutDashboard, end: true },
    { to: '/admin/usuarios', label: 'Usuários', icon: Users },
    { to: '/admin/acessos', label: 'Registro de acessos', icon: ShieldCheck },
    { to: '/admin/faturamento', label: 'Faturamento', icon: ChartColumn },
    { to: '/admin/fechamentos', label: 'Fechamentos', icon: Landmark, badge: 'payments' },
    { to: '/admin/valores', label: 'Valores e repasse', icon: HandCoins },
    { to: '/admin/backups', label: 'Backups', icon: DatabaseBackup },
    { to: '/admin/redefinir', label: 'Redefinir banco', icon: TriangleAlert, onlyIf: 'reset' },
    PROFILE,
  ],
  doctor: [
    { to: '/medico', label: 'Início', icon: LayoutDashboard, end: true },
    { to: '/medico/pacientes', label: 'Pacientes', icon: Users },
    { to: '/medico/salas', label: 'Consultas', icon: Video },
    { to: '/medico/ganhos', label: 'Meus ganhos', icon: Wallet },
    { to: '/medico/pagamentos', label: 'Meus pagamentos', icon: HandCoins, badge: 'payments' },
    PROFILE,
  ],
  patient: [
    { to: '/paciente', label: 'Início', icon: House, end: true },
    { to: '/paciente/historico', label: 'Meu histórico', icon: History },
    { to: '/paciente/acessos', label: 'Quem viu meus dados', icon: Eye },
    PROFILE,
  ],
};
