import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Config } from '#server/config.ts';
import { type Db, createDb } from '#server/db/database.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { SESSION_COOKIE } from '#server/plugins/session.ts';
import { hashToken, newToken } from '#server/lib/tokens.ts';
import { clinicMonthOf } from '#shared/domain/clinic-month.ts';
import { splitFee } from '#shared/domain/money.ts';
import { userSearchText } from '#shared/domain/search-text.ts';
import {
  FIRST_NAMES as FIRST,
  LAST_NAMES as LAST,
  type Row,
  closeAgent,
  cpfOf,
  get,
  insertAll,
  insertRows,
  log,
  memoryOf,
  option,
  random,
  resetPeak,
  startServer,
  throwaway as throwawayOf,
} from './bench-kit';

/**
 * `npm run bench:billing`: billing dashboards, reports and export of a big clinic (issue 9).
 *
 * For each size (default 10,000 and 1,000,000 billing records) it seeds a throwaway database with
 * 500 doctors, 50,000 patients and that many finished consultations spread over the last three
 * years, each with its room (video) and its billing record (mostly billed; short calls under
 * review, rejected or approved; some voided; video, in person and by phone), by bulk multi-row
 * inserts in transactions, and reports the seed time. Then it starts the server in a child process
 * (bench/billing-server.ts, a real HTTP listener) and, with real session cookies of an admin and a
 * doctor, times 30 requests (after 3 unmeasured ones) of each endpoint the billing screens load:
 * the admin summary (this month and last), the admin and doctor dashboards, the doctor's own
 * summary, report pages (a month of one doctor, everything under review, the doctor's own month)
 * and, once the endpoint exists, the CSV export of last month, downloaded in full and thrown away.
 * The server's peak RSS during the exports is read from /proc/<pid>/status (VmHWM, reset through
 * clear_refs just before). The admin summary is also checked against a direct SUM over
 * billing_records.
 *
 * Targets at 1,000,000 records, for every endpoint but the export (which grows with the month):
 * p95 < 100 ms and p95 < 3× the 10,000-record p95. The export must stream: its peak RSS about the
 * same at both sizes.
 *
 * SQLite by default; `--pg` (or BENCH_PG=1) adds PostgreSQL, `--engines=postgres` (or
 * DATABASE_URL=postgres://…) runs it alone, on a fresh database on the server at BENCH_PG_URL,
 * else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres,
 * VACUUM ANALYZEd after the load as autovacuum soon would, dropped afterwards. Options:
 * --sizes=10000,1000000 --requests=30; --keep leaves the databases and writes, for each, a file to
 * pass to `--reuse=file,file` to time them again without seeding (on a busy machine, time both
 * sizes back to back when it is quiet). Progress goes to stderr; the last stdout line is one JSON
 * object.
 */

const TARGET_P95_MS = 100;
const TARGET_RATIO = 3;

const sizes = (option('sizes') ?? '10000,1000000').split(',').map(Number);
const requests = Number(option('requests') ?? 30);
const withPg = process.argv.includes('--pg') || process.env.BENCH_PG === '1';
// DATABASE_URL=postgres://… alone means PostgreSQL alone, as bench:closing-export reads it.
const engines = (option('engines') ?? (process.env.DATABASE_URL ? 'postgres' : withPg ? 'sqlite,postgres' : 'sqlite')).split(',') as ('sqlite' | 'postgres')[];
const keep = process.argv.includes('--keep');
const pgUrl = process.env.BENCH_PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DOCTORS = 500;
const PATIENTS = 50_000;
const YEARS = 3;
const CHUNK = 20_000;

const PRICES = [12_000, 15_000, 15_000, 18_000, 20_000, 25_000, 30_000];
const SHARES = [1_500, 2_000, 2_000, 2_500, 3_000, 1_250];

type Seeded = {
  adminCookie: string;
  doctorCookie: string;
  doctorId: string;
  doctorRecords: number;
  statuses: Record<string, number>;
  kinds: Record<string, number>;
};

