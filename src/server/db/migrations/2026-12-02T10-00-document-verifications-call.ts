import type { Kysely } from 'kysely';

// Frozen once merged: never import app code here.

/**
 * The public verification link printed on a signed document (issue 12, item 6). The code is
 * random and unguessable, unlike the evolution's id, and lives apart from `evolutions` because
 * a signed entry is never updated: the code is made the first time the document is printed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_verifications')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('evolution_id', 'text', (c) => c.notNull().unique().references('evolutions.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_verifications').execute();
}
