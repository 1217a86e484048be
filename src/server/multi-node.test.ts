import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { PASSWORD, createDoctor, createPatient } from '#tests/helpers/factories.ts';
import { type ServerProcess, type TestNode, addressOf, createPgDatabase, freePort, spawnServer, startNode, throwawayRedis } from '#tests/helpers/nodes.ts';
import { TEST_REDIS_URL, postgresAvailable, redisAvailable, redisServerAvailable } from '#tests/helpers/requirements.ts';
import { type ClientSocket, connectSocket, request } from '#tests/helpers/sockets.ts';
import { TCLE_VERSION } from '#shared/domain/tcle.ts';
import { startBackgroundJobs } from './background-jobs';
import { listBackups } from './features/backups/backup.service';
import { startDailyBackups } from './features/backups/daily-backups';
import { createDb } from './db/database';
import { withLease } from './db/lease';
import { MIGRATION_NAMES, migrateToLatest } from './db/migrate';

const WHAT = 'multi-node tests (PostgreSQL and Redis)';
const services = (await postgresAvailable(WHAT)) && (await redisAvailable(WHAT));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => console.warn('cleanup failed', e));
});

type Started = ServerProcess;

/** `node src/server/main.ts` with this environment, stopped when the file ends. */
function startServer(env: Record<string, string>): Started {
  const server = spawnServer(env);
  cleanups.push(server.stop);
  return server;
}

const linesOf = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

