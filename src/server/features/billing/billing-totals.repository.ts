import type { DbOrTrx } from '../../db/database';

// Reads of billing_totals, the per (month, doctor, status) sums that triggers keep in step with
// billing_records (docs/decisions/009-billing-totals.md). Nothing in the app writes them.

/** SUM() of a bigint is numeric on PostgreSQL and comes back as a string. */
const num = (v: string | number | bigint | null | undefined) => Number(v ?? 0);

/** Per month in [from, to]: billed count and sums, and how many wait for review. */
export async function sumTotalsByMonth(db: DbOrTrx, from: string, to: string, doctorId?: string) {
  let q = db
    .selectFrom('billing_totals')
    .select((eb) => {
      const billed = (column: 'consultations' | 'price_cents' | 'clinic_cents' | 'doctor_cents') =>
        eb.fn.sum<string>(eb.case().when('status', '=', 'billed').then(eb.ref(column)).else(0).end());
      return [
        'month',
        billed('consultations').as('consultations'),
        billed('price_cents').as('gross'),
        billed('clinic_cents').as('clinic'),
        billed('doctor_cents').as('doctor'),
        eb.fn.sum<string>(eb.case().when('status', '=', 'under_review').then(eb.ref('consultations')).else(0).end()).as('under_review'),
      ];
    })
    .where('month', '>=', from)
    .where('month', '<=', to)
    .where('status', 'in', ['billed', 'under_review']);
  if (doctorId) q = q.where('doctor_id', '=', doctorId);
  const rows = await q.groupBy('month').execute();
  return rows.map((r) => ({ month: r.month, consultations: num(r.consultations), gross: num(r.gross), clinic: num(r.clinic), doctor: num(r.doctor), underReview: num(r.under_review) }));
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
    .map((r) => ({ doctorId: r.doctor_id, name: r.name, consultations: num(r.consultations), gross: num(r.price_cents), clinic: num(r.clinic_cents), doctor: num(r.doctor_cents) }))
    .sort((a, b) => b.gross - a.gross || a.name.localeCompare(b.name));
}
