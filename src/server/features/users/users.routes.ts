import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inviteLinkSchema } from '../../../shared/schemas/auth';
import { idParamSchema } from '../../../shared/schemas/common';
import {
  createUserInputSchema,
  createdUserSchema,
  doctorOptionSchema,
  myDoctorSchema,
  updateUserInputSchema,
  userDetailSchema,
  userListQuerySchema,
  userListSchema,
} from '../../../shared/schemas/users';
import { formatCrm } from '../../../shared/domain/crm';
import { actorOf } from '../../plugins/actor';
import { photoUrlOf } from './user-views';
import { listDoctorsOfPatient } from './users.repository';
import { adminCreateUser, adminGetUser, adminListUsers, adminRenewInvite, adminSetStatus, adminUpdateUser, doctorOptions } from './users.service';

/** Admin's user management, and a patient's list of their doctors. */
export async function usersRoutes(app: FastifyInstance): Promise<void> {
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
  r.put('/api/users/:id', { config: admin, schema: { params: idParamSchema, body: updateUserInputSchema, response: { 200: userDetailSchema } } }, async (req) => {
    const { detail, closedRooms } = await adminUpdateUser(app.db, actorOf(req), req.params.id, req.body);
    // After the commit: the rooms of an unlinked doctor are closed for good, so live sockets leave them now.
    for (const code of closedRooms.cancelled) app.rooms.closeEverywhere(code, 'cancelled');
    for (const code of closedRooms.finalized) app.rooms.closeEverywhere(code, 'finalized');
    return detail;
  });
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
  r.get('/api/doctors/options', { config: admin, schema: { response: { 200: z.array(doctorOptionSchema) } } }, async () => doctorOptions(app.db));

  r.get('/api/my-doctors', { config: { access: 'read:doctor:own' }, schema: { response: { 200: z.array(myDoctorSchema) } } }, async (req) => {
    const doctors = await listDoctorsOfPatient(app.db, actorOf(req).user.id);
    return doctors
      .filter((d) => d.status === 'active')
      .map((d) => ({ id: d.id, name: d.name, specialty: d.specialty, crm: formatCrm(d.crm_number, d.crm_uf), photoUrl: photoUrlOf(d) }));
  });
}
