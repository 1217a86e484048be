import { formatPixKey } from '#shared/domain/pix.ts';
import type { DoctorProfile, DoctorProfileInput } from '#shared/schemas/profile.ts';
import { formatPhone } from '#web/lib/format-phone.ts';

/** The doctor's profile as the form holds it: every field a string. */
export interface DoctorValues extends Record<string, string> {
  name: string;
  crmNumber: string;
  crmUf: string;
  rqe: string;
  specialty: string;
  phone: string;
  pixKeyType: string;
  pixKey: string;
  city: string;
  cityUf: string;
}

export const EMPTY_DOCTOR_VALUES: DoctorValues = {
  name: '',
  crmNumber: '',
  crmUf: '',
  rqe: '',
  specialty: '',
  phone: '',
  pixKeyType: '',
  pixKey: '',
  city: '',
  cityUf: '',
};

/** Fills the form from what the server stored, formatted the way people read it. */
export function doctorValuesFrom(name: string, profile: DoctorProfile | null): DoctorValues {
  if (!profile) return { ...EMPTY_DOCTOR_VALUES, name };
  return {
    name,
    crmNumber: profile.crmNumber,
    crmUf: profile.crmUf,
    rqe: profile.rqe ?? '',
    specialty: profile.specialty,
    phone: profile.phone ? formatPhone(profile.phone) : '',
    pixKeyType: profile.pixKeyType ?? '',
    pixKey: profile.pixKeyType && profile.pixKey ? formatPixKey(profile.pixKeyType, profile.pixKey) : (profile.pixKey ?? ''),
    city: profile.city ?? '',
    cityUf: profile.cityUf ?? '',
  };
}

/** The form as the API's DoctorProfileInput; the schema turns "" into "not given". */
export function toDoctorProfileInput(values: DoctorValues): DoctorProfileInput {
  return {
    name: values.name,
    crmNumber: values.crmNumber,
    crmUf: values.crmUf as DoctorProfileInput['crmUf'],
    rqe: values.rqe,
    specialty: values.specialty,
    phone: values.phone,
    pixKeyType: values.pixKeyType as DoctorProfileInput['pixKeyType'],
    pixKey: values.pixKey,
    city: values.city,
    cityUf: values.cityUf as DoctorProfileInput['cityUf'],
  };
}
