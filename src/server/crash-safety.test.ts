import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, inject, it } from 'vitest';

/**
 * SIGKILL, the crash nothing can clean up after: the server dies in the middle of a stream of
 * writes, and in the middle of a reset. After it, SQLite's integrity check passes, every write
 * the server acknowledged is there, and a reset happened entirely or not at all. SQLite only:
 * PostgreSQL's own crash safety is PostgreSQL's.
 */
const ADMIN = { email: 'admin@crash.test', password: 'senha-de-teste-123' };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-sigkill-'));
const dbFile = path.join(dataDir, 'medconnect.sqlite');
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

type Server = { child: ChildProcess; url: string };

async function start(): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOGIN_IP_LIMIT_PER_MINUTE: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /MedConnect is running at (http:\/\/localhost:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return { child, url };
}

async function kill(server: Server): Promise<void> {
  const gone = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await gone;
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify(ADMIN),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** Opens the file as SQLite after a crash (recovering the WAL) and reads what we need. */
function inspect<T>(read: (db: SQLite.Database) => T): T {
  const db = new SQLite(dbFile);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const template = inject('dbTemplate');

describe.runIf(template.kind === 'sqlite')('SIGKILL', () => {
  it('in the middle of a stream of writes: integrity ok, every acknowledged write present', async () => {
    let server = await start();
    const cookie = await signIn(server.url);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const email = `crash-${w}-${i}@example.com`;
        try {
          const res = await fetch(`${server.url}/api/users`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: server.url, cookie },
            body: JSON.stringify({ role: 'patient', email, profile: { name: `Paciente Queda ${'x'.repeat((i % 20) + 1)}` }, doctorIds: [] }),
          });
          if (res.status === 201) acknowledged.push(email);
        } catch {
          return; // The server is gone.
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await new Promise((r) => setTimeout(r, 1500));
    await kill(server);
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(5);

    const { integrity, emails } = inspect((db) => ({
      integrity: db.pragma('integrity_check', { simple: true }),
      emails: new Set((db.prepare('select email from users').all() as { email: string }[]).map((r) => r.email)),
    }));
    expect(integrity).toBe('ok');
    expect(acknowledged.filter((e) => !emails.has(e))).toEqual([]);

    // And it starts again on the same file.
    server = await start();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await kill(server);
  }, 120_000);

  it('in the middle of a reset: the reset happened entirely or not at all, and the next one is not blocked', async () => {
    let server = await start();
    const cookie = await signIn(server.url);
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, cookie },
        body: JSON.stringify({ role: 'patient', email: `antes-do-reset-${i}@example.com`, profile: { name: 'Paciente Antes' }, doctorIds: [] }),
      });
      expect(res.status).toBe(201);
    }
    const before = inspect((db) => (db.prepare('select count(*) as n from users').get() as { n: number }).n);
    expect(before).toBeGreaterThan(1);
    const backups = path.join(dataDir, 'backups');
    const manifests = () => (fs.existsSync(backups) ? fs.readdirSync(backups).filter((f) => f.endsWith('.json')) : []);
    const seen = manifests().length;

    const answer = fetch(`${server.url}/api/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie },
      body: JSON.stringify({ confirmation: 'REDEFINIR', password: ADMIN.password }),
    }).catch(() => null);
    // The backup is written and verified first; the moment its manifest lands, the erase begins.
    const deadline = Date.now() + 30_000;
    while (manifests().length === seen && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    await kill(server);
    await answer;

    const after = inspect((db) => ({
      integrity: db.pragma('integrity_check', { simple: true }),
      users: (db.prepare('select count(*) as n from users').get() as { n: number }).n,
      nonAdmins: (db.prepare("select count(*) as n from users where role != 'admin'").get() as { n: number }).n,
      resets: db.prepare('select status from reset_log').all() as { status: string }[],
    }));
    expect(after.integrity).toBe('ok');
    // All or nothing: every patient is still there, or none is.
    if (after.nonAdmins === 0) expect(after.resets).toEqual([{ status: 'done' }]);
    else expect(after.users).toBe(before);

    // A reset cut off doesn't block the next one.
    server = await start();
    const again = await fetch(`${server.url}/api/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie: await signIn(server.url) },
      body: JSON.stringify({ confirmation: 'REDEFINIR', password: ADMIN.password }),
    });
    expect(again.status).toBe(200);
    expect(inspect((db) => (db.prepare("select count(*) as n from users where role != 'admin'").get() as { n: number }).n)).toBe(0);
    await kill(server);
  }, 120_000);
});
