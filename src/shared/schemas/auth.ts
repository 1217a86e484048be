import { z } from 'zod';
import { emailSchema, roleSchema, userStatusSchema } from './common';
import { doctorProfileSchema, patientProfileSchema } from './profile';

export const passwordSchema = z
  .string({ message: 'Informe a senha.' })
  .min(10, { message: 'A senha precisa ter pelo menos 10 caracteres.' })
  .max(200, { message: 'A senha pode ter no máximo 200 caracteres.' });

export const loginInputSchema = z.object({
  email: emailSchema,
  password: z.string({ message: 'Informe a senha.' }).min(1, { message: 'Informe a senha.' }).max(200),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const changePasswordInputSchema = z
  .object({
    currentPassword: z.string().min(1, { message: 'Informe a senha atual.' }).max(200),
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    message: 'A nova senha precisa ser diferente da atual.',
    path: ['newPassword'],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

/** The signed-in person, as every screen needs it. */
export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    status: userStatusSchema,
    photoUrl: z.string().nullable(),
  }),
  doctor: doctorProfileSchema.nullable(),
  patient: patientProfileSchema.nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const inviteTokenParamSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'Link de convite inválido.' }),
});

export const inviteInfoSchema = z.object({ name: z.string(), email: z.string(), role: roleSchema });
export type InviteInfo = z.infer<typeof inviteInfoSchema>;

export const acceptInviteInputSchema = z.object({ password: passwordSchema });

/** What the UI shows after creating an account or renewing an invite. */
export const inviteLinkSchema = z.object({ url: z.string(), expiresAt: z.string() });
export type InviteLink = z.infer<typeof inviteLinkSchema>;

/** "Esqueci minha senha": only the e-mail; the answer is the same whether it has an account or not. */
export const forgotPasswordInputSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordInputSchema>;

/** What the login page may offer: e-mailed reset links exist only where SMTP is configured. */
export const authOptionsSchema = z.object({ passwordResetByEmail: z.boolean() });
export type AuthOptions = z.infer<typeof authOptionsSchema>;

export const passwordResetTokenParamSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'Link para nova senha inválido.' }),
});
export const passwordResetInfoSchema = z.object({ name: z.string(), email: z.string() });
export type PasswordResetInfo = z.infer<typeof passwordResetInfoSchema>;
export const completePasswordResetInputSchema = z.object({ password: passwordSchema });

/**
 * What the room link's landing page shows before anyone signs in: whose consultation it is and
 * whether it is still open. Holding the room code (128 random bits) is what lets you see it.
 */
export const roomLandingSchema = z.object({ doctorName: z.string(), open: z.boolean() });
export type RoomLanding = z.infer<typeof roomLandingSchema>;

/**
 * The link the doctor sends for a room. For a patient without a password it carries a fresh
 * invite (after `#convite=`), so the same link sets the password and opens the room.
 */
export const roomPatientLinkSchema = z.object({ url: z.string(), patientHasPassword: z.boolean(), inviteExpiresAt: z.string().nullable() });
export type RoomPatientLink = z.infer<typeof roomPatientLinkSchema>;
