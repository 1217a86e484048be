import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '#server/db/database.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { requirePostgres } from '../helpers/requirements';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated database every test file copies: a SQLite file path, or a PostgreSQL database name. */
    dbTemplate: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; name: string };
  }
}

/**
 * Migrates once per run into a template; each test file then starts from its own copy
 * (epic-stack's pattern), so files never share data and never wait for migrations.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    await requirePostgres(url);
    const name = `mc_template_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${name}`;
    const db = createDb({ kind: 'postgres', url: templateUrl.toString() });
    await migrateToLatest(db);
    await db.destroy();
    project.provide('dbTemplate', { kind: 'postgres', url, name });
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-template-'));
  const file = path.join(dir, 'template.sqlite');
  const db = createDb({ kind: 'sqlite', file });
  await migrateToLatest(db);
  await db.destroy();
  project.provide('dbTemplate', { kind: 'sqlite', file });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
