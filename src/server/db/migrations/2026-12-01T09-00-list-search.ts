import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once merged: never import app code here.

/**
 * Lists that stay fast for a big clinic (issue 8; docs/decisions/007-list-search.md).
 *
 * - `users.search_text`: the folded name and e-mail the app writes with every user, backfilled
 *   here with a frozen copy of the app's folding. Indexed for substring search by trigrams:
 *   FTS5's trigram tokenizer on SQLite, pg_trgm's GIN on PostgreSQL; and by a plain b-tree for
 *   the "name starts with" of one- and two-letter terms.
 * - Covering b-tree indexes in list order (name, id), so a page, however deep, walks an index
 *   and never sorts the table; users_role_status becomes a prefix of one of them.
 * - `user_counts`, kept by triggers: users per role and status.
 * - What the dashboards count and show first: pending invites, newest users, a doctor's newest patients.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .alterTable('users')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // Frozen copy of src/shared/domain/search-text.ts as of this migration.
  const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();
  let after = '';
  for (;;) {
    const rows: { id: string; name: string; email: string }[] = await db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (rows.length === 0) break;
    const text = sql.join(
      rows.map((r) => sql`when ${r.id} then ${`${fold(r.name)}\n${fold(r.email)}`}`),
      sql` `,
    );
    await sql`update users set search_text = case id ${text} end where id in (${sql.join(rows.map((r) => r.id))})`.execute(db);
    after = rows[rows.length - 1]!.id;
  }

  // search_text rides along so a search can walk a list index in order and test each entry
  // without reading the table (see matchingPage in users.repository).
  await db.schema.dropIndex('users_role_status').execute();
  await db.schema.createIndex('users_list_name').on('users').columns(['name', 'id', 'role', 'status', 'search_text']).execute();
  await db.schema.createIndex('users_list_role').on('users').columns(['role', 'name', 'id', 'status', 'search_text']).execute();
  await db.schema.createIndex('users_list_role_status').on('users').columns(['role', 'status', 'name', 'id', 'search_text']).execute();

  // How many users per role and status, kept by triggers whoever writes users, so totals and
  // dashboard counters cost one row read instead of a count over the clinic.
  await db.schema
    .createTable('user_counts')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_counts_pk', ['role', 'status'])
    .execute();
  await sql`insert into user_counts (role, status, n) select role, status, count(*) from users group by role, status`.execute(db);
  if (isPg) {
    await sql`
      create function user_counts_track() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          update user_counts set n = n - 1 where role = old.role and status = old.status;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          insert into user_counts (role, status, n) values (new.role, new.status, 1)
            on conflict (role, status) do update set n = user_counts.n + 1;
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger user_counts_track after insert or delete or update of role, status on users for each row execute function user_counts_track()`.execute(
      db,
    );
  } else {
    await sql`
      create trigger user_counts_insert after insert on users begin
        insert into user_counts (role, status, n) values (new.role, new.status, 1) on conflict (role, status) do update set n = n + 1;
      end`.execute(db);
    await sql`
      create trigger user_counts_update after update of role, status on users begin
        update user_counts set n = n - 1 where role = old.role and status = old.status;
        insert into user_counts (role, status, n) values (new.role, new.status, 1) on conflict (role, status) do update set n = n + 1;
      end`.execute(db);
    await sql`
      create trigger user_counts_delete after delete on users begin
        update user_counts set n = n - 1 where role = old.role and status = old.status;
      end`.execute(db);
  }
  await db.schema.createIndex('users_created').on('users').column('created_at').execute();
  await db.schema
    .createIndex('invites_pending')
    .on('invites')
    .columns(['expires_at', 'user_id'])
    .where(sql.ref('used_at'), 'is', null)
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
  await db.schema.createIndex('doctor_patients_doctor_created').on('doctor_patients').columns(['doctor_id', 'created_at']).execute();

  if (isPg) {
    // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index users_search_trgm on users using gin (search_text gin_trgm_ops)`.execute(db);
    // Byte order, so a range finds a prefix whatever the database's collation.
    await sql`create index users_search_prefix on users (search_text collate "C")`.execute(db);
    return;
  }

  await db.schema.createIndex('users_search_prefix').on('users').column('search_text').execute();
  // FTS5 keys rows by integer; users' own rowid may change on VACUUM (no INTEGER PRIMARY KEY),
  // so each user gets a stable number here.
  await sql`create table user_search_keys (id integer primary key, user_id text not null unique references users(id))`.execute(db);
  await sql`create virtual table user_search_fts using fts5(search_text, content='', contentless_delete=1, tokenize='trigram')`.execute(db);
  await sql`insert into user_search_keys (user_id) select id from users order by id`.execute(db);
  await sql`insert into user_search_fts (rowid, search_text) select k.id, u.search_text from user_search_keys k join users u on u.id = k.user_id`.execute(db);
  // Triggers keep the index in step with the column whoever writes it; the text itself comes from the app.
  await sql`
    create trigger users_search_insert after insert on users begin
      insert into user_search_keys (user_id) values (new.id);
      insert into user_search_fts (rowid, search_text) values ((select id from user_search_keys where user_id = new.id), new.search_text);
    end`.execute(db);
  await sql`
    create trigger users_search_update after update of search_text on users begin
      delete from user_search_fts where rowid = (select id from user_search_keys where user_id = old.id);
      insert into user_search_fts (rowid, search_text) values ((select id from user_search_keys where user_id = new.id), new.search_text);
    end`.execute(db);
  await sql`
    create trigger users_search_delete before delete on users begin
      delete from user_search_fts where rowid = (select id from user_search_keys where user_id = old.id);
      delete from user_search_keys where user_id = old.id;
    end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (isPg) {
    await sql`drop trigger user_counts_track on users`.execute(db);
    await sql`drop function user_counts_track()`.execute(db);
  } else {
    for (const t of ['users_search_insert', 'users_search_update', 'users_search_delete', 'user_counts_insert', 'user_counts_update', 'user_counts_delete']) {
      await sql`drop trigger ${sql.id(t)}`.execute(db);
    }
    await sql`drop table user_search_fts`.execute(db);
    await sql`drop table user_search_keys`.execute(db);
  }
  await db.schema.dropTable('user_counts').execute();
  for (const i of [
    'users_search_trgm',
    'users_search_prefix',
    'users_list_name',
    'users_list_role',
    'users_list_role_status',
    'users_created',
    'invites_pending',
    'doctor_patients_doctor_created',
  ]) {
    await sql`drop index if exists ${sql.id(i)}`.execute(db);
  }
  await db.schema.createIndex('users_role_status').on('users').columns(['role', 'status']).execute();
  await db.schema.alterTable('users').dropColumn('search_text').execute();
}
