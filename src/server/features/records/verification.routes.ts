import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { documentVerificationSchema, verificationParamsSchema } from '#shared/schemas/document-verification.ts';
import { AppError } from '#server/errors.ts';
import { PersonRateLimiter } from '#server/plugins/person-rate-limiter.ts';
import { verifyDocument } from './verification.service';

/** Per address: enough for a pharmacy checking a queue of prescriptions, far too few to walk codes. */
export const VERIFICATIONS_PER_MINUTE = 20;

/**
 * The public page behind a printed document's QR code: no session needed (a pharmacist checks a
 * prescription), so it answers only what the paper already shows, and each address is throttled.
 */
export async function verificationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limiter = new PersonRateLimiter(VERIFICATIONS_PER_MINUTE, 60_000);

  r.get(
    '/api/document-verifications/:code',
    {
      config: { access: 'public' },
      // Counted before the params are checked, so malformed guesses spend the budget too.
      onRequest: async (req) => {
        if (!limiter.take(`ip:${req.ip}`)) throw new AppError('too_many_requests', 429, 'Muitas consultas seguidas. Aguarde um minuto e tente de novo.');
      },
      schema: { params: verificationParamsSchema, response: { 200: documentVerificationSchema } },
    },
    async (req, reply) => {
      // Public and unchanging once signed, but nothing here should sit in a shared cache.
      reply.header('cache-control', 'no-store');
      return verifyDocument(app.db, req.params.code);
    },
  );
}
