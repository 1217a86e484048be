import { sql } from 'kysely';
import type { DbOrTrx } from '#server/db/database.ts';

// Reads of billing_month_totals (the clinic's, per month and status) and billing_totals (per
// month, doctor and status), the sums that triggers keep in step with billing_records
// (docs/decisions/009-billing-totals.md). Nothing in the app writes them.

/** SUM() of a bigint is numeric on PostgreSQL and comes back as a string. */
const num = (v: string | number | bigint | null | undefined) => Number(v ?? 0);

type Amount = 'consultations' | 'price_cents' | 'clinic_cents' | 'doctor_cents';
const summed = (status: 'billed' | 'under_review', column: Amount) => sql<string>`sum(case when status = ${status} then ${sql.ref(column)} else 0 end)`;

/** A month's billed count and sums, and how many wait for review, from either table. */
const monthSums = () =>
  [
    summed('billed', 'consultations').as('consultations'),
    summed('billed', 'price_cents').as('gross'),
    summed('billed', 'clinic_cents').as('clinic'),
    summed('billed', 'doctor_cents').as('doctor'),
    summed('under_review', 'consultations').as('under_review'),
  ] as const;

/** Per month in [from, to]: billed count and sums, and how many wait for review; the clinic's, or one doctor's. */
export async function sumTotalsByMonth(db: DbOrTrx, from: string, to: string, doctorId?: string) {
  const statuses = ['billed', 'under_review'] as const;
  const rows = doctorId
    ? await db
        .selectFrom('billing_totals')
        .select(['month', ...monthSums()])
        .where('doctor_id', '=', doctorId)
        .where('month', '>=', from)
        .where('month', '<=', to)
        .where('status', 'in', statuses)
        .groupBy('month')
        .execute()
    : await db
        .selectFrom('billing_month_totals')
        .select(['month', ...monthSums()])
        .where('month', '>=', from)
        .where('month', '<=', to)
        .where('status', 'in', statuses)
        .groupBy('month')
        .execute();
  return rows.map((r) => ({
    month: r.month,
    consultations: num(r.consultations),
    gross: num(r.gross),
    clinic: num(r.clinic),
    doctor: num(r.doctor),
    underReview: num(r.under_review),
  }));
}

/** Billed totals of one month by doctor (one row each), highest gross first. */
export async function sumTotalsByDoctor(db: DbOrTrx, month: string, doctorId?: string) {
  let q = db
    .selectFrom('billing_totals as t')
    .innerJoin('users as d', 'd.id', 't.doctor_id')
    .select(['t.doctor_id', 'd.name', 't.consultations', 't.price_cents', 't.clinic_cents', 't.doctor_cents'])
    .where('t.month', '=', month)
    .where('t.status', '=', 'billed')
    // Totals of a doctor whose every billed record was voided fall to zero and stay.
    .where('t.consultations', '>', 0);
  if (doctorId) q = q.where('t.doctor_id', '=', doctorId);
  const rows = await q.execute();
  return rows
    .map((r) => ({
      doctorId: r.doctor_id,
      name: r.name,
      consultations: num(r.consultations),
      gross: num(r.price_cents),
      clinic: num(r.clinic_cents),
      doctor: num(r.doctor_cents),
    }))
    .sort((a, b) => b.gross - a.gross || a.name.localeCompare(b.name));
}
