import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../errors';
import { inviteMailer } from '../features/invites/invite-mailer';
import type { Actor } from '../core/actor';

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
    mailInvite: inviteMailer(request.server.config, request.log),
  };
}
