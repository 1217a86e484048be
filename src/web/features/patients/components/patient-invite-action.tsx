import { Link2 } from 'lucide-react';
import { useState } from 'react';
import type { InviteLink } from '../../../../shared/schemas/auth';
import type { PatientDetail } from '../../../../shared/schemas/users';
import { InviteDialog } from '../../../components/invite/invite-dialog';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast-context';
import { messageOf } from '../../../lib/api-error';
import { useRenewPatientInvite } from '../api/renew-patient-invite';

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
