import { Download, Trash2 } from 'lucide-react';
import type { Backup } from '#shared/schemas/backups.ts';
import { Badge } from '#web/components/ui/badge.tsx';
import { Button, buttonClass } from '#web/components/ui/button.tsx';
import { formatDateTime } from '#web/lib/format-date.ts';
import { backupDownloadUrl } from '#web/features/backups/api/backups.ts';
import { TRIGGER_LABELS, megabytes, shortHash } from '#web/features/backups/model/backup-text.ts';
import { CopyHashButton } from './copy-hash-button';
import { TableCounts } from './table-counts';

/** One backup: when, why, by whom, size, checksum, schema; counts on demand; download and delete. */
export function BackupItem({ backup, onDelete }: { backup: Backup; onDelete: (backup: Backup) => void }) {
  const when = formatDateTime(backup.createdAt);
  return (
    <li className="backup-item">
      <div className="backup-item-head">
        <p className="backup-item-title">
          <strong>{when}</strong>
          <Badge tone={backup.trigger === 'reset' ? 'warning' : backup.trigger === 'manual' ? 'info' : 'neutral'}>{TRIGGER_LABELS[backup.trigger]}</Badge>
        </p>
        <div className="backup-item-actions">
          <a className={buttonClass('secondary', 'sm')} href={backupDownloadUrl(backup.name)} download={backup.name}>
            <Download aria-hidden="true" />
            Baixar<span className="sr-only"> o backup de {when}</span>
          </a>
          <Button variant="danger-outline" size="sm" icon={<Trash2 aria-hidden="true" />} onClick={() => onDelete(backup)}>
            Apagar<span className="sr-only"> o backup de {when}</span>
          </Button>
        </div>
      </div>
      <dl className="backup-facts">
        <div>
          <dt>Feito por</dt>
          <dd>{backup.createdBy ?? (backup.trigger === 'daily' ? 'Backup automático' : 'Servidor')}</dd>
        </div>
        <div>
          <dt>Tamanho</dt>
          <dd className="tabular">{megabytes(backup.sizeBytes)}</dd>
        </div>
        <div>
          <dt>SHA-256</dt>
          <dd className="backup-hash">
            <code title={backup.sha256}>{shortHash(backup.sha256)}</code>
            <CopyHashButton sha256={backup.sha256} label={`Copiar o SHA-256 do backup de ${when}`} />
          </dd>
        </div>
        <div>
          <dt>Versão do banco</dt>
          <dd>
            <code className="backup-schema">{backup.schemaVersion}</code>
          </dd>
        </div>
      </dl>
      <p className="backup-file">
        Arquivo: <code>{backup.name}</code>
      </p>
      <TableCounts counts={backup.counts} summary="Ver quantos registros ele guarda" />
    </li>
  );
}
