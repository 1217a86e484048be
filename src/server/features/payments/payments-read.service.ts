import type { z } from 'zod';
import { type CursorPage, encodePageCursor } from '#shared/schemas/cursor.ts';
import type {
  AdminPaymentDetail,
  Payment,
  PaymentDetail,
  PaymentEventPage,
  paymentEventQuerySchema,
  paymentListQuerySchema,
} from '#shared/schemas/payments.ts';
import type { Config } from '#server/config.ts';
import type { DbOrTrx } from '#server/db/database.ts';
import { notFound } from '#server/errors.ts';
import { findSnapshotPixReceiver } from './pix-receiver';
import type { Actor } from '#server/core/actor.ts';
import { paymentPixPayload } from './payment-pix';
import { toPayment, toPaymentEvent } from './payment-views';
import { findPaymentView, listEventPage, listEventsOfPayment, listPaymentViews } from './payments.repository';

/** One payment with its timeline; null when there is none. */
export async function getPaymentDetail(db: DbOrTrx, id: string): Promise<PaymentDetail | null> {
  const p = await findPaymentView(db, id);
  if (!p) return null;
  const events = await listEventsOfPayment(db, id);
  return { ...toPayment(p), events: events.map(toPaymentEvent) };
}

/** The admin's view of any payment. */
export async function getAnyPayment(db: DbOrTrx, id: string): Promise<PaymentDetail> {
  const detail = await getPaymentDetail(db, id);
  if (!detail) throw notFound('Pagamento não encontrado.');
  return detail;
}

/** The admin's view of any payment, with the BR Code that pays it (the admin pays from the bank app). */
export async function getAnyPaymentToPay(db: DbOrTrx, config: Pick<Config, 'clinic'>, id: string): Promise<AdminPaymentDetail> {
  const detail = await getAnyPayment(db, id);
  const receiver = await findSnapshotPixReceiver(db, detail.doctor.id, { name: detail.doctor.name, pixKey: detail.pixKey?.key ?? null }, config);
  return { ...detail, pixPayload: paymentPixPayload(detail, receiver) };
}

/** A doctor's own payment; another doctor's is 404, as if it did not exist. */
export async function getOwnPayment(db: DbOrTrx, actor: Actor, id: string): Promise<PaymentDetail> {
  const detail = await getPaymentDetail(db, id);
  if (!detail || detail.doctor.id !== actor.user.id) throw notFound('Pagamento não encontrado.');
  return detail;
}

type ListQuery = z.output<typeof paymentListQuerySchema>;

export async function listPayments(db: DbOrTrx, q: ListQuery): Promise<{ items: Payment[] }> {
  return { items: (await listPaymentViews(db, q)).map(toPayment) };
}

/** A doctor's own payments, whatever else the request asks. */
export async function listOwnPayments(db: DbOrTrx, actor: Actor, q: Omit<ListQuery, 'doctorId'>): Promise<{ items: Payment[] }> {
  return { items: (await listPaymentViews(db, { month: q.month, status: q.status, doctorId: actor.user.id })).map(toPayment) };
}

type EventQuery = z.output<typeof paymentEventQuerySchema>;

/** Every payment event, newest first, a page at a time: the admin's audit of payments. */
export async function listPaymentEvents(db: DbOrTrx, q: EventQuery): Promise<PaymentEventPage> {
  const rows = await listEventPage(db, { action: q.action, doctorId: q.doctorId, month: q.month }, q.cursor, q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  const page: CursorPage<PaymentEventPage['items'][number]> = {
    items: items.map((e) => ({ ...toPaymentEvent(e), doctor: { id: e.doctor_id, name: e.doctor_name }, month: e.month })),
    nextCursor: rows.length > q.limit && last ? encodePageCursor({ at: last.at, id: last.id }) : null,
  };
  return page;
}
