import { FileText, NotebookPen, PenLine, Plus, Printer } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '#web/components/ui/badge.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadMore } from '#web/components/ui/load-more.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { formatDuration } from '#web/lib/format-duration.ts';
import { usePagedList } from '#web/lib/use-paged-list.ts';
import { usePatientRecordList } from '#web/features/records/api/get-patient-record.ts';
import { FinalEntryActions, evolutionPath } from './evolution-actions';
import { EvolutionEntry } from './evolution-entry';
import { OutsideConsultationDialog } from './outside-consultation-dialog';
import { groupAddenda } from '#web/features/records/model/group-addenda.ts';
import { consultationStatusText, consultationWhatText, documentPath, entryMoment, entryTitle } from '#web/features/records/model/record-text.ts';
import { type EntryGroup, type Visit, groupVisits } from '#web/features/records/model/group-visits.ts';
import './patient-visits.css';

/** "Consulta por vídeo", "Retorno", "Consulta presencial", or an entry written outside any call. */
function visitTitle(visit: Visit): string {
  const c = visit.consultation;
  if (!c) return 'Evolução fora de consulta';
  return c.kind ? consultationWhatText({ kind: c.kind, reason: c.reason ?? null }) : 'Consulta por vídeo';
}

/** One entry of a visit: its title and diagnoses at a glance; the whole text opens in place. */
function VisitEntry({ group, open }: { group: EntryGroup; open: boolean }) {
  const { entry, addenda } = group;
  const draft = entry.status === 'draft';
  const codes = entry.diagnoses.map((d) => d.code).join(', ');
  return (
    <div className="visit-entry">
      <details open={open}>
        <summary>
          <span className="visit-entry-title">{draft ? 'Evolução em rascunho, ainda não assinada' : entryTitle(entry)}</span>
          {codes ? <span className="visit-entry-codes">{codes}</span> : null}
          {entry.prescriptions.length > 0 ? <span className="visit-entry-codes">Com receita</span> : null}
        </summary>
        <EvolutionEntry entry={entry} addenda={addenda} showTitle={false} actions={draft ? undefined : <FinalEntryActions entry={entry} size="sm" />} />
      </details>
      <div className="visit-actions">
        {draft ? (
          <ButtonLink size="sm" variant="primary" to={evolutionPath(entry)} icon={<PenLine aria-hidden="true" />}>
            Continuar escrevendo
          </ButtonLink>
        ) : (
          // The visit's documents, always in sight; the addendum is in the entry, opened.
          <p className="visit-documents">
            <span>Documentos:</span>
            {entry.prescriptions.length > 0 ? (
              <Link to={documentPath('prescription', entry.id)}>
                <Printer aria-hidden="true" />
                Receita<span className="sr-only"> de {formatDateTime(entryMoment(entry))}</span>
              </Link>
            ) : null}
            <Link to={documentPath('evolution', entry.id)}>
              <FileText aria-hidden="true" />
              Evolução<span className="sr-only"> de {formatDateTime(entryMoment(entry))}</span>
            </Link>
          </p>
        )}
        {addenda
          .filter((a) => a.status === 'draft')
          .map((a) => (
            <Link key={a.id} to={evolutionPath(a)} className="visit-link">
              Continuar o adendo em rascunho
            </Link>
          ))}
      </div>
    </div>
  );
}

/** A visit: the call (or the entry) with its time, how long it took, and what was written and printed. */
function VisitItem({ visit, first }: { visit: Visit; first: boolean }) {
  const c = visit.consultation;
  const meta = c
    ? [c.durationSeconds !== null ? formatDuration(c.durationSeconds) : null, c.doctorName ? doctorTitle(c.doctorName) : null].filter(Boolean).join(' · ')
    : null;
  return (
    <li className="visit">
      <div className="visit-head">
        <h3 className="visit-title">
          {visitTitle(visit)} <span className="visit-time">· {formatDateTime(visit.at)}</span>
        </h3>
        {c ? <Badge tone={c.endedAt ? 'success' : 'info'}>{consultationStatusText(c)}</Badge> : null}
      </div>
      {meta ? <p className="visit-meta">{meta}</p> : null}
      {c?.note ? <p className="visit-note">{c.note}</p> : null}
      {visit.entries.length === 0 && c ? <p className="visit-none">Nenhuma evolução escrita nesta consulta.</p> : null}
      {visit.entries.map((group) => (
        <VisitEntry key={group.entry.id} group={group} open={first} />
      ))}
    </li>
  );
}

/**
 * The patient's record as a timeline of visits, newest first: each consultation labelled with
 * its time, with the evolution written in it and the documents to print; entries written
 * outside a call stand on their own. Older visits load on scroll. A consultation held in person
 * or by phone is registered here.
 */
export function PatientVisitsCard({ patient }: { patient: { id: string; name: string } }) {
  const consultations = usePatientRecordList(patient.id, 'consultations');
  const evolutions = usePatientRecordList(patient.id, 'evolutions');
  const c = usePagedList(consultations);
  const e = usePagedList(evolutions);
  const [registering, setRegistering] = useState(false);
  const { visits, next } = groupVisits({ items: c.items, hasMore: c.loadMore.hasMore }, { items: groupAddenda(e.items), hasMore: e.loadMore.hasMore });
  const loadMore = next === 'consultations' ? c.loadMore : next === 'entries' ? e.loadMore : null;
  const failed = consultations.isError ? consultations : evolutions.isError ? evolutions : null;

  return (
    <Card flush as="section" aria-labelledby="patient-visits-title">
      <CardHeader
        id="patient-visits-title"
        title="Atendimentos"
        description="Cada consulta com a evolução e os documentos dela, da mais recente para a mais antiga."
        actions={
          <Button variant="secondary" size="sm" icon={<Plus aria-hidden="true" />} onClick={() => setRegistering(true)}>
            Registrar consulta presencial
          </Button>
        }
      />
      <OutsideConsultationDialog open={registering} onClose={() => setRegistering(false)} patient={patient} />
      {consultations.isPending || evolutions.isPending ? (
        <LoadingState label="Carregando atendimentos…" />
      ) : failed ? (
        <ErrorState message={messageOf(failed.error)} onRetry={() => void failed.refetch()} retrying={failed.isFetching} />
      ) : visits.length === 0 && !loadMore ? (
        <EmptyState
          icon={<NotebookPen />}
          level={3}
          title="Nenhum atendimento ainda"
          description={`Abra uma consulta por vídeo com ${patient.name}, ou use “Nova evolução” para registrar um atendimento.`}
        />
      ) : (
        <ol className="visit-list" aria-label={`Atendimentos de ${patient.name}`}>
          {visits.map((visit, i) => (
            <VisitItem key={visit.key} visit={visit} first={i === 0} />
          ))}
        </ol>
      )}
      {loadMore ? <LoadMore {...loadMore} label="Carregar atendimentos mais antigos" /> : null}
    </Card>
  );
}
