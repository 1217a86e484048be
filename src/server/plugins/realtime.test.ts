import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor, login } from '../../../tests/helpers/factories';
import { type TestApp, createTestApp } from '../../../tests/helpers/test-app';

let t: TestApp;
let url: URL;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  url = new URL(await t.app.listen({ port: 0, host: '127.0.0.1' }));
  cookie = await login(t, await createDoctor(t.db));
});
afterAll(async () => t.close());

function send(method: 'GET' | 'POST', headers: Record<string, string>, sid?: string): Promise<{ status: number; body: string }> {
  const path = `/socket.io/?EIO=4&transport=polling${sid ? `&sid=${sid}` : ''}`;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, method, headers: { cookie, ...headers } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '40' : undefined);
  });
}

const handshake = async (method: 'GET', headers: Record<string, string>) => (await send(method, headers)).status;

describe('socket transport origin check', () => {
  it('lets a same-origin long-polling GET through even without an Origin header', async () => {
    expect(await handshake('GET', {})).toBe(200);
    expect(await handshake('GET', { 'sec-fetch-site': 'same-origin' })).toBe(200);
    expect(await handshake('GET', { origin: url.origin })).toBe(200);
  });

  it('refuses a foreign Origin, a cross-site fetch, and posts to a session nobody opened', async () => {
    expect(await handshake('GET', { origin: 'https://evil.example' })).toBe(403);
    expect(await handshake('GET', { 'sec-fetch-site': 'cross-site' })).toBe(403);
    // Events are posted to a session id that only the page that opened the session could read.
    expect((await send('POST', {}, 'AAAAAAAAAAAAAAAAAAAA')).status).toBe(400);
    const open = await send('GET', {});
    const sid = (JSON.parse(open.body.slice(1)) as { sid: string }).sid;
    expect((await send('POST', { origin: url.origin }, sid)).status).toBe(200);
  });
});
