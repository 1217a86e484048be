import { Video } from 'lucide-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PersonCard } from '../../../components/person-card';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import { ApiError, messageOf } from '../../../lib/api-error';
import { ageFrom, formatCalendarDate } from '../../../lib/format-date';
import { formatPhone } from '../../../lib/format-phone';
import { NewRoomDialog } from '../../rooms/components/new-room-dialog';
import { PatientRoomsCard } from '../../rooms/components/patient-rooms-card';
import { usePatient } from '../api/get-patient';
import { EditPatientForm } from './edit-patient-form';
import { PatientInviteAction } from './patient-invite-action';
import '../../../components/person-card.css';

const BACK = { to: '/medico/pacientes', label: 'Pacientes' };

/** /medico/pacientes/:id: the patient's data, editable, their video consultations, "Nova sala", and a new invite while they have no password. */
export function PatientDetailPage() {
  const { id = '' } = useParams();
  const patient = usePatient(id);
  const [creatingRoom, setCreatingRoom] = useState(false);

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
  const preset = { id: detail.user.id, name: detail.user.name, phone };
  const canMeet = detail.user.status === 'active';

  return (
    <>
      <PageHeader title={detail.user.name} back={BACK} description={detail.user.email} />
      <div className="detail-grid">
        <div className="stack">
          <PatientRoomsCard patient={preset} />
          <EditPatientForm key={detail.user.id} detail={detail} />
        </div>
        <aside aria-label="Acesso">
          <PersonCard user={detail.user} facts={facts}>
            {canMeet ? (
              <Button block icon={<Video aria-hidden="true" />} onClick={() => setCreatingRoom(true)}>
                Nova sala
              </Button>
            ) : null}
            {!detail.user.activated && detail.user.status === 'active' ? <PatientInviteAction detail={detail} /> : null}
          </PersonCard>
          <NewRoomDialog open={creatingRoom} onClose={() => setCreatingRoom(false)} patient={preset} />
        </aside>
      </div>
    </>
  );
}
