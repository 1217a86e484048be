import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '#shared/schemas/common.ts';
import { outsideConsultationInputSchema, outsideConsultationSchema } from '#shared/schemas/consultations.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { registerOutsideConsultation } from './outside-consultation.service';

/** Consultations held outside the video room, registered by the patient's doctor. */
export async function consultationsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/patients/:id/consultations',
    {
      config: { access: 'register:consultation:own' },
      schema: { params: idParamSchema, body: outsideConsultationInputSchema, response: { 201: outsideConsultationSchema } },
    },
    async (req, reply) => {
      reply.status(201);
      return registerOutsideConsultation(app.db, actorOf(req), req.params.id, req.body);
    },
  );
}
