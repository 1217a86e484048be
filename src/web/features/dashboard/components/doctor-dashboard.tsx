import { MailPlus, UserPlus, Users, Video } from 'lucide-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { can } from '#shared/permissions.ts';
import { Button } from '#web/components/ui/button.tsx';
import { StatCard } from '#web/components/ui/stat-card.tsx';
import { useMe } from '#web/lib/get-me.ts';
import { DashboardFrame } from './dashboard-frame';
import { DoctorEarningsCard } from './doctor-earnings-card';
import { DraftsToSignCard } from './drafts-to-sign-card';
import { expiredInvitesHint } from './invite-hint';
import { MissingProfileTip } from './missing-profile-tip';
import { RecentPeopleCard } from './recent-people-card';
import { TodayRoomsCard } from './today-rooms-card';
import '#web/components/ui/stat-card.css';

/**
 * /medico: the doctor's day. "Nova consulta" first; a payment to confirm; today's consultations
 * with who is waiting now; the evolutions still to sign; then earnings and patients; what is
 * missing from the profile only as a quiet tip at the end. The page (app/pages) brings the other
 * features' pieces: the payment prompt and the new-room dialog.
 */
export function DoctorDashboard({ paymentsPrompt, newRoomDialog }: { paymentsPrompt: ReactNode; newRoomDialog: (onClose: () => void) => ReactNode }) {
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [creatingRoom, setCreatingRoom] = useState(false);
  const canCreatePatient = me ? can(me.user.role, 'create:patient:own') : false;
  const openNewRoom = () => setCreatingRoom(true);
  return (
    <DashboardFrame
      role="doctor"
      description="Suas consultas de hoje, o que falta assinar e seus ganhos."
      skeletonCards={2}
      actions={
        <>
          {/* First: on a phone the actions stack, and the day's main action leads. */}
          <Button icon={<Video aria-hidden="true" />} onClick={openNewRoom}>
            Nova consulta
          </Button>
          {canCreatePatient ? (
            <Button variant="secondary" icon={<UserPlus aria-hidden="true" />} onClick={() => void navigate('/medico/pacientes/novo')}>
              Cadastrar paciente
            </Button>
          ) : null}
        </>
      }
    >
      {(data) => (
        <>
          {paymentsPrompt}
          <div className="doctor-day">
            <TodayRoomsCard onNewRoom={openNewRoom} />
            <DraftsToSignCard />
          </div>
          <div className="dashboard-columns doctor-columns">
            <DoctorEarningsCard earnings={data.earnings} />
            <RecentPeopleCard
              title="Pacientes recentes"
              people={data.recentPatients}
              linkTo={(user) => `/medico/pacientes/${user.id}`}
              allTo="/medico/pacientes"
              allLabel="Ver todos os pacientes"
              empty={{
                icon: <Users />,
                title: 'Nenhum paciente ainda',
                description: 'Cadastre seu primeiro paciente e envie o convite pelo WhatsApp.',
              }}
            />
          </div>
          <div className="stat-grid">
            <StatCard label="Meus pacientes" value={data.patients} icon={<Users />} hint="Pacientes que você acompanha" />
            <StatCard label="Convites pendentes" value={data.pendingInvites} icon={<MailPlus />} tone="amber" hint={expiredInvitesHint(data.expiredInvites)} />
          </div>
          <MissingProfileTip missing={data.missingProfile} />
          {creatingRoom ? newRoomDialog(() => setCreatingRoom(false)) : null}
        </>
      )}
    </DashboardFrame>
  );
}
