import type { PatientDetail } from '../../../../shared/schemas/users';
import { ResetLinkAction } from '../../../components/invite/reset-link-action';
import { useGeneratePatientResetLink } from '../api/generate-patient-reset-link';

/** "Gerar link para nova senha" for the doctor's own patient who already has a password. */
export function PatientResetLinkAction({ detail }: { detail: PatientDetail }) {
  const generate = useGeneratePatientResetLink(detail.user.id);
  return <ResetLinkAction name={detail.user.name} phone={detail.patient.phone} generate={generate} />;
}
