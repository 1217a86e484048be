import { Clock, Copy, MessageCircle } from 'lucide-react';
import { useRef } from 'react';
import type { InviteLink } from '../../../shared/schemas/auth';
import { absoluteUrl } from '../../lib/absolute-url';
import { copyText } from '../../lib/copy-text';
import { daysUntil, formatDate } from '../../lib/format-date';
import { whatsAppUrl } from '../../lib/whatsapp';
import { Button, buttonClass } from '../ui/button';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { inviteMessage } from './invite-message';
import './invite-link-panel.css';

interface InviteLinkPanelProps {
  invite: InviteLink;
  /** The invited person's name, for the WhatsApp greeting. */
  name: string;
  /** Their phone (digits), so WhatsApp opens the right chat; otherwise the person picks one. */
  phone?: string | null;
}

/** The invite link to hand over: read-only box, "Copiar link", "Enviar pelo WhatsApp", validity. */
export function InviteLinkPanel({ invite, name, phone }: InviteLinkPanelProps) {
  const toast = useToast();
  const inputRef = useRef<HTMLInputElement>(null);
  const url = absoluteUrl(invite.url);
  const days = daysUntil(invite.expiresAt);

  const copy = async () => {
    const ok = await copyText(url, inputRef.current);
    if (ok) toast.notify('Link copiado');
    else toast.notify('Não deu para copiar sozinho. Selecione o link e copie manualmente.', 'error');
  };

  return (
    <div className="invite-panel">
      <TextField ref={inputRef} label="Link do convite" value={url} readOnly onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
      <div className="invite-panel-actions">
        <Button onClick={() => void copy()} icon={<Copy aria-hidden="true" />}>
          Copiar link
        </Button>
        <a
          className={`${buttonClass('primary')} btn-whatsapp`}
          href={whatsAppUrl(inviteMessage(name, url, invite.expiresAt), phone)}
          target="_blank"
          rel="noopener noreferrer"
        >
          <MessageCircle aria-hidden="true" />
          Enviar pelo WhatsApp
        </a>
      </div>
      <p className="invite-panel-validity">
        <Clock aria-hidden="true" />
        <span>
          O link é válido por {days} {days === 1 ? 'dia' : 'dias'}, até {formatDate(invite.expiresAt)}, e só pode ser usado uma vez. Quem
          abrir o link cria a própria senha.
        </span>
      </p>
    </div>
  );
}
