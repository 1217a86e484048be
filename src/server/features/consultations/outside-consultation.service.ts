import type { z } from 'zod';
import type { OutsideConsultation, outsideConsultationInputSchema } from '#shared/schemas/consultations.ts';
import type { Actor } from '#server/core/actor.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import { isDoctorOfPatient } from '#server/core/care-links.repository.ts';
import type { Db } from '#server/db/database.ts';
import type { ConsultationRow } from '#server/db/types.ts';
import { conflict, notFound } from '#server/errors.ts';
import { onConsultationFinished } from './consultation-finished';
import { findConsultation, insertConsultationById } from './consultations.repository';

type Input = z.output<typeof outsideConsultationInputSchema>;

function toOutsideConsultation(c: ConsultationRow): OutsideConsultation {
  return { id: c.id, kind: c.kind, startedAt: c.started_at, durationSeconds: c.duration_seconds, note: c.note };
}

/**
 * A doctor registers a consultation held in person or by phone with one of their patients. It is
 * finished as it is registered, so it takes the one finish path (audit, billing at the fees of
 * now, in the São Paulo month it was held). The id comes from the client: a retry registers it
 * once; the same id for anything else is a conflict.
 */
export async function registerOutsideConsultation(db: Db, actor: Actor, patientId: string, input: Input): Promise<OutsideConsultation> {
  const doctorId = actor.user.id;
  if (!(await isDoctorOfPatient(db, doctorId, patientId))) throw notFound('Paciente não encontrado.');
  const startedAt = new Date(input.heldAt).toISOString();
  const durationSeconds = input.durationMinutes === undefined ? null : input.durationMinutes * 60;
  const endedAt = new Date(Date.parse(startedAt) + (durationSeconds ?? 0) * 1000).toISOString();
  const note = input.note ? input.note : null;

  return db.transaction().execute(async (trx) => {
    const inserted = await insertConsultationById(trx, {
      id: input.id,
      room_id: null,
      doctor_id: doctorId,
      patient_id: patientId,
      started_at: startedAt,
      ended_at: endedAt,
      duration_seconds: durationSeconds,
      finalized_by: 'doctor',
      doctor_connected_at: null,
      patient_connected_at: null,
      kind: input.kind,
      note,
    });
    const row = (await findConsultation(trx, input.id))!;
    const same = row.doctor_id === doctorId && row.patient_id === patientId && row.kind === input.kind && row.started_at === startedAt;
    if (!same) throw conflict('consultation_id_taken', 'Esta consulta já foi registrada com outros dados. Recarregue a página e tente de novo.');
    if (inserted) {
      await recordAudit(trx, {
        actorId: doctorId,
        action: 'consultation.registered',
        entityType: 'consultation',
        entityId: row.id,
        details: { patientId, kind: row.kind, heldAt: startedAt, durationSeconds },
        ip: actor.ip,
      });
      await onConsultationFinished(trx, row);
    }
    return toOutsideConsultation(row);
  });
}
