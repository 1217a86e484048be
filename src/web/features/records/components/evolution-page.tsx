import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { Evolution } from '#shared/schemas/records.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { ApiError, messageOf } from '#web/lib/api-error.ts';
import { usePatient } from '#web/features/patients/api/get-patient.ts';
import { useEvolution } from '#web/features/records/api/get-evolution.ts';
import { useAddenda } from '#web/features/records/api/get-addenda.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { entryMoment, entryTitle } from '#web/features/records/model/record-text.ts';
import { FinalEntryActions, evolutionPath } from './evolution-actions';
import { EvolutionEditor } from './evolution-editor';
import { EvolutionEntry } from './evolution-entry';
import './records.css';

function focusHeading() {
  requestAnimationFrame(() => {
    window.scrollTo({ top: 0 });
    const h1 = document.querySelector<HTMLElement>('main h1, h1');
    if (h1) {
      h1.tabIndex = -1;
      h1.focus();
    }
  });
}

/** A signed entry with the addenda that correct it (however old the entry: they are asked for by its id). */
function FinalEntry({ entry }: { entry: Evolution }) {
  const addenda = useAddenda(entry.id);
  return (
    <Card as="section" aria-label={entryTitle(entry)}>
      <EvolutionEntry entry={entry} addenda={addenda.data?.items ?? []} level={2} showTitle={false} actions={<FinalEntryActions entry={entry} />} />
      {addenda.isError ? <p className="muted evo-note">Não foi possível carregar os adendos desta evolução agora.</p> : null}
    </Card>
  );
}

/** The note at the top of an addendum being written: what it corrects. */
function AmendsNote({ entry }: { entry: Evolution }) {
  const original = useEvolution(entry.amendsId ?? '', { enabled: Boolean(entry.amendsId) });
  return (
    <Alert tone="info" title="Você está escrevendo um adendo">
      <p>
        Ele fica registrado junto da{' '}
        {original.data ? <Link to={evolutionPath(original.data)}>evolução de {formatDateTime(entryMoment(original.data))}</Link> : 'evolução original'}, que não
        muda.
      </p>
    </Alert>
  );
}

/** /medico/pacientes/:patientId/evolucoes/:id — the editor for a draft, or the signed entry with its actions. */
export function EvolutionPage() {
  const { patientId = '', id = '' } = useParams();
  const evolution = useEvolution(id);
  const patient = usePatient(patientId);
  const navigate = useNavigate();
  const toast = useToast();
  const [reloads, setReloads] = useState(0);
  const back = { to: `/medico/pacientes/${patientId}`, label: patient.data?.user.name ?? 'Paciente' };

  if (evolution.isPending) {
    return (
      <>
        <PageHeader title="Carregando evolução…" back={back} />
        <LoadingState />
      </>
    );
  }
  if (evolution.isError) {
    const notFound =
      evolution.error instanceof ApiError && (evolution.error.status === 404 || evolution.error.status === 400 || evolution.error.status === 403);
    return (
      <>
        <PageHeader title={notFound ? 'Evolução não encontrada' : 'Evolução'} back={back} />
        <Card>
          <ErrorState
            title={notFound ? 'Esta evolução não existe ou não é sua' : 'Não foi possível carregar'}
            message={notFound ? 'Ela pode ter sido descartada. Volte para a ficha do paciente.' : messageOf(evolution.error)}
            onRetry={notFound ? undefined : () => void evolution.refetch()}
            retrying={evolution.isFetching}
          />
        </Card>
      </>
    );
  }

  const entry = evolution.data;
  // The header names the patient from the URL: an edited URL must not put one name over another's entry.
  if (entry.patientId !== patientId) return <Navigate to={evolutionPath(entry)} replace />;
  const patientName = patient.data?.user.name;
  if (entry.status === 'final') {
    return (
      <>
        <PageHeader title={entryTitle(entry)} back={back} description={patientName ? `Paciente: ${patientName}` : undefined} />
        <FinalEntry entry={entry} />
      </>
    );
  }

  const isAddendum = entry.kind === 'addendum';
  return (
    <>
      <PageHeader
        title={isAddendum ? 'Adendo' : 'Evolução'}
        back={back}
        description={`${patientName ? `${patientName} · ` : ''}Rascunho iniciado em ${formatDateTime(entry.createdAt)}. O texto é salvo sozinho enquanto você escreve.`}
      />
      <div className="stack">
        {isAddendum ? <AmendsNote entry={entry} /> : null}
        <Card as="section" aria-label={isAddendum ? 'Adendo em edição' : 'Evolução em edição'}>
          <EvolutionEditor
            key={`${entry.id}-${reloads}`}
            evolution={entry}
            onFinalized={() => {
              toast.notify(isAddendum ? 'Adendo assinado' : 'Evolução assinada');
              focusHeading();
            }}
            onDiscarded={() => {
              toast.notify('Rascunho descartado', 'info');
              void navigate(`/medico/pacientes/${patientId}`, { replace: true });
            }}
            onReload={() => {
              void evolution.refetch().finally(() => setReloads((n) => n + 1));
            }}
          />
        </Card>
      </div>
    </>
  );
}
