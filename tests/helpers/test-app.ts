import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '#server/app.ts';
import { type Config, loadConfig } from '#server/config.ts';
import type { Db } from '#server/db/database.ts';
import { createTestDatabase } from './test-db';

export const TEST_ORIGIN = 'http://localhost:80';

export type TestApp = {
  app: FastifyInstance;
  db: Db;
  config: Config;
  close: () => Promise<void>;
  /** `app.inject` with the same-origin header a browser sends and, optionally, a session cookie. */
  request: (opts: InjectOptions & { cookie?: string | undefined }) => Promise<LightMyRequestResponse>;
};

/** An app on its own fresh database; `env` overrides configuration for the test. */
export async function createTestApp(env: Record<string, string> = {}, options: { logStream?: NodeJS.WritableStream } = {}): Promise<TestApp> {
  const { db, database, drop } = await createTestDatabase();
  const config: Config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: 'dist/web', DATA_DIR: '/tmp/mc-unused', ...env }), database };
  const app = await buildApp(config, options.logStream ? { db, logStream: options.logStream } : { db, logger: false });
  await app.ready();
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close();
      await drop();
    },
    request: ({ cookie, headers, ...opts }) =>
      app.inject({ ...opts, headers: { origin: TEST_ORIGIN, host: 'localhost:80', ...(cookie ? { cookie } : {}), ...headers } }),
  };
}
