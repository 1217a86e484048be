import { randomUUID } from 'node:crypto';
import { TCLE_VERSION } from '#shared/domain/tcle.ts';
import type { ConsentStatus } from '#shared/schemas/rooms.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import type { Db, DbOrTrx } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import { AppError } from '#server/errors.ts';
import { findConsent, insertConsentOnce } from './consent.repository';

/** The patient's consent to the current term, if any. */
export async function getConsentStatus(db: DbOrTrx, patientId: string): Promise<ConsentStatus> {
  const row = await findConsent(db, patientId, TCLE_VERSION);
  return {
    currentVersion: TCLE_VERSION,
    accepted: row ? { version: row.version, acceptedAt: row.accepted_at } : null,
    required: !row,
  };
}

/** Records the acceptance of the current term (version and time, kept for good). */
export async function acceptConsent(db: Db, patientId: string, version: string, meta: { ip: string | null; userAgent: string | null }): Promise<ConsentStatus> {
  if (version !== TCLE_VERSION) {
    throw new AppError('consent_outdated', 409, 'O termo foi atualizado. Leia a versão nova antes de aceitar.');
  }
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    await insertConsentOnce(trx, {
      id: randomUUID(),
      patient_id: patientId,
      version,
      accepted_at: at,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(trx, { actorId: patientId, action: 'consent.accepted', entityType: 'consent', entityId: patientId, details: { version }, ip: meta.ip });
  });
  return getConsentStatus(db, patientId);
}
