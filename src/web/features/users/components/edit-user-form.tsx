import { Save } from 'lucide-react';
import { updateUserInputSchema } from '#shared/schemas/users.ts';
import type { UserDetail } from '#shared/schemas/users.ts';
import { doctorValuesFrom } from '#web/components/forms/doctor-values.ts';
import { patientValuesFrom } from '#web/components/forms/patient-values.ts';
import { checkedBy, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { useUpdateUser } from '#web/features/users/api/update-user.ts';
import { UserAccountFields, useUserAccount } from './user-account-fields';
import '#web/components/forms/form-section.css';

/** The admin edits a doctor's or patient's data (mount with key=id so it starts from the server's). */
export function EditUserForm({ detail, role }: { detail: UserDetail; role: 'doctor' | 'patient' }) {
  const { user } = detail;
  const account = useUserAccount(role, {
    email: user.email,
    doctor: () => doctorValuesFrom(user.name, detail.doctor),
    patient: () => patientValuesFrom(user.name, detail.patient),
    doctorIds: () => detail.doctors.map((d) => d.id),
  });
  const update = useUpdateUser(user.id);
  const { formRef, formError, onSubmit } = useSubmitForm({
    mutation: update,
    setErrors: account.form.setErrors,
    check: () => checkedBy(updateUserInputSchema.safeParse(account.input())),
    success: 'Alterações salvas',
  });

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <Card className="form-card">
        <CardHeader
          title="Dados do cadastro"
          description={role === 'doctor' ? 'Dados profissionais e de recebimento.' : 'Dados pessoais e médicos responsáveis.'}
        />
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        <UserAccountFields
          account={account}
          emailHint={user.activated ? 'É o e-mail que a pessoa usa para entrar.' : undefined}
          extraDoctors={detail.doctors}
        />
        <div className="form-footer">
          <Button type="submit" loading={update.isPending} icon={<Save aria-hidden="true" />}>
            Salvar
          </Button>
        </div>
      </Card>
    </form>
  );
}
