import { z } from 'zod';
import { emailSchema, pageOf, pageQuerySchema, roleSchema, userStatusSchema } from './common';
import { inviteLinkSchema } from './auth';
import { doctorProfileInputSchema, doctorProfileSchema, patientProfileInputSchema, patientProfileSchema } from './profile';

/** One row of a user list. */
export const userSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  status: userStatusSchema,
  /** False until the person set a password through their invite. */
  activated: z.boolean(),
  /** No password yet and no invite that still works: the list says "Convite expirado", the dashboard counts it. */
  inviteExpired: z.boolean(),
  photoUrl: z.string().nullable(),
  createdAt: z.string(),
  /** "CRM/SP 123456 · Cardiologia" for doctors, null otherwise. */
  subtitle: z.string().nullable(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const userListQuerySchema = pageQuerySchema.extend({
  role: z.enum(['admin', 'doctor', 'patient']).optional(),
  status: userStatusSchema.optional(),
});
export type UserListQuery = z.input<typeof userListQuerySchema>;
export const userListSchema = pageOf(userSummarySchema);
export type UserList = z.infer<typeof userListSchema>;

const doctorIdsSchema = z
  .array(z.uuid({ message: 'Médico inválido.' }))
  .max(20)
  .default([]);

/** Admin creates a doctor or a patient; the person then sets their own password by invite. */
export const createUserInputSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('doctor'), email: emailSchema, profile: doctorProfileInputSchema }),
  z.object({
    role: z.literal('patient'),
    email: emailSchema,
    profile: patientProfileInputSchema,
    /** The doctors who care for this patient. */
    doctorIds: doctorIdsSchema,
  }),
]);
export type CreateUserInput = z.input<typeof createUserInputSchema>;

export const updateUserInputSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('doctor'), email: emailSchema, profile: doctorProfileInputSchema }),
  z.object({ role: z.literal('patient'), email: emailSchema, profile: patientProfileInputSchema, doctorIds: doctorIdsSchema }),
]);
export type UpdateUserInput = z.input<typeof updateUserInputSchema>;

/** One person in full, for the admin's edit form. */
export const userDetailSchema = z.object({
  user: userSummarySchema,
  doctor: doctorProfileSchema.nullable(),
  patient: patientProfileSchema.nullable(),
  /** Patients: the doctors linked to them. */
  doctors: z.array(z.object({ id: z.string(), name: z.string() })),
  /** True when an unused, unexpired invite exists. */
  pendingInvite: z.boolean(),
});
export type UserDetail = z.infer<typeof userDetailSchema>;

export const createdUserSchema = z.object({ user: userSummarySchema, invite: inviteLinkSchema });
export type CreatedUser = z.infer<typeof createdUserSchema>;

/** A doctor registers one of their own patients. */
export const createPatientInputSchema = z.object({ email: emailSchema, profile: patientProfileInputSchema });
export type CreatePatientInput = z.input<typeof createPatientInputSchema>;
export const updatePatientInputSchema = z.object({ profile: patientProfileInputSchema });
export type UpdatePatientInput = z.input<typeof updatePatientInputSchema>;

export const patientListItemSchema = userSummarySchema.extend({
  phone: z.string().nullable(),
  birthDate: z.string().nullable(),
  /** When this doctor's latest consultation with the patient started; null if none yet. */
  lastConsultationAt: z.string().nullable(),
});
export type PatientListItem = z.infer<typeof patientListItemSchema>;
export const patientListSchema = pageOf(patientListItemSchema);
export type PatientList = z.infer<typeof patientListSchema>;

export const patientDetailSchema = z.object({
  user: userSummarySchema,
  patient: patientProfileSchema,
  pendingInvite: z.boolean(),
});
export type PatientDetail = z.infer<typeof patientDetailSchema>;

/** A patient's doctors, as shown on their dashboard. */
export const myDoctorSchema = z.object({
  id: z.string(),
  name: z.string(),
  specialty: z.string(),
  crm: z.string(),
  photoUrl: z.string().nullable(),
});
export type MyDoctor = z.infer<typeof myDoctorSchema>;
export const doctorOptionSchema = z.object({ id: z.string(), name: z.string(), subtitle: z.string() });
export type DoctorOption = z.infer<typeof doctorOptionSchema>;
