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
