import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { createPatientInputSchema } from '../../../../shared/schemas/users';
import type { CreatedUser } from '../../../../shared/schemas/users';
import { EmailField } from '../../../components/forms/email-field';
import { PatientProfileFields } from '../../../components/forms/patient-profile-fields';
import { EMPTY_PATIENT_VALUES, toPatientProfileInput } from '../../../components/forms/patient-values';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { messageOf } from '../../../lib/api-error';
import { fieldErrorsFromApi, fieldErrorsFromIssues, focusFirstInvalid } from '../../../lib/form-errors';
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
  const [formError, setFormError] = useState<string | null>(null);
  const form = useFormValues(EMPTY_PATIENT_VALUES);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreatePatient();
  const navigate = useNavigate();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const parsed = createPatientInputSchema.safeParse({ email, profile: toPatientProfileInput(form.values) });
    if (!parsed.success) {
      form.setErrors(fieldErrorsFromIssues(parsed.error.issues));
      focusFirstInvalid(formRef.current);
      return;
    }
    form.setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (created) => onCreated({ created, phone: form.values.phone || null }),
      onError: (error) => {
        const fields = fieldErrorsFromApi(error);
        form.setErrors(fields);
        setFormError(messageOf(error));
        if (Object.keys(fields).length > 0) focusFirstInvalid(formRef.current);
      },
    });
  };

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
