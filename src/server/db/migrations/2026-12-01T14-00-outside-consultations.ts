import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once merged: never import app code here.

/**
 * Consultations held outside the video room (issue 9: "consultas ou videochamadas"): a doctor
 * registers one held in person or by phone. Such a consultation has no room, so `room_id`
 * becomes optional, and a `kind` says which it was; a check keeps the two in step (a video
 * consultation always has its room, another kind never has one). `note` is the doctor's
 * short administrative note about it.
 *
 * SQLite cannot drop a NOT NULL, so there the table is rebuilt (SQLite's documented procedure:
 * foreign keys off, copy, drop, rename, check, foreign keys on). Kysely runs SQLite migrations
 * outside a transaction, which is what lets the pragma take effect; the rebuild itself is one
 * transaction.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (isPg) {
    await sql`alter table consultations alter column room_id drop not null`.execute(db);
    await sql`alter table consultations add column kind text not null default 'video' check (kind in ('video','in_person','phone'))`.execute(db);
    await sql`alter table consultations add column note text`.execute(db);
    await sql`alter table consultations add constraint consultations_room_kind check ((kind = 'video') = (room_id is not null))`.execute(db);
    return;
  }

  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin`.execute(db);
    try {
      await sql`
        create table consultations_next (
          id text primary key,
          room_id text unique references rooms(id),
          doctor_id text not null references users(id),
          patient_id text not null references users(id),
          started_at text not null,
          ended_at text,
          duration_seconds integer,
          finalized_by text,
          doctor_connected_at text,
          patient_connected_at text,
          kind text not null default 'video' check (kind in ('video','in_person','phone')),
          note text,
          constraint consultations_room_kind check ((kind = 'video') = (room_id is not null))
        )`.execute(db);
      await sql`
        insert into consultations_next (id, room_id, doctor_id, patient_id, started_at, ended_at, duration_seconds, finalized_by, doctor_connected_at, patient_connected_at, kind, note)
        select id, room_id, doctor_id, patient_id, started_at, ended_at, duration_seconds, finalized_by, doctor_connected_at, patient_connected_at, 'video', null
        from consultations`.execute(db);
      await sql`drop table consultations`.execute(db);
      await sql`alter table consultations_next rename to consultations`.execute(db);
      await sql`create index consultations_doctor on consultations (doctor_id, started_at)`.execute(db);
      await sql`create index consultations_patient on consultations (patient_id, started_at)`.execute(db);
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error(`consultations rebuild broke ${broken.rows.length} foreign keys`);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function down(): Promise<void> {
  // One way: consultations held in person or by phone cannot go back into a table that needs a room.
  throw new Error('2026-12-01T14-00-outside-consultations cannot be undone');
}
