import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once merged: never import app code here.

/**
 * Two indexes measured as missing by `npm run bench:lists` after 2026-12-01T09-00-list-search:
 * - users_search_prefix also carries the list columns, so a one- or two-letter search (names
 *   starting with it; such names bunch together, so walking the list in order does not pay) reads
 *   one index range and sorts it, without a read of each user;
 * - users_awaiting_invite holds only active people without a password, so counting pending
 *   invites checks each open invite's person inside a small index instead of the users table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropIndex('users_search_prefix').execute();
  if (isPg) await sql`create index users_search_prefix on users (search_text collate "C", name, id, role, status)`.execute(db);
  else await db.schema.createIndex('users_search_prefix').on('users').columns(['search_text', 'name', 'id', 'role', 'status']).execute();
  await db.schema
    .createIndex('users_awaiting_invite')
    .on('users')
    .columns(['id', 'status', 'password_hash'])
    .where(sql.ref('password_hash'), 'is', null)
    .where(sql.ref('status'), '=', 'active')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropIndex('users_awaiting_invite').execute();
  await db.schema.dropIndex('users_search_prefix').execute();
  if (isPg) await sql`create index users_search_prefix on users (search_text collate "C")`.execute(db);
  else await db.schema.createIndex('users_search_prefix').on('users').column('search_text').execute();
}
