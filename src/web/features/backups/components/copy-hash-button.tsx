import { Copy } from 'lucide-react';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast-context';
import { copyText } from '../../../lib/copy-text';

/** Copies a backup's full SHA-256, so it can be compared with `sha256sum` on the server. */
export function CopyHashButton({ sha256, label = 'Copiar SHA-256' }: { sha256: string; label?: string }) {
  const toast = useToast();
  return (
    <Button
      variant="ghost"
      size="sm"
      className="btn-icon"
      title={label}
      icon={<Copy aria-hidden="true" />}
      onClick={() =>
        void copyText(sha256).then((ok) =>
          ok ? toast.notify('SHA-256 copiado.') : toast.notify('Não deu para copiar sozinho. Selecione o código e copie manualmente.', 'error'),
        )
      }
    >
      <span className="sr-only">{label}</span>
    </Button>
  );
}
