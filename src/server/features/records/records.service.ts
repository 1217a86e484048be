import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { formatCrm } from '#shared/domain/crm.ts';
import { TCLE_VERSION } from '#shared/domain/tcle.ts';
import {
  type Addenda,
  type DocumentKind,
  type Evolution,
  type EvolutionPage,
  type HistoryConsultation,
  type PatientHistory,
  type PatientHistoryList,
  type PatientRecord,
  type PatientRecordList,
  type PrintableDocument,
  type RecordConsultation,
  type RecordRoom,
  type RoomEvolution,
  type createEvolutionInputSchema,
  finalizeEvolutionCheckSchema,
  type saveEvolutionInputSchema,
} from '#shared/schemas/records.ts';
import { CURSOR_PAGE_SIZE, type CursorPage, type PageCursor, type cursorPageQuerySchema, encodePageCursor } from '#shared/schemas/cursor.ts';
import type { Config } from '#server/config.ts';
import type { Db, DbOrTrx } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import type { EvolutionRow, UserRow } from '#server/db/types.ts';
import { type AppError, badRequest, conflict, fieldsOf, forbidden, notFound } from '#server/errors.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import { noAccess, roomForMember } from '#server/features/rooms/rooms.service.ts';
import { verificationCodeFor, verificationUrl } from './verification.service';
import { isDoctorOfPatient } from '#server/core/care-links.repository.ts';
import type { Actor } from '#server/core/actor.ts';
import { logRecordAccess } from './access-log.service';
import { contentHashOf, toEvolutions, toRecordConsultation } from './record-views';
import {
  type EntryVisibility,
  type EvolutionWithPeople,
  type PageRequest,
  findDocumentPeople,
  findEvolution,
  findLatestConsent,
  findRoomEvolution,
  insertEvolution,
  listAddenda,
  listConsultationPage,
  listDoctorRoomPage,
  listEntryPage,
  loadChildren,
  lockRoom,
  markDiscarded,
  markFinal,
  replaceDraftChildren,
  updateDraft,
} from './records.repository';

// One answer for "does not exist", "someone else's draft" and "not your patient".
const evolutionNotFound = () => notFound('Evolução não encontrada.');
const patientNotFound = () => notFound('Paciente não encontrado.');
const documentNotFound = () => notFound('Documento não encontrado.');
export const evolutionFinal = () => conflict('evolution_final', 'Esta evolução já foi assinada e não pode ser alterada. Para corrigir, adicione um adendo.');
const versionConflict = () =>
  conflict('version_conflict', 'Esta evolução foi alterada em outra aba ou aparelho. Recarregue a página para ver a versão mais nova.');

/** The entry if this doctor may see it: finals of their patients, and their own drafts. */
async function visibleEntry(db: DbOrTrx, doctor: UserRow, id: string): Promise<EvolutionWithPeople> {
  const row = await findEvolution(db, id);
  if (!row || row.status === 'discarded') throw evolutionNotFound();
  if (row.status === 'draft' && row.doctor_id !== doctor.id) throw evolutionNotFound();
  if (!(await isDoctorOfPatient(db, doctor.id, row.patient_id))) throw evolutionNotFound();
  return row;
}

async function withChildren(db: DbOrTrx, rows: EvolutionWithPeople[]): Promise<Evolution[]> {
  return toEvolutions(
    rows,
    await loadChildren(
      db,
      rows.map((r) => r.id),
    ),
  );
}

async function viewOf(db: DbOrTrx, id: string): Promise<Evolution> {
  const row = await findEvolution(db, id);
  if (!row || row.status === 'discarded') throw evolutionNotFound();
  return (await withChildren(db, [row]))[0]!;
}

/**
 * A new draft. With `roomCode`, the doctor's entry for that call is returned if it exists
 * (`created: false`), so the in-call editor can ask on every open. With `amendsId`, an addendum
 * to a signed entry, always attached to the root entry.
 */
