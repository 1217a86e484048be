import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { type Config, loadConfig } from '../../src/server/config';
import { ensureAdmin } from '../../src/server/db/bootstrap-admin';
import type { Db } from '../../src/server/db/database';
import { createTestDatabase } from './test-db';

export const ADMIN = { email: 'admin@clinica.test', password: 'admin-senha-segura' };

/** The real app listening on a random local port with its own database and the built web app. */
export async function startLiveServer(env: Record<string, string> = {}): Promise<{ url: string; app: FastifyInstance; db: Db; stop: () => Promise<void> }> {
  const { db, database, drop } = await createTestDatabase();
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, DATA_DIR: '/tmp/mc-unused', ...env }),
    database,
  };
  await ensureAdmin(db, config);
  const app = await buildApp(config, { db, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app,
    db,
    stop: async () => {
      await app.close();
      await drop();
    },
  };
}
