import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import readline from 'node:readline';
import v8 from 'node:v8';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { type Db, createDb } from '#server/db/database.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { closeRedis, connectRedis } from '#server/lib/redis.ts';
import type { Database } from '#server/db/types.ts';
import { newRoomCode } from '#server/features/rooms/rooms.service.ts';
import { SESSION_COOKIE } from '#server/plugins/session.ts';
import { hashToken, newToken } from '#server/lib/tokens.ts';
import { userSearchText } from '#shared/domain/search-text.ts';
import { TCLE_VERSION } from '#shared/domain/tcle.ts';

/**
 * The server half of `bench/signaling.ts`, in its own process so its memory and CPU are measured
 * apart from the 2,000 client sockets. Speaks one JSON object per line: it prints
 * `{"url":…}` once listening, then answers commands read from stdin:
 *   {"cmd":"seed","pairs":N}  → {"pairs":[{code,doctorId,patientId,doctorCookie,patientCookie}…]}
 *   {"cmd":"rss"}             → {"rss":bytes,"heapUsed":bytes,"heapTotal":…,"external":…,"arrayBuffers":…,"cpuMs":ms} (after a full GC when --expose-gc, once RSS settled)
 *   {"cmd":"snapshot","file":path} → {"file":path} (a V8 heap snapshot written there)
 *   {"cmd":"cpu"}             → {"cpuMs":ms,"loopDelayP99Ms":ms} (CPU time so far; event-loop delay since the last ask)
 *   {"cmd":"exit"}            → closes the app, deletes its data and exits (so does closing stdin)
 * Everything else goes to stderr. With BENCH_DATABASE_URL and BENCH_REDIS_URL (`--nodes 2`) it is one
 * node in multi-node mode on that PostgreSQL database and Redis, as several such processes are.
 */

export type SeededPair = { code: string; doctorId: string; patientId: string; doctorCookie: string; patientCookie: string };

const BATCH = 200;

