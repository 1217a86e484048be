import { randomBytes } from 'node:crypto';
import type { DocumentVerification } from '#shared/schemas/document-verification.ts';
import type { DbOrTrx } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import { notFound } from '#server/errors.ts';
import { contentHashOf, toEvolutions } from './record-views';
import { findEvolution, loadChildren } from './records.repository';
import { ensureVerificationCode, findVerifiedEvolutionId } from './verification.repository';

const documentNotFound = () => notFound('Documento não encontrado. Confira o endereço ou o QR Code.');

/** The code printed on a signed entry's documents (made the first time one is printed). */
export async function verificationCodeFor(db: DbOrTrx, evolutionId: string): Promise<string> {
  return ensureVerificationCode(db, evolutionId, randomBytes(16).toString('base64url'), nowIso());
}

/** The public link a printed document carries. */
export function verificationUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/verificar/${code}`;
}

/**
 * What anyone holding a printed document may check: who signed it, when, its hash, and whether
 * the stored content still gives that hash. Never the patient nor the content.
 */
export async function verifyDocument(db: DbOrTrx, code: string): Promise<DocumentVerification> {
  const id = await findVerifiedEvolutionId(db, code);
  const row = id ? await findEvolution(db, id) : undefined;
  // Codes are only made for signed entries; anything else is reported as unknown.
  if (!row || row.status !== 'final' || !row.finalized_at) throw documentNotFound();
  const entry = toEvolutions([row], await loadChildren(db, [row.id]))[0]!;
  const recomputed = contentHashOf({
    id: row.id,
    patientId: row.patient_id,
    doctorId: row.doctor_id,
    kind: row.kind,
    amendsId: row.amends_id,
    finalizedAt: row.finalized_at,
    content: entry.content,
    diagnoses: entry.diagnoses,
    prescriptions: entry.prescriptions,
  });
  return {
    kind: row.kind,
    doctor: { name: entry.doctor.name, crm: entry.doctor.crm, specialty: entry.doctor.specialty },
    signed: true,
    signedAt: row.finalized_at,
    contentHash: row.content_hash,
    intact: row.content_hash === recomputed,
  };
}
