import type { WaitingPatients } from '#shared/schemas/rooms.ts';
import type { DbOrTrx } from '#server/db/database.ts';
import type { Actor } from '#server/core/actor.ts';
import { linkedPatientIds } from './rooms.repository';
import type { WaitingEntry } from './waiting-patients';

/**
 * The patients waiting for the signed-in doctor now (what the banner on every page shows when it
 * loads). Presence lives in memory (or Redis, with several nodes); the link between doctor and patient is checked in the
 * database too, so a doctor the admin just unlinked never sees that patient again.
 */
export async function listWaitingPatients(db: DbOrTrx, actor: Actor, waitingFor: (doctorId: string) => Promise<WaitingEntry[]>): Promise<WaitingPatients> {
  const entries = await waitingFor(actor.user.id);
  if (entries.length === 0) return { items: [] };
  const linked = new Set(await linkedPatientIds(db, actor.user.id, [...new Set(entries.map((e) => e.patientId))]));
  return {
    items: entries.filter((e) => linked.has(e.patientId)).map((e) => ({ code: e.code, patient: { id: e.patientId, name: e.patientName }, since: e.since })),
  };
}
