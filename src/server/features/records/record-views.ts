import { createHash } from 'node:crypto';
import { formatCrm } from '#shared/domain/crm.ts';
import type { Evolution, RecordConsultation } from '#shared/schemas/records.ts';
import type { DiagnosisRow, EvolutionWithPeople, PrescriptionRow, listConsultationPage } from './records.repository';

type Children = { diagnoses: DiagnosisRow[]; prescriptions: PrescriptionRow[] };

function groupBy<T extends { evolution_id: string }>(rows: T[]): Map<string, Omit<T, 'evolution_id'>[]> {
  const out = new Map<string, Omit<T, 'evolution_id'>[]>();
  for (const { evolution_id, ...rest } of rows) {
    const list = out.get(evolution_id) ?? [];
    list.push(rest);
    out.set(evolution_id, list);
  }
  return out;
}

/** Entries as the API returns them, with child rows loaded once for all of them. */
export function toEvolutions(rows: EvolutionWithPeople[], children: Children): Evolution[] {
  const diagnoses = groupBy(children.diagnoses);
  const prescriptions = groupBy(children.prescriptions);
  return rows.map((r) => {
    if (r.status === 'discarded') throw new Error('a discarded entry is never shown');
    return {
      id: r.id,
      patientId: r.patient_id,
      doctor: { id: r.doctor_id, name: r.doctor_name, crm: formatCrm(r.crm_number, r.crm_uf), specialty: r.specialty },
      kind: r.kind,
      amendsId: r.amends_id,
      status: r.status,
      roomCode: r.room_code,
      consultation:
        r.consultation_id && r.started_at
          ? { id: r.consultation_id, startedAt: r.started_at, endedAt: r.ended_at, durationSeconds: r.duration_seconds, finalizedBy: r.finalized_by }
          : null,
      content: { complaint: r.complaint, history: r.history, exam: r.exam, plan: r.plan, notes: r.notes },
      diagnoses: diagnoses.get(r.id) ?? [],
      prescriptions: prescriptions.get(r.id) ?? [],
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      finalizedAt: r.finalized_at,
      contentHash: r.content_hash,
    };
  });
}

/** JSON with object keys sorted at every level, so the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export type SignedContent = {
  /** The entry itself, so one entry's code never fits another with the same text. */
  id: string;
  patientId: string;
  doctorId: string;
  kind: 'evolution' | 'addendum';
  amendsId: string | null;
  finalizedAt: string;
  content: Evolution['content'];
  diagnoses: Evolution['diagnoses'];
  prescriptions: Evolution['prescriptions'];
};

/** SHA-256 (hex) of what was signed; printed on documents so a changed row can be noticed. */
export function contentHashOf(signed: SignedContent): string {
  return createHash('sha256').update(canonicalJson(signed), 'utf8').digest('hex');
}

type ConsultationWithPeople = Awaited<ReturnType<typeof listConsultationPage>>[number];

/** A consultation as the record page and the patient's history list it. */
export function toRecordConsultation(c: ConsultationWithPeople): RecordConsultation {
  return {
    id: c.id,
    startedAt: c.started_at,
    endedAt: c.ended_at,
    durationSeconds: c.duration_seconds,
    finalizedBy: c.finalized_by,
    kind: c.kind,
    roomCode: c.room_code,
    doctorName: c.doctor_name,
    reason: c.reason,
    note: c.note,
  };
}
