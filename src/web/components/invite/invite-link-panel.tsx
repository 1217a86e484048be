import { Clock } from 'lucide-react';
import type { InviteLink } from '#shared/schemas/auth.ts';
import { daysUntil, formatDate } from '#web/lib/format-date.ts';
import { inviteMessage } from './invite-message';
import { ShareLinkPanel } from './share-link-panel';

interface InviteLinkPanelProps {
  invite: InviteLink;
  /** The invited person's name, for the WhatsApp greeting. */
  name: string;
  /** Their phone (digits), so WhatsApp opens the right chat; otherwise the person picks one. */
  phone?: string | null;
}

/** The invite link to hand over, with how long it stays valid. */
export function InviteLinkPanel({ invite, name, phone }: InviteLinkPanelProps) {
  const days = daysUntil(invite.expiresAt);
  return (
    <ShareLinkPanel
      label="Link do convite"
      url={invite.url}
      whatsAppText={(url) => inviteMessage(name, url, invite.expiresAt)}
      phone={phone}
      note={
        <>
          <Clock aria-hidden="true" />
          <span>
            O link é válido por {days} {days === 1 ? 'dia' : 'dias'}, até {formatDate(invite.expiresAt)}, e só pode ser usado uma vez. Quem abrir o link cria a
            própria senha.
          </span>
        </>
      }
    />
  );
}
