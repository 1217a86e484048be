import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { resetInputSchema, resetPreviewSchema, resetResultSchema } from '#shared/schemas/reset.ts';
import { AppError } from '#server/errors.ts';
import { clearSessionCookie } from '#server/plugins/session.ts';
import { PASSWORD_GUESSES_CODE } from '#server/features/auth/auth.service.ts';
import { previewReset, resetDatabase } from './reset.service';

/** "Zona de perigo": what a reset would erase, and the reset itself. Admin only. */
export async function resetRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: 'reset:database:any' } as const;

  r.get('/api/reset', { config: admin, schema: { response: { 200: resetPreviewSchema } } }, async () => previewReset(app.db, app.config));
  r.post('/api/reset', { config: admin, schema: { body: resetInputSchema, response: { 200: resetResultSchema } } }, async (req, reply) => {
    const auth = req.auth!;
    const disconnectEveryone = () => {
      // Both sides of every call, on every node, see that the clinic ended it; then every other session's sockets go.
      app.rooms.closeAllEverywhere();
      app.realtime.endAllSessionsExcept(auth.sessionId);
    };
    try {
      return await resetDatabase(app.db, app.config, auth, req.body.password, req.ip, { disconnectEveryone });
    } catch (error) {
      if (error instanceof AppError && error.code === PASSWORD_GUESSES_CODE) {
        clearSessionCookie(reply, app.config.https);
        app.realtime.endSession(auth.sessionId);
      }
      throw error;
    }
  });
}
