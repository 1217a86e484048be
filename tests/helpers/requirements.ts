import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

/** Under CI a missing system dependency fails the run; elsewhere the test is skipped with a notice. */
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/** True when Chromium is installed; otherwise fails under CI or prints how to install it. */
export function chromiumAvailable(): boolean {
  const ok = fs.existsSync(CHROMIUM_PATH) && spawnSync(CHROMIUM_PATH, ['--version']).status === 0;
  if (ok) return true;
  const notice = `Chromium not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium`;
  if (IN_CI) throw new Error(notice);
  console.warn(`SKIPPING browser tests: ${notice}`);
  return false;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Checks that PostgreSQL answers at the URL; TEST_DATABASE_URL asks for it, so it must work. */
export async function requirePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `TEST_DATABASE_URL is set but PostgreSQL does not answer at ${url} (${String(error)}). Start it (pg_ctlcluster 15 main start) or unset TEST_DATABASE_URL to test on SQLite.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The PostgreSQL server the multi-node tests make their own databases on: TEST_DATABASE_URL's
 * when set, else the machine's (as `.ci/run` uses). They need it whichever database the rest
 * of the run uses.
 */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL || process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
/** The Redis of the multi-node tests (they use keys of their own and delete nothing else). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
/** Debian's redis-server, which the Redis-outage test starts on a port of its own. */
export const REDIS_SERVER_PATH = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

/** Under CI a missing service fails the run; elsewhere the tests that need it are skipped with the notice. */
function missing(what: string, notice: string): false {
  if (IN_CI) throw new Error(notice);
  console.warn(`SKIPPING ${what}: ${notice}`);
  return false;
}

/** True when PostgreSQL answers at TEST_POSTGRES_URL; otherwise fails under CI or says how to install it. */
export async function postgresAvailable(what: string, url = TEST_POSTGRES_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    return missing(
      what,
      `PostgreSQL does not answer at ${url} (${String(error)}). Install and start it with: sudo apt-get install -y postgresql && sudo pg_ctlcluster 15 main start (or set TEST_POSTGRES_URL)`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** True when Redis answers PING at TEST_REDIS_URL; otherwise fails under CI or says how to install it. */
export async function redisAvailable(what: string, url = TEST_REDIS_URL): Promise<boolean> {
  const { connectRedis, closeRedis } = await import('#server/lib/redis.ts');
  try {
    const client = await connectRedis(url);
    await closeRedis(client);
    return true;
  } catch (error) {
    return missing(
      what,
      `${error instanceof Error ? error.message : `Redis does not answer at ${url} (${String(error)})`}. Install and start it with: sudo apt-get install -y redis-server && sudo service redis-server start (or set TEST_REDIS_URL)`,
    );
  }
}

/** True when redis-server is installed (to start a throwaway one); otherwise fails under CI or says how to install it. */
export function redisServerAvailable(what: string): boolean {
  if (fs.existsSync(REDIS_SERVER_PATH) && spawnSync(REDIS_SERVER_PATH, ['--version']).status === 0) return true;
  return missing(what, `redis-server not found at ${REDIS_SERVER_PATH}. Install it with: sudo apt-get install -y redis-server`);
}
