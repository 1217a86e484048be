import type { DbOrTrx } from '#server/db/database.ts';
import type { ConsultationRow } from '#server/db/types.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import { billFinishedConsultation } from '#server/features/billing/billing.service.ts';

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
