import { NotebookPen, PenLine } from 'lucide-react';
import { Link } from 'react-router';
import { ButtonLink } from '../../../components/ui/button-link';
import { Card, CardHeader } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadMore } from '../../../components/ui/load-more';
import { LoadingState } from '../../../components/ui/loading-state';
import { messageOf } from '../../../lib/api-error';
import { usePatientRecordList } from '../api/get-patient-record';
import { groupAddenda } from '../model/group-addenda';
import { FinalEntryActions, evolutionPath } from './evolution-actions';
import { EvolutionEntry } from './evolution-entry';
import { usePagedList } from '../../../lib/use-paged-list';
import './records.css';

interface Props {
  patientId: string;
  patientName: string;
}

/** The patient's evolutions, newest first, drafts marked, addenda under the entry they correct; more load on scroll. */
export function PatientEvolutionsCard({ patientId, patientName }: Props) {
  const record = usePatientRecordList(patientId, 'evolutions');
  const { items, loadMore } = usePagedList(record);
  const groups = groupAddenda(items);
  return (
    <Card flush as="section" aria-labelledby="patient-evolutions-title">
      <CardHeader id="patient-evolutions-title" title="Evoluções" description="Anotações, diagnósticos e receitas, da mais recente para a mais antiga." />
      {record.isPending ? (
        <LoadingState label="Carregando evoluções…" />
      ) : record.isError ? (
        <ErrorState message={messageOf(record.error)} onRetry={() => void record.refetch()} retrying={record.isFetching} />
      ) : groups.length === 0 ? (
        <EmptyState icon={<NotebookPen />} level={3} title="Nenhuma evolução ainda" description={`Use “Nova evolução” para registrar o atendimento de ${patientName}, ou escreva durante a consulta por vídeo.`} />
      ) : (
        <ol className="evo-timeline" aria-label={`Evoluções de ${patientName}`}>
          {groups.map(({ entry, addenda }) => (
            <li key={entry.id} className={entry.status === 'draft' ? 'evo-timeline-draft' : undefined}>
              <EvolutionEntry
                entry={entry}
                addenda={addenda}
                titleLink={(title) => <Link to={evolutionPath(entry)}>{title}</Link>}
                actions={
                  entry.status === 'draft' ? (
                    <ButtonLink size="sm" variant="primary" to={evolutionPath(entry)} icon={<PenLine aria-hidden="true" />}>
                      Continuar escrevendo
                    </ButtonLink>
                  ) : (
                    <FinalEntryActions entry={entry} size="sm" />
                  )
                }
              />
              {addenda
                .filter((a) => a.status === 'draft')
                .map((a) => (
                  <p key={a.id} className="evo-note">
                    <Link to={evolutionPath(a)}>Continuar o adendo em rascunho</Link>
                  </p>
                ))}
            </li>
          ))}
        </ol>
      )}
      {record.isSuccess ? <LoadMore {...loadMore} label="Carregar evoluções mais antigas" /> : null}
    </Card>
  );
}
