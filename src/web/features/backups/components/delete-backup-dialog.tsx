import type { Backup } from '../../../../shared/schemas/backups';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { messageOf } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format-date';
import { useDeleteBackup } from '../api/backups';
import { TRIGGER_LABELS } from '../model/backup-text';

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
