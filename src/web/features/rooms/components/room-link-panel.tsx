import { Copy, MessageCircle } from 'lucide-react';
import { useRef } from 'react';
import type { Room } from '../../../../shared/schemas/rooms';
import { buttonClass, Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useToast } from '../../../components/ui/toast-context';
import { absoluteUrl } from '../../../lib/absolute-url';
import { copyText } from '../../../lib/copy-text';
import { whatsAppUrl } from '../../../lib/whatsapp';
import { roomMessage } from './room-message';
import '../../../components/invite/invite-link-panel.css';

/** The room's join link to hand over: read-only box, "Copiar link", "Enviar pelo WhatsApp". */
export function RoomLinkPanel({ room, phone }: { room: Room; phone?: string | null }) {
  const toast = useToast();
  const inputRef = useRef<HTMLInputElement>(null);
  const url = absoluteUrl(room.joinUrl);

  const copy = async () => {
    const ok = await copyText(url, inputRef.current);
    if (ok) toast.notify('Link copiado');
    else toast.notify('Não deu para copiar sozinho. Selecione o link e copie manualmente.', 'error');
  };

  return (
    <div className="invite-panel">
      <TextField ref={inputRef} label="Link da sala" value={url} readOnly onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
      <div className="invite-panel-actions">
        <Button onClick={() => void copy()} icon={<Copy aria-hidden="true" />}>
          Copiar link
        </Button>
        <a
          className={`${buttonClass('primary')} btn-whatsapp`}
          href={whatsAppUrl(roomMessage(room.patient.name, room.doctor.name, url, room.scheduledAt), phone)}
          target="_blank"
          rel="noopener noreferrer"
        >
          <MessageCircle aria-hidden="true" />
          Enviar pelo WhatsApp
        </a>
      </div>
      <p className="invite-panel-validity">
        <span>Só {room.patient.name} consegue entrar com este link, usando a própria conta. A sala fica aberta até você finalizar a consulta.</span>
      </p>
    </div>
  );
}
