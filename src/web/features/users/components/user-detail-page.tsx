import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { formatCalendarDate } from '#web/lib/format-date.ts';
import { PersonCard } from '#web/components/person-card.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { ApiError, messageOf } from '#web/lib/api-error.ts';
import { ROLE_LABELS } from '#web/lib/role-labels.ts';
import { useMe } from '#web/lib/get-me.ts';
import { useUser } from '#web/features/users/api/get-user.ts';
import { EditUserForm } from './edit-user-form';
import { UserAccessActions } from './user-access-actions';
import '#web/components/person-card.css';

const BACK = { to: '/admin/usuarios', label: 'Usuários' };

/**
 * /admin/usuarios/:id: edit a person, renew their invite, deactivate or reactivate them.
 * `doctorSection` lets the app add other features' cards under a doctor's form (fees, for one).
 */
export function UserDetailPage({ doctorSection }: { doctorSection?: (doctorId: string) => ReactNode } = {}) {
  const { id = '' } = useParams();
  const user = useUser(id);
  const { data: me } = useMe();

  if (user.isPending) {
    return (
      <>
        <PageHeader title="Carregando cadastro…" back={BACK} />
        <LoadingState />
      </>
    );
  }
  if (user.isError) {
    const notFound = user.error instanceof ApiError && (user.error.status === 404 || user.error.status === 400);
    return (
      <>
        <PageHeader title={notFound ? 'Pessoa não encontrada' : 'Cadastro'} back={BACK} />
        <Card>
          <ErrorState
            title={notFound ? 'Este cadastro não existe' : 'Não foi possível carregar'}
            message={notFound ? 'O endereço pode estar errado, ou o cadastro foi removido. Volte para a lista de usuários.' : messageOf(user.error)}
            onRetry={notFound ? undefined : () => void user.refetch()}
            retrying={user.isFetching}
          />
        </Card>
      </>
    );
  }

  const detail = user.data;
  const role = detail.user.role;
  const isSelf = me?.user.id === detail.user.id;
  const facts: [string, string][] = [['Perfil', ROLE_LABELS[role]]];
  if (detail.patient?.birthDate) facts.push(['Nascimento', formatCalendarDate(detail.patient.birthDate)]);
  if (role === 'patient') facts.push(['Médicos', String(detail.doctors.length)]);

  return (
    <>
      <PageHeader title={detail.user.name} back={BACK} description={detail.user.email} />
      <div className="detail-grid">
        {role === 'admin' ? (
          <Card>
            <p className="muted">
              Contas de administração não são editadas por aqui.{' '}
              {isSelf ? 'Altere seus dados em Meu perfil.' : 'Cada administrador altera os próprios dados em Meu perfil.'}
            </p>
          </Card>
        ) : role === 'doctor' && doctorSection ? (
          <div className="stack">
            <EditUserForm key={detail.user.id} detail={detail} role={role} />
            {doctorSection(detail.user.id)}
          </div>
        ) : (
          <EditUserForm key={detail.user.id} detail={detail} role={role} />
        )}
        <aside aria-label="Acesso">
          <PersonCard user={detail.user} facts={facts}>
            {role !== 'admin' && !isSelf ? <UserAccessActions detail={detail} /> : null}
          </PersonCard>
        </aside>
      </div>
    </>
  );
}
