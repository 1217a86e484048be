import { z } from 'zod';
import { ERROR_CODES } from '#shared/error-codes.ts';
import { ROLES } from '#shared/permissions.ts';

export const roleSchema = z.enum(ROLES);
export const userStatusSchema = z.enum(['active', 'inactive']);
export type UserStatus = z.infer<typeof userStatusSchema>;

/** The one error shape for HTTP responses and socket acks; the server sends only the shared codes. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Per-field messages for forms, keyed by the field's path ("pixKey", "doctorIds.0"). */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const idParamSchema = z.object({ id: z.uuid({ message: 'Identificador inválido.' }) });

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100).optional(),
});

/** A page of items plus what a paginator needs. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const okSchema = z.object({ ok: z.literal(true) });

export const emailSchema = z
  .string({ message: 'Informe o e-mail.' })
  .trim()
  .toLowerCase()
  .max(254, { message: 'E-mail longo demais.' })
  // An empty box is a missing e-mail, not a wrong one: the pipe only runs when this passed.
  .min(1, { message: 'Informe o e-mail.' })
  .pipe(z.email({ message: 'E-mail inválido. Confira se digitou certo.' }));

export const personNameSchema = z
  .string({ message: 'Informe o nome.' })
  // One Unicode form for accents, whatever keyboard typed them, so search and sorting agree.
  .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(3, { message: 'Informe o nome completo.' })
      .max(120, { message: 'Nome longo demais (até 120 letras).' })
      .regex(/^[\p{L}\p{M}' .-]+$/u, { message: 'Use só letras no nome.' }),
  );

/** A Brazilian phone number: DDD + 8 or 9 digits, stored as digits only (no +55). */
export const brPhoneSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/\D/g, '').replace(/^55(?=\d{10,11}$)/, ''))
  .refine((d) => /^[1-9][1-9]\d{8,9}$/.test(d), { message: 'Telefone inválido: use DDD + número, ex.: (11) 91234-5678.' });

/** Optional text fields arrive as "" from forms; treat that as absent. */
export function optionalField<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
}
