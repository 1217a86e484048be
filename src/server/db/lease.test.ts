import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDb } from './database';
import { withLease } from './lease';

// The PostgreSQL side (two nodes, one runs) is in multi-node.test.ts.
describe('withLease on SQLite (one node)', () => {
  it('always runs the job: there is nobody to share it with', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-lease-'));
    const db = createDb({ kind: 'sqlite', file: path.join(dir, 'lease.sqlite') });
    try {
      let runs = 0;
      const job = async () => {
        runs += 1;
        await new Promise((r) => setTimeout(r, 50));
      };
      expect(await Promise.all([withLease(db, 'room-sweep', job), withLease(db, 'room-sweep', job)])).toEqual([true, true]);
      expect(runs).toBe(2);
      await expect(withLease(db, 'daily-backup', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    } finally {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
