import { CircleCheck, PenLine } from 'lucide-react';
import { Link } from 'react-router';
import type { DraftToSign } from '#shared/schemas/records.ts';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { PersonListSkeleton } from '#web/components/person-list-skeleton.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { useDraftsToSign } from '#web/features/records/api/get-drafts-to-sign.ts';
import './drafts-to-sign-card.css';

/** Where the draft comes from: "Consulta de 28/11/2026 às 14:30", or when it was last written. */
function draftWhen(d: DraftToSign): string {
  if (d.visitAt) return `Consulta de ${formatDateTime(d.visitAt)}`;
  return `${d.kind === 'addendum' ? 'Adendo' : 'Evolução'} escrita em ${formatDateTime(d.updatedAt)}`;
}

/**
 * "Evoluções para assinar": the doctor's own unsigned drafts with their count. A draft is saved,
 * but it is not in the patient's record until it is signed, so the home keeps it in sight.
 */
export function DraftsToSignCard() {
  const drafts = useDraftsToSign();
  const total = drafts.data?.total ?? 0;
  return (
    <Card flush as="section" aria-labelledby="drafts-to-sign-title" className="drafts-card">
      <CardHeader
        id="drafts-to-sign-title"
        title={
          <>
            Evoluções para assinar
            {total > 0 ? (
              <span className="drafts-count">
                <span className="sr-only">: </span>
                {total}
              </span>
            ) : null}
          </>
        }
      />
      {drafts.isPending ? (
        <PersonListSkeleton rows={1} />
      ) : drafts.isError ? (
        <ErrorState message={messageOf(drafts.error)} onRetry={() => void drafts.refetch()} retrying={drafts.isFetching} />
      ) : total === 0 ? (
        <p className="drafts-empty">
          <CircleCheck aria-hidden="true" />
          Tudo assinado. Nenhuma evolução esperando por você.
        </p>
      ) : (
        <>
          <ul className="drafts-list" aria-label="Evoluções para assinar">
            {drafts.data.items.map((d) => (
              <li key={d.id}>
                <Link to={`/medico/pacientes/${d.patient.id}/evolucoes/${d.id}`} className="drafts-link">
                  <PenLine aria-hidden="true" />
                  <span>
                    <strong>{d.patient.name}</strong>
                    <small>{draftWhen(d)}</small>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {total > drafts.data.items.length ? <p className="drafts-more">Mais {total - drafts.data.items.length} no prontuário de cada paciente.</p> : null}
        </>
      )}
    </Card>
  );
}
