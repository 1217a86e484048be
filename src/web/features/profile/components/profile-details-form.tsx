import { Save } from 'lucide-react';
import type { Me } from '#shared/schemas/auth.ts';
import { adminProfileInputSchema, doctorProfileInputSchema, patientProfileInputSchema } from '#shared/schemas/profile.ts';
import { DoctorProfileFields } from '#web/components/forms/doctor-profile-fields.tsx';
import { doctorValuesFrom, toDoctorProfileInput } from '#web/components/forms/doctor-values.ts';
import { FormSection } from '#web/components/forms/form-section.tsx';
import { PatientProfileFields } from '#web/components/forms/patient-profile-fields.tsx';
import { patientValuesFrom, toPatientProfileInput } from '#web/components/forms/patient-values.ts';
import { checkedBy, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { TextField } from '#web/components/ui/text-field.tsx';
import { useFormValues } from '#web/lib/use-form-values.ts';
import { useUpdateProfile } from '#web/features/profile/api/update-profile.ts';
import type { ProfileInput } from '#web/features/profile/api/update-profile.ts';
import '#web/components/forms/form-section.css';
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
