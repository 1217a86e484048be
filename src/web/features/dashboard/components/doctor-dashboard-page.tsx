import { ArrowRight, MailPlus, UserPlus, Users, Video } from 'lucide-react';
import { Link, useNavigate } from 'react-router';
import { can } from '../../../../shared/permissions';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { StatCard } from '../../../components/ui/stat-card';
import { useMe } from '../../auth/api/get-me';
import { MyPaymentsPrompt } from '../../payments/components/my-payments-prompt';
import { DashboardFrame } from './dashboard-frame';
import { DoctorEarningsCard } from './doctor-earnings-card';
import { MissingProfileBanner } from './missing-profile-banner';
import { RecentPeopleCard } from './recent-people-card';
import '../../../components/ui/stat-card.css';

/** /medico: a payment to confirm first, then the doctor's patients, this month's earnings and what is missing from their profile. */
export function DoctorDashboardPage() {
  const navigate = useNavigate();
  const { data: me } = useMe();
  const canCreate = me ? can(me.user.role, 'create:patient:own') : false;
  return (
    <DashboardFrame
      role="doctor"
      description="Seus pacientes, convites e ganhos, num só lugar."
      skeletonCards={2}
      actions={
        canCreate ? (
          <Button icon={<UserPlus aria-hidden="true" />} onClick={() => void navigate('/medico/pacientes/novo')}>
            Cadastrar paciente
          </Button>
        ) : undefined
      }
    >
      {(data) => (
        <>
          <MyPaymentsPrompt />
          <MissingProfileBanner missing={data.missingProfile} />
          <div className="stat-grid">
            <StatCard label="Meus pacientes" value={data.patients} icon={<Users />} hint="Pacientes que você acompanha" />
            <StatCard label="Convites pendentes" value={data.pendingInvites} icon={<MailPlus />} tone="amber" hint="Pacientes que ainda não criaram a senha" />
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
            <Card as="section" className="note-card" aria-labelledby="doctor-note-title">
              <span className="note-card-icon" aria-hidden="true">
                <Video />
              </span>
              <div>
                <h2 id="doctor-note-title">Consultas por vídeo</h2>
                <p>Abra uma sala para um paciente, envie o link pelo WhatsApp e atenda por vídeo, direto no navegador.</p>
                <p>
                  <Link to="/medico/salas" className="dashboard-link">
                    Ver minhas consultas
                    <ArrowRight aria-hidden="true" />
                  </Link>
                </p>
              </div>
            </Card>
          </div>
        </>
      )}
    </DashboardFrame>
  );
}
