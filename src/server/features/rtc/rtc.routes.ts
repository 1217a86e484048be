import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { iceServersSchema } from '#shared/schemas/rooms.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { iceServersFor } from './ice-servers';

/** The STUN/TURN servers a call uses (TURN credentials are per person and short-lived). */
export async function rtcRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/rtc/ice-servers', { config: { access: 'join:room:own' }, schema: { response: { 200: iceServersSchema } } }, async (req) =>
    iceServersFor(app.config.rtc, actorOf(req).user.id),
  );
}
