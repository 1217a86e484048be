import type { Insertable } from 'kysely';
import type { DbOrTrx } from '#server/db/database.ts';
import type { BillingRecordRow, BillingRecordsTable, BillingStatus } from '#server/db/types.ts';

/** Inserts the consultation's record unless it has one: retries and races leave exactly one. */
export async function insertBillingRecordOnce(db: DbOrTrx, row: Insertable<BillingRecordsTable>): Promise<void> {
  await db
    .insertInto('billing_records')
    .values(row)
    .onConflict((oc) => oc.column('consultation_id').doNothing())
    .execute();
}

/** What narrows a billing list: one doctor, a period of São Paulo months (inclusive), a status, a kind. */
export type BillingFilter = {
  doctorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: BillingStatus | undefined;
  kind?: BillingRecordRow['kind'] | undefined;
};

export type BillingSort = 'newest' | 'oldest' | 'price_desc' | 'price_asc';

/** The keys of the last record of a page; `priceCents` only for the price orders. */
export type BillingKey = { at: string; id: string; priceCents: number | null };

function records(db: DbOrTrx) {
  return db.selectFrom('billing_records as b');
}
type Records = ReturnType<typeof records>;

/** Records with the doctor's, patient's and decider's names. */
function withNames(q: Records) {
  return q
    .innerJoin('users as d', 'd.id', 'b.doctor_id')
    .innerJoin('users as p', 'p.id', 'b.patient_id')
    .leftJoin('users as x', 'x.id', 'b.decided_by')
    .selectAll('b')
    .select(['d.name as doctor_name', 'p.name as patient_name', 'x.name as decided_by_name']);
}
const billingView = (db: DbOrTrx) => withNames(records(db));
export type BillingView = Awaited<ReturnType<ReturnType<typeof billingView>['executeTakeFirstOrThrow']>>;

/** One record with the names it shows. */
export async function findBillingView(db: DbOrTrx, id: string): Promise<BillingView | undefined> {
  return billingView(db).where('b.id', '=', id).executeTakeFirst();
}

const DAY_MS = 86_400_000;

/** The first instant of the UTC month `months` after `month`, moved by `days`, as stored text. */
function aroundMonth(month: string, months: number, days: number): string {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + months, 1) + days * DAY_MS).toISOString();
}

/**
 * The filter as WHERE terms. The stored São Paulo `month` always decides the period. How it is
 * written picks the index (see the report-indexes migration):
 * - 'time', for the time orders: the months as a range plus an instant range sure to hold them
 *   (São Paulo is never a day away from UTC, so the UTC months widened by two days each side), so
 *   (finished_at, id) or (doctor_id | status, finished_at) reads the period already in order;
 * - 'month', for the price orders and counts: one month as an equality, so (month, price_cents,
 *   finished_at, id) reads it in price order, and a count stays inside a month index.
 */
function filtered(query: Records, f: BillingFilter, by: 'time' | 'month'): Records {
  let q = query;
  if (f.doctorId) q = q.where('b.doctor_id', '=', f.doctorId);
  if (f.status) q = q.where('b.status', '=', f.status);
  if (f.kind) q = q.where('b.kind', '=', f.kind);
  if (by === 'month' && f.from && f.from === f.to) return q.where('b.month', '=', f.from);
  if (f.from) q = q.where('b.month', '>=', f.from);
  if (f.to) q = q.where('b.month', '<=', f.to);
  if (by === 'time' && f.from) q = q.where('b.finished_at', '>=', aroundMonth(f.from, 0, -2));
  if (by === 'time' && f.to) q = q.where('b.finished_at', '<', aroundMonth(f.to, 1, 2));
  return q;
}

/**
 * Filters, keyset and order of every billing list: ORDER BY (finished_at, id) or (price_cents,
 * finished_at, id), all in one direction, and "after the cursor" as a row-value comparison on the
 * same columns, so each page starts exactly where the last one ended on SQLite and PostgreSQL.
 */
function narrowed(query: Records, f: BillingFilter, sort: BillingSort, after: BillingKey | undefined): Records {
  const dir = sort === 'newest' || sort === 'price_desc' ? 'desc' : 'asc';
  const byPrice = sort === 'price_desc' || sort === 'price_asc';
  let q = filtered(query, f, byPrice ? 'month' : 'time');
  if (after) {
    const op = dir === 'desc' ? '<' : '>';
    q = byPrice
      ? q.where((eb) => eb(eb.refTuple('b.price_cents', 'b.finished_at', 'b.id'), op, eb.tuple(after.priceCents ?? 0, after.at, after.id)))
      : q.where((eb) => eb(eb.refTuple('b.finished_at', 'b.id'), op, eb.tuple(after.at, after.id)));
  }
  if (byPrice) q = q.orderBy('b.price_cents', dir);
  return q.orderBy('b.finished_at', dir).orderBy('b.id', dir);
}

/** One page of records in the asked order, after `after` (the last record of the page before). */
export async function listBillingRecords(
  db: DbOrTrx,
  f: BillingFilter,
  sort: BillingSort,
  after: BillingKey | undefined,
  limit: number,
): Promise<BillingView[]> {
  return withNames(narrowed(records(db), f, sort, after))
    .limit(limit)
    .execute();
}

/** What an export writes of each record: no decider, no ids beyond the keyset's. */
function forExport(q: Records) {
  return q
    .innerJoin('users as d', 'd.id', 'b.doctor_id')
    .innerJoin('users as p', 'p.id', 'b.patient_id')
    .select([
      'b.id',
      'b.finished_at',
      'b.month',
      'b.kind',
      'b.duration_seconds',
      'b.price_cents',
      'b.clinic_cents',
      'b.doctor_cents',
      'b.status',
      'b.note',
      'd.name as doctor_name',
      'p.name as patient_name',
    ]);
}
export type BillingExportRow = Awaited<ReturnType<ReturnType<typeof forExport>['executeTakeFirstOrThrow']>>;

/** One page of an export, in the list's order (keyset, so a long export reads each row once). */
export async function listBillingExportRows(
  db: DbOrTrx,
  f: BillingFilter,
  sort: BillingSort,
  after: BillingKey | undefined,
  limit: number,
): Promise<BillingExportRow[]> {
  return forExport(narrowed(records(db), f, sort, after))
    .limit(limit)
    .execute();
}

/** How many records a filter matches (the export's audit entry). */
export async function countBillingRecords(db: DbOrTrx, f: BillingFilter): Promise<number> {
  const row = await filtered(records(db), f, 'month')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findBillingRecord(db: DbOrTrx, id: string): Promise<BillingRecordRow | undefined> {
  return db.selectFrom('billing_records').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves an open record (in no payment) from one of `from` to `to`; false when someone else moved or closed it first. */
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
    .where('payment_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
