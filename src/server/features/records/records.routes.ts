import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, okSchema } from '#shared/schemas/common.ts';
import {
  accessLogQuerySchema,
  addendaSchema,
  accessLogSchema,
  createEvolutionInputSchema,
  discardEvolutionQuerySchema,
  documentParamsSchema,
  draftsToSignSchema,
  evolutionPageSchema,
  evolutionSchema,
  finalizeEvolutionInputSchema,
  historyConsultationPageSchema,
  patientHistorySchema,
  patientRecordSchema,
  printableDocumentSchema,
  recordConsultationPageSchema,
  recordRoomPageSchema,
  roomEvolutionSchema,
  saveEvolutionInputSchema,
} from '#shared/schemas/records.ts';
import { cursorPageQuerySchema } from '#shared/schemas/cursor.ts';
import { roomCodeParamSchema } from '#shared/schemas/rooms.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { listAccessLogForAdmin, listOwnAccessLog } from './access-log.service';
import { listDraftsToSign } from './drafts.service';
import {
  createEvolution,
  discardEvolution,
  finalizeEvolution,
  getDocument,
  getEvolution,
  getEvolutionAddenda,
  getOwnHistory,
  getOwnHistoryPage,
  getPatientRecord,
  getPatientRecordPage,
  getRoomEvolution,
  saveEvolution,
} from './records.service';

const ownAccessLogQuerySchema = accessLogQuerySchema.pick({ page: true, pageSize: true });

/** Clinical records: evolutions, the patient's record and history, printable documents, the access log. */
export async function recordsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const write = { access: 'write:evolution:own' } as const;

  r.post(
    '/api/evolutions',
    { config: write, schema: { body: createEvolutionInputSchema, response: { 200: evolutionSchema, 201: evolutionSchema } } },
    async (req, reply) => {
      const { evolution, created } = await createEvolution(app.db, actorOf(req), req.body);
      reply.status(created ? 201 : 200);
      return evolution;
    },
  );
  r.get('/api/evolutions/drafts', { config: write, schema: { response: { 200: draftsToSignSchema } } }, async (req) => listDraftsToSign(app.db, actorOf(req)));
  r.get('/api/evolutions/:id', { config: write, schema: { params: idParamSchema, response: { 200: evolutionSchema } } }, async (req) =>
    getEvolution(app.db, actorOf(req), req.params.id),
  );
  r.put(
    '/api/evolutions/:id',
    { config: write, schema: { params: idParamSchema, body: saveEvolutionInputSchema, response: { 200: evolutionSchema } } },
    async (req) => saveEvolution(app.db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/evolutions/:id/finalize',
    { config: write, schema: { params: idParamSchema, body: finalizeEvolutionInputSchema, response: { 200: evolutionSchema } } },
    async (req) => finalizeEvolution(app.db, actorOf(req), req.params.id, req.body.version),
  );
  r.delete(
    '/api/evolutions/:id',
    { config: write, schema: { params: idParamSchema, querystring: discardEvolutionQuerySchema, response: { 200: okSchema } } },
    async (req) => {
      await discardEvolution(app.db, actorOf(req), req.params.id, req.query.version);
      return { ok: true as const };
    },
  );

  r.get('/api/rooms/:code/evolution', { config: write, schema: { params: roomCodeParamSchema, response: { 200: roomEvolutionSchema } } }, async (req) =>
    getRoomEvolution(app.db, actorOf(req), req.params.code),
  );

  r.get('/api/evolutions/:id/addenda', { config: write, schema: { params: idParamSchema, response: { 200: addendaSchema } } }, async (req) =>
    getEvolutionAddenda(app.db, actorOf(req), req.params.id),
  );

  const record = { access: 'read:record:own' } as const;
  r.get('/api/patients/:id/record', { config: record, schema: { params: idParamSchema, response: { 200: patientRecordSchema } } }, async (req) =>
    getPatientRecord(app.db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/patients/:id/record/evolutions',
    { config: record, schema: { params: idParamSchema, querystring: cursorPageQuerySchema, response: { 200: evolutionPageSchema } } },
    async (req) => getPatientRecordPage(app.db, actorOf(req), req.params.id, 'evolutions', req.query),
  );
  r.get(
    '/api/patients/:id/record/consultations',
    { config: record, schema: { params: idParamSchema, querystring: cursorPageQuerySchema, response: { 200: recordConsultationPageSchema } } },
    async (req) => getPatientRecordPage(app.db, actorOf(req), req.params.id, 'consultations', req.query),
  );
  r.get(
    '/api/patients/:id/record/rooms',
    { config: record, schema: { params: idParamSchema, querystring: cursorPageQuerySchema, response: { 200: recordRoomPageSchema } } },
    async (req) => getPatientRecordPage(app.db, actorOf(req), req.params.id, 'rooms', req.query),
  );

  const history = { access: 'read:history:own' } as const;
  r.get('/api/me/history', { config: history, schema: { response: { 200: patientHistorySchema } } }, async (req) => getOwnHistory(app.db, actorOf(req)));
  r.get('/api/me/history/entries', { config: history, schema: { querystring: cursorPageQuerySchema, response: { 200: evolutionPageSchema } } }, async (req) =>
    getOwnHistoryPage(app.db, actorOf(req), 'entries', req.query),
  );
  r.get(
    '/api/me/history/consultations',
    { config: history, schema: { querystring: cursorPageQuerySchema, response: { 200: historyConsultationPageSchema } } },
    async (req) => getOwnHistoryPage(app.db, actorOf(req), 'consultations', req.query),
  );
  r.get(
    '/api/documents/:kind/:id',
    { config: { access: 'read:document:own' }, schema: { params: documentParamsSchema, response: { 200: printableDocumentSchema } } },
    async (req) => getDocument(app.db, actorOf(req), app.config.clinic, req.params.kind, req.params.id),
  );

  r.get(
    '/api/access-log',
    { config: { access: 'read:access-log:any' }, schema: { querystring: accessLogQuerySchema, response: { 200: accessLogSchema } } },
    async (req) => listAccessLogForAdmin(app.db, req.query),
  );
  r.get(
    '/api/me/access-log',
    { config: { access: 'read:access-log:own' }, schema: { querystring: ownAccessLogQuerySchema, response: { 200: accessLogSchema } } },
    async (req) => listOwnAccessLog(app.db, actorOf(req), req.query),
  );
}
