import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema } from '#shared/schemas/common.ts';
import {
  adminPaymentDetailSchema,
  cancelPaymentInputSchema,
  closingExportQuerySchema,
  closingMonthInputSchema,
  closingMonthQuerySchema,
  closingPreviewSchema,
  closingResultSchema,
  confirmPaymentInputSchema,
  disputePaymentInputSchema,
  paymentDetailSchema,
  paymentEventPageSchema,
  paymentEventQuerySchema,
  paymentListQuerySchema,
  paymentListSchema,
} from '#shared/schemas/payments.ts';
import type { PaymentDetail } from '#shared/schemas/payments.ts';
import { sendDownload } from '#server/lib/download.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { exportClosing } from './closing-export.service';
import { closeMonth, previewClosing } from './closing.service';
import { cancelPayment, confirmPayment, confirmReceived, disputePayment } from './payment-transitions.service';
import { getAnyPaymentToPay, getOwnPayment, listOwnPayments, listPaymentEvents, listPayments } from './payments-read.service';

/** Monthly closing (admin), payments in two steps (admin pays, doctor confirms) and their audit. */
export async function paymentsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: 'manage:payments:any' } as const;
  const ownRead = { access: 'read:payments:own' } as const;
  const ownConfirm = { access: 'confirm:payments:own' } as const;
  const detail = { 200: paymentDetailSchema };

  // Who hears about a step: the doctor when the admin moved their payment, the admins when the doctor did.
  const tellDoctor = (p: PaymentDetail) => {
    app.realtime.notify({ userId: p.doctor.id }, 'payment:changed', {
      paymentId: p.id,
      month: p.month,
      status: p.status,
      doctorName: p.doctor.name,
      netCents: p.netCents,
    });
    return p;
  };
  const tellAdmins = (p: PaymentDetail) => {
    app.realtime.notify({ role: 'admin' }, 'payment:changed', {
      paymentId: p.id,
      month: p.month,
      status: p.status,
      doctorName: p.doctor.name,
      netCents: p.netCents,
    });
    return p;
  };

  r.get('/api/closings/preview', { config: admin, schema: { querystring: closingMonthQuerySchema, response: { 200: closingPreviewSchema } } }, async (req) =>
    previewClosing(app.db, req.query.month),
  );
  r.post('/api/closings', { config: admin, schema: { body: closingMonthInputSchema, response: { 201: closingResultSchema } } }, async (req, reply) => {
    const result = await closeMonth(app.db, actorOf(req), req.body.month);
    reply.status(201);
    return result;
  });
  // The month's closing as a spreadsheet: .xlsx (payments and every consultation they hold) or CSV (payments).
  // No automatic HEAD: it would audit an export whose rows never leave.
  r.get('/api/closings/export', { exposeHeadRoute: false, config: admin, schema: { querystring: closingExportQuerySchema } }, async (req, reply) =>
    sendDownload(reply, await exportClosing(app.db, app.config, actorOf(req), req.query)),
  );
  r.get('/api/payments', { config: admin, schema: { querystring: paymentListQuerySchema, response: { 200: paymentListSchema } } }, async (req) =>
    listPayments(app.db, req.query),
  );
  r.get('/api/payments/:id', { config: admin, schema: { params: idParamSchema, response: { 200: adminPaymentDetailSchema } } }, async (req) =>
    getAnyPaymentToPay(app.db, app.config, req.params.id),
  );
  r.post('/api/payments/:id/confirm', { config: admin, schema: { params: idParamSchema, body: confirmPaymentInputSchema, response: detail } }, async (req) =>
    tellDoctor(await confirmPayment(app.db, actorOf(req), req.params.id, req.body)),
  );
  r.post('/api/payments/:id/cancel', { config: admin, schema: { params: idParamSchema, body: cancelPaymentInputSchema, response: detail } }, async (req) =>
    tellDoctor(await cancelPayment(app.db, actorOf(req), req.params.id, req.body.reason)),
  );
  r.get('/api/payment-events', { config: admin, schema: { querystring: paymentEventQuerySchema, response: { 200: paymentEventPageSchema } } }, async (req) =>
    listPaymentEvents(app.db, req.query),
  );

  r.get(
    '/api/me/payments',
    { config: ownRead, schema: { querystring: paymentListQuerySchema.omit({ doctorId: true }), response: { 200: paymentListSchema } } },
    async (req) => listOwnPayments(app.db, actorOf(req), req.query),
  );
  r.get('/api/me/payments/:id', { config: ownRead, schema: { params: idParamSchema, response: detail } }, async (req) =>
    getOwnPayment(app.db, actorOf(req), req.params.id),
  );
  r.post('/api/me/payments/:id/received', { config: ownConfirm, schema: { params: idParamSchema, response: detail } }, async (req) =>
    tellAdmins(await confirmReceived(app.db, actorOf(req), req.params.id)),
  );
  r.post(
    '/api/me/payments/:id/dispute',
    { config: ownConfirm, schema: { params: idParamSchema, body: disputePaymentInputSchema, response: detail } },
    async (req) => tellAdmins(await disputePayment(app.db, actorOf(req), req.params.id, req.body.message)),
  );
}
