import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inviteLinkSchema } from '#shared/schemas/auth.ts';
import { idParamSchema, pageQuerySchema } from '#shared/schemas/common.ts';
import { createPatientInputSchema, createdUserSchema, patientDetailSchema, patientListSchema, updatePatientInputSchema } from '#shared/schemas/users.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { createOwnPatient, getOwnPatient, listOwnPatients, renewOwnPatientInvite, updateOwnPatient } from './patients.service';

/** A doctor's own patients. */
export async function patientsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/patients',
    { config: { access: 'read:patient:own' }, schema: { querystring: pageQuerySchema, response: { 200: patientListSchema } } },
    async (req) => listOwnPatients(app.db, actorOf(req).user, req.query),
  );
  r.post(
    '/api/patients',
    { config: { access: 'create:patient:own' }, schema: { body: createPatientInputSchema, response: { 201: createdUserSchema } } },
    async (req, reply) => {
      reply.status(201);
      return createOwnPatient(app.db, actorOf(req), req.body);
    },
  );
  r.get(
    '/api/patients/:id',
    { config: { access: 'read:patient:own' }, schema: { params: idParamSchema, response: { 200: patientDetailSchema } } },
    async (req) => getOwnPatient(app.db, actorOf(req).user, req.params.id),
  );
  r.put(
    '/api/patients/:id',
    { config: { access: 'update:patient:own' }, schema: { params: idParamSchema, body: updatePatientInputSchema, response: { 200: patientDetailSchema } } },
    async (req) => updateOwnPatient(app.db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/patients/:id/invite',
    { config: { access: 'invite:patient:own' }, schema: { params: idParamSchema, response: { 200: inviteLinkSchema } } },
    async (req) => renewOwnPatientInvite(app.db, actorOf(req), req.params.id),
  );
}
