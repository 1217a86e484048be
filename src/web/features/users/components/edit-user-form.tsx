import { Save } from 'lucide-react';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { updateUserInputSchema } from '../../../../shared/schemas/users';
import type { UpdateUserInput, UserDetail } from '../../../../shared/schemas/users';
import { DoctorProfileFields } from '../../../components/forms/doctor-profile-fields';
import { doctorValuesFrom, toDoctorProfileInput } from '../../../components/forms/doctor-values';
import { EmailField } from '../../../components/forms/email-field';
import { PatientProfileFields } from '../../../components/forms/patient-profile-fields';
import { patientValuesFrom, toPatientProfileInput } from '../../../components/forms/patient-values';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { useToast } from '../../../components/ui/toast-context';
import { messageOf } from '../../../lib/api-error';
import { fieldErrorsFromApi, fieldErrorsFromIssues, focusFirstInvalid } from '../../../lib/form-errors';
import { useFormValues } from '../../../lib/use-form-values';
import { useUpdateUser } from '../api/update-user';
import { DoctorPicker } from './doctor-picker';
import '../../../components/forms/form-section.css';

/** The admin edits a doctor's or patient's data (mount with key=id so it starts from the server's). */
export function EditUserForm({ detail, role }: { detail: UserDetail; role: 'doctor' | 'patient' }) {
  const { user } = detail;
  const [email, setEmail] = useState(user.email);
  const [doctorIds, setDoctorIds] = useState(() => detail.doctors.map((d) => d.id));
  const [formError, setFormError] = useState<string | null>(null);
  const doctor = useFormValues(() => doctorValuesFrom(user.name, detail.doctor));
  const patient = useFormValues(() => patientValuesFrom(user.name, detail.patient));
  const form = role === 'doctor' ? doctor : patient;
  const formRef = useRef<HTMLFormElement>(null);
  const update = useUpdateUser(user.id);
  const toast = useToast();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const input: UpdateUserInput =
      role === 'doctor'
        ? { role, email, profile: toDoctorProfileInput(doctor.values) }
        : { role, email, profile: toPatientProfileInput(patient.values), doctorIds };
    const parsed = updateUserInputSchema.safeParse(input);
    if (!parsed.success) {
      form.setErrors(fieldErrorsFromIssues(parsed.error.issues));
      focusFirstInvalid(formRef.current);
      return;
    }
    form.setErrors({});
    update.mutate(parsed.data, {
      onSuccess: () => toast.notify('Alterações salvas'),
      onError: (error) => {
        const fields = fieldErrorsFromApi(error);
        form.setErrors(fields);
        setFormError(messageOf(error));
        if (Object.keys(fields).length > 0) focusFirstInvalid(formRef.current);
      },
    });
  };

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
