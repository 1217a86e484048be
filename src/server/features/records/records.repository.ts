import { PostgresAdapter } from 'kysely';
import type { DbOrTrx } from '#server/db/database.ts';
import type { EvolutionRow, RoomRow } from '#server/db/types.ts';

/** An entry with its author, its room and the room's consultation: what `toEvolution` needs. */
function evolutionsWithPeople(db: DbOrTrx) {
  return db
    .selectFrom('evolutions')
    .innerJoin('users as d', 'd.id', 'evolutions.doctor_id')
    .innerJoin('doctor_profiles as dp', 'dp.user_id', 'evolutions.doctor_id')
    .leftJoin('rooms as r', 'r.id', 'evolutions.room_id')
    .leftJoin('consultations as c', 'c.room_id', 'evolutions.room_id')
    .selectAll('evolutions')
    .select([
      'd.name as doctor_name',
      'dp.crm_number',
      'dp.crm_uf',
      'dp.specialty',
      'r.code as room_code',
      'c.id as consultation_id',
      'c.started_at',
      'c.ended_at',
      'c.duration_seconds',
      'c.finalized_by',
    ]);
}
export type EvolutionWithPeople = Awaited<ReturnType<ReturnType<typeof evolutionsWithPeople>['executeTakeFirstOrThrow']>>;

export async function findEvolution(db: DbOrTrx, id: string): Promise<EvolutionWithPeople | undefined> {
  return evolutionsWithPeople(db).where('evolutions.id', '=', id).executeTakeFirst();
}

/** A page of a newest-first list: after this (time, id) when set, at most `limit` rows. */
export type PageRequest = { after?: { at: string; id: string } | undefined; limit: number };

/**
 * Who sees which entries: final ones always, and drafts only when they are `draftsOf`'s own.
 * A discarded entry is never listed.
 */
export type EntryVisibility = { patientId: string; draftsOf?: string | undefined };

/**
 * One page of a patient's entries (never addenda: they come with their entry, see
 * `listAddenda`), newest first by (created_at, id). One row more than `limit` is read so the
 * caller knows whether another page follows.
 */
