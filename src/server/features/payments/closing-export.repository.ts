import type { DbOrTrx } from '#server/db/database.ts';
import type { BillingRecordsTable, PaymentRow } from '#server/db/types.ts';

/** A payment as the closing export shows it: the row, its closing's number and the doctor's city today. */
export type ExportPayment = PaymentRow & { closing_seq: number; doctor_city: string | null };

/**
 * Every payment of a month, across its closings (cancelled ones too), with the closing's seq and
 * the doctor's current city (the PIX receiver's; the key and name come from the payment's
 * snapshot). In the export's order: doctor's name as people sort it, then closing, then id.
 * One row per doctor per closing: a few thousand at most, read at once.
 */
export async function listPaymentsOfMonthForExport(db: DbOrTrx, month: string): Promise<ExportPayment[]> {
  const rows = await db
    .selectFrom('payments as p')
    .innerJoin('closings as c', 'c.id', 'p.closing_id')
    .leftJoin('doctor_profiles as dp', 'dp.user_id', 'p.doctor_id')
    .selectAll('p')
    .select(['c.seq as closing_seq', 'dp.city as doctor_city'])
    .where('p.month', '=', month)
    .execute();
  // Sorted here, not in SQL: SQLite and PostgreSQL collate names differently.
  return rows
    .map((r) => ({ ...r, closing_seq: Number(r.closing_seq), doctor_city: r.doctor_city ?? null }))
    .sort((a, b) => a.doctor_name.localeCompare(b.doctor_name, 'pt-BR') || a.closing_seq - b.closing_seq || a.id.localeCompare(b.id));
}

export type ExportRecord = Pick<BillingRecordsTable, 'id' | 'finished_at' | 'kind' | 'price_cents' | 'clinic_cents' | 'doctor_cents'> & {
  patient_name: string;
};

/** Where a page of a payment's records starts: after this (finished_at, id). */
export type ExportRecordKey = { at: string; id: string };

/**
 * One page of the billing records a payment holds (`payment_records`, so a cancelled payment still
 * lists what it held), oldest first by (finished_at, id), with the patient's name. Keyset paging:
 * each page reads the payment's records through its key, never the month's.
 */
export async function listPaymentRecordsPage(db: DbOrTrx, paymentId: string, after: ExportRecordKey | undefined, limit: number): Promise<ExportRecord[]> {
  let q = db
    .selectFrom('payment_records as pr')
    .innerJoin('billing_records as b', 'b.id', 'pr.billing_record_id')
    .innerJoin('users as u', 'u.id', 'b.patient_id')
    .select(['b.id', 'b.finished_at', 'b.kind', 'b.price_cents', 'b.clinic_cents', 'b.doctor_cents', 'u.name as patient_name'])
    .where('pr.payment_id', '=', paymentId);
  if (after) q = q.where((eb) => eb.or([eb('b.finished_at', '>', after.at), eb.and([eb('b.finished_at', '=', after.at), eb('b.id', '>', after.id)])]));
  return q.orderBy('b.finished_at').orderBy('b.id').limit(limit).execute();
}
