import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Frozen once merged: never import app code here.

export async function up(db: Kysely<any>): Promise<void> {
  // Clinical entries are never hard-deleted: a discarded draft keeps its row with status 'discarded',
  // and a final entry is only ever followed by addenda (amends_id), never updated.
  await db.schema
    .createTable('evolutions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('doctor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('room_id', 'text', (c) => c.references('rooms.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('evolution','addendum')`))
    .addColumn('amends_id', 'text', (c) => c.references('evolutions.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','final','discarded')`))
    .addColumn('complaint', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('history', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('exam', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('plan', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('content_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finalized_at', 'text')
    .addColumn('discarded_at', 'text')
    .execute();
  await db.schema.createIndex('evolutions_patient').on('evolutions').columns(['patient_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('evolutions_doctor_room').on('evolutions').columns(['doctor_id', 'room_id']).execute();
  await db.schema.createIndex('evolutions_amends').on('evolutions').column('amends_id').execute();

  await db.schema
    .createTable('evolution_diagnoses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evolution_id', 'text', (c) => c.notNull().references('evolutions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evolution_diagnoses_evolution').on('evolution_diagnoses').columns(['evolution_id', 'position']).execute();
  await db.schema.createIndex('evolution_diagnoses_code').on('evolution_diagnoses').column('code').execute();

  await db.schema
    .createTable('prescription_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evolution_id', 'text', (c) => c.notNull().references('evolutions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('medicine', 'text', (c) => c.notNull())
    .addColumn('dose', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('duration', 'text', (c) => c.notNull())
    .addColumn('instructions', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('prescription_items_evolution').on('prescription_items').columns(['evolution_id', 'position']).execute();

  // LGPD: who opened whose record or document, and when. Append-only.
  await db.schema
    .createTable('record_access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_access_log_patient').on('record_access_log').columns(['patient_id', 'created_at']).execute();
  await db.schema.createIndex('record_access_log_actor').on('record_access_log').columns(['actor_id', 'created_at']).execute();
  await db.schema.createIndex('record_access_log_created').on('record_access_log').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['record_access_log', 'prescription_items', 'evolution_diagnoses', 'evolutions']) await db.schema.dropTable(t).execute();
}
