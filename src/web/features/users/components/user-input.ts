import type { CreateUserInput, UpdateUserInput } from '../../../../shared/schemas/users';
import { toDoctorProfileInput } from '../../../components/forms/doctor-values';
import type { DoctorValues } from '../../../components/forms/doctor-values';
import { toPatientProfileInput } from '../../../components/forms/patient-values';
import type { PatientValues } from '../../../components/forms/patient-values';

/** What the admin's new-person and edit forms send: the role's profile, and a patient's doctors. */
export function userInputOf(role: 'doctor' | 'patient', email: string, doctor: DoctorValues, patient: PatientValues, doctorIds: string[]): CreateUserInput & UpdateUserInput {
  return role === 'doctor' ? { role, email, profile: toDoctorProfileInput(doctor) } : { role, email, profile: toPatientProfileInput(patient), doctorIds };
}
