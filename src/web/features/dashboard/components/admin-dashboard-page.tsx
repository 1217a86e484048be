import { MailPlus, Stethoscope, UserPlus, UserRound, Users } from 'lucide-react';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '#web/components/ui/button.tsx';
import { StatCard } from '#web/components/ui/stat-card.tsx';
import { ROLE_LABELS } from '#web/lib/role-labels.ts';
import { AdminMoneyCards } from './admin-money-cards';
import { DashboardFrame } from './dashboard-frame';
import { expiredInvitesHint } from './invite-hint';
import { RecentPeopleCard } from './recent-people-card';
import '#web/components/ui/stat-card.css';

function inactiveHint(count: number): string {
  if (count === 0) return 'Nenhum desativado';
  return count === 1 ? '1 desativado' : `${count} desativados`;
}

/**
 * /admin: the clinic at a glance. `footer` goes last (app/pages adds the "Zona de perigo" card
 * from the backups feature there).
 */
export function AdminDashboardPage({ footer }: { footer?: ReactNode }) {
  const navigate = useNavigate();
  return (
    <DashboardFrame
      role="admin"
      description="Um resumo da clínica: quem atende, quem é atendido, quem ainda não aceitou o convite e quanto a clínica faturou no mês."
      actions={
        <Button icon={<UserPlus aria-hidden="true" />} onClick={() => void navigate('/admin/usuarios/novo')}>
          Novo usuário
        </Button>
      }
    >
      {(data) => (
        <>
          <div className="stat-grid">
            <StatCard label="Médicos ativos" value={data.doctors.active} icon={<Stethoscope />} hint={inactiveHint(data.doctors.inactive)} />
            <StatCard label="Pacientes ativos" value={data.patients.active} icon={<UserRound />} tone="cyan" hint={inactiveHint(data.patients.inactive)} />
            <StatCard label="Usuários ativos" value={data.activeUsers} icon={<Users />} tone="green" hint="Inclui a administração" />
            <StatCard label="Convites pendentes" value={data.pendingInvites} icon={<MailPlus />} tone="amber" hint={expiredInvitesHint(data.expiredInvites)} />
          </div>
          <AdminMoneyCards billing={data.billing} />
          <RecentPeopleCard
            title="Cadastros recentes"
            people={data.recentUsers}
            linkTo={(user) => `/admin/usuarios/${user.id}`}
            meta={(user) => ({ title: ROLE_LABELS[user.role], detail: user.subtitle })}
            allTo="/admin/usuarios"
            allLabel="Ver todos os usuários"
            empty={{
              icon: <Users />,
              title: 'Ninguém cadastrado ainda',
              description: 'Comece cadastrando os médicos da clínica. Depois, cadastre os pacientes e escolha quem cuida de cada um.',
            }}
          />
          {footer}
        </>
      )}
    </DashboardFrame>
  );
}
