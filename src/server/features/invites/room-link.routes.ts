import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { roomLandingSchema, roomPatientLinkSchema } from '../../../shared/schemas/auth';
import { roomCodeParamSchema } from '../../../shared/schemas/rooms';
import { actorOf } from '../../plugins/actor';
import { getRoomLanding, roomPatientLink } from './room-link.service';

/** The room link as a way in: its public landing and the doctor's one-message link (with an invite when needed). */
export async function roomLinkRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/room-links/:code', { config: { access: 'public' }, schema: { params: roomCodeParamSchema, response: { 200: roomLandingSchema } } }, async (req) =>
    getRoomLanding(app.db, req.params.code),
  );
  r.post('/api/rooms/:code/patient-link', { config: { access: 'create:room:own' }, schema: { params: roomCodeParamSchema, response: { 200: roomPatientLinkSchema } } }, async (req) =>
    roomPatientLink(app.db, actorOf(req), req.params.code),
  );
}
