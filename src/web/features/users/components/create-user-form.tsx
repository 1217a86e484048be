import { Stethoscope, UserRound } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { createUserInputSchema } from '../../../../shared/schemas/users';
import type { CreatedUser } from '../../../../shared/schemas/users';
import { DoctorProfileFields } from '../../../components/forms/doctor-profile-fields';
import { EMPTY_DOCTOR_VALUES } from '../../../components/forms/doctor-values';
import { EmailField } from '../../../components/forms/email-field';
import { PatientProfileFields } from '../../../components/forms/patient-profile-fields';
import { EMPTY_PATIENT_VALUES } from '../../../components/forms/patient-values';
import { checkedBy, useSubmitForm } from '../../../components/forms/use-submit-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { RadioCards } from '../../../components/ui/radio-cards';
import { useFormValues } from '../../../lib/use-form-values';
import { useCreateUser } from '../api/create-user';
import { DoctorPicker } from './doctor-picker';
import { userInputOf } from './user-input';
import '../../../components/forms/form-section.css';

type NewRole = 'doctor' | 'patient';

const ROLE_OPTIONS = [
  { value: 'doctor' as const, label: 'Médico', description: 'Atende por vídeo e recebe repasses', icon: <Stethoscope /> },
  { value: 'patient' as const, label: 'Paciente', description: 'É atendido pelos médicos da clínica', icon: <UserRound /> },
];

/** Who the admin just created, with what the invite step needs. */
export interface CreatedAccount {
  created: CreatedUser;
  phone: string | null;
}

/** The admin's "new person" form: doctor or patient, validated with the shared schema. */
export function CreateUserForm({ onCreated }: { onCreated: (account: CreatedAccount) => void }) {
  const [role, setRole] = useState<NewRole>('doctor');
  const [email, setEmail] = useState('');
  const [doctorIds, setDoctorIds] = useState<string[]>([]);
  const doctor = useFormValues(EMPTY_DOCTOR_VALUES);
  const patient = useFormValues(EMPTY_PATIENT_VALUES);
  const form = role === 'doctor' ? doctor : patient;
  const create = useCreateUser();
  const navigate = useNavigate();
  const { formRef, formError, onSubmit } = useSubmitForm({
    mutation: create,
    setErrors: form.setErrors,
    check: () => checkedBy(createUserInputSchema.safeParse(userInputOf(role, email, doctor.values, patient.values, doctorIds))),
    onSuccess: (created) => onCreated({ created, phone: form.values.phone || null }),
  });

  const emailField = (
    <EmailField
      value={email}
      onChange={(value) => {
        setEmail(value);
        form.setFieldError('email', null);
      }}
      error={form.errors.email}
      hint="A pessoa entra no MedConnect com este e-mail."
    />
  );

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <Card className="form-card">
        <RadioCards legend="Tipo de conta" name="role" value={role} options={ROLE_OPTIONS} onChange={setRole} />
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        {role === 'doctor' ? (
          <DoctorProfileFields
            audience="admin"
            values={doctor.values}
            errors={doctor.errors}
            onChange={doctor.setField}
            onFieldError={doctor.setFieldError}
            emailField={emailField}
            headingLevel={2}
          />
        ) : (
          <PatientProfileFields values={patient.values} errors={patient.errors} onChange={patient.setField} emailField={emailField} headingLevel={2}>
            <DoctorPicker
              value={doctorIds}
              onChange={(ids) => {
                setDoctorIds(ids);
                patient.setFieldError('doctorIds', null);
              }}
              error={patient.errors.doctorIds}
            />
          </PatientProfileFields>
        )}
        <div className="form-footer">
          <Button variant="ghost" onClick={() => void navigate('/admin/usuarios')}>
            Cancelar
          </Button>
          <Button type="submit" loading={create.isPending}>
            Criar conta e gerar convite
          </Button>
        </div>
      </Card>
    </form>
  );
}
