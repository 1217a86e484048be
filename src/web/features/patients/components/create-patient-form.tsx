import { useState } from 'react';
import { useNavigate } from 'react-router';
import { createPatientInputSchema } from '../../../../shared/schemas/users';
import type { CreatedUser } from '../../../../shared/schemas/users';
import { EmailField } from '../../../components/forms/email-field';
import { PatientProfileFields } from '../../../components/forms/patient-profile-fields';
import { EMPTY_PATIENT_VALUES, toPatientProfileInput } from '../../../components/forms/patient-values';
import { checkedBy, useSubmitForm } from '../../../components/forms/use-submit-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { useFormValues } from '../../../lib/use-form-values';
import { useCreatePatient } from '../api/create-patient';
import '../../../components/forms/form-section.css';

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
