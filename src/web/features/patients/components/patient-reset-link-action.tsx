import type { PatientDetail } from '#shared/schemas/users.ts';
import { ResetLinkAction } from '#web/components/invite/reset-link-action.tsx';
import { useGeneratePatientResetLink } from '#web/features/patients/api/generate-patient-reset-link.ts';

/** "Gerar link para nova senha" for the doctor's own patient who already has a password. */
export function PatientResetLinkAction({ detail }: { detail: PatientDetail }) {
  const generate = useGeneratePatientResetLink(detail.user.id);
  return <ResetLinkAction name={detail.user.name} phone={detail.patient.phone} generate={generate} />;
}
