import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inviteLinkSchema } from '#shared/schemas/auth.ts';
import { idParamSchema } from '#shared/schemas/common.ts';
import {
  createUserInputSchema,
  createdUserSchema,
  updateUserInputSchema,
  userDetailSchema,
  userListQuerySchema,
  userListSchema,
} from '#shared/schemas/users.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { adminCreateUser, adminGetUser, adminListUsers, adminRenewInvite, adminSetStatus, adminUpdateUser } from './accounts.service';

/** The admin's management of accounts (/api/users): list, create, edit, (de)activate, renew an invite. */
export async function accountsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: 'manage:users:any' } as const;

  r.get('/api/users', { config: admin, schema: { querystring: userListQuerySchema, response: { 200: userListSchema } } }, async (req) =>
    adminListUsers(app.db, req.query),
  );
  r.post('/api/users', { config: admin, schema: { body: createUserInputSchema, response: { 201: createdUserSchema } } }, async (req, reply) => {
    reply.status(201);
    return adminCreateUser(app.db, actorOf(req), req.body);
  });
  r.get('/api/users/:id', { config: admin, schema: { params: idParamSchema, response: { 200: userDetailSchema } } }, async (req) =>
    adminGetUser(app.db, req.params.id),
  );
  r.put(
    '/api/users/:id',
    { config: admin, schema: { params: idParamSchema, body: updateUserInputSchema, response: { 200: userDetailSchema } } },
    async (req) => {
      const { detail, closedRooms } = await adminUpdateUser(app.db, actorOf(req), req.params.id, req.body);
      // After the commit: the rooms of an unlinked doctor are closed for good, so live sockets leave them now.
      for (const code of closedRooms.cancelled) app.rooms.closeEverywhere(code, 'cancelled');
      for (const code of closedRooms.finalized) app.rooms.closeEverywhere(code, 'finalized');
      return detail;
    },
  );
  r.post('/api/users/:id/deactivate', { config: admin, schema: { params: idParamSchema, response: { 200: userDetailSchema } } }, async (req) => {
    const detail = await adminSetStatus(app.db, actorOf(req), req.params.id, 'inactive');
    app.realtime.endUserSessions(req.params.id);
    return detail;
  });
  r.post('/api/users/:id/reactivate', { config: admin, schema: { params: idParamSchema, response: { 200: userDetailSchema } } }, async (req) =>
    adminSetStatus(app.db, actorOf(req), req.params.id, 'active'),
  );
  r.post('/api/users/:id/invite', { config: admin, schema: { params: idParamSchema, response: { 200: inviteLinkSchema } } }, async (req) =>
    adminRenewInvite(app.db, actorOf(req), req.params.id),
  );
}
