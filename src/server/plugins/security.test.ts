import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import type { UserRow } from '#server/db/types.ts';
import { registerErrorHandler } from './error-handler';
import './fastify-types';
import { registerGuards } from './guard';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** The only /api routes anyone may call without a session; adding one here is a security decision. */
const PUBLIC_ROUTES = [
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/invites/:token',
  'POST /api/invites/:token/accept',
  // Lost passwords (issue 12): what the login page may offer, the request, and the link itself.
  'GET /api/auth/options',
  'POST /api/auth/forgot-password',
  'GET /api/password-resets/:token',
  'POST /api/password-resets/:token',
  // The room link's landing page before sign-in, and the public check of a printed document.
  'GET /api/room-links/:code',
  'GET /api/document-verifications/:code',
];

/** Flattens `printRoutes({ commonPrefix: false })` into "METHOD /full/path" entries. */
function registeredRoutes(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = path;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) out.push(`${method} ${path}`);
  }
  return out;
}

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('upgrade-insecure-requests');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('geolocation=()');
  expect(headers['strict-transport-security']).toBeUndefined();
  expect(headers['x-powered-by']).toBeUndefined();
}

describe('security headers', () => {
  it('are sent on /healthz, API answers and errors', async () => {
    const health = await t.request({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    expectSecurityHeaders(health.headers);

    const doctor: UserRow = await createDoctor(t.db);
    const ok = await t.request({ method: 'GET', url: '/api/auth/me', cookie: await login(t, doctor) });
    expect(ok.statusCode).toBe(200);
    expectSecurityHeaders(ok.headers);
    expectSecurityHeaders((await t.request({ method: 'GET', url: '/api/auth/me' })).headers);
    expectSecurityHeaders((await t.request({ method: 'GET', url: '/api/nao-existe' })).headers);
  });

  it('add HSTS and upgrade-insecure-requests only when serving HTTPS', async () => {
    const https = await createTestApp({ HTTPS: 'true' });
    try {
      const res = await https.request({ method: 'GET', url: '/healthz' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await https.close();
    }
  });
});

describe('unknown API routes', () => {
  it('answer 404 with the JSON error shape', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await t.request({ method, url: '/api/nao-existe/123' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
  });
});

describe('router errors', () => {
  it('answer a too-long path parameter with the JSON error shape, not a 5xx', async () => {
    const res = await t.request({ method: 'GET', url: `/api/invites/${'a'.repeat(300)}` });
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual({ error: { code: 'bad_request', message: 'Endereço inválido.' } });
  });
});

describe('origin check', () => {
  it('accepts PUBLIC_URL as an origin besides the address the browser used', async () => {
    const app = await createTestApp({ PUBLIC_URL: 'https://clinica.example.com/' });
    try {
      const payload = { email: 'ninguem@example.com', password: 'qualquer-coisa' };
      const fromPublic = await app.request({ method: 'POST', url: '/api/auth/login', payload, headers: { origin: 'https://clinica.example.com' } });
      expect(fromPublic.statusCode).toBe(401);
      const fromEvil = await app.request({ method: 'POST', url: '/api/auth/login', payload, headers: { origin: 'https://clinica.example.com.evil.example' } });
      expect(fromEvil.statusCode).toBe(403);
      expect(fromEvil.json().error.code).toBe('bad_origin');
    } finally {
      await app.close();
    }
  });

  it('lets safe methods through without an Origin header', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
  });
});

describe('route access declarations', () => {
  it('guard every /api route except the listed public ones', async () => {
    const routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false })).filter((r) => r.includes(' /api/') && !r.startsWith('HEAD '));
    expect(routes).toEqual(expect.arrayContaining([...PUBLIC_ROUTES, 'GET /api/users', 'PUT /api/me/photo', 'POST /api/patients/:id/invite']));
    for (const route of routes) {
      const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string];
      const url = path.replace(':id', '00000000-0000-4000-8000-000000000000').replace(':token', 'a'.repeat(43));
      const res = await t.request({ method, url, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) });
      if (PUBLIC_ROUTES.includes(route)) expect(res.statusCode, route).not.toBe(401);
      else {
        expect(res.statusCode, route).toBe(401);
        expect(res.json().error.code).toBe('unauthenticated');
      }
    }
  });

  it('make start-up fail for an /api route without config.access', async () => {
    const app = Fastify();
    registerGuards(app);
    app.get('/healthz', async () => 'ok');
    expect(() => app.get('/api/esquecida', async () => 'aberta')).toThrow('Route GET /api/esquecida must declare config.access');
    await app.close();
  });

  it('check the session and the permission table before the handler runs', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    registerGuards(app);
    app.decorateRequest('auth', null);
    // Stands in for the session plugin: the role comes from a header.
    app.addHook('onRequest', async (request) => {
      const role = request.headers['x-role'];
      if (role === 'admin' || role === 'doctor' || role === 'patient')
        request.auth = { user: { role } as UserRow, sessionId: 's', sessionCreatedAt: new Date().toISOString() };
    });
    app.get('/api/open', { config: { access: 'public' } }, async () => ({ ok: true }));
    app.get('/api/any', { config: { access: 'authenticated' } }, async () => ({ ok: true }));
    app.get('/api/admin', { config: { access: 'manage:users:any' } }, async () => ({ ok: true }));
    const call = async (url: string, role?: string) => (await app.inject({ method: 'GET', url, headers: role ? { 'x-role': role } : {} })).statusCode;
    expect(await call('/api/open')).toBe(200);
    expect(await call('/api/any')).toBe(401);
    expect(await call('/api/any', 'patient')).toBe(200);
    expect(await call('/api/admin')).toBe(401);
    expect(await call('/api/admin', 'doctor')).toBe(403);
    expect(await call('/api/admin', 'admin')).toBe(200);
    await app.close();
  });
});
