import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PaymentDetail, confirmPaymentInputSchema } from '#shared/schemas/payments.ts';
import type { Db, DbOrTrx } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import type { PaymentEventsTable, PaymentRow, PaymentStatus } from '#server/db/types.ts';
import { conflict, notFound } from '#server/errors.ts';
import type { Actor } from '#server/core/actor.ts';
import { getPaymentDetail } from './payments-read.service';
import { findPayablePaymentsOfDoctor, findPayment, insertPaymentEvent, releaseRecords, setPaymentPixKey, transitionPayment } from './payments.repository';

const IS_NOW: Record<PaymentStatus, string> = {
  pending: 'Este pagamento ainda não foi pago.',
  paid: 'Este pagamento já foi confirmado como pago.',
  received: 'O médico já confirmou o recebimento deste pagamento.',
  disputed: 'O médico avisou que não recebeu este pagamento.',
  cancelled: 'Este pagamento foi cancelado.',
};

const paymentNotFound = () => notFound('Pagamento não encontrado.');

type Step = {
  from: PaymentStatus[];
  to: PaymentStatus;
  action: PaymentEventsTable['action'];
  /** Who may take it: the admin on any payment, or the doctor on their own only. */
  by: 'admin' | 'doctor';
};

const STEPS = {
  confirm: { from: ['pending', 'disputed'], to: 'paid', action: 'paid', by: 'admin' },
  cancel: { from: ['pending', 'disputed'], to: 'cancelled', action: 'cancelled', by: 'admin' },
  received: { from: ['paid'], to: 'received', action: 'received', by: 'doctor' },
  dispute: { from: ['paid'], to: 'disputed', action: 'disputed', by: 'doctor' },
} as const satisfies Record<string, Step>;

/**
 * One step of a payment, as a conditional update inside a transaction with its event: two people
 * taking a step at once produce one step; the other gets 409 saying what the payment is now.
 * A doctor reaches only their own payments (another's is 404, as if it did not exist).
 */
async function move(
  db: Db,
  actor: Actor,
  id: string,
  step: Step,
  change: {
    set: Partial<Omit<PaymentRow, 'id' | 'status'>>;
    note: string | null;
    details?: Record<string, unknown>;
    check?: (p: PaymentRow) => void;
    after?: (trx: DbOrTrx) => Promise<void>;
  },
): Promise<PaymentDetail> {
  await db.transaction().execute(async (trx) => {
    const payment = await findPayment(trx, id);
    if (!payment || (step.by === 'doctor' && payment.doctor_id !== actor.user.id)) throw paymentNotFound();
    if (!(step.from as PaymentStatus[]).includes(payment.status)) throw conflict('payment_state', IS_NOW[payment.status]);
    change.check?.(payment);
    const at = nowIso();
    const moved = await transitionPayment(trx, id, step.from, step.to, { ...change.set, updated_at: at });
    if (!moved) {
      const now = (await findPayment(trx, id))!;
      throw conflict('payment_state', IS_NOW[now.status]);
    }
    await insertPaymentEvent(trx, {
      id: randomUUID(),
      payment_id: id,
      action: step.action,
      from_status: payment.status,
      to_status: step.to,
      actor_id: actor.user.id,
      at,
      note: change.note,
      details: change.details ? JSON.stringify(change.details) : null,
    });
    await change.after?.(trx);
  });
  return (await getPaymentDetail(db, id))!;
}

type ConfirmInput = z.output<typeof confirmPaymentInputSchema>;

/** The admin confirms the transfer was made (first time, or again after "Não recebi"). */
export function confirmPayment(db: Db, actor: Actor, id: string, input: ConfirmInput): Promise<PaymentDetail> {
  const note = input.note ? input.note : null;
  const e2e = input.pixEndToEndId ?? null;
  return move(db, actor, id, STEPS.confirm, {
    set: { paid_on: input.paidOn, pix_e2e_id: e2e, paid_note: note, dispute_message: null },
    note,
    details: { paidOn: input.paidOn, pixEndToEndId: e2e },
    check: (p) => {
      if (!p.pix_key)
        throw conflict('payment_no_pix_key', 'Este médico ainda não tem chave PIX. Peça que ele cadastre a chave no perfil; o pagamento é atualizado sozinho.');
    },
  });
}

/** The admin cancels a payment not yet paid (or disputed); its records go back to open for the next closing. */
export function cancelPayment(db: Db, actor: Actor, id: string, reason: string): Promise<PaymentDetail> {
  return move(db, actor, id, STEPS.cancel, { set: { cancel_reason: reason }, note: reason, after: (trx) => releaseRecords(trx, id) });
}

/** The doctor confirms the money arrived. */
export function confirmReceived(db: Db, actor: Actor, id: string): Promise<PaymentDetail> {
  return move(db, actor, id, STEPS.received, { set: { received_at: nowIso() }, note: null });
}

/** The doctor says it did not arrive: the admin confirms again with new details, or cancels. */
export function disputePayment(db: Db, actor: Actor, id: string, message: string): Promise<PaymentDetail> {
  return move(db, actor, id, STEPS.dispute, { set: { dispute_message: message }, note: message });
}

/**
 * A doctor's PIX key changed: payments not yet paid follow it (a payment closed "sem chave PIX"
 * becomes payable), each refresh an event with the key before and after. Runs in the transaction
 * that saves the profile.
 */
export async function refreshPixKeySnapshots(
  trx: DbOrTrx,
  doctorId: string,
  key: { type: PaymentRow['pix_key_type']; key: string | null },
  changedBy: string,
  at: string,
): Promise<void> {
  const next = { pix_key_type: key.key ? key.type : null, pix_key: key.type ? key.key : null };
  for (const p of await findPayablePaymentsOfDoctor(trx, doctorId)) {
    if (p.pix_key_type === next.pix_key_type && p.pix_key === next.pix_key) continue;
    await setPaymentPixKey(trx, p.id, next, at);
    await insertPaymentEvent(trx, {
      id: randomUUID(),
      payment_id: p.id,
      action: 'pix_key_refreshed',
      from_status: p.status,
      to_status: p.status,
      actor_id: changedBy,
      at,
      note: null,
      details: JSON.stringify({
        before: p.pix_key ? { type: p.pix_key_type, key: p.pix_key } : null,
        after: next.pix_key ? { type: next.pix_key_type, key: next.pix_key } : null,
      }),
    });
  }
}
