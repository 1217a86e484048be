import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '#shared/schemas/common.ts';
import { clinicFeesInputSchema, clinicFeesSchema, doctorFeesInputSchema, doctorFeesSchema } from '#shared/schemas/fees.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { getClinicFees, getDoctorFees, setClinicFees, setDoctorFees } from './fees.service';

/** "Valores e repasse": the clinic's fees and each doctor's own, admin only. */
export async function feesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: 'manage:fees:any' } as const;

  r.get('/api/fees', { config: admin, schema: { response: { 200: clinicFeesSchema } } }, async () => getClinicFees(app.db));
  r.put('/api/fees', { config: admin, schema: { body: clinicFeesInputSchema, response: { 200: clinicFeesSchema } } }, async (req) =>
    setClinicFees(app.db, actorOf(req), req.body),
  );
  r.get('/api/fees/doctors/:id', { config: admin, schema: { params: idParamSchema, response: { 200: doctorFeesSchema } } }, async (req) =>
    getDoctorFees(app.db, req.params.id),
  );
  r.put(
    '/api/fees/doctors/:id',
    { config: admin, schema: { params: idParamSchema, body: doctorFeesInputSchema, response: { 200: doctorFeesSchema } } },
    async (req) => setDoctorFees(app.db, actorOf(req), req.params.id, req.body),
  );
}
