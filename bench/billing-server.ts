import os from 'node:os';
import path from 'node:path';
import { buildApp } from '#server/app.ts';
import { type Config, loadConfig } from '#server/config.ts';
import { createDb } from '#server/db/database.ts';

/**
 * The server half of `bench/billing.ts`, in its own process so the server's memory (VmRSS,
 * VmHWM in /proc/<pid>/status) is measured apart from the seeding and the client. Opens the
 * already seeded database given as JSON in BENCH_DATABASE ({"kind":"sqlite","file":…} or
 * {"kind":"postgres","url":…}), listens on a random loopback port and prints `{"url":…}` on one
 * line. Exits on SIGTERM or when stdin closes.
 */
async function main(): Promise<void> {
  const database = JSON.parse(process.env.BENCH_DATABASE ?? '') as Config['database'];
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir(), WEB_DIST_DIR: path.join(os.tmpdir(), 'mc-no-web') }),
    database,
  };
  const db = createDb(database);
  const app = await buildApp(config, { db, logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });

  let closing: Promise<void> | undefined;
  const shutdown = () => {
    closing ??= (async () => {
      await app.close();
      await db.destroy();
      process.exit(0);
    })();
    return closing;
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  process.stdin.on('close', () => void shutdown());
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ url })}\n`);
}

main().catch((error: unknown) => {
  console.error('[server] failed to start:', error);
  process.exit(1);
});
