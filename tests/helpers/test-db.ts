import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Config } from '#server/config.ts';
import { type Db, createDb } from '#server/db/database.ts';

/** A fresh, migrated database for one test file, copied from the run's template. */
export async function createTestDatabase(): Promise<{ db: Db; database: Config['database']; drop: () => Promise<void> }> {
  const template = inject('dbTemplate');
  if (template.kind === 'postgres') {
    const name = `mc_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: template.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.name}`);
    const url = new URL(template.url);
    url.pathname = `/${name}`;
    const database = { kind: 'postgres' as const, url: url.toString() };
    const db = createDb(database);
    return {
      db,
      database,
      drop: async () => {
        await db.destroy();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-test-'));
  const file = path.join(dir, 'test.sqlite');
  fs.copyFileSync(template.file, file);
  const database = { kind: 'sqlite' as const, file };
  const db = createDb(database);
  return {
    db,
    database,
    drop: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