export async function listEntryPage(db: DbOrTrx, f: EntryVisibility, page: PageRequest): Promise<EvolutionWithPeople[]> {
  const { draftsOf, patientId } = f;
  let q = evolutionsWithPeople(db)
    .where('evolutions.patient_id', '=', patientId)
    .where('evolutions.kind', '=', 'evolution')
    .where((eb) =>
      draftsOf
        ? eb.or([eb('evolutions.status', '=', 'final'), eb.and([eb('evolutions.status', '=', 'draft'), eb('evolutions.doctor_id', '=', draftsOf)])])
        : eb('evolutions.status', '=', 'final'),
    );
  const after = page.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([eb('evolutions.created_at', '<', after.at), eb.and([eb('evolutions.created_at', '=', after.at), eb('evolutions.id', '<', after.id)])]),
    );
  }
  return q
    .orderBy('evolutions.created_at', 'desc')
    .orderBy('evolutions.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

/**
 * The addenda of these entries, oldest first: finals, plus `draftsOf`'s own drafts. Not paged:
 * they belong to their entry (shown and printed with it), and there are only as many as the
 * corrections a doctor wrote by hand.
 */
export async function listAddenda(db: DbOrTrx, entryIds: string[], draftsOf?: string): Promise<EvolutionWithPeople[]> {
  if (entryIds.length === 0) return [];
  return evolutionsWithPeople(db)
    .where('evolutions.amends_id', 'in', entryIds)
    .where((eb) =>
      draftsOf
        ? eb.or([eb('evolutions.status', '=', 'final'), eb.and([eb('evolutions.status', '=', 'draft'), eb('evolutions.doctor_id', '=', draftsOf)])])
        : eb('evolutions.status', '=', 'final'),
    )
    .orderBy('evolutions.created_at')
    .orderBy('evolutions.id')
    .execute();
}

export type DiagnosisRow = { evolution_id: string; code: string; description: string };
export type PrescriptionRow = {
  evolution_id: string;
  medicine: string;
  dose: string;
  route: string;
  frequency: string;
  duration: string;
  instructions: string;
};

/** The child rows of many entries in two queries (no N+1), in their saved order. */
export async function loadChildren(db: DbOrTrx, ids: string[]): Promise<{ diagnoses: DiagnosisRow[]; prescriptions: PrescriptionRow[] }> {
  if (ids.length === 0) return { diagnoses: [], prescriptions: [] };
  const [diagnoses, prescriptions] = await Promise.all([
    db
      .selectFrom('evolution_diagnoses')
      .select(['evolution_id', 'code', 'description'])
      .where('evolution_id', 'in', ids)
      .orderBy('evolution_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('prescription_items')
      .select(['evolution_id', 'medicine', 'dose', 'route', 'frequency', 'duration', 'instructions'])
      .where('evolution_id', 'in', ids)
      .orderBy('evolution_id')
      .orderBy('position')
      .execute(),
  ]);
  return { diagnoses, prescriptions };
}

export async function insertEvolution(db: DbOrTrx, row: EvolutionRow): Promise<void> {
  await db.insertInto('evolutions').values(row).execute();
}

/** This doctor's live (draft or final) evolution written in this room, if any. */
export async function findRoomEvolution(db: DbOrTrx, doctorId: string, roomId: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('evolutions')
    .select('id')
    .where('doctor_id', '=', doctorId)
    .where('room_id', '=', roomId)
    .where('kind', '=', 'evolution')
    .where('status', '!=', 'discarded')
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
}

/**
 * Locks the room row until the transaction ends, so two get-or-create calls for one room run one
 * after the other. PostgreSQL needs FOR UPDATE; SQLite (one connection, transactions serialized
 * by Kysely's driver) needs nothing more than the transaction.
 */
export async function lockRoom(trx: DbOrTrx, roomId: string): Promise<RoomRow | undefined> {
  const q = trx.selectFrom('rooms').selectAll().where('id', '=', roomId);
  return trx.getExecutor().adapter instanceof PostgresAdapter ? q.forUpdate().executeTakeFirst() : q.executeTakeFirst();
}

type DraftContent = Pick<EvolutionRow, 'complaint' | 'history' | 'exam' | 'plan' | 'notes'>;

/** Saves a draft if it is still a draft at this version; false otherwise (final, discarded or stale). */
export async function updateDraft(db: DbOrTrx, id: string, version: number, content: DraftContent, at: string): Promise<boolean> {
  const r = await db
    .updateTable('evolutions')
    .set({ ...content, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Replaces a draft's diagnoses and prescription items. Only ever called after `updateDraft` succeeded. */
export async function replaceDraftChildren(
  db: DbOrTrx,
  id: string,
  diagnoses: { id: string; code: string; description: string }[],
  prescriptions: (Omit<PrescriptionRow, 'evolution_id'> & { id: string })[],
): Promise<void> {
  await db.deleteFrom('evolution_diagnoses').where('evolution_id', '=', id).execute();
  await db.deleteFrom('prescription_items').where('evolution_id', '=', id).execute();
  if (diagnoses.length) {
    await db
      .insertInto('evolution_diagnoses')
      .values(diagnoses.map((d, position) => ({ id: d.id, evolution_id: id, position, code: d.code, description: d.description })))
      .execute();
  }
  if (prescriptions.length) {
    await db
      .insertInto('prescription_items')
      .values(prescriptions.map((p, position) => ({ ...p, evolution_id: id, position })))
      .execute();
  }
}

/** Signs a draft at this version; false when someone else signed, saved or discarded it first. */
export async function markFinal(db: DbOrTrx, id: string, version: number, hash: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('evolutions')
    .set({ status: 'final', content_hash: hash, finalized_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** With a version, only that state of the draft is discarded (a stale tab cannot throw away newer text). */
export async function markDiscarded(db: DbOrTrx, id: string, at: string, version?: number): Promise<boolean> {
  let q = db.updateTable('evolutions').set({ status: 'discarded', discarded_at: at, updated_at: at }).where('id', '=', id).where('status', '=', 'draft');
  if (version !== undefined) q = q.where('version', '=', version);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * One page of a patient's consultations with every doctor, newest first by (started_at, id);
 * one row more than `limit` tells the caller another page follows.
 */
export async function listConsultationPage(db: DbOrTrx, patientId: string, onlyFinished: boolean, page: PageRequest) {
  let q = db
    .selectFrom('consultations as c')
    .leftJoin('rooms as r', 'r.id', 'c.room_id')
    .innerJoin('users as d', 'd.id', 'c.doctor_id')
    .innerJoin('doctor_profiles as dp', 'dp.user_id', 'c.doctor_id')
    .select([
      'c.id',
      'c.started_at',
      'c.ended_at',
      'c.duration_seconds',
      'c.finalized_by',
      'c.doctor_id',
      'c.kind',
      'c.note',
      'r.code as room_code',
      'r.reason',
      'd.name as doctor_name',
      'dp.crm_number',
      'dp.crm_uf',
      'dp.specialty',
    ])
    .where('c.patient_id', '=', patientId);
  if (onlyFinished) q = q.where('c.ended_at', 'is not', null);
  const after = page.after;
  if (after) q = q.where((eb) => eb.or([eb('c.started_at', '<', after.at), eb.and([eb('c.started_at', '=', after.at), eb('c.id', '<', after.id)])]));
  return q
    .orderBy('c.started_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

/** One page of this doctor's rooms with the patient, newest first by (created_at, id), plus one row. */
export async function listDoctorRoomPage(db: DbOrTrx, doctorId: string, patientId: string, page: PageRequest) {
  let q = db
    .selectFrom('rooms')
    .select(['id', 'code', 'status', 'reason', 'scheduled_at', 'created_at'])
    .where('doctor_id', '=', doctorId)
    .where('patient_id', '=', patientId);
  const after = page.after;
  if (after) q = q.where((eb) => eb.or([eb('created_at', '<', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '<', after.id)])]));
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

/** The latest acceptance of the consent term, whatever its version. */
export async function findLatestConsent(db: DbOrTrx, patientId: string) {
  return db
    .selectFrom('consents')
    .select(['version', 'accepted_at'])
    .where('patient_id', '=', patientId)
    .orderBy('accepted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The doctor and patient data a printed document shows. */
export async function findDocumentPeople(db: DbOrTrx, doctorId: string, patientId: string) {
  const [doctor, patient] = await Promise.all([
    db
      .selectFrom('users')
      .innerJoin('doctor_profiles as dp', 'dp.user_id', 'users.id')
      .select(['users.name', 'users.email', 'dp.crm_number', 'dp.crm_uf', 'dp.rqe', 'dp.specialty', 'dp.phone'])
      .where('users.id', '=', doctorId)
      .executeTakeFirst(),
    db
      .selectFrom('users')
      .leftJoin('patient_profiles as pp', 'pp.user_id', 'users.id')
      .select(['users.name', 'pp.cpf', 'pp.birth_date'])
      .where('users.id', '=', patientId)
      .executeTakeFirst(),
  ]);
  return { doctor, patient };
}
