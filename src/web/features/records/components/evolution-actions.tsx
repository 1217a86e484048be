import { FilePlus2, FileText, Printer } from 'lucide-react';
import { useNavigate } from 'react-router';
import type { Evolution } from '#shared/schemas/records.ts';
import { Button } from '#web/components/ui/button.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { messageOf } from '#web/lib/api-error.ts';
import { useMe } from '#web/lib/get-me.ts';
import { useCreateEvolution } from '#web/features/records/api/create-evolution.ts';
import { documentPath } from '#web/features/records/model/record-text.ts';

/** The path of an entry's page for its doctor. */
export function evolutionPath(e: Pick<Evolution, 'patientId' | 'id'>): string {
  return `/medico/pacientes/${e.patientId}/evolucoes/${e.id}`;
}

/** Under a signed entry: "Adicionar adendo" (its author only), "Imprimir receita", "Imprimir evolução". */
export function FinalEntryActions({ entry, size = 'md' }: { entry: Evolution; size?: 'md' | 'sm' }) {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const toast = useToast();
  const create = useCreateEvolution();
  if (entry.status !== 'final') return null;
  const isAuthor = me?.user.id === entry.doctor.id;
  // Addenda correct the entry itself; an addendum is corrected by another addendum to the same entry.
  const amendsId = entry.kind === 'addendum' && entry.amendsId ? entry.amendsId : entry.id;
  return (
    <>
      {isAuthor ? (
        <Button
          size={size}
          variant="secondary"
          icon={<FilePlus2 aria-hidden="true" />}
          loading={create.isPending}
          onClick={() =>
            create.mutate(
              { patientId: entry.patientId, amendsId },
              { onSuccess: (draft) => void navigate(evolutionPath(draft)), onError: (error) => toast.notify(messageOf(error), 'error') },
            )
          }
        >
          Adicionar adendo
        </Button>
      ) : null}
      {entry.prescriptions.length > 0 ? (
        <ButtonLink size={size} to={documentPath('prescription', entry.id)} icon={<Printer aria-hidden="true" />}>
          Imprimir receita
        </ButtonLink>
      ) : null}
      <ButtonLink size={size} to={documentPath('evolution', entry.id)} icon={<FileText aria-hidden="true" />}>
        Imprimir evolução
      </ButtonLink>
    </>
  );
}