async function insertBatched<T extends keyof Database>(db: Db, table: T, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    // Rows are built to match the table; Kysely cannot check a table chosen at run time.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}

/** N doctors, each with one consenting patient, an open room where the patient is already admitted, and a session each. */
async function seed(db: Db, pairs: number): Promise<SeededPair[]> {
  const at = new Date().toISOString();
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  const users: Record<string, unknown>[] = [];
  const doctors: Record<string, unknown>[] = [];
  const patients: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  const consents: Record<string, unknown>[] = [];
  const rooms: Record<string, unknown>[] = [];
  const sessions: Record<string, unknown>[] = [];
  const out: SeededPair[] = [];
  const user = (id: string, role: 'doctor' | 'patient', i: number) => {
    const email = `bench-${role}-${i}@example.com`;
    const name = `${role === 'doctor' ? 'Dra. Bench' : 'Paciente Bench'} ${i}`;
    return {
      id,
      email,
      name,
      role,
      status: 'active',
      password_hash: null,
      photo_version: null,
      created_at: at,
      updated_at: at,
      search_text: userSearchText({ name, email }),
    };
  };
  const session = (userId: string) => {
    const token = newToken();
    sessions.push({ id: hashToken(token), user_id: userId, created_at: at, last_seen_at: at, expires_at: expires, ip: null, user_agent: 'bench' });
    return `${SESSION_COOKIE}=${token}`;
  };
  for (let i = 0; i < pairs; i += 1) {
    const doctorId = randomUUID();
    const patientId = randomUUID();
    const code = newRoomCode();
    users.push(user(doctorId, 'doctor', i), user(patientId, 'patient', i));
    doctors.push({
      user_id: doctorId,
      crm_number: String(100_000 + i),
      crm_uf: 'SP',
      rqe: null,
      specialty: 'Clínica médica',
      phone: null,
      pix_key_type: null,
      pix_key: null,
      updated_at: at,
    });
    patients.push({ user_id: patientId, cpf: null, birth_date: null, phone: null, updated_at: at });
    links.push({ doctor_id: doctorId, patient_id: patientId, created_at: at });
    consents.push({ id: randomUUID(), patient_id: patientId, version: TCLE_VERSION, accepted_at: at, ip: null, user_agent: 'bench' });
    rooms.push({
      id: randomUUID(),
      code,
      doctor_id: doctorId,
      patient_id: patientId,
      status: 'open',
      reason: 'Benchmark',
      scheduled_at: null,
      admitted_at: at,
      last_activity_at: at,
      created_at: at,
      closed_at: null,
    });
    out.push({ code, doctorId, patientId, doctorCookie: session(doctorId), patientCookie: session(patientId) });
  }
  await insertBatched(db, 'users', users);
  await insertBatched(db, 'doctor_profiles', doctors);
  await insertBatched(db, 'patient_profiles', patients);
  await insertBatched(db, 'doctor_patients', links);
  await insertBatched(db, 'consents', consents);
  await insertBatched(db, 'rooms', rooms);
  await insertBatched(db, 'sessions', sessions);
  return out;
}

export type MemoryFigures = { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number; cpuMs: number };

/**
 * Memory after a full GC, once the resident size has settled: V8 hands the pages a GC freed back
 * to the system from a background thread, so right after `gc()` the RSS still holds them (15–18 MB
 * more per node after the join burst, measured). Waits until it moves less than 256 KB in 600 ms,
 * 5 s at most.
 */
async function memory(): Promise<MemoryFigures> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  let last = process.memoryUsage.rss();
  for (let waited = 0, still = 0; waited < 5000 && still < 600; waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = process.memoryUsage.rss();
    still = Math.abs(now - last) < 256 * 1024 ? still + 200 : 0;
    last = now;
  }
  const m = process.memoryUsage();
  const cpu = process.cpuUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-bench-signaling-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    WEB_DIST_DIR: path.join(dataDir, 'no-web'),
    ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
    ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL } : {}),
    // The shipped limits (SOCKET_EVENTS_PER_10S, SOCKETS_PER_SESSION, CHAT_MESSAGES_PER_ROOM):
    // a real call sends far fewer events, and the flood round measures what they protect.
  });
  const db = createDb(config.database);
  await migrateToLatest(db);
  const redis = config.redis ? await connectRedis(config.redis.url) : undefined;
  const app = await buildApp(config, { db, redis, logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  if (!(globalThis as { gc?: unknown }).gc) console.error('[server] no --expose-gc: RSS is measured without a forced GC');

  let closing: Promise<void> | undefined;
  const shutdown = () => {
    closing ??= (async () => {
      await app.close();
      await db.destroy();
      if (redis) await closeRedis(redis);
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    })();
    return closing;
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const reply = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('close', () => void shutdown());
  lines.on('line', (line) => {
    const cmd = JSON.parse(line) as { cmd: string; pairs?: number; file?: string };
    const run = async () => {
      if (cmd.cmd === 'seed') return reply({ pairs: await seed(db, cmd.pairs ?? 1) });
      if (cmd.cmd === 'rss') return reply(await memory());
      if (cmd.cmd === 'snapshot' && cmd.file) return reply({ file: v8.writeHeapSnapshot(cmd.file) });
      if (cmd.cmd === 'cpu') {
        const cpu = process.cpuUsage();
        const loopDelayP99Ms = loop.percentile(99) / 1e6;
        loop.reset();
        return reply({ cpuMs: (cpu.user + cpu.system) / 1000, loopDelayP99Ms });
      }
      if (cmd.cmd === 'exit') return shutdown();
      return reply({ error: `unknown command ${cmd.cmd}` });
    };
    run().catch((error: unknown) => {
      console.error('[server]', error);
      reply({ error: String(error) });
    });
  });
  reply({ url });
}

main().catch((error: unknown) => {
  console.error('[server] failed to start:', error);
  process.exit(1);
});
