import { PenLine } from 'lucide-react';
import { Alert } from '#web/components/ui/alert.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { unsignedDraftIn, useRoomEvolution } from '#web/features/records/api/get-room-evolution.ts';
import { evolutionPath } from './evolution-actions';

/**
 * On the doctor's "consulta encerrada" screen: the evolution written in this call is still a
 * draft, so the screen must not read as if everything were recorded. Leads back to that draft.
 */
export function UnsignedDraftNotice({ roomCode }: { roomCode: string }) {
  const draft = unsignedDraftIn(useRoomEvolution(roomCode).data);
  if (!draft) return null;
  return (
    <Alert tone="warning" title="A evolução desta consulta ainda não foi assinada" className="call-unsigned-notice">
      <p>Ela está guardada como rascunho e só entra no prontuário depois de assinada.</p>
      <ButtonLink to={evolutionPath(draft)} variant="primary" icon={<PenLine aria-hidden="true" />}>
        Continuar escrevendo
      </ButtonLink>
    </Alert>
  );
}
