import { Timer } from 'lucide-react';
import type { PatientRecord } from '../../../../shared/schemas/records';
import { Badge } from '../../../components/ui/badge';
import { Card, CardHeader } from '../../../components/ui/card';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { messageOf } from '../../../lib/api-error';
import { formatDuration } from '../../../lib/format-duration';
import { doctorTitle } from '../../../lib/doctor-title';
import { consultationStatusText, dateAtTimeText } from '../model/record-text';
import './records.css';

interface Props {
  record: { data?: PatientRecord | undefined; isPending: boolean; isError: boolean; error: unknown; isFetching: boolean; refetch: () => unknown };
}

/** Every video consultation that really happened: date, duration, state. */
export function PatientConsultationsCard({ record }: Props) {
  const list = record.data?.consultations ?? [];
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
    </Card>
  );
}
