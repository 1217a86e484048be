import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { roomLandingSchema, roomPatientLinkSchema } from '#shared/schemas/auth.ts';
import { roomCodeParamSchema } from '#shared/schemas/rooms.ts';
import { AppError } from '#server/errors.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { PersonRateLimiter } from '#server/plugins/person-rate-limiter.ts';
import { getRoomLanding, roomPatientLink } from './room-link.service';

/** Per address: a patient reopening the link many times, or a family behind one router; far too few to walk codes. */
export const ROOM_LANDINGS_PER_MINUTE = 30;

/** The room link as a way in: its public landing and the doctor's one-message link (with an invite when needed). */
export async function roomLinkRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limiter = new PersonRateLimiter(ROOM_LANDINGS_PER_MINUTE, 60_000);
  r.get(
    '/api/room-links/:code',
    {
      config: { access: 'public' },
      // No session to count against: counted per address, before the code is checked or looked up.
      onRequest: async (req) => {
        if (!limiter.take(`ip:${req.ip}`)) throw new AppError('too_many_requests', 429, 'Muitas tentativas seguidas. Aguarde um minuto e abra o link de novo.');
      },
      schema: { params: roomCodeParamSchema, response: { 200: roomLandingSchema } },
    },
    async (req) => getRoomLanding(app.db, req.params.code),
  );
  r.post(
    '/api/rooms/:code/patient-link',
    { config: { access: 'create:room:own' }, schema: { params: roomCodeParamSchema, response: { 200: roomPatientLinkSchema } } },
    async (req) => roomPatientLink(app.db, actorOf(req), req.params.code),
  );
}
