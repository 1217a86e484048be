import type { DbOrTrx } from '../../db/database';
import type { ConsultationRow } from '../../db/types';
import { recordAudit } from '../../core/audit.repository';
import { billFinishedConsultation } from '../billing/billing.service';

/**
 * The one place a finished consultation is handed on, inside the transaction that finished it,
 * so whatever hooks in here (billing, next) is recorded exactly once with it, or not at all.
 */
export async function onConsultationFinished(trx: DbOrTrx, consultation: ConsultationRow): Promise<void> {
  await recordAudit(trx, {
    actorId: consultation.finalized_by === 'doctor' ? consultation.doctor_id : null,
    action: 'consultation.finished',
    entityType: 'consultation',
    entityId: consultation.id,
    details: { durationSeconds: consultation.duration_seconds, finalizedBy: consultation.finalized_by },
  });
  await billFinishedConsultation(trx, consultation);
}
