import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { BillingRecordRow, BillingRecordsTable, BillingStatus } from '../../db/types';

/** Inserts the consultation's record unless it has one: retries and races leave exactly one. */
export async function insertBillingRecordOnce(db: DbOrTrx, row: Insertable<BillingRecordsTable>): Promise<void> {
  await db.insertInto('billing_records').values(row).onConflict((oc) => oc.column('consultation_id').doNothing()).execute();
}

export type BillingFilter = { doctorId?: string | undefined; month?: string | undefined; status?: BillingStatus | undefined };

/** Records with the doctor's, patient's and decider's names. */
function billingView(db: DbOrTrx) {
  return db
    .selectFrom('billing_records as b')
    .innerJoin('users as d', 'd.id', 'b.doctor_id')
    .innerJoin('users as p', 'p.id', 'b.patient_id')
    .leftJoin('users as x', 'x.id', 'b.decided_by')
    .selectAll('b')
    .select(['d.name as doctor_name', 'p.name as patient_name', 'x.name as decided_by_name']);
}
export type BillingView = Awaited<ReturnType<ReturnType<typeof billingView>['executeTakeFirstOrThrow']>>;

/** One record with the names it shows. */
export async function findBillingView(db: DbOrTrx, id: string): Promise<BillingView | undefined> {
  return billingView(db).where('b.id', '=', id).executeTakeFirst();
}

/** One page of records, newest first by (finished_at, id). */
export async function listBillingRecords(db: DbOrTrx, f: BillingFilter, after: { at: string; id: string } | undefined, limit: number): Promise<BillingView[]> {
  let q = billingView(db);
  if (f.doctorId) q = q.where('b.doctor_id', '=', f.doctorId);
  if (f.month) q = q.where('b.month', '=', f.month);
  if (f.status) q = q.where('b.status', '=', f.status);
  if (after) {
    const { at, id } = after;
    q = q.where((eb) => eb.or([eb('b.finished_at', '<', at), eb.and([eb('b.finished_at', '=', at), eb('b.id', '<', id)])]));
  }
  return q.orderBy('b.finished_at', 'desc').orderBy('b.id', 'desc').limit(limit).execute();
}

export async function findBillingRecord(db: DbOrTrx, id: string): Promise<BillingRecordRow | undefined> {
  return db.selectFrom('billing_records').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a record from one of `from` to `to`; false when someone else moved it first. */
export async function decideBillingRecord(
  db: DbOrTrx,
  id: string,
  from: BillingStatus[],
  to: BillingStatus,
  decision: { note: string | null; decidedBy: string; decidedAt: string },
): Promise<boolean> {
  const r = await db
    .updateTable('billing_records')
    .set({ status: to, note: decision.note, decided_by: decision.decidedBy, decided_at: decision.decidedAt })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const num = (v: string | number | bigint | null | undefined) => Number(v ?? 0);

/** Per month in [from, to]: billed count and sums, and how many wait for review (by the month index). */
export async function sumBillingByMonth(db: DbOrTrx, from: string, to: string, doctorId?: string) {
  let q = db
    .selectFrom('billing_records')
    .select((eb) => [
      'month',
      eb.fn.count<string>('id').filterWhere('status', '=', 'billed').as('consultations'),
      eb.fn.sum<string>(eb.case().when('status', '=', 'billed').then(eb.ref('price_cents')).else(0).end()).as('gross'),
      eb.fn.sum<string>(eb.case().when('status', '=', 'billed').then(eb.ref('clinic_cents')).else(0).end()).as('clinic'),
      eb.fn.sum<string>(eb.case().when('status', '=', 'billed').then(eb.ref('doctor_cents')).else(0).end()).as('doctor'),
      eb.fn.count<string>('id').filterWhere('status', '=', 'under_review').as('under_review'),
    ])
    .where('month', '>=', from)
    .where('month', '<=', to)
    .where('status', 'in', ['billed', 'under_review']);
  if (doctorId) q = q.where('doctor_id', '=', doctorId);
  const rows = await q.groupBy('month').execute();
  return rows.map((r) => ({ month: r.month, consultations: num(r.consultations), gross: num(r.gross), clinic: num(r.clinic), doctor: num(r.doctor), underReview: num(r.under_review) }));
}

/** Billed totals of one month by doctor, highest gross first. */
export async function sumBillingByDoctor(db: DbOrTrx, month: string, doctorId?: string) {
  let q = db
    .selectFrom('billing_records as b')
    .innerJoin('users as d', 'd.id', 'b.doctor_id')
    .select((eb) => [
      'b.doctor_id',
      'd.name',
      eb.fn.countAll<string>().as('consultations'),
      eb.fn.sum<string>('b.price_cents').as('gross'),
      eb.fn.sum<string>('b.clinic_cents').as('clinic'),
      eb.fn.sum<string>('b.doctor_cents').as('doctor'),
    ])
    .where('b.month', '=', month)
    .where('b.status', '=', 'billed');
  if (doctorId) q = q.where('b.doctor_id', '=', doctorId);
  const rows = await q.groupBy(['b.doctor_id', 'd.name']).execute();
  return rows
    .map((r) => ({ doctorId: r.doctor_id, name: r.name, consultations: num(r.consultations), gross: num(r.gross), clinic: num(r.clinic), doctor: num(r.doctor) }))
    .sort((a, b) => b.gross - a.gross || a.name.localeCompare(b.name));
}
