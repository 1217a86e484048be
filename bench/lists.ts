import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { type Db, createDb } from '#server/db/database.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import type { Database } from '#server/db/types.ts';
import { SESSION_COOKIE } from '#server/plugins/session.ts';
import { hashToken, newToken } from '#server/lib/tokens.ts';
import { userSearchText } from '#shared/domain/search-text.ts';
import { option, throwaway } from './bench-kit';

/**
 * `npm run bench:lists`: the lists and dashboards of a big clinic. For each size (default 1,000
 * and 100,000 patients, with 200 doctors and 5 consultations per patient, so 500,000 at the large
 * size) it seeds a throwaway database with bulk multi-row inserts, builds the app (buildApp +
 * inject, no network) and times 30 requests (after 3 unmeasured ones) of: admin dashboard, admin
 * user list (first page and the last page), admin search `q=silva`, the patient list of the
 * doctor with most patients, and that doctor's dashboard.
 *
 * SQLite always; PostgreSQL too with `--pg` or BENCH_PG=1 (a fresh database on
 * BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres, dropped afterwards; VACUUM
 * ANALYZEd after the load, as autovacuum would soon do). Options: --sizes=1000,100000
 * --requests=30; --keep leaves the databases in place (paths printed) to look at query plans.
 * Progress goes to stderr; the last stdout line is one JSON object.
 */

const TARGET_P95_MS = 50;

const sizes = (option('sizes') ?? '1000,100000').split(',').map(Number);
const requests = Number(option('requests') ?? 30);
const withPg = process.argv.includes('--pg') || process.env.BENCH_PG === '1';
const keep = process.argv.includes('--keep');
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DOCTORS = 200;
const CONSULTATIONS_PER_PATIENT = 5;
const BATCH = 1000;

const log = (...args: unknown[]) => console.error('[bench]', ...args);

// A fixed-seed generator, so every run seeds the same names.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Maria',
  'José',
  'João',
  'Ana',
  'Antônio',
  'Francisco',
  'Carlos',
  'Paulo',
  'Pedro',
  'Lucas',
  'Luíz',
  'Marcos',
  'Luís',
  'Gabriel',
  'Rafael',
  'Márcia',
  'Conceição',
  'Fátima',
  'Aparecida',
  'Juliana',
  'Patrícia',
  'Sebastião',
  'Letícia',
  'Cecília',
  'Júlia',
  'Vitória',
  'Beatriz',
  'Camila',
  'Amanda',
  'Bruna',
  'Jéssica',
  'Fernanda',
  'Mônica',
  'Raimundo',
  'André',
  'Fábio',
  'Vinícius',
  'Otávio',
  'Thaís',
  'Inês',
];
// Silva is listed four times: about one Brazilian in seven carries it, and it is the search measured.
const LAST = [
  'Silva',
  'Silva',
  'Silva',
  'Silva',
  'Santos',
  'Oliveira',
  'Souza',
  'Rodrigues',
  'Ferreira',
  'Alves',
  'Pereira',
  'Lima',
  'Gomes',
  'Costa',
  'Ribeiro',
  'Martins',
  'Carvalho',
  'Araújo',
  'Gonçalves',
  'Rocha',
  'Melo',
  'Barbosa',
  'Cardoso',
  'Silveira',
  'Nascimento',
  'Moreira',
  'Sá',
  'Conceição',
  'Magalhães',
  'Brandão',
  'Falcão',
  'Patrício',
  'Simões',
  'Guimarães',
  'Assunção',
  'Azevedo',
  'Teixeira',
  'Correia',
  'Mendes',
  'Nogueira',
  'Lopes',
  'Freitas',
];
const DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.br', 'uol.com.br', 'bol.com.br'];

const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A valid CPF (check digits) for a sequence number, so each patient has a distinct one. */
function cpfOf(n: number): string {
  const base = String(100_000_000 + n).slice(-9);
  const digit = (s: string) => {
    let sum = 0;
    for (let i = 0; i < s.length; i += 1) sum += Number(s[i]) * (s.length + 1 - i);
    const r = (sum * 10) % 11;
    return String(r === 10 ? 0 : r);
  };
  const d1 = digit(base);
  return base + d1 + digit(base + d1);
}

type Row = Record<string, unknown>;

async function insertAll(db: Db, table: keyof Database, rows: Row[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Rows are built to match the table; Kysely cannot check a table chosen at run time.
    for (let i = 0; i < rows.length; i += BATCH)
      await trx
        .insertInto(table)
        .values(rows.slice(i, i + BATCH) as never)
        .execute();
  });
}

