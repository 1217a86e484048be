import { randomUUID } from 'node:crypto';
import { clinicMonthOf } from '#shared/domain/clinic-month.ts';
import { formatCrm } from '#shared/domain/crm.ts';
import type { ClosingPreview, ClosingResult } from '#shared/schemas/payments.ts';
import type { Db } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import { UNIQUE, isUniqueViolation } from '#server/db/unique-violation.ts';
import { badRequest, conflict } from '#server/errors.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import type { Actor } from '#server/core/actor.ts';
import { toPayment } from './payment-views';
import {
  countUnderReview,
  insertClosing,
  insertPayment,
  insertPaymentEvent,
  listClosingsOfMonth,
  listPaymentViews,
  lockOpenRecords,
  nextClosingSeq,
  openTotalsByDoctor,
  setPaymentTotals,
} from './payments.repository';

const racedClosing = () => conflict('closing_in_progress', 'Outro fechamento deste mês acabou de ser feito. Atualize a página para ver o que ficou em aberto.');

/** Only a month that has ended in São Paulo can be closed: its records can still arrive until then. */
function isClosable(month: string, now = new Date()): boolean {
  return month < clinicMonthOf(now);
}

/** What "Fechar mês" would create: per doctor, the month's open billed records and the PIX key on file. */
export async function previewClosing(db: Db, month: string): Promise<ClosingPreview> {
  const [doctors, underReview, closings] = await Promise.all([openTotalsByDoctor(db, month), countUnderReview(db, month), listClosingsOfMonth(db, month)]);
  return {
    month,
    closable: isClosable(month),
    doctors: doctors.map((d) => ({
      doctor: { id: d.doctor_id, name: d.name },
      crm: formatCrm(d.crm_number, d.crm_uf),
      pixKey: d.pix_key_type && d.pix_key ? { type: d.pix_key_type, key: d.pix_key } : null,
      consultations: d.consultations,
      grossCents: d.gross,
      clinicCents: d.clinic,
      netCents: d.net,
    })),
    underReview,
    closings: closings.map((c) => ({
      id: c.id,
      seq: c.seq,
      createdAt: c.created_at,
      createdBy: c.created_by ? { id: c.created_by, name: c.created_by_name ?? '' } : null,
      payments: Number(c.payments ?? 0),
    })),
  };
}

/**
 * Closes a month: one payment per doctor with open billed records, each locking its records and
 * freezing the doctor's name, CRM and PIX key. A later closing of the same month (records approved
 * or finished since) is a supplementary one and takes only what is still open. Two closings of one
 * month at once: the database lets one take the next seq; the other gets 409.
 */
export async function closeMonth(db: Db, actor: Actor, month: string): Promise<ClosingResult> {
  if (!isClosable(month))
    throw badRequest('month_not_ended', 'Só dá para fechar um mês que já terminou.', { month: 'Só dá para fechar um mês que já terminou.' });
  const id = randomUUID();
  try {
    const seq = await db.transaction().execute(async (trx) => {
      const doctors = await openTotalsByDoctor(trx, month);
      if (doctors.length === 0) throw conflict('nothing_to_close', 'Não há consultas em aberto neste mês: nada para fechar.');
      const seq = await nextClosingSeq(trx, month);
      const at = nowIso();
      await insertClosing(trx, { id, month, seq, created_by: actor.user.id, created_at: at });
      for (const d of doctors) {
        const paymentId = randomUUID();
        await insertPayment(trx, {
          id: paymentId,
          closing_id: id,
          month,
          doctor_id: d.doctor_id,
          status: 'pending',
          consultations: 0,
          gross_cents: 0,
          clinic_cents: 0,
          net_cents: 0,
          doctor_name: d.name,
          crm_number: d.crm_number,
          crm_uf: d.crm_uf,
          pix_key_type: d.pix_key ? d.pix_key_type : null,
          pix_key: d.pix_key_type ? d.pix_key : null,
          paid_on: null,
          pix_e2e_id: null,
          paid_note: null,
          received_at: null,
          dispute_message: null,
          cancel_reason: null,
          created_at: at,
          updated_at: at,
        });
        const locked = await lockOpenRecords(trx, paymentId, d.doctor_id, month);
        // A closing that committed while this one ran took these records: this one stops, whole.
        if (locked.consultations === 0) throw racedClosing();
        await setPaymentTotals(trx, paymentId, locked);
        await insertPaymentEvent(trx, {
          id: randomUUID(),
          payment_id: paymentId,
          action: 'created',
          from_status: null,
          to_status: 'pending',
          actor_id: actor.user.id,
          at,
          note: null,
          details: JSON.stringify({ closingSeq: seq, consultations: locked.consultations, netCents: locked.net, pixKey: d.pix_key ? 'on_file' : 'missing' }),
        });
      }
      await recordAudit(trx, {
        actorId: actor.user.id,
        action: 'closing.created',
        entityType: 'closing',
        entityId: id,
        details: { month, seq, payments: doctors.length },
        ip: actor.ip,
      });
      return seq;
    });
    const payments = await listPaymentViews(db, { closingId: id });
    return { id, month, seq, payments: payments.map(toPayment) };
  } catch (error) {
    if (isUniqueViolation(error, UNIQUE.closingMonthSeq)) {
      throw racedClosing();
    }
    throw error;
  }
}
