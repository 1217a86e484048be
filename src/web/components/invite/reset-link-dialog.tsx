import type { InviteLink } from '#shared/schemas/auth.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { Button } from '#web/components/ui/button.tsx';
import { Dialog } from '#web/components/ui/dialog.tsx';
import { ShareLinkPanel } from './share-link-panel';

interface ResetLinkDialogProps {
  link: InviteLink | null;
  name: string;
  phone: string | null;
  onClose: () => void;
}

/** The WhatsApp text for a new-password link, in the clinic's friendly voice. */
export function resetLinkMessage(name: string, url: string, expiresAt: string): string {
  const first = name.trim().split(/\s+/)[0] ?? '';
  return `${first ? `Olá, ${first}!` : 'Olá!'} Para criar uma senha nova no MedConnect, abra este link (vale até ${formatDateTime(expiresAt)} e funciona uma vez só): ${url}`;
}

/** Shows a freshly generated "nova senha" link in a modal, with "Copiar link" and "Enviar pelo WhatsApp". */
export function ResetLinkDialog({ link, name, phone, onClose }: ResetLinkDialogProps) {
  return (
    <Dialog
      open={link !== null}
      onClose={onClose}
      title="Link para nova senha"
      description={`Envie este link só para ${name}. Quem abrir o link cria a senha da conta; links gerados antes deixaram de funcionar.`}
      actions={
        <Button variant="secondary" onClick={onClose}>
          Concluir
        </Button>
      }
    >
      {link ? (
        <ShareLinkPanel
          label="Link para nova senha"
          url={link.url}
          whatsAppText={(url) => resetLinkMessage(name, url, link.expiresAt)}
          phone={phone}
          note={<span>Vale até {formatDateTime(link.expiresAt)}, uma vez só. Ao criar a senha nova, a pessoa sai de todos os outros aparelhos.</span>}
        />
      ) : null}
    </Dialog>
  );
}
