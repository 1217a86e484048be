import { CircleAlert, CloudOff, Check, LoaderCircle } from 'lucide-react';
import type { SaveStatus } from '#web/features/records/model/autosave-queue.ts';
import { formatTime } from '#web/lib/format-date.ts';

/** The words for a save status ("Salvo às 14:32"); `savedAt` is the server's last save when nothing happened yet. */
export function saveStatusText(status: SaveStatus, savedAt: string): string {
  switch (status.kind) {
    case 'idle':
      return `Salvo às ${formatTime(savedAt)}`;
    case 'pending':
    case 'saving':
      return 'Salvando…';
    case 'saved':
      return `Salvo às ${formatTime(new Date(status.at).toISOString())}`;
    case 'offline':
      return 'Sem conexão — guardado neste aparelho, vamos tentar de novo';
    case 'conflict':
      return 'Não salvo: esta evolução foi alterada em outra aba ou aparelho';
    case 'final':
      return 'Esta evolução já foi assinada';
    case 'error':
      return `Não salvo: ${status.message}`;
  }
}

/** The autosave line, read out politely by screen readers as it changes. */
export function SaveStatusLine({ status, savedAt }: { status: SaveStatus; savedAt: string }) {
  const tone = status.kind === 'offline' ? 'warn' : status.kind === 'conflict' || status.kind === 'error' || status.kind === 'final' ? 'danger' : 'ok';
  const Icon = status.kind === 'pending' || status.kind === 'saving' ? LoaderCircle : tone === 'warn' ? CloudOff : tone === 'danger' ? CircleAlert : Check;
  return (
    <p className={`evo-status evo-status-${tone}`} role="status" aria-live="polite">
      <Icon aria-hidden="true" className={status.kind === 'saving' ? 'evo-status-spin' : undefined} />
      <span>{saveStatusText(status, savedAt)}</span>
    </p>
  );
}
