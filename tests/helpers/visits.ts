import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '#server/db/database.ts';

type VisitOptions = {
  /** The evolution written in that call: signed, still a draft, or none. */
  evolution?: 'final' | 'draft' | null;
  /** A prescription on the evolution (only with an evolution). */
  prescription?: boolean;
  reason?: string;
  notes?: string;
};

/**
 * A video visit that already happened: a finished room, its consultation (`minutes` long, started
 * at `startedAt`) and, unless told otherwise, the signed evolution written in that call with a
 * diagnosis and a prescription. Returns the ids a test needs.
 */
export async function pastVisit(db: Db, doctorId: string, patientId: string, startedAt: Date, minutes = 20, o: VisitOptions = {}) {
  const started = startedAt.toISOString();
  const ended = new Date(startedAt.getTime() + minutes * 60_000).toISOString();
  const roomId = randomUUID();
  const code = randomBytes(16).toString('base64url');
  await db
    .insertInto('rooms')
    .values({
      id: roomId,
      code,
      doctor_id: doctorId,
      patient_id: patientId,
      status: 'finished',
      reason: o.reason ?? null,
      scheduled_at: null,
      admitted_at: started,
      last_activity_at: ended,
      created_at: started,
      closed_at: ended,
    })
    .execute();
  const consultationId = randomUUID();
  await db
    .insertInto('consultations')
    .values({
      id: consultationId,
      room_id: roomId,
      doctor_id: doctorId,
      patient_id: patientId,
      started_at: started,
      ended_at: ended,
      duration_seconds: minutes * 60,
      finalized_by: 'doctor',
    })
    .execute();
  const kind = o.evolution === undefined ? 'final' : o.evolution;
  let evolutionId: string | null = null;
  if (kind) {
    evolutionId = randomUUID();
    const final = kind === 'final';
    await db
      .insertInto('evolutions')
      .values({
        id: evolutionId,
        patient_id: patientId,
        doctor_id: doctorId,
        room_id: roomId,
        kind: 'evolution',
        amends_id: null,
        status: kind,
        complaint: 'Dor de garganta há 3 dias.',
        history: '',
        exam: 'Orofaringe hiperemiada.',
        plan: 'Retorno se piorar.',
        notes: o.notes ?? '',
        version: final ? 2 : 1,
        content_hash: final ? 'a'.repeat(64) : null,
        created_at: ended,
        updated_at: ended,
        finalized_at: final ? ended : null,
        discarded_at: null,
      })
      .execute();
    await db
      .insertInto('evolution_diagnoses')
      .values({ id: randomUUID(), evolution_id: evolutionId, position: 0, code: 'J02.9', description: 'Faringite aguda não especificada' })
      .execute();
    if (o.prescription ?? true) {
      await db
        .insertInto('prescription_items')
        .values({
          id: randomUUID(),
          evolution_id: evolutionId,
          position: 0,
          medicine: 'Dipirona 500 mg',
          dose: '1 comprimido',
          route: 'Oral',
          frequency: 'De 6 em 6 horas',
          duration: '3 dias',
          instructions: 'Se tiver dor ou febre.',
        })
        .execute();
    }
  }
  return { roomId, code, consultationId, evolutionId };
}
