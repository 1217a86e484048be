import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Frozen once merged: never import app code here.

/** What a clinic charges until the admin sets its own: R$ 150,00 a consultation, 20 % to the clinic. */
const DEFAULT_PRICE_CENTS = 15_000;
const DEFAULT_CLINIC_BPS = 2_000;
/** A "call" shorter than this is held for the admin to approve ("Em análise"). */
const DEFAULT_REVIEW_BELOW_SECONDS = 120;

/** The calendar month (YYYY-MM) of an instant in São Paulo: a frozen copy of the app's rule. */
function monthInSaoPaulo(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo', year: 'numeric', month: '2-digit' }).formatToParts(new Date(iso));
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

export async function up(db: Kysely<any>): Promise<void> {
  // The clinic's fees: one row. Per-doctor overrides beside it (null = the clinic's value).
  await db.schema
    .createTable('fee_settings')
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id = 'clinic'`))
    .addColumn('price_cents', 'integer', (c) => c.notNull().check(sql`price_cents >= 0`))
    .addColumn('clinic_bps', 'integer', (c) => c.notNull().check(sql`clinic_bps between 0 and 10000`))
    .addColumn('review_below_seconds', 'integer', (c) => c.notNull().check(sql`review_below_seconds >= 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db
    .insertInto('fee_settings')
    .values({
      id: 'clinic',
      price_cents: DEFAULT_PRICE_CENTS,
      clinic_bps: DEFAULT_CLINIC_BPS,
      review_below_seconds: DEFAULT_REVIEW_BELOW_SECONDS,
      updated_at: new Date().toISOString(),
      updated_by: null,
    })
    .execute();

  await db.schema
    .createTable('doctor_fees')
    .addColumn('doctor_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('price_cents', 'integer', (c) => c.check(sql`price_cents >= 0`))
    .addColumn('clinic_bps', 'integer', (c) => c.check(sql`clinic_bps between 0 and 10000`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();

  // Every change of a fee, append-only: who, when, old and new (doctor_id null = the clinic's).
  await db.schema
    .createTable('fee_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('doctor_id', 'text', (c) => c.references('users.id'))
    .addColumn('field', 'text', (c) => c.notNull().check(sql`field in ('price_cents','clinic_bps','review_below_seconds')`))
    .addColumn('old_value', 'integer')
    .addColumn('new_value', 'integer')
    .addColumn('changed_by', 'text', (c) => c.references('users.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fee_changes_doctor').on('fee_changes').columns(['doctor_id', 'changed_at']).execute();
  await db.schema.createIndex('fee_changes_at').on('fee_changes').columns(['changed_at']).execute();

  // What each side reported as the moment media connected: the evidence that a call happened.
  await db.schema.alterTable('consultations').addColumn('doctor_connected_at', 'text').execute();
  await db.schema.alterTable('consultations').addColumn('patient_connected_at', 'text').execute();

  // One billing record per finished consultation, freezing the fees of that moment.
  await db.schema
    .createTable('billing_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().unique().references('consultations.id'))
    .addColumn('doctor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('video','in_person','phone')`))
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('duration_seconds', 'integer')
    .addColumn('price_cents', 'integer', (c) => c.notNull().check(sql`price_cents >= 0`))
    .addColumn('clinic_bps', 'integer', (c) => c.notNull().check(sql`clinic_bps between 0 and 10000`))
    .addColumn('clinic_cents', 'integer', (c) => c.notNull())
    .addColumn('doctor_cents', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('billed','under_review','rejected','voided')`))
    .addColumn('fee_source', 'text', (c) => c.notNull().check(sql`fee_source in ('fees','backfill')`))
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('billing_records_split', sql`clinic_cents + doctor_cents = price_cents`)
    .execute();
  await db.schema.createIndex('billing_records_month').on('billing_records').columns(['month', 'status', 'doctor_id']).execute();
  await db.schema.createIndex('billing_records_doctor').on('billing_records').columns(['doctor_id', 'finished_at']).execute();
  await db.schema.createIndex('billing_records_status').on('billing_records').columns(['status', 'finished_at']).execute();

  // Consultations that finished before billing existed: billed once, at the default fee, marked.
  const finished = await db
    .selectFrom('consultations')
    .select(['id', 'doctor_id', 'patient_id', 'ended_at', 'duration_seconds'])
    .where('ended_at', 'is not', null)
    .execute();
  const at = new Date().toISOString();
  for (let i = 0; i < finished.length; i += 200) {
    const rows = finished.slice(i, i + 200).map((c) => {
      const clinic = Math.floor((DEFAULT_PRICE_CENTS * DEFAULT_CLINIC_BPS + 5_000) / 10_000);
      const short = c.duration_seconds === null || c.duration_seconds < DEFAULT_REVIEW_BELOW_SECONDS;
      return {
        id: crypto.randomUUID(),
        consultation_id: c.id,
        doctor_id: c.doctor_id,
        patient_id: c.patient_id,
        kind: 'video',
        finished_at: c.ended_at,
        month: monthInSaoPaulo(c.ended_at as string),
        duration_seconds: c.duration_seconds,
        price_cents: DEFAULT_PRICE_CENTS,
        clinic_bps: DEFAULT_CLINIC_BPS,
        clinic_cents: clinic,
        doctor_cents: DEFAULT_PRICE_CENTS - clinic,
        status: short ? 'under_review' : 'billed',
        fee_source: 'backfill',
        note: null,
        decided_by: null,
        decided_at: null,
        created_at: at,
      };
    });
    if (rows.length) await db.insertInto('billing_records').values(rows).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['billing_records', 'fee_changes', 'doctor_fees', 'fee_settings']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('consultations').dropColumn('patient_connected_at').execute();
  await db.schema.alterTable('consultations').dropColumn('doctor_connected_at').execute();
}
