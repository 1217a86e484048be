import { randomUUID } from 'node:crypto';
import { clinicMonthOf } from '#shared/domain/clinic-month.ts';
import { splitFee } from '#shared/domain/money.ts';
import type { DbOrTrx } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import type { ConsultationRow } from '#server/db/types.ts';

/** A finished consultation as billing reads it; a row built before `kind` existed is a video one. */
export type BillableConsultation = Omit<ConsultationRow, 'kind' | 'note'> & { kind?: ConsultationRow['kind'] };
import { insertBillingRecordOnce } from './billing.repository';
import { findEffectiveFees } from './fees.repository';

/**
 * Bills a finished consultation, in the transaction that finished it: one record (unique per
 * consultation) freezing the doctor's fees of this moment and their split, in the São Paulo
 * month of its end. A call shorter than the clinic's minimum waits for the admin ("Em análise"):
 * the server cannot see the media of a peer-to-peer call (ADR 008).
 */
export async function billFinishedConsultation(trx: DbOrTrx, consultation: BillableConsultation): Promise<void> {
  if (consultation.ended_at === null) return;
  const fees = await findEffectiveFees(trx, consultation.doctor_id);
  const split = splitFee(fees.price_cents, fees.clinic_bps);
  const kind = consultation.kind ?? 'video';
  // Only a video call has evidence to weigh; one held in person or by phone is the doctor's
  // signed declaration, audited, and billed like a full call (ADR 008).
  const short = kind === 'video' && (consultation.duration_seconds === null || consultation.duration_seconds < fees.review_below_seconds);
  await insertBillingRecordOnce(trx, {
    id: randomUUID(),
    consultation_id: consultation.id,
    doctor_id: consultation.doctor_id,
    patient_id: consultation.patient_id,
    kind,
    finished_at: consultation.ended_at,
    month: clinicMonthOf(consultation.ended_at),
    duration_seconds: consultation.duration_seconds,
    price_cents: fees.price_cents,
    clinic_bps: fees.clinic_bps,
    clinic_cents: split.platformCents,
    doctor_cents: split.doctorCents,
    status: short ? 'under_review' : 'billed',
    fee_source: 'fees',
    note: null,
    decided_by: null,
    decided_at: null,
    created_at: nowIso(),
  });
}