type Seeded = { adminCookie: string; doctorCookie: string; doctorPatients: number; users: number; consultations: number };

/** The clinic: 1 admin, 200 doctors, N patients (1–2 doctors each), 5 consultations per patient, one invite per person. */
async function seed(db: Db, patients: number): Promise<Seeded> {
  const rnd = random(42);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = 86_400_000;
  const users: Row[] = [];
  const doctorProfiles: Row[] = [];
  const patientProfiles: Row[] = [];
  const links: Row[] = [];
  const invites: Row[] = [];
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
  // Any non-null hash marks an activated account; nobody logs in with a password here.
  const HASH = '$argon2id$bench';
  let seq = 0;
  const person = (role: 'admin' | 'doctor' | 'patient', title = '') => {
    seq += 1;
    const first = pick(FIRST);
    const last = [pick(LAST), pick(LAST)];
    const name = `${title}${first} ${last.join(' ')}`;
    const createdAt = iso(now - Math.floor(rnd() * 720 * day));
    // 90% accepted their invite; the rest have one pending or expired.
    const state = rnd();
    const activated = role !== 'patient' || state < 0.9;
    const id = randomUUID();
    const email = `${plain(first)}.${plain(last[1]!).replace(/\s/g, '')}.${seq}@${pick(DOMAINS)}`;
    users.push({
      id,
      email,
      name,
      search_text: userSearchText({ name, email }),
      role,
      status: rnd() < 0.05 ? 'inactive' : 'active',
      password_hash: activated ? HASH : null,
      photo_version: null,
      created_at: createdAt,
      updated_at: createdAt,
    });
    invites.push({
      id: randomUUID(),
      token_hash: `bench-${seq}`,
      user_id: id,
      created_by: null,
      created_at: createdAt,
      expires_at: activated || state < 0.95 ? iso(now + 7 * day) : iso(now - day),
      used_at: activated ? createdAt : null,
      revoked_at: null,
    });
    return id;
  };
  const adminId = person('admin');
  users[0]!.status = 'active';
  const doctorIds: string[] = [];
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
  }
  users[doctorIds.length]!.status = 'active';
  const patientDoctors: string[][] = [];
  for (let i = 0; i < patients; i += 1) {
    const id = person('patient');
    patientProfiles.push({
      user_id: id,
      cpf: cpfOf(i + 1),
      birth_date: `19${50 + (i % 50)}-0${(i % 9) + 1}-1${i % 9}`,
      phone: `119${String(10_000_000 + i).slice(-8)}`,
      updated_at: iso(now),
    });
    // One doctor each, and a second for three patients in ten: ~650 patients per doctor at 100,000.
    const mine = [doctorIds[i % DOCTORS]!];
    if (rnd() < 0.3) mine.push(doctorIds[(i + 1 + Math.floor(rnd() * (DOCTORS - 1))) % DOCTORS]!);
    patientDoctors.push(mine);
    for (const d of mine) links.push({ doctor_id: d, patient_id: id, created_at: users[users.length - 1]!.created_at });
  }
  const adminCookie = sessionFor(adminId);
  const doctorCookie = sessionFor(doctorIds[0]!);

  await insertAll(db, 'users', users);
  await insertAll(db, 'doctor_profiles', doctorProfiles);
  await insertAll(db, 'patient_profiles', patientProfiles);
  await insertAll(db, 'doctor_patients', links);
  await insertAll(db, 'invites', invites);
  await insertAll(db, 'sessions', sessions);

  // Consultations in chunks so the row objects never all sit in memory at once.
  const patientIds = users.filter((u) => u.role === 'patient').map((u) => u.id as string);
  let consultations = 0;
  for (let from = 0; from < patientIds.length; from += 10_000) {
    const rooms: Row[] = [];
    const visits: Row[] = [];
    for (let i = from; i < Math.min(from + 10_000, patientIds.length); i += 1) {
      for (let k = 0; k < CONSULTATIONS_PER_PATIENT; k += 1) {
        const roomId = randomUUID();
        const started = now - Math.floor(rnd() * 720 * day);
        const doctorId = pick(patientDoctors[i]!);
        rooms.push({
          id: roomId,
          code: `bench-${i}-${k}`,
          doctor_id: doctorId,
          patient_id: patientIds[i],
          status: 'finished',
          reason: null,
          scheduled_at: null,
          admitted_at: iso(started),
          last_activity_at: iso(started + 1_200_000),
          created_at: iso(started),
          closed_at: iso(started + 1_200_000),
        });
        visits.push({
          id: randomUUID(),
          room_id: roomId,
          doctor_id: doctorId,
          patient_id: patientIds[i],
          started_at: iso(started),
          ended_at: iso(started + 1_200_000),
          duration_seconds: 1200,
          finalized_by: 'doctor',
        });
      }
    }
    await insertAll(db, 'rooms', rooms);
    await insertAll(db, 'consultations', visits);
    consultations += visits.length;
  }
  return { adminCookie, doctorCookie, doctorPatients: links.filter((l) => l.doctor_id === doctorIds[0]).length, users: users.length, consultations };
}

