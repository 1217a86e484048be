import { z } from 'zod';
import { CURSOR_PAGE_MAX, CURSOR_PAGE_SIZE, cursorPageOf, decodeCursorParts, encodeCursorParts } from './cursor';

export const billingStatusSchema = z.enum(['billed', 'under_review', 'rejected', 'voided']);
export type BillingStatus = z.infer<typeof billingStatusSchema>;

export const billingKindSchema = z.enum(['video', 'in_person', 'phone'], { message: 'Tipo de consulta inválido (use video, in_person ou phone).' });
export type BillingKind = z.infer<typeof billingKindSchema>;

const person = z.object({ id: z.string(), name: z.string() });

export const billingRecordSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  doctor: person,
  patient: person,
  kind: billingKindSchema,
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

/**
 * How a billing list is ordered. Every order ends in the record id, so it is total and a page
 * never repeats or skips a record: by end time, or by price and then by end time.
 */
export const billingSortSchema = z.enum(['newest', 'oldest', 'price_desc', 'price_asc'], {
  message: 'Ordem inválida (use newest, oldest, price_desc ou price_asc).',
});
export type BillingSort = z.infer<typeof billingSortSchema>;

/** Where a billing page ends, in the list's own order: the sort it belongs to and the last record's keys. */
export type BillingCursor = { sort: BillingSort; at: string; id: string; priceCents: number | null };

const byTime = z.tuple([z.enum(['newest', 'oldest']), z.iso.datetime(), z.string().min(1).max(64)]);
const byPrice = z.tuple([z.enum(['price_desc', 'price_asc']), z.number().int().min(0), z.iso.datetime(), z.string().min(1).max(64)]);

/** The opaque `nextCursor` of a billing page; it names its sort, so it cannot be replayed under another. */
export function encodeBillingCursor(c: BillingCursor): string {
  return encodeCursorParts(c.priceCents === null ? [c.sort, c.at, c.id] : [c.sort, c.priceCents, c.at, c.id]);
}

/** The cursor back from its text, or null when it is not a billing cursor. */
export function decodeBillingCursor(text: string): BillingCursor | null {
  const parts = decodeCursorParts(text);
  const time = byTime.safeParse(parts);
  if (time.success) return { sort: time.data[0], at: time.data[1], id: time.data[2], priceCents: null };
  const price = byPrice.safeParse(parts);
  if (price.success) return { sort: price.data[0], priceCents: price.data[1], at: price.data[2], id: price.data[3] };
  return null;
}

const billingCursorSchema = z.string().transform((text, ctx) => {
  const cursor = decodeBillingCursor(text);
  if (!cursor) {
    ctx.addIssue({ code: 'custom', message: 'Página inválida. Recarregue a lista.' });
    return z.NEVER;
  }
  return cursor;
});

/** What narrows a doctor's own billing list (and its export). `month` is short for from = to = month. */
const ownFilterShape = {
  month: monthSchema.optional(),
  /** First month of the period (São Paulo), inclusive. */
  from: monthSchema.optional(),
  /** Last month of the period, inclusive. */
  to: monthSchema.optional(),
  status: billingStatusSchema.optional(),
  kind: billingKindSchema.optional(),
  sort: billingSortSchema.default('newest'),
};
/** The admin's: any doctor as well. */
const adminFilterShape = { ...ownFilterShape, doctorId: z.uuid({ message: 'Médico inválido.' }).optional() };

const pageShape = {
  cursor: billingCursorSchema.optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1, { message: 'Tamanho de página inválido.' })
    .max(CURSOR_PAGE_MAX, { message: `No máximo ${CURSOR_PAGE_MAX} itens por página.` })
    .default(CURSOR_PAGE_SIZE),
};

type FilterInput = { month?: string | undefined; from?: string | undefined; to?: string | undefined; sort: BillingSort; cursor?: BillingCursor | undefined };

/** One month or one period, never both; a period that ends before it begins; a cursor from another order. */
function checkFilters(q: FilterInput, ctx: z.RefinementCtx): void {
  if (q.month && (q.from || q.to)) ctx.addIssue({ code: 'custom', path: ['month'], message: 'Escolha um mês ou um período (de/até), não os dois.' });
  if (q.from && q.to && q.from > q.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'O período termina antes de começar: o mês final deve ser o inicial ou depois dele.' });
  if (q.cursor && q.cursor.sort !== q.sort)
    ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'Esta página é de outra ordem da lista. Recarregue a lista.' });
}

/** The doctor's own billing list: period, status, kind, order, a page at a time. */
export const ownBillingQuerySchema = z.object({ ...ownFilterShape, ...pageShape }).superRefine(checkFilters);

/** The admin's billing list: any doctor as well. */
export const billingQuerySchema = z.object({ ...adminFilterShape, ...pageShape }).superRefine(checkFilters);
export type BillingQuery = z.output<typeof billingQuerySchema>;

export const billingExportFormatSchema = z.enum(['csv', 'xlsx'], { message: 'Formato inválido (use csv ou xlsx).' });
export type BillingExportFormat = z.infer<typeof billingExportFormatSchema>;

/** A doctor's export of their own filtered list: every page, in the list's order. */
export const ownBillingExportQuerySchema = z.object({ ...ownFilterShape, format: billingExportFormatSchema }).superRefine(checkFilters);

/** The admin's export of the filtered list. */
export const billingExportQuerySchema = z.object({ ...adminFilterShape, format: billingExportFormatSchema }).superRefine(checkFilters);
export type BillingExportQuery = z.output<typeof billingExportQuerySchema>;

/** Rejecting or voiding says why; approving may. */
export const billingReasonInputSchema = z.object({
  reason: z
    .string({ message: 'Diga o motivo.' })
    .trim()
    .min(3, { message: 'Diga o motivo (pelo menos 3 letras).' })
    .max(500, { message: 'Motivo longo demais (até 500 letras).' }),
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
