import { Save } from 'lucide-react';
import { updateUserInputSchema } from '../../../../shared/schemas/users';
import type { UserDetail } from '../../../../shared/schemas/users';
import { doctorValuesFrom } from '../../../components/forms/doctor-values';
import { patientValuesFrom } from '../../../components/forms/patient-values';
import { checkedBy, useSubmitForm } from '../../../components/forms/use-submit-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { useUpdateUser } from '../api/update-user';
import { UserAccountFields, useUserAccount } from './user-account-fields';
import '../../../components/forms/form-section.css';

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
        <CardHeader title="Dados do cadastro" description={role === 'doctor' ? 'Dados profissionais e de recebimento.' : 'Dados pessoais e médicos responsáveis.'} />
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        <UserAccountFields account={account} emailHint={user.activated ? 'É o e-mail que a pessoa usa para entrar.' : undefined} extraDoctors={detail.doctors} />
        <div className="form-footer">
          <Button type="submit" loading={update.isPending} icon={<Save aria-hidden="true" />}>
            Salvar
          </Button>
        </div>
      </Card>
    </form>
  );
}
