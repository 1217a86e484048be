import { formatCrm } from '#shared/domain/crm.ts';
import type { Payment, PaymentEvent } from '#shared/schemas/payments.ts';
import type { PaymentEventView, PaymentView } from './payments.repository';

export function toPayment(p: PaymentView): Payment {
  return {
    id: p.id,
    closingId: p.closing_id,
    closingSeq: p.closing_seq,
    month: p.month,
    doctor: { id: p.doctor_id, name: p.doctor_name },
    crm: formatCrm(p.crm_number, p.crm_uf),
    pixKey: p.pix_key_type && p.pix_key ? { type: p.pix_key_type, key: p.pix_key } : null,
    status: p.status,
    consultations: p.consultations,
    grossCents: p.gross_cents,
    clinicCents: p.clinic_cents,
    netCents: p.net_cents,
    paidOn: p.paid_on,
    pixEndToEndId: p.pix_e2e_id,
    paidNote: p.paid_note,
    receivedAt: p.received_at,
    disputeMessage: p.dispute_message,
    cancelReason: p.cancel_reason,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export function toPaymentEvent(e: PaymentEventView): PaymentEvent {
  return {
    id: e.id,
    paymentId: e.payment_id,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? '' } : null,
    at: e.at,
    note: e.note,
    details: e.details ? (JSON.parse(e.details) as Record<string, unknown>) : null,
  };
}
