import { UserCheck, UserX } from 'lucide-react';
import { useState } from 'react';
import type { UserDetail } from '#shared/schemas/users.ts';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { messageOf } from '#web/lib/api-error.ts';
import { RenewInviteAction } from '#web/components/invite/renew-invite-action.tsx';
import { ResetLinkAction } from '#web/components/invite/reset-link-action.tsx';
import { useGenerateUserResetLink } from '#web/features/users/api/generate-user-reset-link.ts';
import { useRenewUserInvite } from '#web/features/users/api/renew-user-invite.ts';
import { useSetUserActive } from '#web/features/users/api/set-user-active.ts';

/** New invite link (until the person sets a password), a new-password link (after), and deactivate / reactivate, with a confirmation. */
export function UserAccessActions({ detail }: { detail: UserDetail }) {
  const { user } = detail;
  const [confirming, setConfirming] = useState(false);
  const setActive = useSetUserActive(user.id);
  const renew = useRenewUserInvite(user.id);
  const resetLink = useGenerateUserResetLink(user.id);
  const toast = useToast();
  const active = user.status === 'active';
  const phone = detail.doctor?.phone ?? detail.patient?.phone ?? null;

  const confirm = () => {
    setActive.mutate(!active, {
      onSuccess: () => {
        setConfirming(false);
        toast.notify(active ? 'Conta desativada' : 'Conta reativada');
      },
      onError: (error) => {
        setConfirming(false);
        toast.notify(messageOf(error), 'error');
      },
    });
  };

  return (
    <>
      {!user.activated && active ? (
        <RenewInviteAction
          name={user.name}
          phone={phone}
          renew={renew}
          note={
            detail.pendingInvite
              ? 'Há um convite válido ainda não usado. Um novo link substitui o anterior.'
              : 'O último convite expirou. Gere um novo link para a pessoa criar a senha.'
          }
        />
      ) : null}
      {user.activated && active ? <ResetLinkAction name={user.name} phone={phone} generate={resetLink} /> : null}
      {active ? (
        <Button variant="danger-outline" block icon={<UserX aria-hidden="true" />} onClick={() => setConfirming(true)}>
          Desativar
        </Button>
      ) : (
        <Button variant="secondary" block icon={<UserCheck aria-hidden="true" />} onClick={() => setConfirming(true)}>
          Reativar
        </Button>
      )}
      <p>{active ? 'Quem está desativado não consegue entrar. Nada do histórico é apagado.' : 'Esta conta está desativada e não consegue entrar.'}</p>

      <ConfirmDialog
        open={confirming}
        title={active ? `Desativar ${user.name}?` : `Reativar ${user.name}?`}
        description={
          active
            ? 'A pessoa sai na hora de todos os aparelhos e não consegue mais entrar. Os dados e o histórico continuam guardados, e você pode reativar quando quiser.'
            : 'A pessoa volta a conseguir entrar com o e-mail e a senha dela.'
        }
        confirmLabel={active ? 'Sim, desativar' : 'Sim, reativar'}
        confirmVariant={active ? 'danger' : 'primary'}
        loading={setActive.isPending}
        onConfirm={confirm}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
