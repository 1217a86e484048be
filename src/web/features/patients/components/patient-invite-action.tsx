import { Link2 } from 'lucide-react';
import { useState } from 'react';
import type { InviteLink } from '#shared/schemas/auth.ts';
import type { PatientDetail } from '#shared/schemas/users.ts';
import { InviteDialog } from '#web/components/invite/invite-dialog.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { messageOf } from '#web/lib/api-error.ts';
import { useRenewPatientInvite } from '#web/features/patients/api/renew-patient-invite.ts';

/** "Gerar novo convite" for a patient who has not created a password yet. */
export function PatientInviteAction({ detail }: { detail: PatientDetail }) {
  const [invite, setInvite] = useState<InviteLink | null>(null);
  const renew = useRenewPatientInvite(detail.user.id);
  const toast = useToast();
  return (
    <>
      <Button
        variant="secondary"
        block
        icon={<Link2 aria-hidden="true" />}
        loading={renew.isPending}
        onClick={() =>
          renew.mutate(undefined, {
            onSuccess: setInvite,
            onError: (error) => toast.notify(messageOf(error), 'error'),
          })
        }
      >
        Gerar novo convite
      </Button>
      <p>
        {detail.pendingInvite
          ? 'O paciente ainda não criou a senha. Um novo link substitui o anterior.'
          : 'O último convite expirou. Gere um novo link para o paciente criar a senha.'}
      </p>
      <InviteDialog invite={invite} name={detail.user.name} phone={detail.patient.phone} onClose={() => setInvite(null)} />
    </>
  );
}
