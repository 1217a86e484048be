import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '#server/errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins allowed to send mutations: the one the browser used to reach us, and PUBLIC_URL. */
export function allowedOrigins(request: Pick<FastifyRequest, 'protocol' | 'host'>, publicUrl: string | undefined): Set<string> {
  const origins = new Set([`${request.protocol}://${request.host}`]);
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  return origins;
}

/** Security headers with a strict CSP, and an Origin check on every mutating request. */
export async function registerSecurity(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Only upgrade when we serve HTTPS ourselves; on a plain-HTTP LAN trial it would break assets.
        ...(app.config.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: app.config.https ? { maxAge: 15_552_000 } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('Permissions-Policy', 'camera=(self), microphone=(self), display-capture=(self), geolocation=()');
    // Records, history and who is signed in must not stay in a shared clinic computer's cache.
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (!origin || !allowedOrigins(request, app.config.publicUrl).has(origin)) {
      throw new AppError('bad_origin', 403, 'Pedido recusado: ele não veio do site do MedConnect.');
    }
  });
}
