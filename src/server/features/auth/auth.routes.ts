import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordInputSchema, loginInputSchema, meSchema } from '#shared/schemas/auth.ts';
import { okSchema } from '#shared/schemas/common.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { clearSessionCookie, setSessionCookie } from '#server/plugins/session.ts';
import { getMe } from '#server/features/users/users.service.ts';
import { AppError } from '#server/errors.ts';
import { PASSWORD_GUESSES_CODE, authenticate, changePassword } from './auth.service';
import { startSession } from './session.service';
import { deleteSession } from './sessions.repository';

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = app.config.https;

  r.post('/api/auth/login', { config: { access: 'public' }, schema: { body: loginInputSchema, response: { 200: meSchema } } }, async (req, reply) => {
    const user = await authenticate(app.db, app.config, req.body.email, req.body.password, req.ip);
    const { token, expiresAt } = await startSession(app.db, app.config, user, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    setSessionCookie(reply, token, expiresAt, secure);
    return getMe(app.db, user);
  });

  r.post('/api/auth/logout', { config: { access: 'public' }, schema: { response: { 200: okSchema } } }, async (req, reply) => {
    if (req.auth) {
      await deleteSession(app.db, req.auth.sessionId);
      app.realtime.endSession(req.auth.sessionId);
    }
    clearSessionCookie(reply, secure);
    return { ok: true as const };
  });

  r.get('/api/auth/me', { config: { access: 'authenticated' }, schema: { response: { 200: meSchema } } }, async (req) => getMe(app.db, actorOf(req).user));

  r.post(
    '/api/auth/password',
    { config: { access: 'update:password:own' }, schema: { body: changePasswordInputSchema, response: { 200: okSchema } } },
    async (req, reply) => {
      const auth = req.auth!;
      try {
        await changePassword(app.db, app.config, auth, req.body.currentPassword, req.body.newPassword, req.ip);
      } catch (error) {
        if (error instanceof AppError && error.code === PASSWORD_GUESSES_CODE) {
          clearSessionCookie(reply, secure);
          app.realtime.endSession(auth.sessionId);
        }
        throw error;
      }
      app.realtime.endUserSessions(auth.user.id, auth.sessionId);
      return { ok: true as const };
    },
  );
}
