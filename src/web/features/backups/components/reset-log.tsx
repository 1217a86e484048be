import type { ResetPreview } from '#shared/schemas/reset.ts';
import { Badge } from '#web/components/ui/badge.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { formatDateTime } from '#web/lib/format-date.ts';
import { countLines, erasedTotal, shortHash } from '#web/features/backups/model/backup-text.ts';
import { CopyHashButton } from './copy-hash-button';

type Entry = ResetPreview['history'][number];

const STATUS = {
  done: { label: 'Concluída', tone: 'success' },
  running: { label: 'Em andamento', tone: 'info' },
  failed: { label: 'Não concluída', tone: 'danger' },
} as const;

/** The reset log: kept through every reset, so the clinic always knows who erased what and where the backup is. */
export function ResetLog({ history }: { history: ResetPreview['history'] }) {
  return (
    <Card as="section" aria-labelledby="reset-log-title">
      <CardHeader
        id="reset-log-title"
        title="Redefinições do banco"
        description="Quem redefiniu, quando, o que foi apagado e qual backup foi feito antes. Este registro nunca é apagado."
      />
      {history.length === 0 ? (
        <p className="muted">O banco de dados nunca foi redefinido.</p>
      ) : (
        <ol className="reset-log">
          {history.map((entry) => (
            <ResetLogEntry key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </Card>
  );
}

function ResetLogEntry({ entry }: { entry: Entry }) {
  const status = STATUS[entry.status];
  const lines = entry.counts ? countLines(entry.counts) : [];
  return (
    <li className="reset-log-entry">
      <p className="backup-item-title">
        <strong>{formatDateTime(entry.startedAt)}</strong>
        <Badge tone={status.tone}>{status.label}</Badge>
      </p>
      <p>
        Por {entry.actor.name} <span className="muted">({entry.actor.email})</span>
      </p>
      {entry.backup ? (
        <p className="backup-hash">
          Backup: <code>{entry.backup.name}</code> · SHA-256 <code title={entry.backup.sha256}>{shortHash(entry.backup.sha256)}</code>
          <CopyHashButton sha256={entry.backup.sha256} label={`Copiar o SHA-256 do backup da redefinição de ${formatDateTime(entry.startedAt)}`} />
        </p>
      ) : null}
      {entry.error ? <p className="reset-log-error">{entry.error}</p> : null}
      {lines.length ? (
        <details className="backup-counts">
          <summary>Apagados: {erasedTotal(entry.counts ?? {}).toLocaleString('pt-BR')} registros</summary>
          <dl>
            {lines.map((line) => (
              <div key={line.table}>
                <dt>{line.label}</dt>
                <dd className="tabular">{line.count.toLocaleString('pt-BR')}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </li>
  );
}
