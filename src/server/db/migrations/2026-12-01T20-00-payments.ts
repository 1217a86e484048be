import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Frozen once merged: never import app code here.

/**
 * Monthly closing and payments (issue 10).
 *
 * - `closings`: each "Fechar mês" of a São Paulo month; `seq` 1 is the first, 2+ supplementary.
 *   Unique (month, seq): two closings of one month started at once cannot both be the next one.
 * - `payments`: one per doctor per closing, with the totals and a snapshot of the doctor's name,
 *   CRM and PIX key at closing.
 * - `billing_records.payment_id`: the payment a record is locked to; one column, so a record
 *   belongs to at most one payment, by the database. A cancelled payment releases its records.
 * - `payment_records`: which records each payment held, kept after a cancellation.
 * - `payment_events`: every transition and snapshot refresh, append-only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('closings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('closings_month_seq', ['month', 'seq'])
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('closing_id', 'text', (c) => c.notNull().references('closings.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('doctor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','paid','received','disputed','cancelled')`))
    .addColumn('consultations', 'integer', (c) => c.notNull())
    .addColumn('gross_cents', 'integer', (c) => c.notNull())
    .addColumn('clinic_cents', 'integer', (c) => c.notNull())
    .addColumn('net_cents', 'integer', (c) => c.notNull())
    .addColumn('doctor_name', 'text', (c) => c.notNull())
    .addColumn('crm_number', 'text', (c) => c.notNull())
    .addColumn('crm_uf', 'text', (c) => c.notNull())
    .addColumn('pix_key_type', 'text')
    .addColumn('pix_key', 'text')
    .addColumn('paid_on', 'text')
    .addColumn('pix_e2e_id', 'text')
    .addColumn('paid_note', 'text')
    .addColumn('received_at', 'text')
    .addColumn('dispute_message', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('payments_closing_doctor', ['closing_id', 'doctor_id'])
    .addCheckConstraint('payments_split', sql`clinic_cents + net_cents = gross_cents`)
    .execute();
  await db.schema.createIndex('payments_month').on('payments').columns(['month', 'status']).execute();
  await db.schema.createIndex('payments_doctor').on('payments').columns(['doctor_id', 'month']).execute();

  await db.schema
    .alterTable('billing_records')
    .addColumn('payment_id', 'text', (c) => c.references('payments.id'))
    .execute();
  await db.schema.createIndex('billing_records_payment').on('billing_records').column('payment_id').execute();

  await db.schema
    .createTable('payment_records')
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
    .addColumn('billing_record_id', 'text', (c) => c.notNull().references('billing_records.id'))
    .addPrimaryKeyConstraint('payment_records_pk', ['payment_id', 'billing_record_id'])
    .execute();
  await db.schema.createIndex('payment_records_record').on('payment_records').column('billing_record_id').execute();

  await db.schema
    .createTable('payment_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('created','paid','received','disputed','cancelled','pix_key_refreshed')`))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('details', 'text')
    .execute();
  await db.schema.createIndex('payment_events_payment').on('payment_events').columns(['payment_id', 'at']).execute();
  await db.schema.createIndex('payment_events_at').on('payment_events').columns(['at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('payment_events').execute();
  await db.schema.dropTable('payment_records').execute();
  await db.schema.dropIndex('billing_records_payment').execute();
  await db.schema.alterTable('billing_records').dropColumn('payment_id').execute();
  await db.schema.dropTable('payments').execute();
  await db.schema.dropTable('closings').execute();
}
