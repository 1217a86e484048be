import { Timer } from 'lucide-react';
import { Badge } from '../../../components/ui/badge';
import { Card, CardHeader } from '../../../components/ui/card';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadMore } from '../../../components/ui/load-more';
import { LoadingState } from '../../../components/ui/loading-state';
import { messageOf } from '../../../lib/api-error';
import { formatDuration } from '../../../lib/format-duration';
import { doctorTitle } from '../../../lib/doctor-title';
import { usePatientRecordList } from '../api/get-patient-record';
import { consultationStatusText, dateAtTimeText } from '../model/record-text';
import { usePagedList } from '../../../lib/use-paged-list';
import './records.css';

/** Every video consultation that really happened: date, duration, state; more load on scroll. */
export function PatientConsultationsCard({ patientId }: { patientId: string }) {
  const record = usePatientRecordList(patientId, 'consultations');
  const { items: list, loadMore } = usePagedList(record);
  return (
    <Card flush as="section" aria-labelledby="patient-consultations-title">
      <CardHeader id="patient-consultations-title" title="Consultas realizadas" />
      {record.isPending ? (
        <LoadingState label="Carregando consultas…" />
      ) : record.isError ? (
        <ErrorState message={messageOf(record.error)} onRetry={() => void record.refetch()} retrying={record.isFetching} />
      ) : list.length === 0 ? (
        <p className="card-empty-text">Nenhuma consulta por vídeo realizada ainda.</p>
      ) : (
        <ul className="record-list" aria-label="Consultas realizadas">
          {list.map((c) => (
            <li key={c.id}>
              <div className="record-list-main">
                <strong>{dateAtTimeText(c.startedAt)}</strong>
                <span>{[c.reason ?? 'Consulta por vídeo', doctorTitle(c.doctorName)].join(' · ')}</span>
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
