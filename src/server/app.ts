import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Db } from './db/database';
import type { Redis } from './lib/redis';
import { redactUrl } from './lib/redact-url';
import { trustFn } from './lib/trust-proxy';
import { accountsRoutes } from './features/accounts/accounts.routes';
import { authRoutes } from './features/auth/auth.routes';
import { passwordResetRoutes } from './features/password-reset/password-reset.routes';
import { sessionStore } from './features/auth/session.service';
import { inviteMailer } from './features/invites/invite-mailer';
import { invitesRoutes } from './features/invites/invites.routes';
import { roomLinkRoutes } from './features/rooms/room-link.routes';
import { backupsRoutes } from './features/backups/backups.routes';
import { resetRoutes } from './features/reset/reset.routes';
import { billingRoutes } from './features/billing/billing.routes';
import { consentRoutes } from './features/consent/consent.routes';
import { consultationsRoutes } from './features/consultations/consultations.routes';
import { dashboardRoutes } from './features/dashboard/dashboard.routes';
import { paymentsRoutes } from './features/payments/payments.routes';
import { feesRoutes } from './features/billing/fees.routes';
import { patientsRoutes } from './features/patients/patients.routes';
import { profileRoutes } from './features/profile/profile.routes';
import { recordsRoutes } from './features/records/records.routes';
import { verificationRoutes } from './features/records/verification.routes';
import { roomsRoutes } from './features/rooms/rooms.routes';
import { rtcRoutes } from './features/rtc/rtc.routes';
import { registerRoomSignaling } from './features/rooms/rooms.signaling';
import { usersRoutes } from './features/users/users.routes';
import { registerActor } from './plugins/actor';
import { registerErrorHandler } from './plugins/error-handler';
import './plugins/fastify-types';
import { registerGuards } from './plugins/guard';
import { registerHealth } from './plugins/health';
import { attachRealtime, realtimeRedis } from './plugins/realtime';
import { registerSecurity } from './plugins/security';
import { registerSession } from './plugins/session';
import { registerStaticWeb } from './plugins/static-web';

export type AppOptions = {
  db: Db;
  /** TLS key and certificate when serving HTTPS ourselves (LAN trial). */
  https?: { key: string; cert: string } | undefined;
  logger?: boolean;
  /** Where the log goes (stdout when unset); tests read it. */
  logStream?: NodeJS.WritableStream;
  /** Multi-node mode (REDIS_URL): the node's Redis connection, opened and closed by the caller. */
  redis?: Redis | undefined;
};

/** Builds the whole app without listening, so tests can use `inject` or listen on a random port. */
export async function buildApp(config: Config, options: AppOptions): Promise<FastifyInstance> {
  const app = (Fastify as unknown as (opts: object) => FastifyInstance)({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            redact: ['req.headers.cookie', 'res.headers["set-cookie"]'],
            // Fastify's own request fields, with secrets in the URL (invite tokens) hidden.
            serializers: {
              req: (req: { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }) => ({
                method: req.method,
                url: redactUrl(req.url),
                host: req.host,
                remoteAddress: req.ip,
                remotePort: req.socket?.remotePort,
              }),
            },
          },
    trustProxy: trustFn(config.trustProxy),
    bodyLimit: 1024 * 1024,
    // Router-level failures (URL too long, bad percent-encoding) get the same error shape as the rest.
    frameworkErrors: (error: Error & { statusCode?: number }, _req: unknown, reply: { status: (n: number) => { send: (b: unknown) => void } }) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      reply.status(status).send({ error: { code: 'bad_request', message: 'Endereço inválido.' } });
    },
    ...(options.https ? { https: options.https } : {}),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', options.db);
  app.decorate('config', config);
  app.decorate('redis', options.redis ?? null);

  registerErrorHandler(app);
  registerGuards(app);
  registerActor(app, { mailInvite: (request) => inviteMailer(config, request.log) });
  await registerSecurity(app);
  // Features provide what the plugins need; plugins import no feature.
  const sessions = sessionStore(options.db, config);
  await registerSession(app, sessions);

  registerHealth(app, { db: options.db, redis: options.redis, redisConfigured: config.redis !== undefined });
  await app.register(authRoutes);
  await app.register(passwordResetRoutes);
  await app.register(invitesRoutes);
  await app.register(roomLinkRoutes);
  await app.register(accountsRoutes);
  await app.register(usersRoutes);
  await app.register(patientsRoutes);
  await app.register(profileRoutes);
  await app.register(dashboardRoutes);
  const realtime = attachRealtime(app, sessions, options.redis ? await realtimeRedis(app, options.redis) : undefined);
  app.decorate('realtime', realtime);
  app.decorate('rooms', registerRoomSignaling(app, realtime, options.redis));
  await app.register(roomsRoutes);
  await app.register(consentRoutes);
  await app.register(rtcRoutes);
  await app.register(recordsRoutes);
  await app.register(verificationRoutes);
  await app.register(consultationsRoutes);
  await app.register(feesRoutes);
  await app.register(billingRoutes);
  await app.register(paymentsRoutes);
  await app.register(backupsRoutes);
  await app.register(resetRoutes);
  await registerStaticWeb(app);
  return app;
}
