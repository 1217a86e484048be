import { Save } from 'lucide-react';
import type { Me } from '../../../../shared/schemas/auth';
import { adminProfileInputSchema, doctorProfileInputSchema, patientProfileInputSchema } from '../../../../shared/schemas/profile';
import { DoctorProfileFields } from '../../../components/forms/doctor-profile-fields';
import { doctorValuesFrom, toDoctorProfileInput } from '../../../components/forms/doctor-values';
import { FormSection } from '../../../components/forms/form-section';
import { PatientProfileFields } from '../../../components/forms/patient-profile-fields';
import { patientValuesFrom, toPatientProfileInput } from '../../../components/forms/patient-values';
import { checkedBy, useSubmitForm } from '../../../components/forms/use-submit-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { TextField } from '../../../components/ui/text-field';
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
  const update = useUpdateProfile();
  const { formRef, formError, onSubmit } = useSubmitForm({
    mutation: update,
    setErrors: form.setErrors,
    check: () =>
      checkedBy<ProfileInput>(
        role === 'doctor'
          ? doctorProfileInputSchema.safeParse(toDoctorProfileInput(doctor.values))
          : role === 'patient'
            ? patientProfileInputSchema.safeParse(toPatientProfileInput(patient.values))
            : adminProfileInputSchema.safeParse(admin.values),
      ),
    success: 'Perfil salvo',
  });

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
