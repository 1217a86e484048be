import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Auth } from './fastify-types';

/** The session cookie's name: HTTP, sockets and the static pages read the same one. */
export const SESSION_COOKIE = 'mc_session';

/**
 * How the person behind a session cookie is found. The auth feature provides it and app.ts hands
 * it to this plugin and to the realtime layer at start-up, so plumbing never imports a feature.
 */
export type SessionStore = {
  /** The person behind a cookie token, or null when the session is unknown, expired or its user inactive. */
  resolve: (token: string) => Promise<Auth | null>;
  /** Which of these sessions are still valid now (for sockets that outlive a request). */
  findLive: (sessionIds: string[]) => Promise<Set<string>>;
  /** Marks these sessions as in use now (a quiet call is use). */
  touch: (sessionIds: string[]) => Promise<void>;
};

/** Reads the session cookie on API and socket requests and sets `request.auth`. */
export async function registerSession(app: FastifyInstance, sessions: SessionStore): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await sessions.resolve(token) : null;
  });
}

/** httpOnly, SameSite=Lax, Secure over HTTPS; the browser drops it at the absolute expiry. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
