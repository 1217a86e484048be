import { PencilLine } from 'lucide-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { Button } from '#web/components/ui/button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { ApiError, messageOf } from '#web/lib/api-error.ts';
import { usePatientRecord } from '#web/features/records/api/get-patient-record.ts';
import { NewEvolutionButton } from '#web/features/records/components/new-evolution-button.tsx';
import { consentText } from '#web/features/records/model/record-text.ts';
import { NewRoomDialog } from '#web/features/rooms/components/new-room-dialog.tsx';
import { PatientRoomsCard } from '#web/features/rooms/components/patient-rooms-card.tsx';
import { usePatient } from '#web/features/patients/api/get-patient.ts';
import { EditPatientForm } from '#web/features/patients/components/edit-patient-form.tsx';
import { PatientFactsCard } from '#web/features/patients/components/patient-facts-card.tsx';
import { PatientInviteAction } from '#web/features/patients/components/patient-invite-action.tsx';
import { PatientResetLinkAction } from '#web/features/patients/components/patient-reset-link-action.tsx';
import { PatientRecordHeader } from '#web/features/patients/components/patient-record-header.tsx';
import { PatientVisitsCard } from '#web/features/records/components/patient-visits-card.tsx';
import '#web/components/person-card.css';

const BACK = { to: '/medico/pacientes', label: 'Pacientes' };

/**
 * /medico/pacientes/:id: the patient's record for their doctor — the header with one "Nova
 * consulta", an open consultation while there is one, the visits as one timeline (each call with
 * its evolution and documents), and the personal data, editable behind "Editar dados", with a new
 * invite while they have no password.
 */
export function PatientDetailPage() {
  const { id = '' } = useParams();
  const patient = usePatient(id);
  const record = usePatientRecord(id);
  const [creatingRoom, setCreatingRoom] = useState(false);
  const [editing, setEditing] = useState(false);

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
        newEvolution={<NewEvolutionButton patientId={detail.user.id} variant="secondary" />}
      />
      <div className="detail-grid">
        <div className="stack">
          <PatientRoomsCard patient={preset} />
          <PatientVisitsCard patient={{ id: detail.user.id, name: detail.user.name }} />
        </div>
        {/* The form is taller than the screen: it scrolls with the page instead of sticking. */}
        <aside aria-label="Dados do paciente" className={editing ? 'patient-aside-editing' : undefined}>
          {editing ? (
            <EditPatientForm key={detail.user.id} detail={detail} onDone={() => setEditing(false)} />
          ) : (
            <PatientFactsCard detail={detail} consent={consent?.text ?? (record.isError ? 'Não foi possível carregar' : 'Carregando…')}>
              <Button variant="secondary" size="sm" icon={<PencilLine aria-hidden="true" />} onClick={() => setEditing(true)}>
                Editar dados
              </Button>
              {detail.user.status !== 'active' ? null : detail.user.activated ? (
                <PatientResetLinkAction detail={detail} />
              ) : (
                <PatientInviteAction detail={detail} />
              )}
            </PatientFactsCard>
          )}
        </aside>
      </div>
      <NewRoomDialog open={creatingRoom} onClose={() => setCreatingRoom(false)} patient={preset} />
    </>
  );
}
