import { Copy } from 'lucide-react';
import { Button } from '#web/components/ui/button.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { copyText } from '#web/lib/copy-text.ts';

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