describe('the server process', () => {
  it('refuses REDIS_URL on SQLite, in one line', async () => {
    const server = startServer({ REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(await server.exit).toBe(1);
    expect(linesOf(server.out())).toEqual([expect.stringMatching(/^Invalid environment variable REDIS_URL: .*DATABASE_URL/)]);
  }, 30_000);

  it('stops with a one-line error when Redis does not answer', async () => {
    const port = await freePort();
    const server = startServer({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/never_reached', REDIS_URL: `redis://:secret@127.0.0.1:${port}` });
    expect(await server.exit).toBe(1);
    const lines = linesOf(server.out());
    expect(lines).toEqual([expect.stringContaining(`Redis does not answer at redis://127.0.0.1:${port}`)]);
    expect(lines[0]).not.toContain('secret');
  }, 30_000);

  it('on SIGTERM finishes a request in flight, refuses new connections, and exits within 10 s even with a request that never completes', async () => {
    const server = startServer({});
    const address = new URL(await addressOf(server));
    /** A POST whose body arrives slowly: in flight from its headers until its last byte. */
    const slowPost = () => {
      const req = http.request({
        host: address.hostname,
        port: address.port,
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json', 'content-length': '60', origin: address.origin },
      });
      const answered = new Promise<number | string>((resolve) => {
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      });
      req.write('{"email":"alguem@example.com",');
      return { req, answered };
    };
    const finishing = slowPost();
    const hanging = slowPost();
    await sleep(300);
    const started = Date.now();
    server.child.kill('SIGTERM');
    await sleep(300);
    // New connections are refused at once.
    expect(
      await fetch(new URL('/healthz', address)).then(
        () => 'answered',
        () => 'refused',
      ),
    ).toBe('refused');
    // The request in flight gets its answer (a 401: the point is that it is answered).
    finishing.req.end('"password":"senha-errada-123"}');
    expect(await finishing.answered).toBe(401);
    // The one that never completes is cut, and the process still ends in time, cleanly.
    expect(await server.exit).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_500);
    expect(await hanging.answered).toBe('ECONNRESET');
  }, 40_000);
});

describe.skipIf(!services)('several nodes on one PostgreSQL database', () => {
  it('migrate once when they start at the same moment on an empty database', async () => {
    const { url, drop } = await createPgDatabase();
    cleanups.push(drop);
    const a = createDb({ kind: 'postgres', url });
    const b = createDb({ kind: 'postgres', url });
    try {
      const [ranA, ranB] = await Promise.all([migrateToLatest(a), migrateToLatest(b)]);
      // Kysely's advisory lock covers the whole run: one node ran every migration, the other none.
      expect([...ranA, ...ranB].sort()).toEqual([...MIGRATION_NAMES]);
      expect([ranA.length, ranB.length].sort((x, y) => x - y)).toEqual([0, MIGRATION_NAMES.length]);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(a);
      expect(rows[0]!.n).toBe(MIGRATION_NAMES.length);
    } finally {
      await a.destroy();
      await b.destroy();
    }
  });

  it('two server processes started together on an empty database both come up, ready, with one admin; SIGTERM ends each cleanly', async () => {
    const { url, drop } = await createPgDatabase();
    cleanups.push(drop);
    const env = { DATABASE_URL: url, REDIS_URL: TEST_REDIS_URL };
    const servers = [startServer(env), startServer(env)];
    const addresses = await Promise.all(servers.map((s) => addressOf(s)));
    for (const address of addresses) {
      const ready = await fetch(`${address}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', migrations: 'ok', redis: 'ok' });
      expect((await fetch(`${address}/healthz`)).status).toBe(200);
    }
    const db = createDb({ kind: 'postgres', url });
    try {
      expect(await db.selectFrom('users').select('email').where('role', '=', 'admin').execute()).toHaveLength(1);
    } finally {
      await db.destroy();
    }
    const startedAt = Date.now();
    for (const s of servers) s.child.kill('SIGTERM');
    expect(await Promise.all(servers.map((s) => s.exit))).toEqual([0, 0]);
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    for (const s of servers) expect(s.out()).not.toMatch(/"level":(50|60)/);
  }, 90_000);

  it('run a leased job on one node at a time, each job on its own lease', async () => {
    const { url, drop } = await createPgDatabase();
    cleanups.push(drop);
    const a = createDb({ kind: 'postgres', url });
    const b = createDb({ kind: 'postgres', url });
    try {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let runs = 0;
      const slow = async () => {
        runs += 1;
        await gate;
      };
      const first = withLease(a, 'room-sweep', slow);
      await sleep(200);
      // Node B, meanwhile: the same job is skipped, another job runs.
      expect(await withLease(b, 'room-sweep', slow)).toBe(false);
      expect(await withLease(b, 'daily-backup', async () => undefined)).toBe(true);
      release();
      expect(await first).toBe(true);
      expect(runs).toBe(1);
      // Once the holder is done, any node takes it.
      expect(await withLease(b, 'room-sweep', async () => undefined)).toBe(true);
      // A job that throws gives the lease back.
      await expect(withLease(a, 'room-sweep', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await withLease(b, 'room-sweep', async () => undefined)).toBe(true);
    } finally {
      await a.destroy();
      await b.destroy();
    }
  });

  it('make one daily backup between them, into the shared BACKUP_DIR', async () => {
    const { url, drop } = await createPgDatabase({ migrate: true });
    cleanups.push(drop);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-shared-backups-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const env = { BACKUP_DIR: dir, BACKUP_DAILY: '1' };
    const a = await startNode(url, TEST_REDIS_URL, env);
    cleanups.push(() => a.close());
    const b = await startNode(url, TEST_REDIS_URL, env);
    cleanups.push(() => b.close());
    const dailies = async () => (await listBackups(a.config)).filter((m) => m.trigger === 'daily').length;
    // Both nodes start their daily check at the same moment, as after a deploy.
    const stops = [startDailyBackups(a.app), startDailyBackups(b.app)];
    try {
      await expect.poll(dailies, { timeout: 30_000, interval: 200 }).toBe(1);
      await sleep(1_000);
      // A node started later finds today's backup and makes none.
      stops.push(startDailyBackups(b.app));
      await sleep(1_500);
      expect(await dailies()).toBe(1);
    } finally {
      for (const stop of stops) stop();
    }
  }, 60_000);

  it('finalize an idle room once, and never end the call another node is serving', async () => {
    const { url, drop } = await createPgDatabase({ migrate: true });
    cleanups.push(drop);
    // ROOM_IDLE_MINUTES 0.05 = 3 s, so each node sweeps every second.
    const env = { ROOM_IDLE_MINUTES: '0.05', ROOM_RECONNECT_GRACE_SECONDS: '0.5', LOGIN_IP_LIMIT_PER_MINUTE: '10000' };
    const a = await startNode(url, TEST_REDIS_URL, env);
    cleanups.push(() => a.close());
    const b = await startNode(url, TEST_REDIS_URL, env);
    cleanups.push(() => b.close());
    await a.listen();

    // Node A serves a call; another call on node A is abandoned by both people.
    const served = await liveCall(a);
    const closedSeen: string[] = [];
    for (const s of [served.doctorSocket, served.patientSocket]) s.on('room:closed', ({ code }) => closedSeen.push(code));
    const abandoned = await liveCall(a);
    abandoned.doctorSocket.close();
    abandoned.patientSocket.close();

    const stops = [startBackgroundJobs(a.app), startBackgroundJobs(b.app)];
    try {
      await expect.poll(() => consultationOf(a, abandoned.code).then((c) => c?.status), { timeout: 15_000, interval: 200 }).toBe('finished');
      // Well past the idle time with both nodes sweeping: the served call stays.
      await sleep(4_500);
    } finally {
      await Promise.all(stops.map((stop) => stop()));
    }

    const ended = (await consultationOf(a, abandoned.code))!;
    expect(ended).toMatchObject({ status: 'finished', finalized_by: 'auto' });
    const finishedAudits = await a.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'consultation.finished')
      .where('entity_id', '=', ended.id)
      .execute();
    expect(finishedAudits).toHaveLength(1);
    expect(await a.db.selectFrom('billing_records').select('id').where('consultation_id', '=', ended.id).execute()).toHaveLength(1);

    const kept = (await consultationOf(a, served.code))!;
    expect(kept).toMatchObject({ status: 'open', ended_at: null, finalized_by: null });
    expect(await a.db.selectFrom('rooms').select('status').where('code', '=', served.code).executeTakeFirstOrThrow()).toEqual({ status: 'open' });
    expect(closedSeen).toEqual([]);
    expect(await a.db.selectFrom('billing_records').select('id').execute()).toHaveLength(1);
  }, 60_000);
});

describe.skipIf(!services || !redisServerAvailable(WHAT))('/readyz in multi-node mode', () => {
  it('fails while Redis is lost, and recovers when it is back', async () => {
    const { url, drop } = await createPgDatabase({ migrate: true });
    cleanups.push(drop);
    const redis = await throwawayRedis();
    cleanups.push(redis.stop);
    const node = await startNode(url, redis.url);
    cleanups.push(() => node.close());
    const readyz = async () => {
      const res = await node.app.inject({ method: 'GET', url: '/readyz' });
      return { status: res.statusCode, body: res.json() as Record<string, string> };
    };
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready', database: 'ok', migrations: 'ok', redis: 'ok' } });

    await redis.stop();
    await expect
      .poll(readyz, { timeout: 5_000, interval: 100 })
      .toEqual({ status: 503, body: { status: 'not_ready', database: 'ok', migrations: 'ok', redis: 'down' } });
    // /healthz is about the process only: a load balancer must not restart nodes for Redis.
    expect((await node.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    await redis.start();
    await expect
      .poll(readyz, { timeout: 10_000, interval: 200 })
      .toEqual({ status: 200, body: { status: 'ready', database: 'ok', migrations: 'ok', redis: 'ok' } });
  }, 40_000);
});

const ORIGIN = 'http://localhost:80';

async function inject(node: TestNode, opts: InjectOptions & { cookie?: string }) {
  const { cookie, headers, ...rest } = opts;
  return node.app.inject({ ...rest, headers: { origin: ORIGIN, host: 'localhost:80', ...(cookie ? { cookie } : {}), ...headers } });
}

async function loginOn(node: TestNode, email: string): Promise<string> {
  const res = await inject(node, { method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'mc_session');
  return `mc_session=${cookie!.value}`;
}

/** A doctor and a consenting patient in a call on this node: joined, admitted, media connected. */
async function liveCall(node: TestNode): Promise<{ code: string; doctorSocket: ClientSocket; patientSocket: ClientSocket }> {
  const doctor = await createDoctor(node.db);
  const patient = await createPatient(node.db, { doctors: [doctor] });
  const doctorCookie = await loginOn(node, doctor.email);
  const patientCookie = await loginOn(node, patient.email);
  const room = await inject(node, { method: 'POST', url: '/api/rooms', cookie: doctorCookie, payload: { patientId: patient.id, reason: 'Retorno' } });
  expect(room.statusCode).toBe(201);
  const code = room.json().code as string;
  expect((await inject(node, { method: 'POST', url: '/api/consent', cookie: patientCookie, payload: { version: TCLE_VERSION } })).statusCode).toBe(200);
  const doctorSocket = await connectSocket(node.url!, doctorCookie);
  const patientSocket = await connectSocket(node.url!, patientCookie);
  cleanups.push(async () => {
    doctorSocket.close();
    patientSocket.close();
  });
  const callStarted = new Promise((resolve) => patientSocket.once('call:start', resolve));
  expect(await request(doctorSocket, 'room:join', { code })).toMatchObject({ ok: true });
  expect(await request(patientSocket, 'room:join', { code })).toMatchObject({ ok: true });
  expect(await request(doctorSocket, 'room:admit', { code })).toMatchObject({ ok: true });
  await callStarted;
  expect(await request(doctorSocket, 'call:connected', { code })).toMatchObject({ ok: true });
  expect(await request(patientSocket, 'call:connected', { code })).toMatchObject({ ok: true });
  return { code, doctorSocket, patientSocket };
}

async function consultationOf(node: TestNode, code: string) {
  return node.db
    .selectFrom('consultations')
    .innerJoin('rooms', 'rooms.id', 'consultations.room_id')
    .select(['consultations.id', 'rooms.status', 'consultations.finalized_by', 'consultations.ended_at'])
    .where('rooms.code', '=', code)
    .executeTakeFirst();
}
