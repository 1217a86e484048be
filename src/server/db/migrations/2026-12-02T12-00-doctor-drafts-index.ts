import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Frozen once merged: never import app code here.

/**
 * The doctor's home lists their unsigned drafts ("Evoluções para assinar") on every visit: a
 * partial index holds only the drafts, newest first per doctor, instead of reading through every
 * entry the doctor ever signed (SQLite and PostgreSQL both have partial indexes).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('evolutions_doctor_drafts')
    .on('evolutions')
    .columns(['doctor_id', 'updated_at'])
    .where(sql.ref('status'), '=', 'draft')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('evolutions_doctor_drafts').execute();
}
