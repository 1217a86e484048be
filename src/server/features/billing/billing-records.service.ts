import { type BillingQuery, type BillingRecord, encodeBillingCursor } from '#shared/schemas/billing.ts';
import type { CursorPage } from '#shared/schemas/cursor.ts';
import type { Db } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import type { BillingStatus, UserRow } from '#server/db/types.ts';
import { conflict, notFound } from '#server/errors.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import type { Actor } from '#server/core/actor.ts';
import { type BillingFilter, type BillingView, decideBillingRecord, findBillingRecord, findBillingView, listBillingRecords } from './billing.repository';

function toRecord(r: BillingView): BillingRecord {
  return {
    id: r.id,
    consultationId: r.consultation_id,
    doctor: { id: r.doctor_id, name: r.doctor_name },
    patient: { id: r.patient_id, name: r.patient_name },
    kind: r.kind,
    finishedAt: r.finished_at,
    month: r.month,
    durationSeconds: r.duration_seconds,
    priceCents: r.price_cents,
    clinicBps: r.clinic_bps,
    clinicCents: r.clinic_cents,
    doctorCents: r.doctor_cents,
    status: r.status,
    feeSource: r.fee_source,
    note: r.note,
    decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
    decidedAt: r.decided_at,
  };
}

type ListFilters = Pick<BillingQuery, 'month' | 'from' | 'to' | 'status' | 'kind' | 'doctorId'>;

/** The repository's filter from a request's: `month` is the one-month period. */
export function billingFilterOf(q: ListFilters): BillingFilter {
  return { doctorId: q.doctorId, from: q.month ?? q.from, to: q.month ?? q.to, status: q.status, kind: q.kind };
}

async function page(db: Db, filter: BillingFilter, q: BillingQuery): Promise<CursorPage<BillingRecord>> {
  const after = q.cursor ? { at: q.cursor.at, id: q.cursor.id, priceCents: q.cursor.priceCents } : undefined;
  const rows = await listBillingRecords(db, filter, q.sort, after, q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  const byPrice = q.sort === 'price_desc' || q.sort === 'price_asc';
  const nextCursor =
    rows.length > q.limit && last
      ? encodeBillingCursor({ sort: q.sort, at: last.finished_at, id: last.id, priceCents: byPrice ? last.price_cents : null })
      : null;
  return { items: items.map(toRecord), nextCursor };
}

/** The admin's billing history: every doctor, filtered and ordered. */
export async function listAllBilling(db: Db, q: BillingQuery): Promise<CursorPage<BillingRecord>> {
  return page(db, billingFilterOf(q), q);
}

/** A doctor's own records only, whatever else the request asks. */
export async function listOwnBilling(db: Db, doctor: UserRow, q: Omit<BillingQuery, 'doctorId'>): Promise<CursorPage<BillingRecord>> {
  return page(db, { ...billingFilterOf(q), doctorId: doctor.id }, { ...q, doctorId: undefined });
}

const TRANSITIONS = {
  approve: { from: ['under_review'], to: 'billed', audit: 'billing.approved' },
  reject: { from: ['under_review'], to: 'rejected', audit: 'billing.rejected' },
  void: { from: ['billed', 'under_review'], to: 'voided', audit: 'billing.voided' },
} as const satisfies Record<string, { from: BillingStatus[]; to: BillingStatus; audit: string }>;

/** A record locked to a payment by a monthly closing never changes (cancel the payment first). */
const closedRecord = () => conflict('billing_closed', 'Este registro já entrou no fechamento do mês e não pode mais mudar.');

const ALREADY: Record<BillingStatus, string> = {
  billed: 'Este registro já está faturado.',
  under_review: 'Este registro está em análise.',
  rejected: 'Este registro já foi recusado.',
  voided: 'Este registro já foi anulado.',
};

/**
 * The admin decides a record: approves or rejects one under review, or voids one with a reason.
 * A conditional update, so two admins deciding at once produce one decision; the other gets 409.
 * Nothing is deleted: the record stays, with who decided, when and why.
 */
export async function decideBilling(db: Db, actor: Actor, id: string, action: keyof typeof TRANSITIONS, note: string | null): Promise<BillingRecord> {
  const t = TRANSITIONS[action];
  await db.transaction().execute(async (trx) => {
    const record = await findBillingRecord(trx, id);
    if (!record) throw notFound('Registro de faturamento não encontrado.');
    if (record.payment_id) throw closedRecord();
    const moved = await decideBillingRecord(trx, id, [...t.from], t.to, { note, decidedBy: actor.user.id, decidedAt: nowIso() });
    if (!moved) {
      const now = (await findBillingRecord(trx, id))!;
      if (now.payment_id) throw closedRecord();
      throw conflict('billing_already_decided', ALREADY[now.status]);
    }
    await recordAudit(trx, {
      actorId: actor.user.id,
      action: t.audit,
      entityType: 'billing_record',
      entityId: id,
      details: { from: record.status, to: t.to, note },
      ip: actor.ip,
    });
  });
  const view = await findBillingView(db, id);
  return toRecord(view!);
}