export async function createEvolution(
  db: Db,
  actor: Actor,
  input: z.output<typeof createEvolutionInputSchema>,
): Promise<{ evolution: Evolution; created: boolean }> {
  const doctor = actor.user;
  const { id, created } = await db.transaction().execute(async (trx) => {
    if (!(await isDoctorOfPatient(trx, doctor.id, input.patientId))) throw patientNotFound();
    let roomId: string | null = null;
    if (input.roomCode) {
      const room = await roomForMember(trx, input.roomCode, doctor);
      if (room.doctor_id !== doctor.id || room.patient_id !== input.patientId) throw noAccess();
      roomId = room.id;
      if (!input.amendsId) {
        // Serializes concurrent get-or-create calls for this room (two tabs, a retried request).
        await lockRoom(trx, room.id);
        const existing = await findRoomEvolution(trx, doctor.id, room.id);
        if (existing) return { id: existing.id, created: false };
      }
    }
    let kind: EvolutionRow['kind'] = 'evolution';
    let amendsId: string | null = null;
    if (input.amendsId) {
      const target = await findEvolution(trx, input.amendsId);
      const visible =
        target && target.patient_id === input.patientId && (target.status === 'final' || (target.status === 'draft' && target.doctor_id === doctor.id));
      if (!visible) throw evolutionNotFound();
      if (target.status !== 'final')
        throw conflict('evolution_not_final', 'Só é possível adicionar um adendo a uma evolução assinada. Enquanto for rascunho, edite-a diretamente.');
      if (target.doctor_id !== doctor.id) throw forbidden('Só o médico que assinou esta evolução pode adicionar um adendo a ela.');
      kind = 'addendum';
      amendsId = target.amends_id ?? target.id;
    }
    const at = nowIso();
    const newId = randomUUID();
    await insertEvolution(trx, {
      id: newId,
      patient_id: input.patientId,
      doctor_id: doctor.id,
      room_id: roomId,
      kind,
      amends_id: amendsId,
      status: 'draft',
      complaint: '',
      history: '',
      exam: '',
      plan: '',
      notes: '',
      version: 1,
      content_hash: null,
      created_at: at,
      updated_at: at,
      finalized_at: null,
      discarded_at: null,
    });
    await recordAudit(trx, {
      actorId: doctor.id,
      action: 'evolution.created',
      entityType: 'evolution',
      entityId: newId,
      details: { patientId: input.patientId, kind },
      ip: actor.ip,
    });
    return { id: newId, created: true };
  });
  return { evolution: await viewOf(db, id), created };
}

/** One entry the doctor may see; the read is logged. */
export async function getEvolution(db: Db, actor: Actor, id: string): Promise<Evolution> {
  const row = await visibleEntry(db, actor.user, id);
  await logRecordAccess(db, actor, row.patient_id, 'evolution.view', row.id);
  return (await withChildren(db, [row]))[0]!;
}

/** Why a conditional write on this draft did not apply. */
async function refusalFor(db: DbOrTrx, id: string): Promise<AppError> {
  const now = await findEvolution(db, id);
  if (!now || now.status === 'discarded') return evolutionNotFound();
  if (now.status === 'final') return evolutionFinal();
  return versionConflict();
}

/** Autosave: replaces the draft's text, diagnoses and prescription items if `version` is current. */
export async function saveEvolution(db: Db, actor: Actor, id: string, input: z.output<typeof saveEvolutionInputSchema>): Promise<Evolution> {
  await db.transaction().execute(async (trx) => {
    const row = await visibleEntry(trx, actor.user, id);
    if (row.status === 'final') throw evolutionFinal();
    // Conditional on status and version, so a concurrent save or signature wins cleanly.
    if (!(await updateDraft(trx, id, input.version, input.content, nowIso()))) throw await refusalFor(trx, id);
    await replaceDraftChildren(
      trx,
      id,
      input.diagnoses.map((d) => ({ id: randomUUID(), ...d })),
      input.prescriptions.map((p) => ({ id: randomUUID(), ...p })),
    );
  });
  return viewOf(db, id);
}

/** Signs a draft: strict checks, content hash, never changed again. Signing a signed entry is a no-op. */
export async function finalizeEvolution(db: Db, actor: Actor, id: string, version: number): Promise<Evolution> {
  await db.transaction().execute(async (trx) => {
    const row = await visibleEntry(trx, actor.user, id);
    // Signing again is the author's no-op; anyone else gets no content back from this route.
    if (row.status === 'final') {
      if (row.doctor_id !== actor.user.id) throw evolutionFinal();
      return;
    }
    if (row.version !== version) throw versionConflict();
    const { diagnoses, prescriptions } = toEvolutions([row], await loadChildren(trx, [id]))[0]!;
    const content = { complaint: row.complaint, history: row.history, exam: row.exam, plan: row.plan, notes: row.notes };
    const check = finalizeEvolutionCheckSchema.safeParse({ content, diagnoses, prescriptions });
    if (!check.success) {
      throw badRequest('validation_error', 'Faltam dados para assinar. Confira os campos destacados.', fieldsOf(check.error.issues));
    }
    const at = nowIso();
    const hash = contentHashOf({
      id,
      patientId: row.patient_id,
      doctorId: row.doctor_id,
      kind: row.kind,
      amendsId: row.amends_id,
      finalizedAt: at,
      content,
      diagnoses,
      prescriptions,
    });
    if (!(await markFinal(trx, id, version, hash, at))) {
      // Another request signed it first: the same outcome for this caller.
      const refusal = await refusalFor(trx, id);
      if (refusal.code === 'evolution_final') return;
      throw refusal;
    }
    await recordAudit(trx, {
      actorId: actor.user.id,
      action: 'evolution.finalized',
      entityType: 'evolution',
      entityId: id,
      details: { patientId: row.patient_id, contentHash: hash },
      ip: actor.ip,
    });
  });
  return viewOf(db, id);
}

