import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once merged: never import app code here.

/**
 * The clinic's billing totals per (São Paulo month, status), beside the per-doctor ones of
 * 2026-12-01T17-00-billing-totals and kept the same way: triggers on billing_records, in the same
 * transaction as each write (docs/decisions/009-billing-totals.md). The clinic's 12-month chart
 * and dashboard cards then read a couple of rows a month instead of one per doctor (measured at
 * 500 doctors and 1,000,000 records: ~6 ms for the 12 months on SQLite, 0.02 ms from these).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  // As in 17-00: one transaction (PostgreSQL's migrator opens it; SQLite's is opened here), and
  // on PostgreSQL writers of billing_records wait until the triggers exist and the backfill is in.
  if (!isPg) await sql`begin immediate`.execute(db);
  try {
    if (isPg) await sql`lock table billing_records in share mode`.execute(db);
    await db.schema
      .createTable('billing_month_totals')
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('consultations', 'bigint', (c) => c.notNull())
      .addColumn('price_cents', 'bigint', (c) => c.notNull())
      .addColumn('clinic_cents', 'bigint', (c) => c.notNull())
      .addColumn('doctor_cents', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('billing_month_totals_pk', ['month', 'status'])
      .$call((t) => (isPg ? t : t.modifyEnd(sql`without rowid`)))
      .execute();

    if (isPg) {
      await sql`
        create function billing_month_totals_track() returns trigger language plpgsql as $$
        begin
          if tg_op in ('UPDATE', 'DELETE') then
            update billing_month_totals
              set consultations = consultations - 1,
                  price_cents = price_cents - old.price_cents,
                  clinic_cents = clinic_cents - old.clinic_cents,
                  doctor_cents = doctor_cents - old.doctor_cents
              where month = old.month and status = old.status;
          end if;
          if tg_op in ('INSERT', 'UPDATE') then
            insert into billing_month_totals (month, status, consultations, price_cents, clinic_cents, doctor_cents)
              values (new.month, new.status, 1, new.price_cents, new.clinic_cents, new.doctor_cents)
              on conflict (month, status) do update
                set consultations = billing_month_totals.consultations + 1,
                    price_cents = billing_month_totals.price_cents + excluded.price_cents,
                    clinic_cents = billing_month_totals.clinic_cents + excluded.clinic_cents,
                    doctor_cents = billing_month_totals.doctor_cents + excluded.doctor_cents;
          end if;
          return null;
        end $$`.execute(db);
      await sql`
        create trigger billing_month_totals_track
          after insert or delete or update of month, status, price_cents, clinic_cents, doctor_cents on billing_records
          for each row execute function billing_month_totals_track()`.execute(db);
    } else {
      const add = sql`
        insert into billing_month_totals (month, status, consultations, price_cents, clinic_cents, doctor_cents)
          values (new.month, new.status, 1, new.price_cents, new.clinic_cents, new.doctor_cents)
          on conflict (month, status) do update
            set consultations = consultations + 1,
                price_cents = price_cents + excluded.price_cents,
                clinic_cents = clinic_cents + excluded.clinic_cents,
                doctor_cents = doctor_cents + excluded.doctor_cents;`;
      const remove = sql`
        update billing_month_totals
          set consultations = consultations - 1,
              price_cents = price_cents - old.price_cents,
              clinic_cents = clinic_cents - old.clinic_cents,
              doctor_cents = doctor_cents - old.doctor_cents
          where month = old.month and status = old.status;`;
      await sql`create trigger billing_month_totals_insert after insert on billing_records begin ${add} end`.execute(db);
      await sql`create trigger billing_month_totals_update after update of month, status, price_cents, clinic_cents, doctor_cents on billing_records begin ${remove} ${add} end`.execute(
        db,
      );
      await sql`create trigger billing_month_totals_delete after delete on billing_records begin ${remove} end`.execute(db);
    }

    await sql`
      insert into billing_month_totals (month, status, consultations, price_cents, clinic_cents, doctor_cents)
      select month, status, count(*), sum(price_cents), sum(clinic_cents), sum(doctor_cents)
      from billing_records group by month, status`.execute(db);
    if (!isPg) await sql`commit`.execute(db);
  } catch (error) {
    if (!isPg) await sql`rollback`.execute(db);
    throw error;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (isPg) {
    await sql`drop trigger billing_month_totals_track on billing_records`.execute(db);
    await sql`drop function billing_month_totals_track()`.execute(db);
  } else {
    for (const t of ['billing_month_totals_insert', 'billing_month_totals_update', 'billing_month_totals_delete'])
      await sql`drop trigger ${sql.id(t)}`.execute(db);
  }
  await db.schema.dropTable('billing_month_totals').execute();
}
