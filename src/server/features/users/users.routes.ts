import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { doctorOptionSchema, myDoctorSchema } from '#shared/schemas/users.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { doctorOptions, myDoctors } from './users.service';

/** The admin's list of doctors to assign, and a patient's list of their doctors. */
export async function usersRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: 'manage:users:any' } as const;

  r.get('/api/doctors/options', { config: admin, schema: { response: { 200: z.array(doctorOptionSchema) } } }, async () => doctorOptions(app.db));
  r.get('/api/my-doctors', { config: { access: 'read:doctor:own' }, schema: { response: { 200: z.array(myDoctorSchema) } } }, async (req) =>
    myDoctors(app.db, actorOf(req).user.id),
  );
}