/** Discards an own draft; the row stays, marked 'discarded'. */
export async function discardEvolution(db: Db, actor: Actor, id: string, version?: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await visibleEntry(trx, actor.user, id);
    if (row.status === 'final') throw evolutionFinal();
    if (!(await markDiscarded(trx, id, nowIso(), version))) throw await refusalFor(trx, id);
    await recordAudit(trx, {
      actorId: actor.user.id,
      action: 'evolution.discarded',
      entityType: 'evolution',
      entityId: id,
      details: { patientId: row.patient_id },
      ip: actor.ip,
    });
  });
}

type PageQuery = z.output<typeof cursorPageQuerySchema>;
const FIRST_PAGE: PageQuery = { limit: CURSOR_PAGE_SIZE };

function pageRequest(q: PageQuery): PageRequest {
  return { after: q.cursor, limit: q.limit };
}

/** The page the caller asked for, out of the `limit + 1` rows read; the extra row only says "more follow". */
function cursorPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => PageCursor, map: (rows: R[]) => T[]): CursorPage<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: map(items), nextCursor: rows.length > limit && last ? encodePageCursor(keyOf(last)) : null };
}

/** A page of entries, each followed by its addenda, so an entry never arrives without its corrections. */
async function entryPage(db: DbOrTrx, f: EntryVisibility, q: PageQuery): Promise<EvolutionPage> {
  const rows = await listEntryPage(db, f, pageRequest(q));
  const entries = rows.slice(0, q.limit);
  const addenda = await listAddenda(
    db,
    entries.map((e) => e.id),
    f.draftsOf,
  );
  const ordered = entries.flatMap((e) => [e, ...addenda.filter((a) => a.amends_id === e.id)]);
  const last = entries[entries.length - 1];
  return { items: await withChildren(db, ordered), nextCursor: rows.length > q.limit && last ? encodePageCursor({ at: last.created_at, id: last.id }) : null };
}

async function recordConsultationPage(db: DbOrTrx, patientId: string, q: PageQuery): Promise<CursorPage<RecordConsultation>> {
  const rows = await listConsultationPage(db, patientId, false, pageRequest(q));
  return cursorPage(
    rows,
    q.limit,
    (c) => ({ at: c.started_at, id: c.id }),
    (page) => page.map(toRecordConsultation),
  );
}

async function recordRoomPage(db: DbOrTrx, doctorId: string, patientId: string, q: PageQuery): Promise<CursorPage<RecordRoom>> {
  const rows = await listDoctorRoomPage(db, doctorId, patientId, pageRequest(q));
  return cursorPage(
    rows,
    q.limit,
    (r) => ({ at: r.created_at, id: r.id }),
    (page) => page.map((r) => ({ code: r.code, status: r.status, reason: r.reason, scheduledAt: r.scheduled_at, createdAt: r.created_at })),
  );
}

async function historyConsultationPage(db: DbOrTrx, patientId: string, q: PageQuery): Promise<CursorPage<HistoryConsultation>> {
  const rows = await listConsultationPage(db, patientId, true, pageRequest(q));
  return cursorPage(
    rows,
    q.limit,
    (c) => ({ at: c.started_at, id: c.id }),
    (page) =>
      page.map((c) => {
        const { note: _doctorsNote, ...seen } = toRecordConsultation(c);
        return { ...seen, doctor: { id: c.doctor_id, name: c.doctor_name, crm: formatCrm(c.crm_number, c.crm_uf), specialty: c.specialty } };
      }),
  );
}

/** The doctor's page about one of their patients, with the first page of each list; the read is logged first. */
export async function getPatientRecord(db: Db, actor: Actor, patientId: string): Promise<PatientRecord> {
  if (!(await isDoctorOfPatient(db, actor.user.id, patientId))) throw patientNotFound();
  await logRecordAccess(db, actor, patientId, 'record.view', null);
  const [consent, consultations, evolutions, rooms] = await Promise.all([
    findLatestConsent(db, patientId),
    recordConsultationPage(db, patientId, FIRST_PAGE),
    entryPage(db, { patientId, draftsOf: actor.user.id }, FIRST_PAGE),
    recordRoomPage(db, actor.user.id, patientId, FIRST_PAGE),
  ]);
  return {
    consent: { currentVersion: TCLE_VERSION, accepted: consent ? { version: consent.version, acceptedAt: consent.accepted_at } : null },
    consultations,
    evolutions,
    rooms,
  };
}

