import { Plus, Timer } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadMore } from '../../../components/ui/load-more';
import { LoadingState } from '../../../components/ui/loading-state';
import { messageOf } from '../../../lib/api-error';
import { formatDuration } from '../../../lib/format-duration';
import { doctorTitle } from '../../../lib/doctor-title';
import { usePatientRecordList } from '../api/get-patient-record';
import { formatDateTime } from '../../../lib/format-date';
import { consultationStatusText, consultationWhatText } from '../model/record-text';
import { usePagedList } from '../../../lib/use-paged-list';
import { OutsideConsultationDialog } from './outside-consultation-dialog';
import './records.css';

/**
 * Every consultation that really happened (by video, or registered as held in person or by
 * phone): date, duration, state; more load on scroll. The doctor registers the others here.
 */
export function PatientConsultationsCard({ patient }: { patient: { id: string; name: string } }) {
  const patientId = patient.id;
  const record = usePatientRecordList(patientId, 'consultations');
  const { items: list, loadMore } = usePagedList(record);
  const [registering, setRegistering] = useState(false);
  return (
    <Card flush as="section" aria-labelledby="patient-consultations-title">
      <CardHeader
        id="patient-consultations-title"
        title="Consultas realizadas"
        actions={
          <Button variant="secondary" size="sm" icon={<Plus aria-hidden="true" />} onClick={() => setRegistering(true)}>
            Registrar consulta
          </Button>
        }
      />
      <OutsideConsultationDialog open={registering} onClose={() => setRegistering(false)} patient={patient} />
      {record.isPending ? (
        <LoadingState label="Carregando consultas…" />
      ) : record.isError ? (
        <ErrorState message={messageOf(record.error)} onRetry={() => void record.refetch()} retrying={record.isFetching} />
      ) : list.length === 0 ? (
        <p className="card-empty-text">Nenhuma consulta realizada ainda. Uma consulta presencial ou por telefone pode ser registrada aqui.</p>
      ) : (
        <ul className="record-list" aria-label="Consultas realizadas">
          {list.map((c) => (
            <li key={c.id}>
              <div className="record-list-main">
                <strong>{formatDateTime(c.startedAt)}</strong>
                <span>{[consultationWhatText(c), doctorTitle(c.doctorName)].join(' · ')}</span>
                {c.note ? <span className="record-list-note">{c.note}</span> : null}
              </div>
              <div className="record-list-end">
                {c.durationSeconds !== null ? (
                  <span className="record-list-duration">
                    <Timer aria-hidden="true" />
                    <span className="sr-only">Duração: </span>
                    {formatDuration(c.durationSeconds)}
                  </span>
                ) : null}
                <Badge tone={c.endedAt ? 'success' : 'info'}>{consultationStatusText(c)}</Badge>
              </div>
            </li>
          ))}
        </ul>
      )}
      {record.isSuccess ? <LoadMore {...loadMore} label="Carregar consultas mais antigas" /> : null}
    </Card>
  );
}
