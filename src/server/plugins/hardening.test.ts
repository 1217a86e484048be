import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createDoctor, createPatient, login } from '#tests/helpers/factories.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';
import { ConfigError, loadConfig } from '#server/config.ts';
import { createInvite } from '#server/features/invites/invites.service.ts';

let t: TestApp;
const logLines: string[] = [];

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => logLines.push(...chunk.toString().split('\n').filter(Boolean)));
  t = await createTestApp({ LOG_LEVEL: 'info' }, { logStream: stream });
});
afterAll(async () => t.close());

describe('API answers are never cached', () => {
  it('sends Cache-Control: no-store on every /api answer, data and errors alike', async () => {
    const patient = await createPatient(t.db);
    const cookie = await login(t, patient);
    for (const [url, status] of [
      ['/api/auth/me', 200],
      ['/api/me/history', 200],
      ['/api/auth/me', 401],
      ['/api/nao-existe', 404],
    ] as const) {
      const res = await t.request({ method: 'GET', url, ...(status === 401 ? {} : { cookie }) });
      expect(res.statusCode, url).toBe(status);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const bad = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['cache-control']).toBe('no-store');
  });
});

describe('secrets in URLs stay out of the log', () => {
  it('logs invite URLs with the token redacted', async () => {
    const admin = await createAdmin(t.db);
    const patient = await createPatient(t.db, { activated: false });
    const invite = await createInvite(t.db, patient.id, admin.id, 'http://localhost');
    const token = invite.url.split('/').pop()!;
    expect(token.length).toBeGreaterThan(20);
    await t.request({ method: 'GET', url: `/api/invites/${token}` });
    await t.request({ method: 'POST', url: `/api/invites/${token}/accept`, payload: { password: 'curta' } });
    await t.request({ method: 'GET', url: `/convite/${token}?origem=whatsapp` });
    await new Promise((r) => setTimeout(r, 50));
    const log = logLines.join('\n');
    expect(log).toContain('/api/invites/[redacted]/accept');
    expect(log).toContain('/convite/[redacted]?origem=whatsapp');
    expect(log).not.toContain(token);
  });
});

describe('TRUST_PROXY', () => {
  const parse = (v: string) => loadConfig({ TRUST_PROXY: v }).trustProxy;

  it('means a hop count or a list of proxy addresses, never "trust everything"', () => {
    expect(parse('0')).toBe(false);
    expect(parse('1')).toEqual({ hops: 1 });
    expect(parse('true')).toEqual({ hops: 1 });
    expect(parse('2')).toEqual({ hops: 2 });
    expect(parse('10.0.0.1, 192.168.0.0/16,loopback')).toEqual({ addresses: ['10.0.0.1', '192.168.0.0/16', 'loopback'] });
    expect(() => parse('proxy.example')).toThrow(ConfigError);
    expect(() => parse('10.0.0.0/99')).toThrow(/TRUST_PROXY/);
    expect(() => parse('11')).toThrow(/TRUST_PROXY/);
  });

  async function failedLoginIps(env: Record<string, string>, forwarded: string[]): Promise<{ codes: number[]; ips: (string | null)[] }> {
    const app = await createTestApp({ LOGIN_IP_LIMIT_PER_MINUTE: '3', ...env });
    try {
      const doctor = await createDoctor(app.db);
      const codes = [];
      for (const xff of forwarded) {
        const res = await app.request({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-for': xff },
          payload: { email: doctor.email, password: 'errada-errada' },
        });
        codes.push(res.statusCode);
      }
      const rows = await app.db.selectFrom('audit_log').select('ip').where('action', '=', 'login.failed').orderBy('created_at').execute();
      return { codes, ips: rows.map((r) => r.ip) };
    } finally {
      await app.close();
    }
  }

  it('with one hop, takes the address our proxy saw: a forged X-Forwarded-For neither dodges the IP limit nor lands in the audit', async () => {
    // The proxy appends the real peer (203.0.113.7); the client chose everything before it.
    const forged = ['1.1.1.1, 203.0.113.7', '2.2.2.2, 203.0.113.7', '3.3.3.3, 203.0.113.7', '4.4.4.4, 203.0.113.7'];
    const { codes, ips } = await failedLoginIps({ TRUST_PROXY: '1', LOGIN_MAX_FAILURES: '50' }, forged);
    expect(codes).toEqual([401, 401, 401, 429]);
    expect(ips).toEqual(['203.0.113.7', '203.0.113.7', '203.0.113.7']);
  });

  it('with an address list, ignores X-Forwarded-For from a peer that is not a listed proxy', async () => {
    const { ips } = await failedLoginIps({ TRUST_PROXY: '10.0.0.1', LOGIN_MAX_FAILURES: '50' }, ['1.1.1.1']);
    expect(ips).toEqual(['127.0.0.1']);
    const trusted = await failedLoginIps({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8', LOGIN_MAX_FAILURES: '50' }, ['1.1.1.1, 203.0.113.7, 10.1.2.3']);
    expect(trusted.ips).toEqual(['203.0.113.7']);
  });
});
