import { useParams } from 'react-router';
import { PersonCard } from '../../../components/person-card';
import { Card } from '../../../components/ui/card';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import { ApiError, messageOf } from '../../../lib/api-error';
import { ageFrom, formatCalendarDate } from '../../../lib/format-date';
import { formatPhone } from '../../../lib/format-phone';
import { usePatient } from '../api/get-patient';
import { EditPatientForm } from './edit-patient-form';
import { PatientInviteAction } from './patient-invite-action';
import '../../../components/person-card.css';

const BACK = { to: '/medico/pacientes', label: 'Pacientes' };

/** /medico/pacientes/:id: the patient's data, editable, and a new invite while they have no password. */
export function PatientDetailPage() {
  const { id = '' } = useParams();
  const patient = usePatient(id);

  if (patient.isPending) {
    return (
      <>
        <PageHeader title="Carregando paciente…" back={BACK} />
        <LoadingState />
      </>
    );
  }
  if (patient.isError) {
    const notFound = patient.error instanceof ApiError && (patient.error.status === 404 || patient.error.status === 400);
    return (
      <>
        <PageHeader title={notFound ? 'Paciente não encontrado' : 'Paciente'} back={BACK} />
        <Card>
          <ErrorState
            title={notFound ? 'Este paciente não está na sua lista' : 'Não foi possível carregar'}
            message={notFound ? 'Confira o endereço ou volte para a lista de pacientes.' : messageOf(patient.error)}
            onRetry={notFound ? undefined : () => void patient.refetch()}
            retrying={patient.isFetching}
          />
        </Card>
      </>
    );
  }

  const detail = patient.data;
  const { birthDate, phone } = detail.patient;
  const age = birthDate ? ageFrom(birthDate) : null;
  const facts: [string, string][] = [];
  if (birthDate) facts.push(['Nascimento', `${formatCalendarDate(birthDate)}${age !== null ? ` (${age} anos)` : ''}`]);
  if (phone) facts.push(['Telefone', formatPhone(phone)]);

  return (
    <>
      <PageHeader title={detail.user.name} back={BACK} description={detail.user.email} />
      <div className="detail-grid">
        <EditPatientForm key={detail.user.id} detail={detail} />
        <aside aria-label="Acesso">
          <PersonCard user={detail.user} facts={facts}>
            {!detail.user.activated && detail.user.status === 'active' ? <PatientInviteAction detail={detail} /> : null}
          </PersonCard>
        </aside>
      </div>
    </>
  );
}
