import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPeople } from '#tests/helpers/people.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { pruneDailyBackups } from './backup.service';
import { verifySqliteCopy } from './sqlite-backup';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-backups-'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BACKUP_DIR: dir, BACKUP_KEEP: '2', LOGIN_IP_LIMIT_PER_MINUTE: '10000' });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const { doctor, patientOf, admin } = signedInPeople(() => t);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('backups', () => {
  it('makes a verified backup of the live database: file, checksum, schema and counts; listed and downloadable', async () => {
    const d = await doctor();
    await patientOf(d.user);
    const res = await t.request({ method: 'POST', url: '/api/backups', cookie: await admin() });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json();
    expect(made).toMatchObject({ kind: t.config.database.kind, trigger: 'manual', schemaVersion: expect.stringMatching(/^2026-/) });
    expect(made.counts.users).toBeGreaterThanOrEqual(3);
    expect(made.counts.doctor_profiles).toBeGreaterThanOrEqual(1);

    const file = path.join(dir, made.name);
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBe(made.sizeBytes);
    expect(sha256(bytes)).toBe(made.sha256);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    if (t.config.database.kind === 'sqlite') {
      expect(verifySqliteCopy(file).counts).toEqual(made.counts);
    } else {
      expect(execFileSync('pg_restore', ['--list', file]).toString()).toMatch(/TABLE DATA public users /);
    }

    const list = await t.request({ method: 'GET', url: '/api/backups', cookie: await admin() });
    expect(list.json()).toMatchObject({ daily: false, keep: 2 });
    expect(list.json().items.map((b: { name: string }) => b.name)).toContain(made.name);

    const download = await t.request({ method: 'GET', url: `/api/backups/${made.name}/download`, cookie: await admin() });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${made.name}"`);
    expect(download.headers['x-backup-sha256']).toBe(made.sha256);
    expect(sha256(download.rawPayload)).toBe(made.sha256);

    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'backup.created').execute();
    expect(audit.some((a) => String(a.details).includes(made.name))).toBe(true);
    // The whole clinic leaving the system is audited too.
    const downloads = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'backup.downloaded').execute();
    expect(downloads.some((a) => String(a.details).includes(made.name))).toBe(true);
  });

  it('deletes a backup and its manifest; an unknown one is 404', async () => {
    const made = (await t.request({ method: 'POST', url: '/api/backups', cookie: await admin() })).json();
    const del = await t.request({ method: 'DELETE', url: `/api/backups/${made.name}`, cookie: await admin() });
    expect(del.statusCode).toBe(204);
    expect(fs.existsSync(path.join(dir, made.name))).toBe(false);
    expect(fs.existsSync(path.join(dir, `${made.name}.json`))).toBe(false);
    expect((await t.request({ method: 'DELETE', url: `/api/backups/${made.name}`, cookie: await admin() })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/backups/${made.name}/download`, cookie: await admin() })).statusCode).toBe(404);
  });

  it('refuses names that are not its own backups before touching the disk (no path traversal)', async () => {
    fs.writeFileSync(path.join(dir, 'segredo.txt'), 'SEGREDO-123');
    for (const name of [
      '..%2F..%2Fetc%2Fpasswd',
      '..%2Fsegredo.txt',
      'segredo.txt',
      'medconnect-2026-11-30T08-00-00Z-abcdef.sqlite%2F..%2F..%2Fx',
      '%2Fetc%2Fpasswd',
    ]) {
      const get = await t.request({ method: 'GET', url: `/api/backups/${name}/download`, cookie: await admin() });
      expect([400, 404], name).toContain(get.statusCode);
      expect(get.body, name).not.toContain('SEGREDO-123');
      const del = await t.request({ method: 'DELETE', url: `/api/backups/${name}`, cookie: await admin() });
      expect([400, 404], name).toContain(del.statusCode);
    }
    expect(fs.existsSync(path.join(dir, 'segredo.txt'))).toBe(true);
  });

  it("is the admin's alone", async () => {
    const d = await doctor();
    const p = await patientOf(d.user);
    for (const cookie of [d.cookie, p.cookie]) {
      expect((await t.request({ method: 'GET', url: '/api/backups', cookie })).statusCode).toBe(403);
      expect((await t.request({ method: 'POST', url: '/api/backups', cookie })).statusCode).toBe(403);
    }
    expect((await t.request({ method: 'POST', url: '/api/backups' })).statusCode).toBe(401);
  });

  it('a backup that cannot be written says so plainly and leaves nothing behind', async () => {
    const blocker = path.join(dir, 'not-a-directory');
    fs.writeFileSync(blocker, '');
    const broken = await createTestApp({ BACKUP_DIR: path.join(blocker, 'backups') });
    try {
      const cookie = await (async () => {
        const people = signedInPeople(() => broken);
        return people.admin();
      })();
      const res = await broken.request({ method: 'POST', url: '/api/backups', cookie });
      expect(res.statusCode).toBe(507);
      expect(res.json().error).toMatchObject({ code: 'backup_write_failed' });
    } finally {
      await broken.close();
    }
  });

  it('keeps BACKUP_KEEP daily backups; manual ones are never pruned', async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-prune-'));
    const config = { ...t.config, backups: { dir: fresh, daily: true, keep: 2 } };
    const write = (name: string, trigger: string, createdAt: string) => {
      fs.writeFileSync(path.join(fresh, name), 'x');
      fs.writeFileSync(
        path.join(fresh, `${name}.json`),
        JSON.stringify({ name, kind: 'sqlite', trigger, createdAt, createdBy: null, sizeBytes: 1, sha256: 'a'.repeat(64), schemaVersion: 'v', counts: {} }),
      );
    };
    write('medconnect-2026-11-01T03-00-00Z-000001.sqlite', 'daily', '2026-11-01T03:00:00.000Z');
    write('medconnect-2026-11-02T03-00-00Z-000002.sqlite', 'daily', '2026-11-02T03:00:00.000Z');
    write('medconnect-2026-11-03T03-00-00Z-000003.sqlite', 'daily', '2026-11-03T03:00:00.000Z');
    write('medconnect-2026-10-01T03-00-00Z-000004.sqlite', 'manual', '2026-10-01T03:00:00.000Z');
    expect(await pruneDailyBackups(config)).toEqual(['medconnect-2026-11-01T03-00-00Z-000001.sqlite']);
    expect(
      fs
        .readdirSync(fresh)
        .filter((f) => !f.endsWith('.json'))
        .sort(),
    ).toEqual([
      'medconnect-2026-10-01T03-00-00Z-000004.sqlite',
      'medconnect-2026-11-02T03-00-00Z-000002.sqlite',
      'medconnect-2026-11-03T03-00-00Z-000003.sqlite',
    ]);
    fs.rmSync(fresh, { recursive: true, force: true });
  });
});
