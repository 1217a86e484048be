import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CircleCheck, FilePlus2, RefreshCw } from 'lucide-react';
import { useState } from 'react';
import type { Evolution } from '#shared/schemas/records.ts';
import { Button } from '#web/components/ui/button.tsx';
import { Spinner } from '#web/components/ui/spinner.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { formatTime } from '#web/lib/format-date.ts';
import { createEvolution } from '#web/features/records/api/create-evolution.ts';
import { evolutionQueryKey, useEvolution } from '#web/features/records/api/get-evolution.ts';
import { patientRecordQueryKey } from '#web/features/records/api/get-patient-record.ts';
import { roomEvolutionQueryKey } from '#web/features/records/api/get-room-evolution.ts';
import { documentPath } from '#web/features/records/model/record-text.ts';
import { evolutionPath } from './evolution-actions';
import { CallPanelLink } from '#web/components/call-panel-link.tsx';
import { EvolutionEditor } from './evolution-editor';
import './call-evolution.css';

function SignedNote({ entry }: { entry: Evolution }) {
  return (
    <div className="call-evo-done" role="status">
      <p className="call-evo-done-title">
        <CircleCheck aria-hidden="true" />
        Evolução assinada{entry.finalizedAt ? ` às ${formatTime(entry.finalizedAt)}` : ''}
      </p>
      <p>Ela já está na ficha do paciente. Para corrigir algo, adicione um adendo na página da evolução.</p>
      <div className="call-evo-links">
        <CallPanelLink to={evolutionPath(entry)}>Ver evolução</CallPanelLink>
        {entry.prescriptions.length > 0 ? <CallPanelLink to={documentPath('prescription', entry.id)}>Imprimir receita</CallPanelLink> : null}
      </div>
    </div>
  );
}

/**
 * The doctor's notes during the call: the evolution entry bound to this room (created the first
 * time the panel opens, found again after that), in the same autosaving editor as the full page.
 */
export function CallEvolutionPanel({
  patientId,
  roomCode,
  signRequest = 0,
  onSignRequestTaken,
}: {
  patientId: string;
  roomCode: string;
  /** Non-zero: "Assinar agora" was chosen in the finalize dialog (see EvolutionEditor). */
  signRequest?: number;
  onSignRequestTaken?: () => void;
}) {
  const queryClient = useQueryClient();
  const [discarded, setDiscarded] = useState(false);
  const [reloads, setReloads] = useState(0);
  const entryId = useQuery({
    queryKey: ['call-evolution', roomCode],
    queryFn: async () => {
      const entry = await createEvolution({ patientId, roomCode });
      queryClient.setQueryData(evolutionQueryKey(entry.id), entry);
      return entry.id;
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const evolution = useEvolution(entryId.data ?? '', { enabled: Boolean(entryId.data) });

  if (discarded) {
    return (
      <div className="call-evo-done">
        <p>Rascunho descartado.</p>
        <Button
          size="sm"
          icon={<FilePlus2 aria-hidden="true" />}
          onClick={() => {
            setDiscarded(false);
            void entryId.refetch();
          }}
        >
          Começar nova evolução
        </Button>
      </div>
    );
  }
  const failed = entryId.isError ? entryId.error : evolution.isError && !evolution.data ? evolution.error : null;
  if (failed) {
    return (
      <div className="call-evo-error" role="alert">
        <p>Não foi possível abrir as anotações. {messageOf(failed)}</p>
        <Button
          size="sm"
          variant="secondary"
          icon={<RefreshCw aria-hidden="true" />}
          onClick={() => void (entryId.isError ? entryId.refetch() : evolution.refetch())}
        >
          Tentar de novo
        </Button>
      </div>
    );
  }
  if (!evolution.data) {
    return (
      <p className="call-evo-loading" role="status">
        <Spinner size="sm" />
        Abrindo as anotações…
      </p>
    );
  }
  const entry = evolution.data;
  if (entry.status === 'final') return <SignedNote entry={entry} />;
  return (
    <EvolutionEditor
      key={`${entry.id}-${reloads}`}
      evolution={entry}
      variant="call"
      signRequest={signRequest}
      {...(onSignRequestTaken ? { onSignRequestTaken } : {})}
      onFinalized={() => {
        void queryClient.invalidateQueries({ queryKey: patientRecordQueryKey(patientId) });
        void queryClient.invalidateQueries({ queryKey: roomEvolutionQueryKey(roomCode) });
      }}
      onDiscarded={() => {
        queryClient.removeQueries({ queryKey: ['call-evolution', roomCode] });
        setDiscarded(true);
      }}
      onReload={() => void evolution.refetch().finally(() => setReloads((n) => n + 1))}
    />
  );
}
