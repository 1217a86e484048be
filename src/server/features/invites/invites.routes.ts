import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acceptInviteInputSchema, inviteInfoSchema, inviteTokenParamSchema, meSchema } from '#shared/schemas/auth.ts';
import { setSessionCookie } from '#server/plugins/session.ts';
import { endSession, startSession } from '#server/features/auth/session.service.ts';
import { getMe } from '#server/features/users/users.service.ts';
import { acceptInvite, getInviteInfo } from './invites.service';

/** The invite link's page: who it is for, and setting the first password (which signs the person in). */
export async function invitesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/invites/:token', { config: { access: 'public' }, schema: { params: inviteTokenParamSchema, response: { 200: inviteInfoSchema } } }, async (req) =>
    getInviteInfo(app.db, req.params.token),
  );

  r.post(
    '/api/invites/:token/accept',
    { config: { access: 'public' }, schema: { params: inviteTokenParamSchema, body: acceptInviteInputSchema, response: { 200: meSchema } } },
    async (req, reply) => {
      const user = await acceptInvite(app.db, req.params.token, req.body.password, req.ip);
      if (req.auth) {
        await endSession(app.db, req.auth.sessionId);
        app.realtime.endSession(req.auth.sessionId);
      }
      const { token, expiresAt } = await startSession(app.db, app.config, user, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      setSessionCookie(reply, token, expiresAt, app.config.https);
      return getMe(app.db, user);
    },
  );
}
