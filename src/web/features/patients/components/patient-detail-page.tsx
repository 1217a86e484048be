import { useState } from 'react';
import { useParams } from 'react-router';
import { Card } from '../../../components/ui/card';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { PageHeader } from '../../../components/ui/page-header';
import { ApiError, messageOf } from '../../../lib/api-error';
import { usePatientRecord } from '../../records/api/get-patient-record';
import { NewEvolutionButton } from '../../records/components/new-evolution-button';
import { PatientConsultationsCard } from '../../records/components/patient-consultations-card';
import { PatientEvolutionsCard } from '../../records/components/patient-evolutions-card';
import { consentText } from '../../records/model/record-text';
import { NewRoomDialog } from '../../rooms/components/new-room-dialog';
import { PatientRoomsCard } from '../../rooms/components/patient-rooms-card';
import { usePatient } from '../api/get-patient';
import { EditPatientForm } from './edit-patient-form';
import { PatientFactsCard } from './patient-facts-card';
import { PatientInviteAction } from './patient-invite-action';
import { PatientResetLinkAction } from './patient-reset-link-action';
import { PatientRecordHeader } from './patient-record-header';
import '../../../components/person-card.css';

const BACK = { to: '/medico/pacientes', label: 'Pacientes' };

/**
 * /medico/pacientes/:id: the patient's record for their doctor — header with quick actions,
 * evolutions, consultations, rooms, editable data, and a new invite while they have no password.
 */
export function PatientDetailPage() {
  const { id = '' } = useParams();
  const patient = usePatient(id);
  const record = usePatientRecord(id);
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
  const preset = { id: detail.user.id, name: detail.user.name, phone: detail.patient.phone };
  const canMeet = detail.user.status === 'active';
  const consent = record.data ? consentText(record.data.consent) : null;

  return (
    <>
      <PatientRecordHeader
        detail={detail}
        consent={consent}
        onNewRoom={canMeet ? () => setCreatingRoom(true) : null}
        newEvolution={<NewEvolutionButton patientId={detail.user.id} />}
      />
      <div className="detail-grid">
        <div className="stack">
          <PatientEvolutionsCard patientId={detail.user.id} patientName={detail.user.name} />
          <PatientConsultationsCard patient={{ id: detail.user.id, name: detail.user.name }} />
          <PatientRoomsCard patient={preset} />
          <EditPatientForm key={detail.user.id} detail={detail} />
        </div>
        <aside aria-label="Dados do paciente">
          <PatientFactsCard detail={detail} consent={consent?.text ?? (record.isError ? 'Não foi possível carregar' : 'Carregando…')}>
            {detail.user.status !== 'active' ? null : detail.user.activated ? <PatientResetLinkAction detail={detail} /> : <PatientInviteAction detail={detail} />}
          </PatientFactsCard>
        </aside>
      </div>
      <NewRoomDialog open={creatingRoom} onClose={() => setCreatingRoom(false)} patient={preset} />
    </>
  );
}
