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
