import { z } from 'zod';
import { cursorPageOf, cursorPageQuerySchema } from './cursor';

export const billingStatusSchema = z.enum(['billed', 'under_review', 'rejected', 'voided']);
export type BillingStatus = z.infer<typeof billingStatusSchema>;

const person = z.object({ id: z.string(), name: z.string() });

export const billingRecordSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  doctor: person,
  patient: person,
  kind: z.enum(['video', 'in_person', 'phone']),
  finishedAt: z.string(),
  /** YYYY-MM in São Paulo. */
  month: z.string(),
  durationSeconds: z.number().int().nullable(),
  priceCents: z.number().int(),
  clinicBps: z.number().int(),
  clinicCents: z.number().int(),
  doctorCents: z.number().int(),
  status: billingStatusSchema,
  /** 'backfill': billed at the default fee by the migration that brought billing in. */
  feeSource: z.enum(['fees', 'backfill']),
  note: z.string().nullable(),
  decidedBy: person.nullable(),
  decidedAt: z.string().nullable(),
});
export type BillingRecord = z.infer<typeof billingRecordSchema>;

export const billingPageSchema = cursorPageOf(billingRecordSchema);

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Mês inválido (use AAAA-MM).' });

/** The doctor's own billing: by month and status. */
export const ownBillingQuerySchema = cursorPageQuerySchema.extend({ month: monthSchema.optional(), status: billingStatusSchema.optional() });

/** The admin's: any doctor as well. */
export const billingQuerySchema = ownBillingQuerySchema.extend({ doctorId: z.uuid({ message: 'Médico inválido.' }).optional() });

/** Rejecting or voiding says why; approving may. */
export const billingReasonInputSchema = z.object({
  reason: z.string({ message: 'Diga o motivo.' }).trim().min(3, { message: 'Diga o motivo (pelo menos 3 letras).' }).max(500, { message: 'Motivo longo demais (até 500 letras).' }),
});
export const billingApproveInputSchema = z.object({ note: z.string().trim().max(500, { message: 'Observação longa demais (até 500 letras).' }).optional() });

const totals = {
  consultations: z.number().int(),
  grossCents: z.number().int(),
  clinicCents: z.number().int(),
  doctorCents: z.number().int(),
};

/** Money figures count billed records only; `underReview` counts what waits for the admin. */
export const billingSummarySchema = z.object({
  month: z.string(),
  /** The 12 months ending at `month`, oldest first, every month present (zeros when empty). */
  months: z.array(z.object({ month: z.string(), ...totals, underReview: z.number().int() })),
  /** `month` by doctor, highest gross first (the admin's view; a doctor's holds only them). */
  byDoctor: z.array(z.object({ doctor: z.object({ id: z.string(), name: z.string() }), ...totals })),
});
export type BillingSummary = z.infer<typeof billingSummarySchema>;

export const billingSummaryQuerySchema = z.object({ month: monthSchema.optional() });
