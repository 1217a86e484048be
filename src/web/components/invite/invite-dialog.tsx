import type { InviteLink } from '../../../shared/schemas/auth';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { InviteLinkPanel } from './invite-link-panel';

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
      {invite ? <InviteLinkPanel invite={invite} name={name} phone={phone} /> : null}
    </Dialog>
  );
}
