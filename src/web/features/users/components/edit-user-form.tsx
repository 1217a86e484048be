import { Save } from 'lucide-react';
import { useState } from 'react';
import { updateUserInputSchema } from '../../../../shared/schemas/users';
import type { UserDetail } from '../../../../shared/schemas/users';
import { DoctorProfileFields } from '../../../components/forms/doctor-profile-fields';
import { doctorValuesFrom } from '../../../components/forms/doctor-values';
import { EmailField } from '../../../components/forms/email-field';
import { PatientProfileFields } from '../../../components/forms/patient-profile-fields';
import { patientValuesFrom } from '../../../components/forms/patient-values';
import { checkedBy, useSubmitForm } from '../../../components/forms/use-submit-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { useFormValues } from '../../../lib/use-form-values';
import { useUpdateUser } from '../api/update-user';
import { DoctorPicker } from './doctor-picker';
import { userInputOf } from './user-input';
import '../../../components/forms/form-section.css';

/** The admin edits a doctor's or patient's data (mount with key=id so it starts from the server's). */
export function EditUserForm({ detail, role }: { detail: UserDetail; role: 'doctor' | 'patient' }) {
  const { user } = detail;
  const [email, setEmail] = useState(user.email);
  const [doctorIds, setDoctorIds] = useState(() => detail.doctors.map((d) => d.id));
  const doctor = useFormValues(() => doctorValuesFrom(user.name, detail.doctor));
  const patient = useFormValues(() => patientValuesFrom(user.name, detail.patient));
  const form = role === 'doctor' ? doctor : patient;
  const update = useUpdateUser(user.id);
  const { formRef, formError, onSubmit } = useSubmitForm({
    mutation: update,
    setErrors: form.setErrors,
    check: () => checkedBy(updateUserInputSchema.safeParse(userInputOf(role, email, doctor.values, patient.values, doctorIds))),
    success: 'Alterações salvas',
  });

  const emailField = (
    <EmailField
      value={email}
      onChange={(value) => {
        setEmail(value);
        form.setFieldError('email', null);
      }}
      error={form.errors.email}
      hint={user.activated ? 'É o e-mail que a pessoa usa para entrar.' : undefined}
    />
  );

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <Card className="form-card">
        <CardHeader title="Dados do cadastro" description={role === 'doctor' ? 'Dados profissionais e de recebimento.' : 'Dados pessoais e médicos responsáveis.'} />
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        {role === 'doctor' ? (
          <DoctorProfileFields values={doctor.values} errors={doctor.errors} onChange={doctor.setField} onFieldError={doctor.setFieldError} emailField={emailField} audience="admin" />
        ) : (
          <PatientProfileFields values={patient.values} errors={patient.errors} onChange={patient.setField} emailField={emailField}>
            <DoctorPicker
              value={doctorIds}
              onChange={(ids) => {
                setDoctorIds(ids);
                patient.setFieldError('doctorIds', null);
              }}
              error={patient.errors.doctorIds}
              extra={detail.doctors}
            />
          </PatientProfileFields>
        )}
        <div className="form-footer">
          <Button type="submit" loading={update.isPending} icon={<Save aria-hidden="true" />}>
            Salvar
          </Button>
        </div>
      </Card>
    </form>
  );
}
