import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acceptConsentInputSchema, consentStatusSchema } from '#shared/schemas/rooms.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { acceptConsent, getConsentStatus } from './consent.service';

/** The patient's consent term (TCLE) before a video consultation. */
export async function consentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/consent', { config: { access: 'accept:consent:own' }, schema: { response: { 200: consentStatusSchema } } }, async (req) =>
    getConsentStatus(app.db, actorOf(req).user.id),
  );
  r.post(
    '/api/consent',
    { config: { access: 'accept:consent:own' }, schema: { body: acceptConsentInputSchema, response: { 200: consentStatusSchema } } },
    async (req) => acceptConsent(app.db, actorOf(req).user.id, req.body.version, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null }),
  );
}
