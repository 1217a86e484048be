import { Copy, MessageCircle } from 'lucide-react';
import { type ReactNode, useRef } from 'react';
import { absoluteUrl } from '#web/lib/absolute-url.ts';
import { copyText } from '#web/lib/copy-text.ts';
import { whatsAppUrl } from '#web/lib/whatsapp.ts';
import { Button, buttonClass } from '#web/components/ui/button.tsx';
import { TextField } from '#web/components/ui/text-field.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import './invite-link-panel.css';

interface ShareLinkPanelProps {
  /** Label of the read-only box ("Link do convite", "Link da sala"). */
  label: string;
  url: string;
  /** The WhatsApp message, given the absolute link. */
  whatsAppText: (absolute: string) => string;
  /** The recipient's phone (digits), so WhatsApp opens the right chat; otherwise they pick one. */
  phone?: string | null | undefined;
  /** What the person should know about the link (validity, who can use it). */
  note: ReactNode;
}

/** A link to hand over: read-only box, "Copiar link", "Enviar pelo WhatsApp" (the one primary action), and a note. */
export function ShareLinkPanel({ label, url, whatsAppText, phone, note }: ShareLinkPanelProps) {
  const toast = useToast();
  const inputRef = useRef<HTMLInputElement>(null);
  const absolute = absoluteUrl(url);

  const copy = async () => {
    const ok = await copyText(absolute, inputRef.current);
    if (ok) toast.notify('Link copiado');
    else toast.notify('Não deu para copiar sozinho. Selecione o link e copie manualmente.', 'error');
  };

  return (
    <div className="invite-panel">
      <TextField ref={inputRef} label={label} value={absolute} readOnly onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
      <div className="invite-panel-actions">
        <Button variant="secondary" onClick={() => void copy()} icon={<Copy aria-hidden="true" />}>
          Copiar link
        </Button>
        <a className={`${buttonClass('primary')} btn-whatsapp`} href={whatsAppUrl(whatsAppText(absolute), phone)} target="_blank" rel="noopener noreferrer">
          <MessageCircle aria-hidden="true" />
          Enviar pelo WhatsApp
        </a>
      </div>
      <p className="invite-panel-validity">{note}</p>
    </div>
  );
}
