import { Suspense, lazy } from 'react';
import type { InviteLink } from '#shared/schemas/auth.ts';
import { Button } from '#web/components/ui/button.tsx';
import { Dialog } from '#web/components/ui/dialog.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';

// Loaded when a link is generated, not with the page that offers the button.
const InviteLinkPanel = lazy(() => import('./invite-link-panel').then((m) => ({ default: m.InviteLinkPanel })));

interface InviteDialogProps {
  invite: InviteLink | null;
  name: string;
  phone: string | null;
  onClose: () => void;
}

/** Shows a freshly generated invite link in a modal. */
export function InviteDialog({ invite, name, phone, onClose }: InviteDialogProps) {
  return (
    <Dialog
      open={invite !== null}
      onClose={onClose}
      title="Novo convite gerado"
      description={`Envie este link para ${name}. Os links enviados antes deixaram de funcionar.`}
      actions={
        <Button variant="secondary" onClick={onClose}>
          Concluir
        </Button>
      }
    >
      {invite ? (
        <Suspense fallback={<LoadingState label="Preparando o link…" />}>
          <InviteLinkPanel invite={invite} name={name} phone={phone} />
        </Suspense>
      ) : null}
    </Dialog>
  );
}