/** More of one list of the patient's record; each page read is logged like the record itself. */
export async function getPatientRecordPage<L extends PatientRecordList>(
  db: Db,
  actor: Actor,
  patientId: string,
  list: L,
  q: PageQuery,
): Promise<PatientRecord[L]>;
export async function getPatientRecordPage(
  db: Db,
  actor: Actor,
  patientId: string,
  list: PatientRecordList,
  q: PageQuery,
): Promise<PatientRecord[PatientRecordList]> {
  if (!(await isDoctorOfPatient(db, actor.user.id, patientId))) throw patientNotFound();
  await logRecordAccess(db, actor, patientId, 'record.view', null);
  if (list === 'evolutions') return entryPage(db, { patientId, draftsOf: actor.user.id }, q);
  if (list === 'consultations') return recordConsultationPage(db, patientId, q);
  return recordRoomPage(db, actor.user.id, patientId, q);
}

/** A patient's own finished consultations and signed entries, first page of each; the read is logged. */
export async function getOwnHistory(db: Db, actor: Actor): Promise<PatientHistory> {
  const patientId = actor.user.id;
  await logRecordAccess(db, actor, patientId, 'history.view', null);
  const [consultations, entries] = await Promise.all([historyConsultationPage(db, patientId, FIRST_PAGE), entryPage(db, { patientId }, FIRST_PAGE)]);
  return { consultations, entries };
}

/** More of one list of the patient's own history; each page read is logged like the history itself. */
export async function getOwnHistoryPage<L extends PatientHistoryList>(db: Db, actor: Actor, list: L, q: PageQuery): Promise<PatientHistory[L]>;
export async function getOwnHistoryPage(db: Db, actor: Actor, list: PatientHistoryList, q: PageQuery): Promise<PatientHistory[PatientHistoryList]> {
  const patientId = actor.user.id;
  await logRecordAccess(db, actor, patientId, 'history.view', null);
  return list === 'entries' ? entryPage(db, { patientId }, q) : historyConsultationPage(db, patientId, q);
}

/** The addenda of an entry the doctor may see (their own drafts included), oldest first; the read is logged. */
export async function getEvolutionAddenda(db: Db, actor: Actor, id: string): Promise<Addenda> {
  const row = await visibleEntry(db, actor.user, id);
  await logRecordAccess(db, actor, row.patient_id, 'evolution.view', row.id);
  return { items: await withChildren(db, await listAddenda(db, [row.id], actor.user.id)) };
}

/** A printable prescription or evolution, for a doctor of the patient or the patient; the read is logged. */
export async function getDocument(db: Db, actor: Actor, clinic: Config['clinic'], kind: DocumentKind, id: string): Promise<PrintableDocument> {
  const row = await findEvolution(db, id);
  if (!row || row.status === 'discarded') throw documentNotFound();
  const user = actor.user;
  const allowed = (user.role === 'patient' && row.patient_id === user.id) || (user.role === 'doctor' && (await isDoctorOfPatient(db, user.id, row.patient_id)));
  if (!allowed) throw documentNotFound();
  if (row.status === 'draft') {
    // Only the author knows the draft exists.
    if (row.doctor_id !== user.id) throw documentNotFound();
    throw conflict('evolution_not_final', 'Assine a evolução antes de imprimir.');
  }
  const [evolution] = await withChildren(db, [row]);
  if (kind === 'prescription' && evolution!.prescriptions.length === 0) {
    throw conflict('no_prescription', 'Esta evolução não tem receita para imprimir.');
  }
  const { doctor, patient } = await findDocumentPeople(db, row.doctor_id, row.patient_id);
  if (!doctor || !patient) throw documentNotFound();
  await logRecordAccess(db, actor, row.patient_id, 'document.view', row.id);
  const addenda = await withChildren(db, await listAddenda(db, [row.id]));
  return {
    kind,
    clinic: { name: clinic.name, address: clinic.address },
    doctor: {
      name: doctor.name,
      crmNumber: doctor.crm_number,
      crmUf: doctor.crm_uf,
      rqe: doctor.rqe,
      specialty: doctor.specialty,
      phone: doctor.phone,
      email: doctor.email,
    },
    patient: { name: patient.name, cpf: patient.cpf, birthDate: patient.birth_date },
    evolution: evolution!,
    addenda,
    issuedAt: nowIso(),
    verificationUrl: verificationUrl(actor.baseUrl, await verificationCodeFor(db, row.id)),
  };
}

/**
 * The doctor's entry written in this call (draft or signed), or null: "Finalizar consulta" asks
 * about an unsigned one, and the end screen leads back to it. Only the room's doctor may ask.
 */
export async function getRoomEvolution(db: Db, actor: Actor, code: string): Promise<RoomEvolution> {
  const room = await roomForMember(db, code, actor.user);
  if (room.doctor_id !== actor.user.id) throw noAccess();
  const found = await findRoomEvolution(db, actor.user.id, room.id);
  return { evolution: found ? await viewOf(db, found.id) : null };
}
