import { Save } from 'lucide-react';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Me } from '../../../../shared/schemas/auth';
import { adminProfileInputSchema, doctorProfileInputSchema, patientProfileInputSchema } from '../../../../shared/schemas/profile';
import { DoctorProfileFields } from '../../../components/forms/doctor-profile-fields';
import { doctorValuesFrom, toDoctorProfileInput } from '../../../components/forms/doctor-values';
import { FormSection } from '../../../components/forms/form-section';
import { PatientProfileFields } from '../../../components/forms/patient-profile-fields';
import { patientValuesFrom, toPatientProfileInput } from '../../../components/forms/patient-values';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { TextField } from '../../../components/ui/text-field';
import { useToast } from '../../../components/ui/toast-context';
import { messageOf } from '../../../lib/api-error';
import { fieldErrorsFromApi, fieldErrorsFromIssues, focusFirstInvalid } from '../../../lib/form-errors';
import { useFormValues } from '../../../lib/use-form-values';
import { useUpdateProfile } from '../api/update-profile';
import type { ProfileInput } from '../api/update-profile';
import '../../../components/forms/form-section.css';
import './profile.css';

/** "Seus dados": the fields of the signed-in person's role, checked with the shared schemas. */
export function ProfileDetailsForm({ me }: { me: Me }) {
  const role = me.user.role;
  const doctor = useFormValues(() => doctorValuesFrom(me.user.name, me.doctor));
  const patient = useFormValues(() => patientValuesFrom(me.user.name, me.patient));
  const admin = useFormValues(() => ({ name: me.user.name }));
  const form = role === 'doctor' ? doctor : role === 'patient' ? patient : admin;
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const update = useUpdateProfile();
  const toast = useToast();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed =
      role === 'doctor'
        ? doctorProfileInputSchema.safeParse(toDoctorProfileInput(doctor.values))
        : role === 'patient'
          ? patientProfileInputSchema.safeParse(toPatientProfileInput(patient.values))
          : adminProfileInputSchema.safeParse(admin.values);
    if (!parsed.success) {
      form.setErrors(fieldErrorsFromIssues(parsed.error.issues));
      focusFirstInvalid(formRef.current);
      return;
    }
    form.setErrors({});
    update.mutate(parsed.data as ProfileInput, {
      onSuccess: () => toast.notify('Perfil salvo'),
      onError: (error) => {
        const fields = fieldErrorsFromApi(error);
        form.setErrors(fields);
        setFormError(messageOf(error));
        if (Object.keys(fields).length > 0) focusFirstInvalid(formRef.current);
      },
    });
  };

  return (
    <Card as="section" aria-labelledby="details-title">
      <CardHeader id="details-title" title="Seus dados" />
      <form ref={formRef} className="form-card" onSubmit={onSubmit} noValidate>
        <p className="profile-email">
          <span>E-mail de acesso:</span>
          <strong>{me.user.email}</strong>
        </p>
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        {role === 'doctor' ? (
          <DoctorProfileFields values={doctor.values} errors={doctor.errors} onChange={doctor.setField} onFieldError={doctor.setFieldError} />
        ) : role === 'patient' ? (
          <PatientProfileFields values={patient.values} errors={patient.errors} onChange={patient.setField} />
        ) : (
          <FormSection title="Dados pessoais">
            <TextField
              label="Nome completo"
              name="name"
              autoComplete="name"
              value={admin.values.name}
              onChange={(e) => admin.setField('name', e.target.value)}
              error={admin.errors.name}
            />
          </FormSection>
        )}
        <div className="form-footer">
          <Button type="submit" loading={update.isPending} icon={<Save aria-hidden="true" />}>
            Salvar
          </Button>
        </div>
      </form>
    </Card>
  );
}
