import { FileText, History, Printer, Timer } from 'lucide-react';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadMore } from '#web/components/ui/load-more.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import { formatDuration } from '#web/lib/format-duration.ts';
import { useMyHistoryList } from '#web/features/records/api/get-my-history.ts';
import { groupAddenda } from '#web/features/records/model/group-addenda.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { consultationWhatText, documentPath } from '#web/features/records/model/record-text.ts';
import { EvolutionEntry } from './evolution-entry';
import { usePagedList } from '#web/lib/use-paged-list.ts';
import './records.css';

/** /paciente/historico: the patient's consultations and what their doctors signed, in plain words. */
export function PatientHistoryPage() {
  // Both lists start from one read of the history; older items load as the patient scrolls.
  const history = useMyHistoryList('entries');
  const consultationList = useMyHistoryList('consultations');
  const { items: entries, loadMore: moreEntries } = usePagedList(history);
  const { items: consultations, loadMore: moreConsultations } = usePagedList(consultationList);
  const header = <PageHeader title="Meu histórico" description="Suas consultas e o que seus médicos registraram: diagnósticos, receitas e orientações." />;

  if (history.isPending) {
    return (
      <>
        {header}
        <LoadingState label="Carregando seu histórico…" />
      </>
    );
  }
  if (history.isError) {
    return (
      <>
        {header}
        <Card>
          <ErrorState message={messageOf(history.error)} onRetry={() => void history.refetch()} retrying={history.isFetching} />
        </Card>
      </>
    );
  }

  const groups = groupAddenda(entries.filter((e) => e.status === 'final'));
  return (
    <>
      {header}
      <div className="stack">
        <Card flush as="section" aria-labelledby="history-entries-title">
          <CardHeader id="history-entries-title" title="Registros dos seus atendimentos" />
          {groups.length === 0 ? (
            <EmptyState
              icon={<History />}
              level={3}
              title="Nada registrado ainda"
              description="Depois de uma consulta, o que seu médico registrar aparece aqui."
            />
          ) : (
            <ol className="evo-timeline" aria-label="Registros dos seus atendimentos">
              {groups.map(({ entry, addenda }) => (
                <li key={entry.id}>
                  <EvolutionEntry
                    entry={entry}
                    addenda={addenda}
                    audience="patient"
                    actions={
                      <>
                        {entry.prescriptions.length > 0 ? (
                          <ButtonLink size="sm" variant="primary" to={documentPath('prescription', entry.id)} icon={<Printer aria-hidden="true" />}>
                            Imprimir receita
                          </ButtonLink>
                        ) : null}
                        <ButtonLink size="sm" to={documentPath('evolution', entry.id)} icon={<FileText aria-hidden="true" />}>
                          Ver para imprimir
                        </ButtonLink>
                      </>
                    }
                  />
                </li>
              ))}
            </ol>
          )}
          <LoadMore {...moreEntries} label="Carregar registros mais antigos" />
        </Card>
        <Card flush as="section" aria-labelledby="history-consultations-title">
          <CardHeader id="history-consultations-title" title="Consultas" />
          {consultationList.isError ? (
            <ErrorState message={messageOf(consultationList.error)} onRetry={() => void consultationList.refetch()} retrying={consultationList.isFetching} />
          ) : consultationList.isPending ? (
            <LoadingState label="Carregando consultas…" />
          ) : consultations.length === 0 ? (
            <p className="card-empty-text">Você ainda não teve consultas.</p>
          ) : (
            <ul className="record-list" aria-label="Consultas">
              {consultations.map((c) => (
                <li key={c.id}>
                  <div className="record-list-main">
                    <strong>{formatDateTime(c.startedAt)}</strong>
                    <span>
                      {[doctorTitle(c.doctor.name), c.doctor.specialty, c.kind === 'video' ? c.reason : consultationWhatText(c)].filter(Boolean).join(' · ')}
                    </span>
                  </div>
                  {c.durationSeconds !== null ? (
                    <div className="record-list-end">
                      <span className="record-list-duration">
                        <Timer aria-hidden="true" />
                        <span className="sr-only">Duração: </span>
                        {formatDuration(c.durationSeconds)}
                      </span>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {consultationList.isSuccess ? <LoadMore {...moreConsultations} label="Carregar consultas mais antigas" /> : null}
        </Card>
      </div>
    </>
  );
}
