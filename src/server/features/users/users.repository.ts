import { type RawBuilder, sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { DoctorProfileRow, NewUser, PatientProfileRow, UserRow, UserUpdate } from '../../db/types';

export async function findUserById(db: DbOrTrx, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: DbOrTrx, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function insertUser(db: DbOrTrx, user: NewUser): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(db: DbOrTrx, id: string, changes: UserUpdate): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function findDoctorProfile(db: DbOrTrx, userId: string): Promise<DoctorProfileRow | undefined> {
  return db.selectFrom('doctor_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function findPatientProfile(db: DbOrTrx, userId: string): Promise<PatientProfileRow | undefined> {
  return db.selectFrom('patient_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function upsertDoctorProfile(db: DbOrTrx, row: DoctorProfileRow): Promise<void> {
  const { user_id: _id, ...changes } = row;
  await db.insertInto('doctor_profiles').values(row).onConflict((oc) => oc.column('user_id').doUpdateSet(changes)).execute();
}

export async function upsertPatientProfile(db: DbOrTrx, row: PatientProfileRow): Promise<void> {
  const { user_id: _id, ...changes } = row;
  await db.insertInto('patient_profiles').values(row).onConflict((oc) => oc.column('user_id').doUpdateSet(changes)).execute();
}

/** Another doctor already holding this CRM/UF, if any. */
export async function findDoctorByCrm(db: DbOrTrx, crmUf: string, crmNumber: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('doctor_profiles')
    .select('user_id')
    .where('crm_uf', '=', crmUf)
    .where('crm_number', '=', crmNumber)
    .executeTakeFirst();
  return row?.user_id;
}

export type UserFilter = {
  role?: UserRow['role'] | undefined;
  status?: UserRow['status'] | undefined;
  q?: string | undefined;
  /** Only patients of this doctor. */
  doctorId?: string | undefined;
};

export type UserListRow = UserRow & {
  crm_number: string | null;
  crm_uf: string | null;
  specialty: string | null;
  patient_phone: string | null;
  birth_date: string | null;
  /** Start of the latest consultation (with `doctorId` when the filter has one). */
  last_consultation_at: string | null;
};

// LIKE escapes differ between SQLite and PostgreSQL; wildcards are never needed in a name search.
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, '');
}

// Accented letters and their base letter, so "joao" finds "João" and "JOÃO" finds "joão". Done in
// SQL with replace() because SQLite's lower() only knows ASCII and PostgreSQL has no portable unaccent.
const ACCENTED = 'áàâãäéèêëíìîïóòôõöúùûüçñÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑ';
const PLAIN = 'aaaaaeeeeiiiiooooouuuucnaaaaaeeeeiiiiooooouuuucn';

/** A search term as the folded columns are compared with it: lower-case, without accents. */
function foldForSearch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function folded(column: 'users.name' | 'users.email'): RawBuilder<string> {
  let expr: RawBuilder<string> = sql`lower(${sql.ref(column)})`;
  for (let i = 0; i < ACCENTED.length; i++) expr = sql`replace(${expr}, ${sql.lit(ACCENTED[i])}, ${sql.lit(PLAIN[i])})`;
  return expr;
}

function filtered(db: DbOrTrx, f: UserFilter) {
  let q = db
    .selectFrom('users')
    .leftJoin('doctor_profiles', 'doctor_profiles.user_id', 'users.id')
    .leftJoin('patient_profiles', 'patient_profiles.user_id', 'users.id');
  if (f.role) q = q.where('users.role', '=', f.role);
  if (f.status) q = q.where('users.status', '=', f.status);
  if (f.doctorId) {
    const doctorId = f.doctorId;
    q = q.where('users.id', 'in', (eb) => eb.selectFrom('doctor_patients').select('patient_id').where('doctor_id', '=', doctorId));
  }
  if (f.q) {
    const text = f.q;
    // Folded on both sides: SQLite's LIKE is case-insensitive for ASCII only, PostgreSQL's not at all.
    const pattern = `%${escapeLike(foldForSearch(text))}%`;
    const digits = text.replace(/\D/g, '');
    q = q.where((eb) =>
      eb.or([
        eb(folded('users.name'), 'like', pattern),
        eb(folded('users.email'), 'like', pattern),
        eb('doctor_profiles.crm_number', 'like', pattern),
        // Only a term with digits can match a CPF (a NUL placeholder matched every CPF on SQLite and is refused by PostgreSQL).
        ...(digits ? [eb('patient_profiles.cpf', 'like', `%${digits}%`)] : []),
      ]),
    );
  }
  return q;
}

/** One page of users matching the filter, newest first, with the profile fields lists show. */
export async function listUsers(db: DbOrTrx, f: UserFilter, page: number, pageSize: number): Promise<{ rows: UserListRow[]; total: number }> {
  const base = filtered(db, f);
  const [rows, count] = await Promise.all([
    base
      .selectAll('users')
      .select([
        'doctor_profiles.crm_number',
        'doctor_profiles.crm_uf',
        'doctor_profiles.specialty',
        'patient_profiles.phone as patient_phone',
        'patient_profiles.birth_date',
      ])
      // A correlated max() rather than a join + group by: same SQL on SQLite and PostgreSQL, uses consultations_patient.
      .select((eb) => {
        let last = eb
          .selectFrom('consultations')
          .select((c) => c.fn.max<string | null>('consultations.started_at').as('m'))
          .whereRef('consultations.patient_id', '=', 'users.id');
        if (f.doctorId) last = last.where('consultations.doctor_id', '=', f.doctorId);
        return last.$asScalar().as('last_consultation_at');
      })
      .orderBy('users.name')
      .orderBy('users.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countUsers(db: DbOrTrx, f: UserFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function isDoctorOfPatient(db: DbOrTrx, doctorId: string, patientId: string): Promise<boolean> {
  const row = await db
    .selectFrom('doctor_patients')
    .select('patient_id')
    .where('doctor_id', '=', doctorId)
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function linkDoctorPatient(db: DbOrTrx, doctorId: string, patientId: string, at: string): Promise<void> {
  await db
    .insertInto('doctor_patients')
    .values({ doctor_id: doctorId, patient_id: patientId, created_at: at })
    .onConflict((oc) => oc.columns(['doctor_id', 'patient_id']).doNothing())
    .execute();
}

export async function unlinkDoctorPatient(db: DbOrTrx, doctorId: string, patientId: string): Promise<void> {
  await db.deleteFrom('doctor_patients').where('doctor_id', '=', doctorId).where('patient_id', '=', patientId).execute();
}

/** The doctors of a patient, with what a patient's dashboard shows. */
export async function listDoctorsOfPatient(db: DbOrTrx, patientId: string) {
  return db
    .selectFrom('doctor_patients')
    .innerJoin('users', 'users.id', 'doctor_patients.doctor_id')
    .innerJoin('doctor_profiles', 'doctor_profiles.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.status', 'users.photo_version', 'doctor_profiles.specialty', 'doctor_profiles.crm_number', 'doctor_profiles.crm_uf'])
    .where('doctor_patients.patient_id', '=', patientId)
    .orderBy('users.name')
    .execute();
}

/** True when a and b are doctor and patient of each other (either way round). */
export async function areLinked(db: DbOrTrx, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('doctor_patients')
    .select('doctor_id')
    .where((eb) => eb.or([eb.and([eb('doctor_id', '=', a), eb('patient_id', '=', b)]), eb.and([eb('doctor_id', '=', b), eb('patient_id', '=', a)])]))
    .executeTakeFirst();
  return row !== undefined;
}

/** The patient holding this CPF (stored as digits), if any. */
export async function findPatientIdByCpf(db: DbOrTrx, cpf: string): Promise<string | undefined> {
  const row = await db.selectFrom('patient_profiles').select('user_id').where('cpf', '=', cpf).executeTakeFirst();
  return row?.user_id;
}

/**
 * True when `error` is the database refusing a second patient with the same CPF (the
 * `patient_profiles_cpf` unique index): what two concurrent writes that both passed the check
 * run into. SQLite names the column, PostgreSQL the index.
 */
export function isCpfUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e.code === '23505') return e.constraint === 'patient_profiles_cpf';
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof e.message === 'string' && e.message.includes('patient_profiles.cpf');
}
