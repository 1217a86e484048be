import type { FastifyInstance } from 'fastify';
import { buildApp } from '#server/app.ts';
import { type Config, loadConfig } from '#server/config.ts';
import { ensureAdmin } from '#server/db/bootstrap-admin.ts';
import type { Db } from '#server/db/database.ts';
import { createTestDatabase } from './test-db';

export const ADMIN = { email: 'admin@clinica.test', password: 'admin-senha-segura' };

/** The real app listening on a random local port with its own database and the built web app. */
export type LiveServer = {
  url: string;
  app: FastifyInstance;
  db: Db;
  /** Stops the app and starts a new one on the same port and database, as a server restart would. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
};

export async function startLiveServer(env: Record<string, string> = {}): Promise<LiveServer> {
  const { db, database, drop } = await createTestDatabase();
  const config: Config = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      DATA_DIR: '/tmp/mc-unused',
      // A private web build (`vite build --outDir …`), for when a shared dist/web may be rebuilt mid-run.
      ...(process.env.E2E_WEB_DIST_DIR ? { WEB_DIST_DIR: process.env.E2E_WEB_DIST_DIR } : {}),
      ...env,
    }),
    database,
  };
  await ensureAdmin(db, config);
  const app = await buildApp(config, { db, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const live: LiveServer = {
    url: address,
    app,
    db,
    restart: async () => {
      await live.app.close();
      live.app = await buildApp(config, { db, logger: false });
      await live.app.listen({ port: Number(new URL(address).port), host: '127.0.0.1' });
    },
    stop: async () => {
      await live.app.close();
      await drop();
    },
  };
  return live;
}
