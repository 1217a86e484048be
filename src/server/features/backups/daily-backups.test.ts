import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { listBackups } from './backup.service';
import { startDailyBackups } from './daily-backups';
import { dumpPostgres } from './pg-backup';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-daily-'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BACKUP_DIR: dir, BACKUP_DAILY: '1', BACKUP_KEEP: '3' });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('BACKUP_DAILY', () => {
  it('makes a daily backup at start when there is none, and not again within the day', async () => {
    const stop = startDailyBackups(t.app);
    await expect.poll(async () => (await listBackups(t.config)).filter((b) => b.trigger === 'daily').length, { timeout: 20_000 }).toBe(1);
    stop();
    // A restart within the day finds today's and makes none.
    const again = startDailyBackups(t.app);
    await new Promise((r) => setTimeout(r, 1500));
    again();
    expect((await listBackups(t.config)).filter((b) => b.trigger === 'daily')).toHaveLength(1);
  });
});

describe('pg_dump missing', () => {
  it('is said plainly, naming the package to install', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(dumpPostgres('postgres://x@127.0.0.1:1/x', path.join(dir, 'never.dump'))).rejects.toMatchObject({
        code: 'backup_tool_missing',
        status: 503,
        message: expect.stringContaining('postgresql-client'),
      });
    } finally {
      process.env.PATH = saved;
    }
  });
});
