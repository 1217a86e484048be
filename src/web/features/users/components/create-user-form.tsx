import { Stethoscope, UserRound } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { createUserInputSchema } from '#shared/schemas/users.ts';
import type { CreatedUser } from '#shared/schemas/users.ts';
import { EMPTY_DOCTOR_VALUES } from '#web/components/forms/doctor-values.ts';
import { EMPTY_PATIENT_VALUES } from '#web/components/forms/patient-values.ts';
import { checkedBy, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { RadioCards } from '#web/components/ui/radio-cards.tsx';
import { useCreateUser } from '#web/features/users/api/create-user.ts';
import { UserAccountFields, useUserAccount } from './user-account-fields';
import '#web/components/forms/form-section.css';

type NewRole = 'doctor' | 'patient';

const ROLE_OPTIONS = [
  { value: 'doctor' as const, label: 'Médico', description: 'Atende por vídeo e recebe repasses', icon: <Stethoscope /> },
  { value: 'patient' as const, label: 'Paciente', description: 'É atendido pelos médicos da clínica', icon: <UserRound /> },
];

/** Who the admin just created, with what the invite step needs. */
export interface CreatedAccount {
  created: CreatedUser;
  phone: string | null;
}

/** The admin's "new person" form: doctor or patient, validated with the shared schema. */
export function CreateUserForm({ onCreated }: { onCreated: (account: CreatedAccount) => void }) {
  const [role, setRole] = useState<NewRole>('doctor');
  const account = useUserAccount(role, { email: '', doctor: () => EMPTY_DOCTOR_VALUES, patient: () => EMPTY_PATIENT_VALUES, doctorIds: () => [] });
  const create = useCreateUser();
  const navigate = useNavigate();
  const { formRef, formError, onSubmit } = useSubmitForm({
    mutation: create,
    setErrors: account.form.setErrors,
    check: () => checkedBy(createUserInputSchema.safeParse(account.input())),
    onSuccess: (created) => onCreated({ created, phone: account.form.values.phone || null }),
  });

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <Card className="form-card">
        <RadioCards legend="Tipo de conta" name="role" value={role} options={ROLE_OPTIONS} onChange={setRole} />
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        <UserAccountFields account={account} emailHint="A pessoa entra no MedConnect com este e-mail." headingLevel={2} />
        <div className="form-footer">
          <Button variant="ghost" onClick={() => void navigate('/admin/usuarios')}>
            Cancelar
          </Button>
          <Button type="submit" loading={create.isPending}>
            Criar conta e gerar convite
          </Button>
        </div>
      </Card>
    </form>
  );
}
