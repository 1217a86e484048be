import type { PatientDetail } from '#shared/schemas/users.ts';
import { RenewInviteAction } from '#web/components/invite/renew-invite-action.tsx';
import { useRenewPatientInvite } from '#web/features/patients/api/renew-patient-invite.ts';

/** "Gerar novo convite" for a patient who has not created a password yet. */
export function PatientInviteAction({ detail }: { detail: PatientDetail }) {
  const renew = useRenewPatientInvite(detail.user.id);
  return (
    <RenewInviteAction
      name={detail.user.name}
      phone={detail.patient.phone}
      renew={renew}
      note={
        detail.pendingInvite
          ? 'O paciente ainda não criou a senha. Um novo link substitui o anterior.'
          : 'O último convite expirou. Gere um novo link para o paciente criar a senha.'
      }
    />
  );
}
