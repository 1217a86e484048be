import { z } from 'zod';
import { PIX_E2E_ID_PATTERN, PIX_KEY_TYPES } from '#shared/domain/pix.ts';
import { clinicDateOf } from '#shared/domain/clinic-month.ts';
import { cursorPageOf, cursorPageQuerySchema } from './cursor';

/**
 * Monthly closing and payments (issue 10). A closing of a São Paulo month creates one payment per
 * doctor with open billed records; a payment goes pending → paid (admin) → received (doctor), or
 * paid → disputed (doctor: "Não recebi") → paid again or cancelled (admin).
 */
export const PAYMENT_STATUSES = ['pending', 'paid', 'received', 'disputed', 'cancelled'] as const;
export const paymentStatusSchema = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

export const PAYMENT_ACTIONS = ['created', 'paid', 'received', 'disputed', 'cancelled', 'pix_key_refreshed'] as const;
export type PaymentAction = (typeof PAYMENT_ACTIONS)[number];

const monthSchema = z.string({ message: 'Escolha o mês.' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Mês inválido (use AAAA-MM).' });
export const closingMonthInputSchema = z.object({ month: monthSchema });
export const closingMonthQuerySchema = z.object({ month: monthSchema });

/** GET /api/closings/export?month=&format= — the month's closing as .xlsx (payments and their consultations) or CSV (payments). */
export const closingExportQuerySchema = z.object({
  month: monthSchema,
  format: z.enum(['xlsx', 'csv'], { message: 'Formato inválido (use xlsx ou csv).' }),
});
export type ClosingExportQuery = z.infer<typeof closingExportQuerySchema>;

const person = z.object({ id: z.string(), name: z.string() });
const pixKey = z.object({ type: z.enum(PIX_KEY_TYPES), key: z.string() });

const totals = {
  consultations: z.number().int(),
  grossCents: z.number().int(),
  clinicCents: z.number().int(),
  /** What the doctor receives: the doctors' share of the billed records. */
  netCents: z.number().int(),
};

/** GET /api/closings/preview?month= — what "Fechar mês" would create, per doctor. */
export const closingPreviewSchema = z.object({
  month: z.string(),
  /** False for the current or a future month: only a month that has ended can be closed. */
  closable: z.boolean(),
  doctors: z.array(z.object({ doctor: person, crm: z.string(), pixKey: pixKey.nullable(), ...totals })),
  /** Calls of the month still "Em análise": they wait for the admin and go into a later closing. */
  underReview: z.number().int(),
  /** Closings of this month already made (the first, then supplementary ones). */
  closings: z.array(z.object({ id: z.string(), seq: z.number().int(), createdAt: z.string(), createdBy: person.nullable(), payments: z.number().int() })),
});
export type ClosingPreview = z.infer<typeof closingPreviewSchema>;

export const paymentSchema = z.object({
  id: z.string(),
  closingId: z.string(),
  /** 1 for the month's first closing, 2+ for supplementary ones. */
  closingSeq: z.number().int(),
  month: z.string(),
  doctor: person,
  /** Snapshot at closing: "CRM 12345/SP". */
  crm: z.string(),
  /** Snapshot at closing, refreshed when the doctor adds or changes it before payment; null = "sem chave PIX". */
  pixKey: pixKey.nullable(),
  status: paymentStatusSchema,
  ...totals,
  paidOn: z.string().nullable(),
  pixEndToEndId: z.string().nullable(),
  paidNote: z.string().nullable(),
  receivedAt: z.string().nullable(),
  disputeMessage: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const paymentEventSchema = z.object({
  id: z.string(),
  paymentId: z.string(),
  action: z.enum(PAYMENT_ACTIONS),
  fromStatus: paymentStatusSchema.nullable(),
  toStatus: paymentStatusSchema,
  actor: person.nullable(),
  at: z.string(),
  note: z.string().nullable(),
  /** What changed besides the state (the PIX key before and after a refresh, an end-to-end id). */
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type PaymentEvent = z.infer<typeof paymentEventSchema>;

/** One payment with its timeline, oldest event first. */
export const paymentDetailSchema = paymentSchema.extend({ events: z.array(paymentEventSchema) });
export type PaymentDetail = z.infer<typeof paymentDetailSchema>;

/**
 * GET /api/payments/:id (admin): the detail plus the static BR Code ("PIX copia e cola") that pays
 * it: the snapshot key, the net amount, a txid naming the payment; null when there is no usable key.
 */
export const adminPaymentDetailSchema = paymentDetailSchema.extend({ pixPayload: z.string().nullable() });
export type AdminPaymentDetail = z.infer<typeof adminPaymentDetailSchema>;

/** POST /api/closings answers with what it created. */
export const closingResultSchema = z.object({ id: z.string(), month: z.string(), seq: z.number().int(), payments: z.array(paymentSchema) });
export type ClosingResult = z.infer<typeof closingResultSchema>;

export const paymentListQuerySchema = z.object({
  month: monthSchema.optional(),
  status: paymentStatusSchema.optional(),
  doctorId: z.uuid({ message: 'Médico inválido.' }).optional(),
});
export const paymentListSchema = z.object({ items: z.array(paymentSchema) });

/** End-to-end id of a PIX transfer (defined with the other PIX rules in domain/pix). */
export { PIX_E2E_ID_PATTERN };

const isoDate = z.iso.date({ message: 'Informe a data do pagamento.' });

/** The admin confirms a payment was made: when, and optionally the PIX end-to-end id or a note. */
export const confirmPaymentInputSchema = z.object({
  // Not after today in São Paulo: a payment is confirmed once made (the dialog offers no later day).
  paidOn: isoDate.refine((day) => day <= clinicDateOf(new Date()), { message: 'A data do pagamento não pode ser depois de hoje.' }),
  pixEndToEndId: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .refine((v) => PIX_E2E_ID_PATTERN.test(v), { message: 'Identificador PIX inválido: começa com E e tem 32 letras e números.' })
    .optional(),
  note: z.string().trim().max(500, { message: 'Observação longa demais (até 500 letras).' }).optional(),
});
export type ConfirmPaymentInput = z.input<typeof confirmPaymentInputSchema>;

const reason = (what: string) =>
  z
    .string({ message: `Diga ${what}.` })
    .trim()
    .min(3, { message: `Diga ${what} (pelo menos 3 letras).` })
    .max(500, { message: 'Texto longo demais (até 500 letras).' });

/** The doctor says the money did not arrive. */
export const disputePaymentInputSchema = z.object({ message: reason('o que aconteceu') });
/** The admin cancels a pending or disputed payment; its records go back to open. */
export const cancelPaymentInputSchema = z.object({ reason: reason('o motivo') });

export const paymentEventQuerySchema = cursorPageQuerySchema.extend({
  action: z.enum(PAYMENT_ACTIONS).optional(),
  doctorId: z.uuid({ message: 'Médico inválido.' }).optional(),
  month: monthSchema.optional(),
});
/** The admin's list of every payment event, newest first, with the payment it belongs to. */
export const paymentEventPageSchema = cursorPageOf(paymentEventSchema.extend({ doctor: person, month: z.string() }));
export type PaymentEventPage = z.infer<typeof paymentEventPageSchema>;
