import { useState } from 'react';
import { DoctorProfileFields } from '#web/components/forms/doctor-profile-fields.tsx';
import type { CreateUserInput, UpdateUserInput } from '#shared/schemas/users.ts';
import { toDoctorProfileInput } from '#web/components/forms/doctor-values.ts';
import type { DoctorValues } from '#web/components/forms/doctor-values.ts';
import { EmailField } from '#web/components/forms/email-field.tsx';
import { PatientProfileFields } from '#web/components/forms/patient-profile-fields.tsx';
import { toPatientProfileInput } from '#web/components/forms/patient-values.ts';
import type { PatientValues } from '#web/components/forms/patient-values.ts';
import { useFormValues } from '#web/lib/use-form-values.ts';
import { DoctorPicker } from './doctor-picker';

/** The state of the admin's new-person and edit forms: e-mail, both roles' profiles, a patient's doctors. */
export function useUserAccount(
  role: 'doctor' | 'patient',
  initial: { email: string; doctor: () => DoctorValues; patient: () => PatientValues; doctorIds: () => string[] },
) {
  const [email, setEmail] = useState(initial.email);
  const [doctorIds, setDoctorIds] = useState(initial.doctorIds);
  const doctor = useFormValues(initial.doctor);
  const patient = useFormValues(initial.patient);
  const form = role === 'doctor' ? doctor : patient;
  /** What the form sends: the role's profile, and a patient's doctors. */
  const input = (): CreateUserInput & UpdateUserInput =>
    role === 'doctor'
      ? { role, email, profile: toDoctorProfileInput(doctor.values) }
      : { role, email, profile: toPatientProfileInput(patient.values), doctorIds };
  return { role, email, setEmail, doctorIds, setDoctorIds, doctor, patient, form, input };
}

interface UserAccountFieldsProps {
  account: ReturnType<typeof useUserAccount>;
  emailHint: string | undefined;
  /** Doctors already linked that the picker's list may not have (inactive ones). */
  extraDoctors?: readonly { id: string; name: string }[];
  headingLevel?: 2 | 3;
}

/** The fields of the admin's user forms: the role's profile with the e-mail, and a patient's doctors. */
export function UserAccountFields({ account, emailHint, extraDoctors, headingLevel }: UserAccountFieldsProps) {
  const { role, doctor, patient, form } = account;
  const emailField = (
    <EmailField
      value={account.email}
      onChange={(value) => {
        account.setEmail(value);
        form.setFieldError('email', null);
      }}
      error={form.errors.email}
      hint={emailHint}
    />
  );
  if (role === 'doctor') {
    return (
      <DoctorProfileFields
        audience="admin"
        values={doctor.values}
        errors={doctor.errors}
        onChange={doctor.setField}
        onFieldError={doctor.setFieldError}
        emailField={emailField}
        headingLevel={headingLevel}
      />
    );
  }
  return (
    <PatientProfileFields values={patient.values} errors={patient.errors} onChange={patient.setField} emailField={emailField} headingLevel={headingLevel}>
      <DoctorPicker
        value={account.doctorIds}
        onChange={(ids) => {
          account.setDoctorIds(ids);
          patient.setFieldError('doctorIds', null);
        }}
        error={patient.errors.doctorIds}
        extra={extraDoctors}
      />
    </PatientProfileFields>
  );
}
