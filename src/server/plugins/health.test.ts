import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { ConfigError, loadConfig } from '#server/config.ts';
import { buildApp } from '#server/app.ts';
import { createDb } from '#server/db/database.ts';
import { MIGRATION_NAMES } from '#server/db/migrate.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as unknown, cache: res.headers['cache-control'] };
};

describe('health', () => {
  it('/healthz: the process answers', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' }, cache: 'no-store' });
  });

  it('/readyz: database up and migrated; Redis off on one node', async () => {
    expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready', database: 'ok', migrations: 'ok', redis: 'off' }, cache: 'no-store' });
  });

  it('/readyz: 503 while a migration this build knows has not run', async () => {
    const last = MIGRATION_NAMES[MIGRATION_NAMES.length - 1]!;
    const migrations = t.db.withTables<{ kysely_migration: { name: string; timestamp: string } }>();
    const row = await migrations.selectFrom('kysely_migration').selectAll().where('name', '=', last).executeTakeFirstOrThrow();
    await migrations.deleteFrom('kysely_migration').where('name', '=', last).execute();
    try {
      expect(await get('/readyz')).toMatchObject({ status: 503, body: { status: 'not_ready', database: 'ok', migrations: 'pending' } });
    } finally {
      await migrations.insertInto('kysely_migration').values(row).execute();
    }
    expect((await get('/readyz')).status).toBe(200);
  });

  it('/readyz: 503 when the database does not answer; /healthz still 200', async () => {
    // Nothing listens on port 1: every query fails at once, as with a database that went away.
    const db = createDb({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/gone' });
    const app = await buildApp(t.config, { db, logger: false });
    try {
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'not_ready', database: 'down', migrations: 'unknown', redis: 'off' });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});

describe('REDIS_URL', () => {
  it('turns on multi-node mode with PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/mc', REDIS_URL: 'redis://cache:6379' }).redis).toEqual({ url: 'redis://cache:6379' });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/mc' }).redis).toBeUndefined();
  });

  it('is refused on SQLite, and when it is not a Redis URL, in one line naming it', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379' })).toThrow(
      /^Invalid environment variable REDIS_URL: several nodes need PostgreSQL, so set DATABASE_URL too/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db/mc', REDIS_URL: 'http://cache:6379' })).toThrow(
      /^Invalid environment variable REDIS_URL: must start with redis:\/\//,
    );
  });
});
