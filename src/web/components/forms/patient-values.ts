import { formatCpf } from '#shared/domain/cpf-cnpj.ts';
import type { PatientProfile, PatientProfileInput } from '#shared/schemas/profile.ts';
import { formatPhone } from '#web/lib/format-phone.ts';

/** The patient's profile as the form holds it. */
export interface PatientValues extends Record<string, string> {
  name: string;
  cpf: string;
  birthDate: string;
  phone: string;
}

export const EMPTY_PATIENT_VALUES: PatientValues = { name: '', cpf: '', birthDate: '', phone: '' };

export function patientValuesFrom(name: string, profile: PatientProfile | null): PatientValues {
  return {
    name,
    cpf: profile?.cpf ? formatCpf(profile.cpf) : '',
    birthDate: profile?.birthDate ?? '',
    phone: profile?.phone ? formatPhone(profile.phone) : '',
  };
}

export function toPatientProfileInput(values: PatientValues): PatientProfileInput {
  return { name: values.name, cpf: values.cpf, birthDate: values.birthDate, phone: values.phone };
}
