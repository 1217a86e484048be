import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { type Db, createDb } from '#server/db/database.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { SESSION_COOKIE } from '#server/plugins/session.ts';
import { hashToken, newToken } from '#server/lib/tokens.ts';
import { addMonths, clinicMonthOf } from '#shared/domain/clinic-month.ts';
import { splitFee } from '#shared/domain/money.ts';
import { userSearchText } from '#shared/domain/search-text.ts';
import {
  FIRST_NAMES,
  LAST_NAMES,
  type Row,
  closeAgent,
  cpfOf,
  insertAll,
  insertRows,
  log,
  memoryOf,
  option,
  random,
  request,
  resetPeak,
  startServer,
  throwaway,
} from './bench-kit';

/**
 * `npm run bench:closing-export`: the monthly closing's .xlsx of a big clinic (issue 10).
 *
 * Seeds a throwaway database with 500 doctors (PIX keys of every type, a few without), 50,000
 * patients and 2,000 billed consultations per doctor in last month (1,000,000 records, each with
 * its consultation, and its room when by video), by bulk multi-row inserts in transactions
 * (bench/bench-kit.ts, shared with bench:billing). Then it starts the server in a child process
 * (bench/billing-server.ts, a real HTTP listener), closes the month through `POST /api/closings`
 * (500 payments locking 1,000,000 records), marks some payments paid through the API, and
 * downloads `GET /api/closings/export?format=xlsx` through HTTP to a file: time, file size and the
 * server's peak RSS during the download (VmHWM from /proc/<pid>/status, reset through clear_refs
 * just before). Target: peak RSS under 150 MB. The file is then read back with exceljs's streaming
 * reader: "Pagamentos" must have its 500 payments and "Consultas" all 1,000,000 records, the
 * price column summing to the month's gross (skip with --no-verify). The CSV is timed too.
 *
 * SQLite by default; PostgreSQL when DATABASE_URL is set (a fresh database on that server,
 * VACUUM ANALYZEd after the load, dropped afterwards). Options: --doctors=500 --records=2000 (per
 * doctor), --keep (leave the database and the file, paths printed), --no-verify. Progress goes to
 * stderr; the last stdout line is one JSON object.
 */

const TARGET_PEAK_RSS_MB = 150;
const DOCTORS = Number(option('doctors') ?? 500);
const PER_DOCTOR = Number(option('records') ?? 2000);
const PATIENTS_PER_DOCTOR = 100;
const DOCTORS_PER_CHUNK = 10;
const keep = process.argv.includes('--keep');
const verify = !process.argv.includes('--no-verify');
const pgUrl = process.env.DATABASE_URL;
const engine: 'sqlite' | 'postgres' = pgUrl ? 'postgres' : 'sqlite';

