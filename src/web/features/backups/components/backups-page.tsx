import { DatabaseBackup, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import type { Backup } from '#shared/schemas/backups.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { messageOf } from '#web/lib/api-error.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { useBackups, useCreateBackup } from '#web/features/backups/api/backups.ts';
import { useResetPreview } from '#web/features/backups/api/reset.ts';
import { megabytes } from '#web/features/backups/model/backup-text.ts';
import { BackupItem } from './backup-item';
import { DeleteBackupDialog } from './delete-backup-dialog';
import { ResetLog } from './reset-log';
import './backups.css';

/** /admin/backups: the copies of the database, a new one now, and the log of resets. */
export function BackupsPage() {
  const backups = useBackups();
  const reset = useResetPreview();
  const create = useCreateBackup();
  const toast = useToast();
  const [deleting, setDeleting] = useState<Backup | null>(null);

  const makeBackup = () =>
    create.mutate(undefined, {
      onSuccess: (made) => toast.notify(`Backup feito e conferido: ${megabytes(made.sizeBytes)}.`),
      onError: (error) => toast.notify(messageOf(error), 'error'),
    });

  return (
    <>
      <PageHeader
        title="Backups"
        description="Cópias completas do banco de dados (com as fotos), conferidas depois de feitas. Baixe uma para guardar fora do servidor."
        actions={
          <Button icon={<DatabaseBackup aria-hidden="true" />} loading={create.isPending} onClick={makeBackup}>
            {create.isPending ? 'Fazendo backup…' : 'Fazer backup agora'}
          </Button>
        }
      />
      <div className="backups-layout">
        {create.isPending ? (
          <div className="backup-progress" role="status">
            <p>Copiando o banco de dados e conferindo a cópia. Pode levar alguns minutos num banco grande; a clínica continua funcionando.</p>
            <progress aria-label="Backup em andamento" />
          </div>
        ) : null}
        {create.isError ? (
          <Alert tone="danger" title="O backup não foi feito">
            {messageOf(create.error)}
          </Alert>
        ) : null}

        {backups.isPending ? (
          <LoadingState label="Carregando os backups…" />
        ) : backups.isError ? (
          <Card>
            <ErrorState message={messageOf(backups.error)} onRetry={() => void backups.refetch()} retrying={backups.isFetching} />
          </Card>
        ) : (
          <>
            <Card as="section" aria-labelledby="backup-settings-title">
              <CardHeader id="backup-settings-title" title="Backup automático" />
              <p>
                {backups.data.daily ? (
                  <>
                    <strong>Ligado:</strong> um backup por dia, feito pelo servidor. Ficam os {backups.data.keep} backups diários mais recentes; os mais antigos
                    são apagados sozinhos.
                  </>
                ) : (
                  <>
                    <strong>Desligado.</strong> Só há backup quando alguém faz um por aqui ou pela linha de comando. Para ligar, use BACKUP_DAILY=true na
                    configuração do servidor.
                  </>
                )}
              </p>
              <p className="muted">Backups manuais e os feitos antes de uma redefinição ficam até alguém apagar.</p>
            </Card>

            <Card as="section" aria-labelledby="backup-list-title">
              <CardHeader
                id="backup-list-title"
                title="Backups guardados"
                description={
                  backups.data.items.length
                    ? `${backups.data.items.length} ${backups.data.items.length === 1 ? 'backup' : 'backups'}, do mais novo ao mais antigo. Horários de Brasília.`
                    : undefined
                }
              />
              {backups.data.items.length === 0 ? (
                <EmptyState
                  icon={<DatabaseBackup />}
                  title="Nenhum backup ainda"
                  description="Faça o primeiro agora: leva poucos segundos e a clínica continua funcionando."
                  level={3}
                />
              ) : (
                <ul className="backup-list" aria-busy={backups.isFetching}>
                  {backups.data.items.map((backup) => (
                    <BackupItem key={backup.name} backup={backup} onDelete={setDeleting} />
                  ))}
                </ul>
              )}
            </Card>
          </>
        )}

        {reset.isSuccess ? (
          <ResetLog history={reset.data.history} />
        ) : reset.isError ? (
          <Alert tone="warning">Não foi possível carregar o registro de redefinições: {messageOf(reset.error)}</Alert>
        ) : null}
        {reset.isSuccess && reset.data.enabled ? (
          <p className="backups-reset-link">
            <ButtonLink to="/admin/redefinir" variant="danger-outline" size="sm" icon={<TriangleAlert aria-hidden="true" />}>
              Redefinir banco de dados
            </ButtonLink>
          </p>
        ) : null}
      </div>
      <DeleteBackupDialog
        backup={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          toast.notify(deleting ? `Backup de ${formatDateTime(deleting.createdAt)} apagado.` : 'Backup apagado.');
          setDeleting(null);
        }}
      />
    </>
  );
}
