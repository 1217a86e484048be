import type { Kysely } from 'kysely';

// Frozen once merged: never import app code here.

/**
 * Who can see a patient's record (issue 12, item 14): the access log also keeps the moments a
 * doctor gained or lost access to a record ('access.granted' / 'access.revoked', written when the
 * admin links or unlinks them). `subject_id` is that doctor; the actor is whoever linked them.
 * Nullable: the reads already in the log have no subject.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('record_access_log')
    .addColumn('subject_id', 'text', (c) => c.references('users.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('record_access_log').dropColumn('subject_id').execute();
}
