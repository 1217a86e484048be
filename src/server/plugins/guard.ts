import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { can } from '#shared/permissions.ts';
import { forbidden, unauthenticated } from '#server/errors.ts';
import type { Access } from './fastify-types';

function guardFor(access: Exclude<Access, 'public'>): onRequestHookHandler {
  return async function guard(request) {
    if (!request.auth) throw unauthenticated();
    if (access !== 'authenticated' && !can(request.auth.user.role, access)) throw forbidden();
  };
}

/**
 * Every /api route must say what it needs in `config.access`; a route that forgets fails at
 * start-up instead of being open by accident. The guard runs before the body is parsed, so an
 * unauthorised caller learns nothing from validation errors.
 */
export function registerGuards(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} must declare config.access`);
    if (access === 'public') return;
    const existing = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : [];
    route.onRequest = [guardFor(access), ...existing];
  });
}
