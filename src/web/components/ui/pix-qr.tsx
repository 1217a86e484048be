import { Copy } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { copyText } from '#web/lib/copy-text.ts';
import { Button } from './button';
import { Skeleton } from './skeleton';
import { Textarea } from './textarea';
import { useToast } from './toast-context';
import { pixQrSvg } from './pix-qr-svg';
import './field.css';
import './pix-qr.css';

interface PixQrProps {
  /** A BR Code made by `buildPixPayload` (src/shared/domain/pix.ts). */
  payload: string;
  /** What the code pays, for screen readers ("QR Code PIX do repasse de Dra. Ana, R$ 1.234,00"). */
  label?: string;
}

type QrState = { payload: string; svg: string | null; failed: boolean };

/**
 * A PIX payment code: the QR to scan and, under it, the "copia e cola" text in a read-only box
 * with a "Copiar código" button. The QR library is loaded on first use, so pages pay for it only
 * when they show a code.
 */
export function PixQr({ payload, label = 'QR Code PIX' }: PixQrProps) {
  const toast = useToast();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const textId = useId();
  const [qr, setQr] = useState<QrState>({ payload, svg: null, failed: false });

  useEffect(() => {
    let current = true;
    pixQrSvg(payload).then(
      (svg) => current && setQr({ payload, svg, failed: false }),
      () => current && setQr({ payload, svg: null, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [payload]);

  // A state left from an earlier payload is never shown for the new one.
  const shown = qr.payload === payload ? qr : { payload, svg: null, failed: false };

  const copy = async () => {
    const ok = await copyText(payload, textRef.current);
    if (ok) toast.notify('Código PIX copiado');
    else toast.notify('Não deu para copiar sozinho. Selecione o código e copie manualmente.', 'error');
  };

  return (
    <div className="pix-qr">
      <div className="pix-qr-code">
        {shown.svg ? (
          // The SVG comes from the qrcode library (paths only; the payload is encoded, never inserted as markup).
          <div className="pix-qr-image" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: shown.svg }} />
        ) : shown.failed ? (
          <p className="pix-qr-failed" role="status">
            Não deu para desenhar o QR Code. Use o código abaixo.
          </p>
        ) : (
          <Skeleton className="pix-qr-placeholder" width="100%" height="100%" />
        )}
      </div>
      <div className="field pix-qr-text">
        <label className="field-label" htmlFor={textId}>
          PIX copia e cola
        </label>
        <Textarea ref={textRef} id={textId} value={payload} readOnly rows={4} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <Button onClick={() => void copy()} icon={<Copy aria-hidden="true" />}>
        Copiar código
      </Button>
    </div>
  );
}
