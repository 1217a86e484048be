import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createRoomInputSchema, roomCodeParamSchema, roomListQuerySchema, roomListSchema, roomSchema, waitingPatientsSchema } from '#shared/schemas/rooms.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { cancelRoom, createRoom, finalizeOwnRoom, getRoom, listRooms } from './rooms.service';
import { listWaitingPatients } from './waiting.service';

/** Consultation rooms. */
export async function roomsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const online = (code: string, userId: string) => app.rooms.isOnlineAnywhere(code, userId);

  r.get('/api/rooms', { config: { access: 'read:room:own' }, schema: { querystring: roomListQuerySchema, response: { 200: roomListSchema } } }, async (req) =>
    listRooms(app.db, actorOf(req), online, req.query),
  );
  // Before /api/rooms/:code, so "waiting" is never read as a room code.
  r.get('/api/rooms/waiting', { config: { access: 'read:waiting-room:own' }, schema: { response: { 200: waitingPatientsSchema } } }, async (req) =>
    listWaitingPatients(app.db, actorOf(req), app.rooms.waitingFor),
  );
  r.post(
    '/api/rooms',
    { config: { access: 'create:room:own' }, schema: { body: createRoomInputSchema, response: { 201: roomSchema } } },
    async (req, reply) => {
      reply.status(201);
      return createRoom(app.db, actorOf(req), online, req.body);
    },
  );
  r.get('/api/rooms/:code', { config: { access: 'read:room:own' }, schema: { params: roomCodeParamSchema, response: { 200: roomSchema } } }, async (req) =>
    getRoom(app.db, actorOf(req), online, req.params.code),
  );
  r.post(
    '/api/rooms/:code/cancel',
    { config: { access: 'create:room:own' }, schema: { params: roomCodeParamSchema, response: { 200: roomSchema } } },
    async (req) => {
      const room = await cancelRoom(app.db, actorOf(req), online, req.params.code);
      app.rooms.closeEverywhere(room.code, 'cancelled');
      return room;
    },
  );
  r.post(
    '/api/rooms/:code/finalize',
    { config: { access: 'finalize:room:own' }, schema: { params: roomCodeParamSchema, response: { 200: roomSchema } } },
    async (req) => {
      const actor = actorOf(req);
      await finalizeOwnRoom(app.db, actor, req.params.code);
      app.rooms.closeEverywhere(req.params.code, 'finalized');
      return getRoom(app.db, actor, online, req.params.code);
    },
  );
}