const PRICES = [12_000, 15_000, 15_000, 18_000, 20_000, 25_000, 30_000];
const SHARES = [1_500, 2_000, 2_000, 2_500, 3_000, 1_250];
const CITIES = ['São Paulo', 'Campinas', 'Ribeirão Preto', 'Rio de Janeiro', 'Belo Horizonte', 'Salvador', 'Recife'];
const DOMAINS = ['gmail.com', 'hotmail.com', 'clinica.com.br'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A PIX key of the kind the doctor chose (CPF, e-mail, mobile, random key), or none for one in 20. */
function pixKeyOf(i: number, rnd: () => number): { pix_key_type: string | null; pix_key: string | null } {
  const r = rnd();
  if (r < 0.05) return { pix_key_type: null, pix_key: null };
  if (r < 0.4) return { pix_key_type: 'cpf', pix_key: cpfOf(900_000 + i) };
  if (r < 0.65) return { pix_key_type: 'email', pix_key: `medico.${i}@${DOMAINS[i % DOMAINS.length]}` };
  if (r < 0.85) return { pix_key_type: 'phone', pix_key: `+55119${String(10_000_000 + i).slice(-8)}` };
  return { pix_key_type: 'evp', pix_key: randomUUID() };
}

type Seeded = { adminCookie: string; records: number; grossCents: number; kinds: Record<string, number>; withoutKey: number };

/** The clinic and `PER_DOCTOR` billed consultations per doctor spread over `month` (São Paulo, 8h–20h). */
async function seed(db: Db, month: string): Promise<Seeded> {
  const rnd = random(10);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const HASH = '$argon2id$bench';
  const users: Row[] = [];
  const doctorProfiles: Row[] = [];
  const patientProfiles: Row[] = [];
  const links: Row[] = [];
  const sessions: Row[] = [];
  let seq = 0;
  const person = (role: 'admin' | 'doctor' | 'patient', title = '') => {
    seq += 1;
    const name = `${title}${pick(FIRST_NAMES)} ${pick(LAST_NAMES)} ${pick(LAST_NAMES)}`;
    const email = `${role}.${seq}@bench.example.com`;
    const createdAt = iso(now - 400 * DAY);
    const id = randomUUID();
    users.push({
      id,
      email,
      name,
      search_text: userSearchText({ name, email }),
      role,
      status: 'active',
      password_hash: HASH,
      photo_version: null,
      created_at: createdAt,
      updated_at: createdAt,
    });
    return id;
  };
  const adminId = person('admin');
  const token = newToken();
  sessions.push({
    id: hashToken(token),
    user_id: adminId,
    created_at: iso(now),
    last_seen_at: iso(now),
    expires_at: iso(now + DAY),
    ip: null,
    user_agent: 'bench',
  });

  const doctors: { id: string; price: number; bps: number; patients: string[] }[] = [];
  let withoutKey = 0;
  for (let i = 0; i < DOCTORS; i += 1) {
    const id = person('doctor', rnd() < 0.5 ? 'Dra. ' : 'Dr. ');
    const key = pixKeyOf(i, rnd);
    if (!key.pix_key) withoutKey += 1;
    const city = pick(CITIES);
    doctorProfiles.push({
      user_id: id,
      crm_number: String(10_000 + i * 37),
      crm_uf: pick(['SP', 'RJ', 'MG', 'BA', 'PE']),
      rqe: null,
      specialty: 'Clínica médica',
      phone: null,
      ...key,
      city,
      city_uf: 'SP',
      updated_at: iso(now),
    });
    const patients: string[] = [];
    for (let j = 0; j < PATIENTS_PER_DOCTOR; j += 1) {
      const pid = person('patient');
      patients.push(pid);
      patientProfiles.push({ user_id: pid, cpf: cpfOf(i * PATIENTS_PER_DOCTOR + j + 1), birth_date: null, phone: null, updated_at: iso(now) });
      links.push({ doctor_id: id, patient_id: pid, created_at: iso(now - 400 * DAY) });
    }
    doctors.push({ id, price: pick(PRICES), bps: pick(SHARES), patients });
  }
  await insertAll(db, 'users', users);
  await insertAll(db, 'doctor_profiles', doctorProfiles);
  await insertAll(db, 'patient_profiles', patientProfiles);
  await insertAll(db, 'doctor_patients', links);
  await insertAll(db, 'sessions', sessions);
  // Each doctor's price differs from the default: the fees table says so (the records carry their own split anyway).
  await insertAll(
    db,
    'doctor_fees',
    doctors.map((d) => ({ doctor_id: d.id, price_cents: d.price, clinic_bps: d.bps, updated_at: iso(now), updated_by: adminId })),
  );

  const start = Date.parse(`${month}-01T11:00:00.000Z`); // 08:00 in São Paulo
  const days = Math.round((Date.parse(`${addMonths(month, 1)}-01T00:00:00.000Z`) - Date.parse(`${month}-01T00:00:00.000Z`)) / DAY);
  const kinds: Record<string, number> = { video: 0, in_person: 0, phone: 0 };
  let records = 0;
  let grossCents = 0;
  for (let from = 0; from < doctors.length; from += DOCTORS_PER_CHUNK) {
    const rooms: Row[] = [];
    const visits: Row[] = [];
    const bills: Row[] = [];
    for (const d of doctors.slice(from, from + DOCTORS_PER_CHUNK)) {
      const split = splitFee(d.price, d.bps);
      for (let k = 0; k < PER_DOCTOR; k += 1) {
        // Between 08:00 and 20:00 São Paulo time on a day of the month: always inside it.
        const ended = start + Math.floor(rnd() * days) * DAY + Math.floor(rnd() * 12 * HOUR);
        const r = rnd();
        const kind = r < 0.6 ? 'video' : r < 0.88 ? 'in_person' : 'phone';
        kinds[kind] = (kinds[kind] ?? 0) + 1;
        const duration = 600 + Math.floor(rnd() * 1800);
        const started = ended - duration * 1000;
        const patientId = pick(d.patients);
        let roomId: string | null = null;
        if (kind === 'video') {
          roomId = randomUUID();
          rooms.push({
            id: roomId,
            code: `bench-${records}`,
            doctor_id: d.id,
            patient_id: patientId,
            status: 'finished',
            reason: null,
            scheduled_at: null,
            admitted_at: iso(started),
            last_activity_at: iso(ended),
            created_at: iso(started - 300_000),
            closed_at: iso(ended),
          });
        }
        const consultationId = randomUUID();
        const video = kind === 'video';
        visits.push({
          id: consultationId,
          room_id: roomId,
          doctor_id: d.id,
          patient_id: patientId,
          started_at: iso(started),
          ended_at: iso(ended),
          duration_seconds: duration,
          finalized_by: 'doctor',
          doctor_connected_at: video ? iso(started) : null,
          patient_connected_at: video ? iso(started) : null,
          kind,
          note: video ? null : 'Retorno',
        });
        bills.push({
          id: randomUUID(),
          consultation_id: consultationId,
          doctor_id: d.id,
          patient_id: patientId,
          kind,
          finished_at: iso(ended),
          month,
          duration_seconds: duration,
          price_cents: d.price,
          clinic_bps: d.bps,
          clinic_cents: split.platformCents,
          doctor_cents: split.doctorCents,
          status: 'billed',
          fee_source: 'fees',
          note: null,
          decided_by: null,
          decided_at: null,
          created_at: iso(ended),
        });
        records += 1;
        grossCents += d.price;
      }
    }
    await db.transaction().execute(async (trx) => {
      await insertRows(trx as unknown as Db, 'rooms', rooms);
      await insertRows(trx as unknown as Db, 'consultations', visits);
      await insertRows(trx as unknown as Db, 'billing_records', bills);
    });
    if ((from / DOCTORS_PER_CHUNK) % 10 === 9) log(`  ${records} records`);
  }
  return { adminCookie: `${SESSION_COOKIE}=${token}`, records, grossCents, kinds, withoutKey };
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** Rows of each sheet of the .xlsx at `file` (by sheet number), and the sum of "Consultas"' price column, streamed. */
async function readBack(file: string): Promise<{ rows: Record<number, number>; priceCents: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const rows: Record<number, number> = {};
  let priceCents = 0;
  for await (const sheet of reader) {
    const id = (sheet as unknown as { id: number }).id;
    let n = 0;
    for await (const row of sheet) {
      n += 1;
      const price = id === 2 ? row.getCell(6).value : null;
      if (typeof price === 'number') priceCents += Math.round(price * 100);
    }
    rows[id] = n;
  }
  return { rows, priceCents };
}

async function main(): Promise<void> {
  const month = addMonths(clinicMonthOf(new Date()), -1);
  const { database, drop } = await throwaway(engine, 'bench_closing', pgUrl ?? '');
  const db = createDb(database);
  const file = path.join(os.tmpdir(), `mc-bench-fechamento-${process.pid}.xlsx`);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  const out: Record<string, unknown> = { db: engine, month, doctors: DOCTORS, records_per_doctor: PER_DOCTOR, target_peak_rss_mb: TARGET_PEAK_RSS_MB };
  try {
    await migrateToLatest(db);
    // A bigger page cache for the load only (the server opens its own connection with the app's settings).
    if (engine === 'sqlite') await sql`pragma cache_size = -262144`.execute(db);
    const t0 = performance.now();
    const seeded = await seed(db, month);
    if (engine === 'postgres') await sql`vacuum analyze`.execute(db);
    out.seed_seconds = seconds(performance.now() - t0);
    out.records = seeded.records;
    log(
      `${engine}: seeded ${seeded.records} records of ${month} in ${String(out.seed_seconds)} s; kinds ${JSON.stringify(seeded.kinds)}; ${seeded.withoutKey} doctors without a PIX key`,
    );
    await db.destroy();

    server = await startServer(database);
    const { url: base, child } = server;
    const pid = child.pid!;
    const admin = seeded.adminCookie;

    resetPeak(pid);
    const t1 = performance.now();
    const closed = await request(base, '/api/closings', admin, { method: 'POST', json: { month } });
    if (closed.status !== 201) throw new Error(`closing: ${closed.status} ${closed.body.slice(0, 300)}`);
    out.close_seconds = seconds(performance.now() - t1);
    out.close_peak_rss_mb = memoryOf(pid).hwm;
    const payments = (JSON.parse(closed.body) as { payments: { id: string; pixKey: unknown }[] }).payments;
    out.payments = payments.length;
    log(`  closed in ${String(out.close_seconds)} s: ${payments.length} payments; server peak RSS ${String(out.close_peak_rss_mb)} MB`);
    // Some paid already, so the statuses (and their colours) vary as in a real month.
    const today = new Date().toISOString().slice(0, 10);
    let paid = 0;
    for (const p of payments.filter((x) => x.pixKey).slice(0, Math.floor(payments.length / 3))) {
      const res = await request(base, `/api/payments/${p.id}/confirm`, admin, { method: 'POST', json: { paidOn: today } });
      if (res.status !== 200) throw new Error(`confirm: ${res.status} ${res.body.slice(0, 300)}`);
      paid += 1;
    }
    out.paid = paid;

    const before = memoryOf(pid);
    resetPeak(pid);
    const t2 = performance.now();
    const xlsx = await request(base, `/api/closings/export?month=${month}&format=xlsx`, admin, { toFile: file });
    if (xlsx.status !== 200) throw new Error(`export: ${xlsx.status}`);
    const exportMs = performance.now() - t2;
    const after = memoryOf(pid);
    out.export_xlsx = {
      seconds: seconds(exportMs),
      bytes: xlsx.bytes,
      mb: Math.round(xlsx.bytes / 104_857.6) / 10,
      rows_per_second: Math.round(seeded.records / (exportMs / 1000)),
    };
    out.export_rss_before_mb = before.rss;
    out.export_peak_rss_mb = after.hwm;
    // What the export itself added over the idle server (mostly garbage V8 has not collected yet).
    out.export_added_rss_mb = Math.round((after.hwm - before.rss) * 10) / 10;
    log(`  xlsx: ${String((out.export_xlsx as { seconds: number }).seconds)} s, ${xlsx.bytes} bytes; server RSS ${before.rss} MB before, peak ${after.hwm} MB`);

    const t3 = performance.now();
    const csv = await request(base, `/api/closings/export?month=${month}&format=csv`, admin, { keepBody: false });
    if (csv.status !== 200) throw new Error(`csv export: ${csv.status}`);
    out.export_csv = { ms: Math.round(performance.now() - t3), bytes: csv.bytes, lines: csv.lines };

    if (verify) {
      const t4 = performance.now();
      const back = await readBack(file);
      const consultas = (back.rows[2] ?? 0) - 2; // header and totals
      const pagamentos = (back.rows[1] ?? 0) - 5; // 3 title rows, the header, totals (the blank row is not written)
      out.verified = {
        pagamentos_rows: pagamentos,
        consultas_rows: consultas,
        consultas_gross_matches: back.priceCents === seeded.grossCents,
        read_seconds: seconds(performance.now() - t4),
      };
      if (consultas !== seeded.records || pagamentos !== payments.length || back.priceCents !== seeded.grossCents) {
        throw new Error(
          `read back: ${JSON.stringify(out.verified)}; expected ${payments.length} payments, ${seeded.records} records, gross ${seeded.grossCents}`,
        );
      }
      log(`  read back: ${pagamentos} payments, ${consultas} consultations, prices sum to the month's gross`);
    }
    out.server_peak_rss_mb = memoryOf(pid).hwm;
    out.target_met = after.hwm < TARGET_PEAK_RSS_MB;
    log(
      out.target_met
        ? `target met: export peak RSS ${after.hwm} MB < ${TARGET_PEAK_RSS_MB} MB`
        : `MISSED TARGET: export peak RSS ${after.hwm} MB >= ${TARGET_PEAK_RSS_MB} MB`,
    );
    process.exitCode = out.target_met ? 0 : 1;
  } finally {
    await server?.stop();
    closeAgent();
    if (keep) log(`kept ${database.kind === 'sqlite' ? database.file : database.url} and ${file}`);
    else {
      fs.rmSync(file, { force: true });
      await drop();
    }
  }
  console.info(JSON.stringify(out));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
