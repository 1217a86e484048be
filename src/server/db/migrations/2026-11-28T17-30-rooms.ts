import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Frozen once merged: never import app code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rooms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('doctor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','finished','cancelled')`))
    .addColumn('reason', 'text')
    .addColumn('scheduled_at', 'text')
    .addColumn('admitted_at', 'text')
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('rooms_doctor').on('rooms').columns(['doctor_id', 'status']).execute();
  await db.schema.createIndex('rooms_patient').on('rooms').columns(['patient_id', 'status']).execute();

  // One consultation per room at most: the unique room_id makes starting and finalizing idempotent.
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().unique().references('rooms.id'))
    .addColumn('doctor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('duration_seconds', 'integer')
    .addColumn('finalized_by', 'text')
    .execute();
  await db.schema.createIndex('consultations_doctor').on('consultations').columns(['doctor_id', 'started_at']).execute();
  await db.schema.createIndex('consultations_patient').on('consultations').columns(['patient_id', 'started_at']).execute();

  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('consents_patient_version').on('consents').columns(['patient_id', 'version']).unique().execute();

  await db.schema
    .createTable('chat_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('from_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_messages_room').on('chat_messages').columns(['room_id', 'sent_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['chat_messages', 'consents', 'consultations', 'rooms']) await db.schema.dropTable(t).execute();
}
