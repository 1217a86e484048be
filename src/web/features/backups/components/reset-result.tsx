import { CircleCheck, DatabaseBackup } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { ResetResult } from '#shared/schemas/reset.ts';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { erasedTotal, megabytes } from '#web/features/backups/model/backup-text.ts';
import { CopyHashButton } from './copy-hash-button';
import { TableCounts } from './table-counts';

/** After the reset: what went, and where the backup made first is. Focus lands on its title. */
export function ResetResultPanel({ result }: { result: ResetResult }) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  return (
    <Card as="section" className="reset-result" aria-labelledby="reset-result-title">
      <p className="reset-result-icon" aria-hidden="true">
        <CircleCheck />
      </p>
      <h2 id="reset-result-title" ref={titleRef} tabIndex={-1}>
        Banco de dados redefinido
      </h2>
      <p>
        Foram apagados {erasedTotal(result.erased).toLocaleString('pt-BR')} registros. Ficaram só as contas de administração. Todas as outras pessoas saíram do
        sistema e as consultas em andamento foram encerradas.
      </p>
      <h3>Backup feito antes</h3>
      <dl className="backup-facts">
        <div>
          <dt>Arquivo</dt>
          <dd>
            <code>{result.backup.name}</code>
          </dd>
        </div>
        <div>
          <dt>Pasta no servidor</dt>
          <dd>
            <code>{result.backup.dir}</code>
          </dd>
        </div>
        <div>
          <dt>Tamanho</dt>
          <dd className="tabular">{megabytes(result.backup.sizeBytes)}</dd>
        </div>
        <div>
          <dt>SHA-256</dt>
          <dd className="backup-hash">
            <code className="reset-result-hash">{result.backup.sha256}</code>
            <CopyHashButton sha256={result.backup.sha256} />
          </dd>
        </div>
      </dl>
      <TableCounts counts={result.erased} summary="Ver o que foi apagado" />
      <div className="reset-result-actions">
        <ButtonLink to="/admin/backups" variant="primary" icon={<DatabaseBackup aria-hidden="true" />}>
          Ver backups
        </ButtonLink>
        <ButtonLink to="/admin">Ir para o início</ButtonLink>
      </div>
    </Card>
  );
}