/** The clinic, then `records` finished consultations with their rooms and billing records, oldest first. */
async function seed(db: Db, records: number): Promise<Seeded> {
  const rnd = random(9);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = 86_400_000;
  const HASH = '$argon2id$bench';
  const users: Row[] = [];
  const doctorProfiles: Row[] = [];
  const patientProfiles: Row[] = [];
  const links: Row[] = [];
  const doctorFees: Row[] = [];
  const sessions: Row[] = [];
  const sessionFor = (userId: string) => {
    const token = newToken();
    sessions.push({
      id: hashToken(token),
      user_id: userId,
      created_at: iso(now),
      last_seen_at: iso(now),
      expires_at: iso(now + day),
      ip: null,
      user_agent: 'bench',
    });
    return `${SESSION_COOKIE}=${token}`;
  };
  let seq = 0;
  const person = (role: 'admin' | 'doctor' | 'patient', title = '') => {
    seq += 1;
    const name = `${title}${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`;
    const email = `${role}.${seq}@bench.example.com`;
    const createdAt = iso(now - YEARS * 365 * day - Math.floor(rnd() * 90 * day));
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
  const doctorIds: string[] = [];
  const fees: { price: number; bps: number }[] = [];
  for (let i = 0; i < DOCTORS; i += 1) {
    const id = person('doctor', rnd() < 0.5 ? 'Dra. ' : 'Dr. ');
    doctorIds.push(id);
    doctorProfiles.push({
      user_id: id,
      crm_number: String(10_000 + i * 37),
      crm_uf: pick(['SP', 'RJ', 'MG', 'BA', 'PE']),
      rqe: null,
      specialty: pick(['Clínica médica', 'Cardiologia', 'Pediatria', 'Dermatologia']),
      phone: null,
      pix_key_type: null,
      pix_key: null,
      updated_at: iso(now),
    });
    const fee = { price: pick(PRICES), bps: pick(SHARES) };
    fees.push(fee);
    if (fee.price !== 15_000 || fee.bps !== 2_000)
      doctorFees.push({ doctor_id: id, price_cents: fee.price, clinic_bps: fee.bps, updated_at: iso(now), updated_by: adminId });
  }
  const patientIds: string[] = [];
  const patientDoctors: number[][] = [];
  for (let i = 0; i < PATIENTS; i += 1) {
    const id = person('patient');
    patientIds.push(id);
    patientProfiles.push({
      user_id: id,
      cpf: cpfOf(i + 1),
      birth_date: `19${50 + (i % 50)}-0${(i % 9) + 1}-1${i % 9}`,
      phone: `119${String(10_000_000 + i).slice(-8)}`,
      updated_at: iso(now),
    });
    // One doctor each, a second for three patients in ten.
    const mine = [i % DOCTORS];
    if (rnd() < 0.3) mine.push((i + 1 + Math.floor(rnd() * (DOCTORS - 1))) % DOCTORS);
    patientDoctors.push(mine);
    for (const d of mine) links.push({ doctor_id: doctorIds[d], patient_id: id, created_at: users[users.length - 1]!.created_at });
  }
  const adminCookie = sessionFor(adminId);
  const doctorCookie = sessionFor(doctorIds[0]!);
  await insertAll(db, 'users', users);
  await insertAll(db, 'doctor_profiles', doctorProfiles);
  await insertAll(db, 'patient_profiles', patientProfiles);
  await insertAll(db, 'doctor_patients', links);
  await insertAll(db, 'doctor_fees', doctorFees);
  await insertAll(db, 'sessions', sessions);

  // Consultations held in person or by phone have no room once the schema allows it (kind column).
  const consultationColumns = (await db.introspection.getTables()).find((t) => t.name === 'consultations')?.columns.map((c) => c.name) ?? [];
  const outsideWithoutRoom = consultationColumns.includes('kind');

  const statuses: Record<string, number> = { billed: 0, under_review: 0, rejected: 0, voided: 0 };
  const kinds: Record<string, number> = { video: 0, in_person: 0, phone: 0 };
  let doctorRecords = 0;
  const span = YEARS * 365 * day;
  const start = now - span;
  for (let from = 0; from < records; from += CHUNK) {
    const rooms: Row[] = [];
    const visits: Row[] = [];
    const bills: Row[] = [];
    for (let i = from; i < Math.min(from + CHUNK, records); i += 1) {
      const ended = Math.floor(start + ((i + rnd()) * (span - 3_600_000)) / records);
      const p = Math.floor(rnd() * PATIENTS);
      const d = pick(patientDoctors[p]!);
      if (d === 0) doctorRecords += 1;
      const k = rnd();
      const kind = k < 0.8 ? 'video' : k < 0.92 ? 'in_person' : 'phone';
      // About one video call in 16 is shorter than the 2-minute minimum: held for review.
      const short = kind === 'video' && rnd() < 0.06;
      const duration = short ? 20 + Math.floor(rnd() * 99) : 600 + Math.floor(rnd() * 1800);
      const started = ended - duration * 1000;
      let status = 'billed';
      let note: string | null = null;
      let decided = false;
      if (short) {
        // Recent ones still wait for the admin; older ones were approved or rejected.
        if (now - ended < 30 * day && rnd() < 0.85) status = 'under_review';
        else if (rnd() < 0.4) [status, note, decided] = ['rejected', 'Chamada sem atendimento', true];
        else decided = true;
      } else if (rnd() < 0.02) [status, note, decided] = ['voided', 'Consulta registrada em duplicidade', true];
      statuses[status] = (statuses[status] ?? 0) + 1;
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      const doctorId = doctorIds[d]!;
      const patientId = patientIds[p]!;
      let roomId: string | null = null;
      if (kind === 'video' || !outsideWithoutRoom) {
        roomId = randomUUID();
        rooms.push({
          id: roomId,
          code: `bench-${i}`,
          doctor_id: doctorId,
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
      const visit: Row = {
        id: consultationId,
        room_id: roomId,
        doctor_id: doctorId,
        patient_id: patientId,
        started_at: iso(started),
        ended_at: iso(ended),
        duration_seconds: duration,
        finalized_by: 'doctor',
        doctor_connected_at: video ? iso(started) : null,
        patient_connected_at: video ? iso(started) : null,
      };
      if (outsideWithoutRoom) Object.assign(visit, { kind, note: video ? null : 'Retorno' });
      visits.push(visit);
      const { price, bps } = fees[d]!;
      const split = splitFee(price, bps);
      bills.push({
        id: randomUUID(),
        consultation_id: consultationId,
        doctor_id: doctorId,
        patient_id: patientId,
        kind,
        finished_at: iso(ended),
        month: clinicMonthOf(new Date(ended)),
        duration_seconds: duration,
        price_cents: price,
        clinic_bps: bps,
        clinic_cents: split.platformCents,
        doctor_cents: split.doctorCents,
        status,
        fee_source: 'fees',
        note,
        decided_by: decided ? adminId : null,
        decided_at: decided ? iso(ended + day) : null,
        created_at: iso(ended),
      });
    }
    await db.transaction().execute(async (trx) => {
      await insertRows(trx as unknown as Db, 'rooms', rooms);
      await insertRows(trx as unknown as Db, 'consultations', visits);
      await insertRows(trx as unknown as Db, 'billing_records', bills);
    });
    if ((from / CHUNK) % 10 === 9) log(`  ${from + CHUNK} records`);
  }
  return { adminCookie, doctorCookie, doctorId: doctorIds[0]!, doctorRecords, statuses, kinds };
}

/** A throwaway database of the given engine; `drop` removes it. */
const throwaway = (engine: 'sqlite' | 'postgres') => throwawayOf(engine, 'bench_billing', pgUrl);

type Figures = { p50_ms: number; p95_ms: number };

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

type SummaryBody = {
  months: { month: string; consultations: number; grossCents: number; clinicCents: number; doctorCents: number; underReview: number }[];
  byDoctor: unknown[];
};

/** The admin summary must equal a direct sum over the records (the rollup, if any, is in step). */
async function checkSummary(db: Db, summary: SummaryBody): Promise<void> {
  const months = summary.months.map((m) => m.month);
  const rows = await db
    .selectFrom('billing_records')
    .select((eb) => [
      'month',
      eb.fn.count<string>('id').filterWhere('status', '=', 'billed').as('consultations'),
      eb.fn.sum<string>(eb.case().when('status', '=', 'billed').then(eb.ref('price_cents')).else(0).end()).as('gross'),
      eb.fn.sum<string>(eb.case().when('status', '=', 'billed').then(eb.ref('doctor_cents')).else(0).end()).as('doctor'),
      eb.fn.count<string>('id').filterWhere('status', '=', 'under_review').as('under_review'),
    ])
    .where('month', 'in', months)
    .groupBy('month')
    .execute();
  const direct = new Map(rows.map((r) => [r.month, [Number(r.consultations), Number(r.gross ?? 0), Number(r.doctor ?? 0), Number(r.under_review)].join('/')]));
  for (const m of summary.months) {
    const got = [m.consultations, m.grossCents, m.doctorCents, m.underReview].join('/');
    const want = direct.get(m.month) ?? '0/0/0/0';
    if (got !== want) throw new Error(`summary of ${m.month} is ${got}, a direct sum gives ${want}`);
  }
}

/** A database seeded by an earlier `--keep` run, described in the file `--reuse=` names. */
type Kept = { engine: 'sqlite' | 'postgres'; records: number; database: Config['database']; seedSeconds: number; seeded: Seeded };

async function run(engine: 'sqlite' | 'postgres', records: number, kept?: Kept) {
  const { database, drop } = kept ? { database: kept.database, drop: async () => {} } : await throwaway(engine);
  const db = createDb(database);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    let seeded: Seeded;
    let seedSeconds: number;
    if (kept) {
      ({ seeded, seedSeconds } = kept);
      log(`${engine} ${records}: reusing the database seeded in ${seedSeconds} s`);
    } else {
      await migrateToLatest(db);
      // A bigger page cache for the load only (the server opens its own connection with the app's settings).
      if (engine === 'sqlite') await sql`pragma cache_size = -262144`.execute(db);
      const started = performance.now();
      seeded = await seed(db, records);
      if (engine === 'postgres') await sql`vacuum analyze`.execute(db);
      seedSeconds = Math.round((performance.now() - started) / 100) / 10;
      log(
        `${engine} ${records}: seeded in ${seedSeconds} s; statuses ${JSON.stringify(seeded.statuses)}, kinds ${JSON.stringify(seeded.kinds)}; the doctor has ${seeded.doctorRecords}`,
      );
      if (keep) {
        // What a later run needs to time this database again without seeding it (the sessions last a day).
        const file = path.join(os.tmpdir(), `mc-bench-billing-${engine}-${records}-${process.pid}.json`);
        fs.writeFileSync(file, JSON.stringify({ engine, records, database, seedSeconds, seeded } satisfies Kept));
        log(`kept ${database.kind === 'sqlite' ? database.file : database.url}; time it again with --reuse=${file}`);
      }
    }
    if (engine === 'sqlite') await db.destroy();

    server = await startServer(database);
    const { url: base, child } = server;
    const thisMonth = clinicMonthOf(new Date());
    const lastMonth = shiftMonth(thisMonth, -1);
    const json = async (url: string, cookie: string) => {
      const res = await get(base, url, cookie);
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${res.body.slice(0, 200)}`);
      return JSON.parse(res.body) as unknown;
    };
    const admin = seeded.adminCookie;
    const doctor = seeded.doctorCookie;
    const endpoints: Record<string, [string, string]> = {
      admin_billing_summary: ['/api/billing/summary', admin],
      admin_billing_summary_last_month: [`/api/billing/summary?month=${lastMonth}`, admin],
      admin_dashboard: ['/api/dashboard', admin],
      doctor_billing_summary: ['/api/me/billing/summary', doctor],
      doctor_dashboard: ['/api/dashboard', doctor],
      admin_report_month_doctor: [`/api/billing?month=${lastMonth}&doctorId=${seeded.doctorId}`, admin],
      admin_report_under_review: ['/api/billing?status=under_review', admin],
      doctor_report_month: [`/api/me/billing?month=${lastMonth}`, doctor],
    };
    // The machine's 1-minute load average as the timings start: on a shared 2-core machine, a figure to read them by.
    const out: Record<string, unknown> = {
      seed_seconds: seedSeconds,
      records,
      statuses: seeded.statuses,
      doctor_records: seeded.doctorRecords,
      load_avg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
    };
    const summary = (await json(`/api/billing/summary?month=${lastMonth}`, admin)) as SummaryBody;
    const checkDb = engine === 'sqlite' ? createDb(database) : db;
    try {
      await checkSummary(checkDb, summary);
    } finally {
      if (engine === 'sqlite') await checkDb.destroy();
    }
    out.last_month = { ...summary.months.at(-1), doctors: summary.byDoctor.length };
    for (const [key, [url, cookie]] of Object.entries(endpoints)) {
      for (let i = 0; i < 3; i += 1) await json(url, cookie);
      const times: number[] = [];
      for (let i = 0; i < requests; i += 1) {
        const t0 = performance.now();
        await json(url, cookie);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      out[key] = { p50_ms: percentile(times, 50), p95_ms: percentile(times, 95) } satisfies Figures;
      log(`  ${key}: p50 ${percentile(times, 50)} ms, p95 ${percentile(times, 95)} ms`);
    }

    // The CSV export of last month, once the endpoint exists: full download, bytes dropped.
    const exportUrl = `/api/billing/export?format=csv&month=${lastMonth}`;
    const probe = await get(base, exportUrl, admin, false);
    if (probe.status === 200) {
      const pid = child.pid!;
      const before = memoryOf(pid);
      resetPeak(pid); // VmHWM starts again from the current RSS
      for (let i = 0; i < 3; i += 1) await get(base, exportUrl, admin, false);
      const times: number[] = [];
      let last = probe;
      for (let i = 0; i < requests; i += 1) {
        const t0 = performance.now();
        last = await get(base, exportUrl, admin, false);
        times.push(performance.now() - t0);
        if (last.status !== 200) throw new Error(`${exportUrl}: ${last.status}`);
      }
      times.sort((a, b) => a - b);
      const after = memoryOf(pid);
      out.export_csv_month = { p50_ms: percentile(times, 50), p95_ms: percentile(times, 95), bytes: last.bytes, lines: last.lines };
      out.export_rss_before_mb = before.rss;
      out.export_peak_rss_mb = after.hwm;
      log(
        `  export_csv_month: p50 ${percentile(times, 50)} ms, p95 ${percentile(times, 95)} ms, ${last.lines} lines, ${last.bytes} bytes; server RSS ${before.rss} MB before, peak ${after.hwm} MB`,
      );
    } else {
      log(`  export_csv_month: ${exportUrl} answers ${probe.status}; not measured`);
      out.export_csv_month = null;
      out.export_peak_rss_mb = null;
    }
    out.server_peak_rss_mb = memoryOf(child.pid!).hwm;
    return out;
  } finally {
    await server?.stop();
    if (engine === 'postgres') await db.destroy();
    if (!keep && !kept) await drop();
  }
}

async function main(): Promise<void> {
  const result: Record<string, unknown> = { target_p95_ms: TARGET_P95_MS, target_ratio: TARGET_RATIO, requests };
  const misses: string[] = [];
  const engineNames: string[] = [];
  const reused = (option('reuse') ?? '')
    .split(',')
    .filter(Boolean)
    .map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as Kept);
  for (const engine of reused.length ? [...new Set(reused.map((k) => k.engine))] : engines) {
    const runs: Record<number, Record<string, unknown>> = {};
    const plan = reused.length
      ? reused.filter((k) => k.engine === engine).map((k) => [k.records, k] as const)
      : sizes.map((size) => [size, undefined] as const);
    for (const [size, kept] of plan) {
      runs[size] = await run(engine, size, kept);
      result[`${engine}_${size}`] = runs[size];
    }
    const done = Object.keys(runs).map(Number);
    const small = Math.min(...done);
    const large = Math.max(...done);
    const ratios: Record<string, number> = {};
    for (const [key, f] of Object.entries(runs[large]!)) {
      if (!f || typeof f !== 'object' || !('p95_ms' in f) || key === 'export_csv_month') continue;
      const p95 = (f as Figures).p95_ms;
      if (large >= 1_000_000 && p95 >= TARGET_P95_MS) misses.push(`${engine} ${large} ${key} p95 ${p95} ms`);
      const base = runs[small]![key] as Figures | undefined;
      if (small < large && base) {
        ratios[key] = Math.round((p95 / base.p95_ms) * 100) / 100;
        if (large >= 1_000_000 && ratios[key] >= TARGET_RATIO)
          misses.push(`${engine} ${key} p95 ${p95} ms is ${ratios[key]}× the ${small}-record ${base.p95_ms} ms`);
      }
    }
    if (small < large) result[`${engine}_ratio_${large}_to_${small}`] = ratios;
    engineNames.push(engine);
  }
  result.db = engineNames.join(',');
  log(misses.length ? `MISSED TARGETS: ${misses.join('; ')}` : `all targets met (p95 < ${TARGET_P95_MS} ms and < ${TARGET_RATIO}× the small size)`);
  result.misses = misses;
  process.exitCode = misses.length ? 1 : 0;
  closeAgent();
  console.info(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
