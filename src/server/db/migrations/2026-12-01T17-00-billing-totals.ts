import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once merged: never import app code here.

/**
 * Billing totals per (São Paulo month, doctor, status), kept by triggers in the same transaction
 * as every write to billing_records, whoever writes (docs/decisions/009-billing-totals.md). The
 * dashboards sum at most months × doctors × statuses rows of this table instead of every record of
 * their months (about 330,000 for 12 months of a clinic with a million records).
 *
 * Amounts are bigint: a sum of int4 prices could pass 2^31 centavos on PostgreSQL. Rows are never
 * deleted; a total that falls to zero stays, and readers skip it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  // PostgreSQL runs a migration in one transaction; SQLite's are not wrapped, so this one is, and
  // no record written between the triggers and the backfill is counted twice or missed.
  if (!isPg) await sql`begin immediate`.execute(db);
  try {
    // Another node still on the old code must not bill between the backfill's snapshot and the commit.
    if (isPg) await sql`lock table billing_records in share mode`.execute(db);
    await db.schema
      .createTable('billing_totals')
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('doctor_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('consultations', 'bigint', (c) => c.notNull())
      .addColumn('price_cents', 'bigint', (c) => c.notNull())
      .addColumn('clinic_cents', 'bigint', (c) => c.notNull())
      .addColumn('doctor_cents', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('billing_totals_pk', ['month', 'doctor_id', 'status'])
      // On SQLite the rows live in the primary key's b-tree: a month range reads them in place.
      .$call((t) => (isPg ? t : t.modifyEnd(sql`without rowid`)))
      .execute();
    // A doctor's months (their own dashboard).
    await db.schema.createIndex('billing_totals_doctor').on('billing_totals').columns(['doctor_id', 'month', 'status']).execute();

    if (isPg) {
      await sql`
        create function billing_totals_track() returns trigger language plpgsql as $$
        begin
          if tg_op in ('UPDATE', 'DELETE') then
            update billing_totals
              set consultations = consultations - 1,
                  price_cents = price_cents - old.price_cents,
                  clinic_cents = clinic_cents - old.clinic_cents,
                  doctor_cents = doctor_cents - old.doctor_cents
              where month = old.month and doctor_id = old.doctor_id and status = old.status;
          end if;
          if tg_op in ('INSERT', 'UPDATE') then
            insert into billing_totals (month, doctor_id, status, consultations, price_cents, clinic_cents, doctor_cents)
              values (new.month, new.doctor_id, new.status, 1, new.price_cents, new.clinic_cents, new.doctor_cents)
              on conflict (month, doctor_id, status) do update
                set consultations = billing_totals.consultations + 1,
                    price_cents = billing_totals.price_cents + excluded.price_cents,
                    clinic_cents = billing_totals.clinic_cents + excluded.clinic_cents,
                    doctor_cents = billing_totals.doctor_cents + excluded.doctor_cents;
          end if;
          return null;
        end $$`.execute(db);
      await sql`
        create trigger billing_totals_track
          after insert or delete or update of month, doctor_id, status, price_cents, clinic_cents, doctor_cents on billing_records
          for each row execute function billing_totals_track()`.execute(db);
    } else {
      const add = sql`
        insert into billing_totals (month, doctor_id, status, consultations, price_cents, clinic_cents, doctor_cents)
          values (new.month, new.doctor_id, new.status, 1, new.price_cents, new.clinic_cents, new.doctor_cents)
          on conflict (month, doctor_id, status) do update
            set consultations = consultations + 1,
                price_cents = price_cents + excluded.price_cents,
                clinic_cents = clinic_cents + excluded.clinic_cents,
                doctor_cents = doctor_cents + excluded.doctor_cents;`;
      const remove = sql`
        update billing_totals
          set consultations = consultations - 1,
              price_cents = price_cents - old.price_cents,
              clinic_cents = clinic_cents - old.clinic_cents,
              doctor_cents = doctor_cents - old.doctor_cents
          where month = old.month and doctor_id = old.doctor_id and status = old.status;`;
      await sql`create trigger billing_totals_insert after insert on billing_records begin ${add} end`.execute(db);
      await sql`create trigger billing_totals_update after update of month, doctor_id, status, price_cents, clinic_cents, doctor_cents on billing_records begin ${remove} ${add} end`.execute(
        db,
      );
      await sql`create trigger billing_totals_delete after delete on billing_records begin ${remove} end`.execute(db);
    }

    await sql`
      insert into billing_totals (month, doctor_id, status, consultations, price_cents, clinic_cents, doctor_cents)
      select month, doctor_id, status, count(*), sum(price_cents), sum(clinic_cents), sum(doctor_cents)
      from billing_records group by month, doctor_id, status`.execute(db);
    if (!isPg) await sql`commit`.execute(db);
  } catch (error) {
    if (!isPg) await sql`rollback`.execute(db);
    throw error;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (isPg) {
    await sql`drop trigger billing_totals_track on billing_records`.execute(db);
    await sql`drop function billing_totals_track()`.execute(db);
  } else {
    for (const t of ['billing_totals_insert', 'billing_totals_update', 'billing_totals_delete']) await sql`drop trigger ${sql.id(t)}`.execute(db);
  }
  await db.schema.dropTable('billing_totals').execute();
}
