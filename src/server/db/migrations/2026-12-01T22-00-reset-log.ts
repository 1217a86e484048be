import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Frozen once merged: never import app code here.

/**
 * The log of database resets (issue 11). It outlives every reset, so it references no other
 * table: who reset is kept by id, name and e-mail as text. A row is 'running' while a reset is
 * under way; the partial unique index lets only one run at a time, across nodes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reset_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running','done','failed')`))
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_email', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('counts', 'text')
    .addColumn('backup_name', 'text')
    .addColumn('backup_sha256', 'text')
    .addColumn('error', 'text')
    .execute();
  await sql`create unique index reset_log_one_running on reset_log (status) where status = 'running'`.execute(db);
  await db.schema.createIndex('reset_log_started').on('reset_log').column('started_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reset_log').execute();
}
