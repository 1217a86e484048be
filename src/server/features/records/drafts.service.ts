import type { DraftsToSign } from '#shared/schemas/records.ts';
import type { Db } from '#server/db/database.ts';
import type { Actor } from '#server/core/actor.ts';
import { countDoctorDrafts, listDoctorDrafts } from './drafts.repository';

/** How many drafts the home lists; the count says how many there are in all. */
const SHOWN = 5;

/**
 * "Evoluções para assinar": the signed-in doctor's own drafts, newest first. A draft is never
 * lost, but one left unsigned is not in the patient's record either: the home keeps it in sight.
 */
export async function listDraftsToSign(db: Db, actor: Actor): Promise<DraftsToSign> {
  const [rows, total] = await Promise.all([listDoctorDrafts(db, actor.user.id, SHOWN), countDoctorDrafts(db, actor.user.id)]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      patient: { id: r.patient_id, name: r.patient_name },
      visitAt: r.started_at ?? null,
      updatedAt: r.updated_at,
    })),
  };
}
