import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, InviteMailer } from '#server/core/actor.ts';
import { unauthenticated } from '#server/errors.ts';

/** What features add to every actor, per request (the invites feature's mailer); given in app.ts. */
export type ActorParts = { mailInvite: (request: FastifyRequest) => InviteMailer | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    actorParts: ActorParts;
  }
}

/** Lets `actorOf` build actors with what the features provide. */
export function registerActor(app: FastifyInstance, parts: ActorParts): void {
  app.decorate('actorParts', parts);
}

/** The base of links we hand out (invites): PUBLIC_URL, or the address the browser used. */
export function baseUrlOf(request: FastifyRequest): string {
  return request.server.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

/** The signed-in caller; routes behind a guard always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw unauthenticated();
  return {
    user: request.auth.user,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    baseUrl: baseUrlOf(request),
    mailInvite: request.server.actorParts.mailInvite(request),
  };
}
