import { type AliasableExpression, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import { MIN_SUBSTRING_TERM, foldForSearch, userSearchText } from '#shared/domain/search-text.ts';
import type { DbOrTrx } from '#server/db/database.ts';
import type { DoctorProfileRow, NewUser, PatientProfileRow, UserRow, UserUpdate } from '#server/db/types.ts';

export async function findUserById(db: DbOrTrx, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: DbOrTrx, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

/** Inserts a user with the search text of its name and e-mail. */
export async function insertUser(db: DbOrTrx, user: Omit<NewUser, 'search_text'>): Promise<void> {
  await db
    .insertInto('users')
    .values({ ...user, search_text: userSearchText(user) })
    .execute();
}

/** Updates a user; a new name or e-mail also rewrites the search text, so every writer keeps it. */
export async function updateUser(db: DbOrTrx, id: string, changes: Omit<UserUpdate, 'search_text'>): Promise<void> {
  let set: UserUpdate = changes;
  if (changes.name !== undefined || changes.email !== undefined) {
    const current =
      changes.name !== undefined && changes.email !== undefined
        ? undefined
        : await db.selectFrom('users').select(['name', 'email']).where('id', '=', id).executeTakeFirst();
    const name = changes.name ?? current?.name;
    const email = changes.email ?? current?.email;
    if (name !== undefined && email !== undefined) set = { ...changes, search_text: userSearchText({ name, email }) };
  }
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

export async function findDoctorProfile(db: DbOrTrx, userId: string): Promise<DoctorProfileRow | undefined> {
  return db.selectFrom('doctor_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function findPatientProfile(db: DbOrTrx, userId: string): Promise<PatientProfileRow | undefined> {
  return db.selectFrom('patient_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function upsertDoctorProfile(db: DbOrTrx, row: DoctorProfileRow): Promise<void> {
  const { user_id: _id, ...changes } = row;
  await db
    .insertInto('doctor_profiles')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet(changes))
    .execute();
}

export async function upsertPatientProfile(db: DbOrTrx, row: PatientProfileRow): Promise<void> {
  const { user_id: _id, ...changes } = row;
  await db
    .insertInto('patient_profiles')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet(changes))
    .execute();
}

/** Another doctor already holding this CRM/UF, if any. */
export async function findDoctorByCrm(db: DbOrTrx, crmUf: string, crmNumber: string): Promise<string | undefined> {
  const row = await db.selectFrom('doctor_profiles').select('user_id').where('crm_uf', '=', crmUf).where('crm_number', '=', crmNumber).executeTakeFirst();
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

function isPostgres(db: DbOrTrx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

// Backslash-escaped for `like … escape '\'`, so %, _ and \ typed in the box are plain characters.
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, '\\$&');
}

// Above every character a folded name can hold, so [term, term + TOP) is "starts with term".
const TOP = '\u{10FFFF}';

type SearchTerm = {
  /** Folded like users.search_text (src/shared/domain/search-text.ts). */
  text: string;
  /** The digits, when the term is only digits and document punctuation ("390.533.447-05"). */
  digits: string | null;
};

function searchTermOf(q: string | undefined): SearchTerm | null {
  const text = foldForSearch(q ?? '');
  if (text === '') return null;
  return { text, digits: /^[\d.\-/ ]+$/.test(text) && /\d/.test(text) ? text.replace(/\D/g, '') : null };
}

type UserIds = AliasableExpression<{ user_id: string }>;

/** Doctors whose CRM number contains the digits (one row per doctor: a small table), and patients whose CPF starts with them. */
function documentMatches(db: DbOrTrx, digits: string) {
  const crm = db
    .selectFrom('doctor_profiles')
    .select('doctor_profiles.user_id')
    .where(sql<boolean>`crm_number like ${`%${escapeLike(digits)}%`} escape '\\'`);
  if (digits.length > 11) return crm;
  return crm.union(
    db
      .selectFrom('patient_profiles')
      .select('patient_profiles.user_id')
      // Stored CPFs are 11 digits, and equal-length digit strings sort the same in any collation: the unique index serves this range.
      .where('patient_profiles.cpf', '>=', digits.padEnd(11, '0'))
      .where('patient_profiles.cpf', '<=', digits.padEnd(11, '9')),
  );
}

/** Users whose search text, i.e. folded name, starts with the text: one range of users_search_prefix, which carries the list columns. */
function startingWith(db: DbOrTrx, text: string) {
  // Byte order on PostgreSQL (the index is collate "C"), so the range is a prefix whatever the database's collation.
  const column = isPostgres(db) ? sql<string>`search_text collate "C"` : sql<string>`search_text`;
  return db
    .selectFrom('users')
    .where(column, '>=', text)
    .where(column, '<', text + TOP);
}

/** One search term, three ways to apply it: all give the same people. */
type Matcher = {
  /** Ids of the matching users, read from the search indexes. */
  ids: UserIds;
  /** How many users match (an upper bound when a term also matches documents), from the indexes alone. */
  count: () => Promise<number>;
  /** The same test on one users row, for walking a list index that carries search_text. */
  row: RawBuilder<boolean>;
};

/**
 * The one place that knows how a term finds people (docs/decisions/007-list-search.md): folded
 * name or e-mail containing the term (three characters or more: SQLite FTS5 trigram index,
 * PostgreSQL pg_trgm GIN index) or starting with it (one or two characters: b-tree range on
 * search_text), plus documentMatches() for a term of digits.
 */
function matcherOf(db: DbOrTrx, term: SearchTerm): Matcher {
  const pg = isPostgres(db);
  const text = term.text;
  let ids: UserIds;
  let count: () => Promise<number>;
  let row: RawBuilder<boolean>;
  if (text.length < MIN_SUBSTRING_TERM) {
    const prefix = startingWith(db, text);
    ids = prefix.select('users.id as user_id');
    count = async () => Number((await prefix.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    row = pg ? sql<boolean>`strpos(users.search_text, ${text}) = 1` : sql<boolean>`instr(users.search_text, ${text}) = 1`;
  } else if (pg) {
    const like = db.selectFrom('users').where(sql<boolean>`search_text like ${`%${escapeLike(text)}%`} escape '\\'`);
    ids = like.select('users.id as user_id');
    count = async () => Number((await like.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    // strpos, not like: the walk must test rows in list order, not go back to the trigram index.
    row = sql<boolean>`strpos(users.search_text, ${text}) > 0`;
  } else {
    // A quoted FTS5 string is one phrase: every trigram of the term, in order, i.e. a substring.
    const phrase = sql<boolean>`user_search_fts match ${`"${text.replace(/"/g, '""')}"`}`;
    ids = db
      .selectFrom(sql.table('user_search_fts').as('f'))
      .innerJoin(sql.table('user_search_keys').as('k'), (j) => j.on(sql.ref('k.id'), '=', sql.ref('f.rowid')))
      .select(sql<string>`k.user_id`.as('user_id'))
      .where(phrase);
    count = async () =>
      Number(
        (
          await db
            .selectFrom(sql.table('user_search_fts').as('f'))
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where(phrase)
            .executeTakeFirstOrThrow()
        ).n,
      );
    row = sql<boolean>`instr(users.search_text, ${text}) > 0`;
  }
  if (term.digits === null) return { ids, count, row };
  const documents = documentMatches(db, term.digits);
  return {
    ids: documents.union(ids),
    count: async () => (await count()) + (await documents.execute()).length,
    row: sql<boolean>`(${row} or users.id in ${documents})`,
  };
}

/** Users per role and status from user_counts, which triggers keep: one or a few rows, never a count over users. */
async function countByRoleStatus(db: DbOrTrx, f: UserFilter): Promise<number> {
  let q = db.selectFrom('user_counts').select('n');
  if (f.role) q = q.where('role', '=', f.role);
  if (f.status) q = q.where('status', '=', f.status);
  return (await q.execute()).reduce((sum, r) => sum + Number(r.n), 0);
}

// Walking a list index in order reads one entry per step (~0.3 µs at 100,000 patients); reading
// a match through the search index costs a lookup by id and its share of a sort (~5 µs). Walk
// while the entries it would visit are fewer than this many times the matches.
const WALK_FACTOR = 16;

/**
 * One page of users matching the filter, by name, with the profile fields lists show. Numbered
 * pages with an exact total, each step index-driven (docs/decisions/007-list-search.md):
 *
 * - no search, no doctor: the page's ids from a covering index in list order (a deep page reads
 *   index entries, never the table, never a sort); the total from user_counts;
 * - a doctor's patients: from doctor_patients, a few hundred rows, paged and counted in one pass;
 * - a search: the indexes count the matches first; a common term then walks the list index in
 *   order testing each entry's search_text (silva: ~6 entries per row shown), a rare one reads its
 *   matches through the search index and sorts them. The total is the search index's count, or,
 *   with filters or document digits, a count over the cheaper of the matches and the filter;
 * - one or two letters: the range of names starting with them, sorted.
 *
 * Then the page's rows, with profile fields and the last consultation, for those ids only.
 */
export async function listUsers(db: DbOrTrx, f: UserFilter, page: number, pageSize: number): Promise<{ rows: UserListRow[]; total: number }> {
  const term = searchTermOf(f.q);
  const offset = (page - 1) * pageSize;
  let ids: string[];
  let total: number;

  if (f.doctorId) {
    // The doctor's patient ids first (a range of the doctor_patients key), then those users by id.
    // Both planners otherwise weigh a scan of every patient against a few hundred lookups, and
    // PostgreSQL, with its default random_page_cost, picked the scan (90 ms at 100,000 patients).
    const links = await db.selectFrom('doctor_patients').select('patient_id').where('doctor_id', '=', f.doctorId).execute();
    // Links are only ever made to patients, so no role condition: one would lure both planners
    // into walking the patients' list index (100,000 entries) instead of looking up these few.
    if (links.length === 0 || (f.role && f.role !== 'patient')) return { rows: [], total: 0 };
    const doctorId = f.doctorId;
    let q = db
      .selectFrom('users')
      // Bound parameters are capped (SQLite 32,766): past that, the same set as a subquery.
      .where(
        'users.id',
        'in',
        links.length <= 30_000
          ? links.map((l) => l.patient_id)
          : (eb) => eb.selectFrom('doctor_patients').select('patient_id').where('doctor_id', '=', doctorId),
      );
    if (f.status) q = q.where('users.status', '=', f.status);
    if (term) q = q.where(matcherOf(db, term).row);
    // Materialized, so the sort happens on these few rows: PostgreSQL would rather walk the whole
    // name index in order (45 ms) than sort a few hundred rows.
    const mine = db
      .with(
        (w) => w('mine').materialized(),
        () => q.select(['users.id', 'users.name']),
      )
      .selectFrom('mine');
    const rows = await mine
      .select(['mine.id', sql<number>`count(*) over ()`.as('total')])
      .orderBy('mine.name')
      .orderBy('mine.id')
      .limit(pageSize)
      .offset(offset)
      .execute();
    ids = rows.map((r) => r.id);
    // Past the last page there is no row to carry the total.
    total =
      rows.length > 0
        ? Number(rows[0]!.total)
        : offset === 0
          ? 0
          : Number((await mine.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  } else if (!term) {
    let q = db.selectFrom('users');
    if (f.role) q = q.where('users.role', '=', f.role);
    if (f.status) q = q.where('users.status', '=', f.status);
    const [rows, count] = await Promise.all([
      q.select('users.id').orderBy('users.name').orderBy('users.id').limit(pageSize).offset(offset).execute(),
      countByRoleStatus(db, f),
    ]);
    ids = rows.map((r) => r.id);
    total = count;
  } else if (term.text.length < MIN_SUBSTRING_TERM && term.digits === null) {
    // Names starting with the same letters bunch together in list order, so walking the list would
    // read everything before them: read their range and sort it instead.
    let q = startingWith(db, term.text);
    if (f.role) q = q.where('users.role', '=', f.role);
    if (f.status) q = q.where('users.status', '=', f.status);
    const rows = await q.select('users.id').orderBy('users.name').orderBy('users.id').limit(pageSize).offset(offset).execute();
    ids = rows.map((r) => r.id);
    total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  } else {
    const m = matcherOf(db, term);
    const matches = await m.count();
    if (matches === 0) return { rows: [], total: 0 };
    const inFilter = await countByRoleStatus(db, f);
    let walked = db.selectFrom('users').where(m.row);
    if (f.role) walked = walked.where('users.role', '=', f.role);
    if (f.status) walked = walked.where('users.status', '=', f.status);
    let matched = db.selectFrom(m.ids.as('m')).innerJoin('users', 'users.id', 'm.user_id');
    if (f.role) matched = matched.where('users.role', '=', f.role);
    if (f.status) matched = matched.where('users.status', '=', f.status);
    const walk = ((offset + pageSize) * inFilter) / matches < WALK_FACTOR * matches;
    const rows = await (walk ? walked.select('users.id') : matched.select('users.id'))
      .orderBy('users.name')
      .orderBy('users.id')
      .limit(pageSize)
      .offset(offset)
      .execute();
    ids = rows.map((r) => r.id);
    if (!f.role && !f.status && term.digits === null) total = matches;
    else
      total = Number(
        (await (inFilter < WALK_FACTOR * matches ? walked : matched).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      );
  }
  if (ids.length === 0) return { rows: [], total };

  const details = await db
    .selectFrom('users')
    .leftJoin('doctor_profiles', 'doctor_profiles.user_id', 'users.id')
    .leftJoin('patient_profiles', 'patient_profiles.user_id', 'users.id')
    .selectAll('users')
    .select([
      'doctor_profiles.crm_number',
      'doctor_profiles.crm_uf',
      'doctor_profiles.specialty',
      'patient_profiles.phone as patient_phone',
      'patient_profiles.birth_date',
    ])
    // A correlated max() per row of the page only; uses consultations_patient.
    .select((eb) => {
      let last = eb
        .selectFrom('consultations')
        .select((c) => c.fn.max<string | null>('consultations.started_at').as('m'))
        .whereRef('consultations.patient_id', '=', 'users.id');
      if (f.doctorId) last = last.where('consultations.doctor_id', '=', f.doctorId);
      return last.$asScalar().as('last_consultation_at');
    })
    .where('users.id', 'in', ids)
    .execute();
  const byId = new Map(details.map(({ search_text: _s, ...r }) => [r.id, r]));
  return { rows: ids.map((id) => byId.get(id)).filter((r) => r !== undefined), total };
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
    .select([
      'users.id',
      'users.name',
      'users.status',
      'users.photo_version',
      'doctor_profiles.specialty',
      'doctor_profiles.crm_number',
      'doctor_profiles.crm_uf',
    ])
    .where('doctor_patients.patient_id', '=', patientId)
    .orderBy('users.name')
    .execute();
}

/** The patient holding this CPF (stored as digits), if any. */
export async function findPatientIdByCpf(db: DbOrTrx, cpf: string): Promise<string | undefined> {
  const row = await db.selectFrom('patient_profiles').select('user_id').where('cpf', '=', cpf).executeTakeFirst();
  return row?.user_id;
}
