import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billedCall } from '#tests/helpers/billing.ts';
import { PASSWORD, createAdmin, login } from '#tests/helpers/factories.ts';
import { signedInPeople } from '#tests/helpers/people.ts';
import { connectSocket, nextEvent } from '#tests/helpers/sockets.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { type Db, createDb } from '#server/db/database.ts';
import { restoreBackup } from '#server/features/backups/restore.service.ts';
import { verifySqliteCopy } from '#server/features/backups/sqlite-backup.ts';
import { ERASED_TABLES, KEPT_TABLES, countRows } from './reset.repository';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-reset-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A checksum of a sample of the data: every user and billing record, in a fixed order. */
async function sampleChecksum(db: Db): Promise<string> {
  const users = await db.selectFrom('users').select(['id', 'email', 'name', 'role']).orderBy('id').execute();
  const bills = await db.selectFrom('billing_records').select(['id', 'consultation_id', 'price_cents', 'doctor_cents', 'status']).orderBy('id').execute();
  return createHash('sha256')
    .update(JSON.stringify([users, bills]))
    .digest('hex');
}

/** The backup restored with `npm run db:restore`'s code into a database of its own (not the app's). */
async function restoredCopy(t: TestApp, name: string): Promise<{ db: Db; drop: () => Promise<void> }> {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-restored-'));
  if (t.config.database.kind === 'sqlite') {
    const config = { ...t.config, dataDir: target, database: { kind: 'sqlite' as const, file: path.join(target, 'restored.sqlite') } };
    await restoreBackup(config, path.join(t.config.backups.dir, name));
    const db = createDb(config.database);
    return {
      db,
      drop: async () => {
        await db.destroy();
        fs.rmSync(target, { recursive: true, force: true });
      },
    };
  }
  const dbName = `mc_restored_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const url = new URL(t.config.database.url);
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  url.pathname = `/${dbName}`;
  const config = { ...t.config, dataDir: target, database: { kind: 'postgres' as const, url: url.toString() } };
  const { replacedBy } = await restoreBackup(config, path.join(t.config.backups.dir, name));
  const db = createDb(config.database);
  return {
    db,
    drop: async () => {
      await db.destroy();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      if (replacedBy) await admin.query(`drop database if exists "${replacedBy}" with (force)`);
      await admin.end();
      fs.rmSync(target, { recursive: true, force: true });
    },
  };
}

const reset = (t: TestApp, cookie: string, payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/reset', cookie, payload });

/** Every table the database holds (SQLite's full-text search shadow tables belong to user_search_fts). */
async function tablesOf(t: TestApp): Promise<string[]> {
  if (t.config.database.kind === 'sqlite') {
    const r = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.db);
    return r.rows.map((x) => x.name).filter((n) => !n.startsWith('user_search_fts'));
  }
  const r = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(t.db);
  return r.rows.map((x) => x.name);
}

describe('database reset', () => {
  let t: TestApp;
  let url: string;
  const { doctor, patientOf } = signedInPeople(() => t);
  beforeAll(async () => {
    t = await createTestApp({ BACKUP_DIR: path.join(dir, 'main'), LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t.close());

  it('knows what it does with every table of the schema', async () => {
    const known = new Set<string>([...ERASED_TABLES, ...Object.values(KEPT_TABLES).flat()]);
    expect((await tablesOf(t)).filter((name) => !known.has(name))).toEqual([]);
  });

  it("is the admin's alone, asks for REDEFINIR and the password, and erases nothing otherwise", async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    for (const cookie of [d.cookie, p.cookie]) {
      expect((await t.request({ method: 'GET', url: '/api/reset', cookie })).statusCode).toBe(403);
      expect((await reset(t, cookie, { confirmation: 'REDEFINIR', password: PASSWORD })).statusCode).toBe(403);
    }
    expect((await t.request({ method: 'POST', url: '/api/reset', payload: { confirmation: 'REDEFINIR', password: PASSWORD } })).statusCode).toBe(401);

    const admin = await createAdmin(t.db);
    const cookie = await login(t, admin);
    const phrase = await reset(t, cookie, { confirmation: 'redefinir já', password: PASSWORD });
    expect(phrase.statusCode).toBe(400);
    expect(phrase.json().error.fields.confirmation).toBe('Digite REDEFINIR para confirmar.');
    const wrong = await reset(t, cookie, { confirmation: 'REDEFINIR', password: 'não é a senha' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'wrong_password', fields: { password: 'A senha não confere.' } });
    expect(await countRows(t.db, 'users')).toBeGreaterThanOrEqual(3);
    expect(await t.db.selectFrom('reset_log').selectAll().execute()).toEqual([]);
  });

  it('backs up first (verified), ends calls and other sessions, erases everything but the admins, and logs it', async () => {
    const caller = await createAdmin(t.db, { name: 'Admin Que Redefine' });
    const callerCookie = await login(t, caller);
    const otherAdmin = await createAdmin(t.db, { name: 'Outra Admin' });
    const otherCookie = await login(t, otherAdmin);
    const d = await doctor();
    const p = await patientOf(d.user);
    await billedCall(t.db, d.user.id, p.user.id, new Date(Date.now() - 86_400_000), 30);
    await t.request({ method: 'PUT', url: '/api/fees', cookie: callerCookie, payload: { price: 'R$ 300,00', share: '30', reviewBelowMinutes: 5 } });
    const room = await t.request({ method: 'POST', url: '/api/rooms', cookie: d.cookie, payload: { patientId: p.user.id } });
    const code = room.json().code as string;

    const doctorSocket = await connectSocket(url, d.cookie);
    const callerSocket = await connectSocket(url, callerCookie);
    const join = await new Promise<{ ok: boolean }>((resolve) => doctorSocket.emit('room:join', { code }, resolve as never));
    expect(join.ok).toBe(true);
    const before = { users: await countRows(t.db, 'users'), billing: await countRows(t.db, 'billing_records'), rooms: await countRows(t.db, 'rooms') };
    // login_throttle is left out: the reset's own password check writes it before the backup.
    const compared = [...ERASED_TABLES.filter((x) => x !== 'login_throttle'), 'users', 'photos', 'fee_settings'];
    const everyTable = Object.fromEntries(await Promise.all(compared.map(async (table) => [table, await countRows(t.db, table)] as const)));
    const sampleBefore = await sampleChecksum(t.db);

    const closed = nextEvent(doctorSocket, 'room:closed', 10_000);
    const res = await reset(t, callerCookie, { confirmation: 'REDEFINIR', password: PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(await closed).toEqual({ code, reason: 'reset' });
    await expect.poll(() => doctorSocket.connected).toBe(false);
    expect(callerSocket.connected).toBe(true);
    callerSocket.disconnect();

    // The backup made first holds the whole data set.
    expect(result.backup).toMatchObject({ name: expect.stringMatching(/^medconnect-/), dir: t.config.backups.dir });
    const manifest = JSON.parse(fs.readFileSync(path.join(result.backup.dir, `${result.backup.name}.json`), 'utf8'));
    expect(manifest).toMatchObject({ trigger: 'reset', sha256: result.backup.sha256 });
    expect(manifest.counts).toMatchObject({ users: before.users, billing_records: before.billing, rooms: before.rooms });
    if (t.config.database.kind === 'sqlite') expect(verifySqliteCopy(path.join(result.backup.dir, result.backup.name)).counts).toEqual(manifest.counts);

    // Restored elsewhere, the backup holds the whole data set: every table's rows and a checksum of a sample.
    const restored = await restoredCopy(t, result.backup.name);
    try {
      for (const [table, n] of Object.entries(everyTable)) expect(await countRows(restored.db, table), table).toBe(n);
      expect(await sampleChecksum(restored.db)).toBe(sampleBefore);
    } finally {
      await restored.drop();
    }

    // Only admins remain; everything else is gone; fees are the defaults.
    const roles = await t.db.selectFrom('users').select('role').distinct().execute();
    expect(roles.map((r) => r.role)).toEqual(['admin']);
    for (const table of ERASED_TABLES.filter((x) => x !== 'audit_log')) expect(await countRows(t.db, table), table).toBe(0);
    expect(await t.db.selectFrom('fee_settings').select(['price_cents', 'clinic_bps', 'review_below_seconds']).executeTakeFirstOrThrow()).toEqual({
      price_cents: 15_000,
      clinic_bps: 2_000,
      review_below_seconds: 120,
    });
    expect(result.erased.users).toBeGreaterThanOrEqual(2);

    // The caller's session stays, every other one is gone.
    expect((await t.request({ method: 'GET', url: '/api/reset', cookie: callerCookie })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: otherCookie })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: d.cookie })).statusCode).toBe(401);

    // The log outlives it: shown with the next preview; the audit starts with the reset.
    const preview = (await t.request({ method: 'GET', url: '/api/reset', cookie: callerCookie })).json();
    expect(preview.erases).toMatchObject({ users: 0, consultations: 0, billing: 0 });
    expect(preview.history[0]).toMatchObject({ status: 'done', actor: { id: caller.id, name: 'Admin Que Redefine' }, backup: { name: result.backup.name } });
    const audit = await t.db.selectFrom('audit_log').select('action').execute();
    expect(audit.map((a) => a.action)).toContain('database.reset');
  });

  it('lets one reset run at a time: while one runs (on any node) the other gets 409, by the database', async () => {
    const admin = await createAdmin(t.db);
    const cookie = await login(t, admin);
    const running = {
      id: crypto.randomUUID(),
      status: 'running' as const,
      actor_id: admin.id,
      actor_name: admin.name,
      actor_email: admin.email,
      started_at: new Date().toISOString(),
      finished_at: null,
      counts: null,
      backup_name: null,
      backup_sha256: null,
      error: null,
    };
    await t.db.insertInto('reset_log').values(running).execute();
    // A second 'running' row is refused by the partial unique index itself, not only by the code.
    await expect(
      t.db
        .insertInto('reset_log')
        .values({ ...running, id: crypto.randomUUID() })
        .execute(),
    ).rejects.toThrow();
    const res = await reset(t, cookie, { confirmation: 'REDEFINIR', password: PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'reset_running', message: 'Uma redefinição já está em andamento. Aguarde ela terminar.' });
    expect(await countRows(t.db, 'users')).toBeGreaterThan(0);

    // Once it ends, the next one runs.
    await t.db.updateTable('reset_log').set({ status: 'done' }).where('id', '=', running.id).execute();
    expect((await reset(t, cookie, { confirmation: 'REDEFINIR', password: PASSWORD })).statusCode).toBe(200);
  });
});

describe('a reset that cannot back up first', () => {
  it('erases nothing and says why', async () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, '');
    const t = await createTestApp({ BACKUP_DIR: path.join(blocker, 'backups') });
    try {
      const admin = await createAdmin(t.db);
      const cookie = await login(t, admin);
      const before = await countRows(t.db, 'users');
      const res = await reset(t, cookie, { confirmation: 'REDEFINIR', password: PASSWORD });
      expect(res.statusCode).toBe(507);
      expect(res.json().error.code).toBe('backup_write_failed');
      expect(await countRows(t.db, 'users')).toBe(before);
      expect(await t.db.selectFrom('reset_log').select(['status', 'error']).execute()).toEqual([{ status: 'failed', error: 'backup_write_failed' }]);
    } finally {
      await t.close();
    }
  });
});

describe('RESET_ENABLED=false', () => {
  it('refuses the reset and says so in the preview', async () => {
    const t = await createTestApp({ RESET_ENABLED: 'false', BACKUP_DIR: path.join(dir, 'off') });
    try {
      const cookie = await login(t, await createAdmin(t.db));
      expect((await t.request({ method: 'GET', url: '/api/reset', cookie })).json().enabled).toBe(false);
      const res = await reset(t, cookie, { confirmation: 'REDEFINIR', password: PASSWORD });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('reset_disabled');
      expect(fs.existsSync(path.join(dir, 'off'))).toBe(false);
    } finally {
      await t.close();
    }
  });
});
