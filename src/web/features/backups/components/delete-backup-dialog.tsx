import type { Backup } from '#shared/schemas/backups.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Dialog } from '#web/components/ui/dialog.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { useDeleteBackup } from '#web/features/backups/api/backups.ts';
import { TRIGGER_LABELS } from '#web/features/backups/model/backup-text.ts';

/** "Apagar este backup?": the file goes for good, so say so before. */
export function DeleteBackupDialog({ backup, onClose, onDeleted }: { backup: Backup | null; onClose: () => void; onDeleted: () => void }) {
  const remove = useDeleteBackup();
  const cancel = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog
      open={backup !== null}
      onClose={cancel}
      title="Apagar este backup?"
      description={backup ? `Backup de ${formatDateTime(backup.createdAt)} (${TRIGGER_LABELS[backup.trigger].toLowerCase()}).` : undefined}
      actions={
        <>
          <Button variant="secondary" onClick={cancel} disabled={remove.isPending}>
            Manter
          </Button>
          <Button
            variant="danger"
            loading={remove.isPending}
            onClick={() => {
              if (!backup) return;
              remove.mutate(backup.name, {
                onSuccess: () => {
                  remove.reset();
                  onDeleted();
                },
              });
            }}
          >
            Apagar backup
          </Button>
        </>
      }
    >
      <p>O arquivo sai da pasta de backups do servidor e não pode ser recuperado. Se ainda precisar dele, baixe uma cópia antes.</p>
      {remove.isError ? <Alert tone="danger">{messageOf(remove.error)}</Alert> : null}
    </Dialog>
  );
}
