import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  billingApproveInputSchema,
  billingExportQuerySchema,
  billingPageSchema,
  billingQuerySchema,
  billingReasonInputSchema,
  billingRecordSchema,
  billingSummaryQuerySchema,
  billingSummarySchema,
  ownBillingExportQuerySchema,
  ownBillingQuerySchema,
} from '#shared/schemas/billing.ts';
import { idParamSchema } from '#shared/schemas/common.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { sendDownload } from '#server/lib/download.ts';
import { exportBilling } from './billing-export.service';
import { decideBilling, listAllBilling, listOwnBilling } from './billing-records.service';
import { billingSummary } from './billing-summary.service';

/** Billing history (admin: all; doctor: own), its export, and the admin's decisions on records. */
export async function billingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const review = { access: 'review:billing:any' } as const;

  r.get(
    '/api/billing',
    { config: { access: 'read:billing:any' }, schema: { querystring: billingQuerySchema, response: { 200: billingPageSchema } } },
    async (req) => listAllBilling(app.db, req.query),
  );
  r.get(
    '/api/me/billing',
    { config: { access: 'read:billing:own' }, schema: { querystring: ownBillingQuerySchema, response: { 200: billingPageSchema } } },
    async (req) => listOwnBilling(app.db, actorOf(req).user, req.query),
  );
  // No automatic HEAD: it would audit an export whose rows never leave.
  r.get(
    '/api/billing/export',
    { exposeHeadRoute: false, config: { access: 'read:billing:any' }, schema: { querystring: billingExportQuerySchema } },
    async (req, reply) => sendDownload(reply, await exportBilling(app.db, actorOf(req), req.query, false)),
  );
  r.get(
    '/api/me/billing/export',
    { exposeHeadRoute: false, config: { access: 'read:billing:own' }, schema: { querystring: ownBillingExportQuerySchema } },
    async (req, reply) => sendDownload(reply, await exportBilling(app.db, actorOf(req), { ...req.query, doctorId: undefined }, true)),
  );
  r.get(
    '/api/billing/summary',
    { config: { access: 'read:billing:any' }, schema: { querystring: billingSummaryQuerySchema, response: { 200: billingSummarySchema } } },
    async (req) => billingSummary(app.db, req.query.month),
  );
  r.get(
    '/api/me/billing/summary',
    { config: { access: 'read:billing:own' }, schema: { querystring: billingSummaryQuerySchema, response: { 200: billingSummarySchema } } },
    async (req) => billingSummary(app.db, req.query.month, actorOf(req).user.id),
  );
  r.post(
    '/api/billing/:id/approve',
    { config: review, schema: { params: idParamSchema, body: billingApproveInputSchema, response: { 200: billingRecordSchema } } },
    async (req) => decideBilling(app.db, actorOf(req), req.params.id, 'approve', req.body.note ?? null),
  );
  r.post(
    '/api/billing/:id/reject',
    { config: review, schema: { params: idParamSchema, body: billingReasonInputSchema, response: { 200: billingRecordSchema } } },
    async (req) => decideBilling(app.db, actorOf(req), req.params.id, 'reject', req.body.reason),
  );
  r.post(
    '/api/billing/:id/void',
    { config: review, schema: { params: idParamSchema, body: billingReasonInputSchema, response: { 200: billingRecordSchema } } },
    async (req) => decideBilling(app.db, actorOf(req), req.params.id, 'void', req.body.reason),
  );
}
