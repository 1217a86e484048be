import { useState } from 'react';
import { useNavigate } from 'react-router';
import { createPatientInputSchema } from '#shared/schemas/users.ts';
import type { CreatedUser } from '#shared/schemas/users.ts';
import { EmailField } from '#web/components/forms/email-field.tsx';
import { PatientProfileFields } from '#web/components/forms/patient-profile-fields.tsx';
import { EMPTY_PATIENT_VALUES, toPatientProfileInput } from '#web/components/forms/patient-values.ts';
import { checkedBy, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { useFormValues } from '#web/lib/use-form-values.ts';
import { useCreatePatient } from '#web/features/patients/api/create-patient.ts';
import '#web/components/forms/form-section.css';

/** A patient the doctor just registered, with the phone for WhatsApp. */
export interface CreatedPatient {
  created: CreatedUser;
  phone: string | null;
}

/** The doctor's "new patient" form. */
export function CreatePatientForm({ onCreated }: { onCreated: (patient: CreatedPatient) => void }) {
  const [email, setEmail] = useState('');
  const form = useFormValues(EMPTY_PATIENT_VALUES);
  const create = useCreatePatient();
  const navigate = useNavigate();
  const { formRef, formError, onSubmit } = useSubmitForm({
    mutation: create,
    setErrors: form.setErrors,
    check: () => checkedBy(createPatientInputSchema.safeParse({ email, profile: toPatientProfileInput(form.values) })),
    onSuccess: (created) => onCreated({ created, phone: form.values.phone || null }),
  });

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <Card className="form-card">
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        <PatientProfileFields
          values={form.values}
          errors={form.errors}
          onChange={form.setField}
          headingLevel={2}
          emailField={
            <EmailField
              value={email}
              onChange={(value) => {
                setEmail(value);
                form.setFieldError('email', null);
              }}
              error={form.errors.email}
              hint="O paciente entra no MedConnect com este e-mail."
            />
          }
        />
        <div className="form-footer">
          <Button variant="ghost" onClick={() => void navigate('/medico/pacientes')}>
            Cancelar
          </Button>
          <Button type="submit" loading={create.isPending}>
            Cadastrar e gerar convite
          </Button>
        </div>
      </Card>
    </form>
  );
}
