import type { Insertable } from 'kysely';
import type { DbOrTrx } from '#server/db/database.ts';
import type { PaymentEventsTable, PaymentRow, PaymentStatus, PaymentsTable } from '#server/db/types.ts';

const num = (v: string | number | bigint | null | undefined) => Number(v ?? 0);

/** Open billed records of a month (not yet in any payment), summed by doctor, with who and where to pay. */
export async function openTotalsByDoctor(db: DbOrTrx, month: string) {
  const rows = await db
    .selectFrom('billing_records as b')
    .innerJoin('users as u', 'u.id', 'b.doctor_id')
    .innerJoin('doctor_profiles as dp', 'dp.user_id', 'b.doctor_id')
    .select((eb) => [
      'b.doctor_id',
      'u.name',
      'dp.crm_number',
      'dp.crm_uf',
      'dp.pix_key_type',
      'dp.pix_key',
      eb.fn.countAll<string>().as('consultations'),
      eb.fn.sum<string>('b.price_cents').as('gross'),
      eb.fn.sum<string>('b.clinic_cents').as('clinic'),
      eb.fn.sum<string>('b.doctor_cents').as('net'),
    ])
    .where('b.month', '=', month)
    .where('b.status', '=', 'billed')
    .where('b.payment_id', 'is', null)
    .groupBy(['b.doctor_id', 'u.name', 'dp.crm_number', 'dp.crm_uf', 'dp.pix_key_type', 'dp.pix_key'])
    .execute();
  return rows
    .map((r) => ({ ...r, consultations: num(r.consultations), gross: num(r.gross), clinic: num(r.clinic), net: num(r.net) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'pt-BR') || a.doctor_id.localeCompare(b.doctor_id));
}

export async function countUnderReview(db: DbOrTrx, month: string): Promise<number> {
  const r = await db
    .selectFrom('billing_records')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('month', '=', month)
    .where('status', '=', 'under_review')
    .executeTakeFirst();
  return num(r?.n);
}

export async function listClosingsOfMonth(db: DbOrTrx, month: string) {
  return db
    .selectFrom('closings as c')
    .leftJoin('users as u', 'u.id', 'c.created_by')
    .select((eb) => [
      'c.id',
      'c.seq',
      'c.created_at',
      'c.created_by',
      'u.name as created_by_name',
      eb
        .selectFrom('payments as p')
        .select((p) => p.fn.countAll<string>().as('n'))
        .whereRef('p.closing_id', '=', 'c.id')
        .as('payments'),
    ])
    .where('c.month', '=', month)
    .orderBy('c.seq')
    .execute();
}

/** The seq the next closing of a month would take. */
export async function nextClosingSeq(db: DbOrTrx, month: string): Promise<number> {
  const r = await db
    .selectFrom('closings')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('month', '=', month)
    .executeTakeFirst();
  return num(r?.seq as number | null) + 1;
}

export async function insertClosing(db: DbOrTrx, row: { id: string; month: string; seq: number; created_by: string; created_at: string }): Promise<void> {
  await db.insertInto('closings').values(row).execute();
}

export async function insertPayment(db: DbOrTrx, row: Insertable<PaymentsTable>): Promise<void> {
  await db.insertInto('payments').values(row).execute();
}

/**
 * Locks a doctor's open billed records of the month to a payment (only those still open, so a
 * record never lands in two payments), notes them on the payment, and returns their totals as
 * locked, which is what the payment must say even if a record arrived or moved meanwhile.
 */
export async function lockOpenRecords(db: DbOrTrx, paymentId: string, doctorId: string, month: string) {
  await db
    .updateTable('billing_records')
    .set({ payment_id: paymentId })
    .where('month', '=', month)
    .where('doctor_id', '=', doctorId)
    .where('status', '=', 'billed')
    .where('payment_id', 'is', null)
    .execute();
  await db
    .insertInto('payment_records')
    .columns(['payment_id', 'billing_record_id'])
    .expression((eb) =>
      eb
        .selectFrom('billing_records')
        .select([eb.val(paymentId).as('payment_id'), 'id'])
        .where('payment_id', '=', paymentId),
    )
    .execute();
  const r = await db
    .selectFrom('billing_records')
    .select((eb) => [
      eb.fn.countAll<string>().as('consultations'),
      eb.fn.sum<string>('price_cents').as('gross'),
      eb.fn.sum<string>('clinic_cents').as('clinic'),
      eb.fn.sum<string>('doctor_cents').as('net'),
    ])
    .where('payment_id', '=', paymentId)
    .executeTakeFirstOrThrow();
  return { consultations: num(r.consultations), gross: num(r.gross), clinic: num(r.clinic), net: num(r.net) };
}

export async function setPaymentTotals(db: DbOrTrx, id: string, t: { consultations: number; gross: number; clinic: number; net: number }): Promise<void> {
  await db
    .updateTable('payments')
    .set({ consultations: t.consultations, gross_cents: t.gross, clinic_cents: t.clinic, net_cents: t.net })
    .where('id', '=', id)
    .execute();
}

/** Releases a cancelled payment's records back to open; `payment_records` keeps what it held. */
export async function releaseRecords(db: DbOrTrx, paymentId: string): Promise<void> {
  await db.updateTable('billing_records').set({ payment_id: null }).where('payment_id', '=', paymentId).execute();
}

/** Payments with their closing's seq. */
function paymentView(db: DbOrTrx) {
  return db.selectFrom('payments as p').innerJoin('closings as c', 'c.id', 'p.closing_id').selectAll('p').select('c.seq as closing_seq');
}
export type PaymentView = PaymentRow & { closing_seq: number };

export async function findPaymentView(db: DbOrTrx, id: string): Promise<PaymentView | undefined> {
  return paymentView(db).where('p.id', '=', id).executeTakeFirst();
}

export async function findPayment(db: DbOrTrx, id: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

export type PaymentFilter = { month?: string | undefined; status?: PaymentStatus | undefined; doctorId?: string | undefined; closingId?: string | undefined };

/** Payments, newest month first, then by doctor's name (a month holds one per doctor per closing). */
export async function listPaymentViews(db: DbOrTrx, f: PaymentFilter, limit = 1000): Promise<PaymentView[]> {
  let q = paymentView(db);
  if (f.month) q = q.where('p.month', '=', f.month);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.doctorId) q = q.where('p.doctor_id', '=', f.doctorId);
  if (f.closingId) q = q.where('p.closing_id', '=', f.closingId);
  return q.orderBy('p.month', 'desc').orderBy('c.seq', 'desc').orderBy('p.doctor_name').orderBy('p.id').limit(limit).execute();
}

/** Moves a payment from one of `from` to `to` with the columns of that step; false when it was not in `from`. */
export async function transitionPayment(
  db: DbOrTrx,
  id: string,
  from: PaymentStatus[],
  to: PaymentStatus,
  set: Partial<Omit<PaymentRow, 'id' | 'status'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('payments')
    .set({ ...set, status: to })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertPaymentEvent(db: DbOrTrx, row: Insertable<PaymentEventsTable>): Promise<void> {
  await db.insertInto('payment_events').values(row).execute();
}

function eventView(db: DbOrTrx) {
  return db
    .selectFrom('payment_events as e')
    .innerJoin('payments as p', 'p.id', 'e.payment_id')
    .leftJoin('users as a', 'a.id', 'e.actor_id')
    .selectAll('e')
    .select(['a.name as actor_name', 'p.doctor_id', 'p.doctor_name', 'p.month']);
}
export type PaymentEventView = Awaited<ReturnType<ReturnType<typeof eventView>['executeTakeFirstOrThrow']>>;

/** A payment's timeline, oldest first. */
export async function listEventsOfPayment(db: DbOrTrx, paymentId: string): Promise<PaymentEventView[]> {
  return eventView(db).where('e.payment_id', '=', paymentId).orderBy('e.at').orderBy('e.id').execute();
}

export type PaymentEventFilter = { action?: PaymentEventsTable['action'] | undefined; doctorId?: string | undefined; month?: string | undefined };

/** Every payment event, newest first by (at, id), one page plus one row. */
export async function listEventPage(
  db: DbOrTrx,
  f: PaymentEventFilter,
  after: { at: string; id: string } | undefined,
  limit: number,
): Promise<PaymentEventView[]> {
  let q = eventView(db);
  if (f.action) q = q.where('e.action', '=', f.action);
  if (f.doctorId) q = q.where('p.doctor_id', '=', f.doctorId);
  if (f.month) q = q.where('p.month', '=', f.month);
  if (after) q = q.where((eb) => eb.or([eb('e.at', '<', after.at), eb.and([eb('e.at', '=', after.at), eb('e.id', '<', after.id)])]));
  return q.orderBy('e.at', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
}

/** A doctor's payments that can still be paid: their PIX key snapshot follows the profile. */
export async function findPayablePaymentsOfDoctor(db: DbOrTrx, doctorId: string): Promise<PaymentRow[]> {
  return db.selectFrom('payments').selectAll().where('doctor_id', '=', doctorId).where('status', 'in', ['pending', 'disputed']).execute();
}

export async function setPaymentPixKey(
  db: DbOrTrx,
  id: string,
  key: { pix_key_type: PaymentRow['pix_key_type']; pix_key: string | null },
  at: string,
): Promise<void> {
  await db
    .updateTable('payments')
    .set({ ...key, updated_at: at })
    .where('id', '=', id)
    .execute();
}
