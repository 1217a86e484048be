import { z } from 'zod';
import { parseBRL, parsePercentToBasisPoints } from '#shared/domain/money.ts';

/** The most a consultation may cost: a typo guard (R$ 100.000,00), not a business rule. */
export const MAX_PRICE_CENTS = 10_000_000;

/** A price typed as `R$ 1.234,56` → centavos. */
export const priceInputSchema = z
  .string({ message: 'Informe o valor.' })
  .trim()
  .min(1, { message: 'Informe o valor.' })
  .max(30, { message: 'Valor inválido.' })
  .transform((s, ctx) => {
    const cents = parseBRL(s);
    if (cents === null) {
      ctx.addIssue({ code: 'custom', message: 'Escreva o valor como R$ 150,00.' });
      return z.NEVER;
    }
    if (cents > MAX_PRICE_CENTS) {
      ctx.addIssue({ code: 'custom', message: 'Valor alto demais para uma consulta (até R$ 100.000,00).' });
      return z.NEVER;
    }
    return cents;
  });

/** The clinic's share typed as a percentage with up to two decimals → basis points. */
export const shareInputSchema = z
  .string({ message: 'Informe a porcentagem.' })
  .trim()
  .min(1, { message: 'Informe a porcentagem.' })
  .max(10, { message: 'Porcentagem inválida.' })
  .transform((s, ctx) => {
    const bps = parsePercentToBasisPoints(s);
    if (bps === null) {
      ctx.addIssue({ code: 'custom', message: 'Use uma porcentagem de 0 a 100, com até duas casas decimais (ex.: 20 ou 12,5).' });
      return z.NEVER;
    }
    return bps;
  });

export const clinicFeesInputSchema = z.object({
  price: priceInputSchema,
  share: shareInputSchema,
  /** Calls shorter than this go to "Em análise". */
  reviewBelowMinutes: z.coerce
    .number({ message: 'Informe os minutos.' })
    .int({ message: 'Use minutos inteiros.' })
    .min(0, { message: 'Use 0 ou mais minutos.' })
    .max(120, { message: 'No máximo 120 minutos.' }),
});

/** A doctor's own fees; null = follow the clinic's. */
export const doctorFeesInputSchema = z.object({
  price: priceInputSchema.nullable(),
  share: shareInputSchema.nullable(),
});

export const feeChangeSchema = z.object({
  id: z.string(),
  doctorId: z.string().nullable(),
  field: z.enum(['price_cents', 'clinic_bps', 'review_below_seconds']),
  oldValue: z.number().int().nullable(),
  newValue: z.number().int().nullable(),
  changedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  changedAt: z.string(),
});
export type FeeChange = z.infer<typeof feeChangeSchema>;

export const clinicFeesSchema = z.object({
  priceCents: z.number().int(),
  clinicBps: z.number().int(),
  reviewBelowSeconds: z.number().int(),
  updatedAt: z.string(),
  history: z.array(feeChangeSchema),
});
export type ClinicFees = z.infer<typeof clinicFeesSchema>;

export const doctorFeesSchema = z.object({
  doctorId: z.string(),
  /** The doctor's own values (null = the clinic's). */
  priceCents: z.number().int().nullable(),
  clinicBps: z.number().int().nullable(),
  /** What a consultation finishing now would be billed at. */
  effective: z.object({ priceCents: z.number().int(), clinicBps: z.number().int() }),
  history: z.array(feeChangeSchema),
});
export type DoctorFees = z.infer<typeof doctorFeesSchema>;