type Figures = { p50_ms: number; p95_ms: number };

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

async function run(engine: 'sqlite' | 'postgres', patients: number) {
  const { database, drop } = await throwaway(engine, 'bench_lists', pgUrl);
  const db = createDb(database);
  try {
    await migrateToLatest(db);
    const started = performance.now();
    const seeded = await seed(db, patients);
    // What autovacuum does soon after a bulk load (PostgreSQL 13+ vacuums after inserts too): statistics and the visibility map.
    if (engine === 'postgres') await sql`vacuum analyze`.execute(db);
    const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
    log(
      `${engine} ${patients} patients: seeded ${seeded.users} users and ${seeded.consultations} consultations in ${seedSeconds} s; doctor has ${seeded.doctorPatients} patients`,
    );

    const config = {
      ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir(), WEB_DIST_DIR: path.join(os.tmpdir(), 'mc-no-web') }),
      database,
    };
    const app = await buildApp(config, { db, logger: false });
    await app.ready();
    try {
      const get = async (url: string, cookie: string) => {
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        return res.json() as { total?: number; items?: unknown[] };
      };
      const first = await get('/api/users?page=1&pageSize=20', seeded.adminCookie);
      const lastPage = Math.max(1, Math.ceil((first.total ?? 0) / 20));
      const endpoints: Record<string, [string, string]> = {
        admin_dashboard: ['/api/dashboard', seeded.adminCookie],
        admin_users_first_page: ['/api/users?page=1&pageSize=20', seeded.adminCookie],
        admin_users_last_page: [`/api/users?page=${lastPage}&pageSize=20`, seeded.adminCookie],
        admin_search_silva: ['/api/users?q=silva&page=1&pageSize=20', seeded.adminCookie],
        doctor_patients: ['/api/patients?page=1&pageSize=20', seeded.doctorCookie],
        doctor_dashboard: ['/api/dashboard', seeded.doctorCookie],
      };
      const out: Record<string, Figures | number> = { seed_s: seedSeconds, doctor_patients_count: seeded.doctorPatients };
      for (const [key, [url, cookie]] of Object.entries(endpoints)) {
        for (let i = 0; i < 3; i += 1) await get(url, cookie);
        const times: number[] = [];
        for (let i = 0; i < requests; i += 1) {
          const t0 = performance.now();
          const body = await get(url, cookie);
          times.push(performance.now() - t0);
          if (i === 0 && key === 'admin_search_silva') out.search_silva_total = body.total ?? -1;
        }
        times.sort((a, b) => a - b);
        out[key] = { p50_ms: percentile(times, 50), p95_ms: percentile(times, 95) };
        log(`  ${key}: p50 ${(out[key] as Figures).p50_ms} ms, p95 ${(out[key] as Figures).p95_ms} ms`);
      }
      return out;
    } finally {
      await app.close();
    }
  } finally {
    await db.destroy();
    if (keep) log(`kept ${database.kind === 'sqlite' ? database.file : database.url}`);
    else await drop();
  }
}

async function main(): Promise<void> {
  const result: Record<string, Record<string, unknown>> = {};
  const misses: string[] = [];
  for (const engine of withPg ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
    for (const size of sizes) {
      const figures = await run(engine, size);
      result[`${engine}_${size}`] = figures;
      if (size >= 100_000) {
        for (const [key, f] of Object.entries(figures)) {
          if (typeof f === 'object' && f.p95_ms >= TARGET_P95_MS) misses.push(`${engine} ${size} ${key} p95 ${f.p95_ms} ms`);
        }
      }
    }
  }
  log(
    misses.length
      ? `MISSED TARGETS (p95 < ${TARGET_P95_MS} ms at 100,000 patients): ${misses.join('; ')}`
      : `all p95 under ${TARGET_P95_MS} ms at 100,000 patients`,
  );
  process.exitCode = misses.length ? 1 : 0;
  console.info(JSON.stringify({ target_p95_ms: TARGET_P95_MS, requests, ...result }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
