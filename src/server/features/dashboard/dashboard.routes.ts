import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dashboardSchema } from '#shared/schemas/dashboard.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { getDashboard } from './dashboard.service';

/** The caller's home screen. */
export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/dashboard', { config: { access: 'read:dashboard:own' }, schema: { response: { 200: dashboardSchema } } }, async (req) =>
    getDashboard(app.db, actorOf(req).user),
  );
}
