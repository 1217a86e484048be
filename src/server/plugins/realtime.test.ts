import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { createDoctor, login } from '#tests/helpers/factories.ts';
import { connectSocket, request } from '#tests/helpers/sockets.ts';
import { type TestApp, createTestApp } from '#tests/helpers/test-app.ts';

let t: TestApp;
let url: URL;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  url = new URL(await t.app.listen({ port: 0, host: '127.0.0.1' }));
  cookie = await login(t, await createDoctor(t.db));
});
afterAll(async () => t.close());

function send(method: 'GET' | 'POST', headers: Record<string, string>, sid?: string, body = '40'): Promise<{ status: number; body: string }> {
  const path = `/socket.io/?EIO=4&transport=polling${sid ? `&sid=${sid}` : ''}`;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, method, headers: { cookie, ...headers } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? body : undefined);
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

  it('checks the Origin of every later polling request too, not only the handshake', async () => {
    const open = await send('GET', {});
    const sid = (JSON.parse(open.body.slice(1)) as { sid: string }).sid;
    // A page on another site that learned the sid cannot post into the session or read from it.
    expect((await send('POST', { origin: 'https://evil.example' }, sid)).status).toBe(400);
    expect((await send('POST', {}, sid)).status).toBe(400);
    expect((await send('GET', { origin: 'https://evil.example' }, sid)).status).toBe(400);
    expect((await send('GET', { 'sec-fetch-site': 'cross-site' }, sid)).status).toBe(400);
    expect((await send('POST', { origin: url.origin }, sid)).status).toBe(200);
  });
});

/** The server still answers HTTP and still lets a good socket in. */
async function expectAlive(): Promise<void> {
  const res = await fetch(new URL('/healthz', url));
  expect(res.status).toBe(200);
  const s = await connectSocket(url.origin, cookie);
  expect(s.connected).toBe(true);
  s.close();
}

const refusal = (c: string | undefined, headers: Record<string, string> = {}) =>
  new Promise<string>((resolve) => {
    const s = io(url.origin, {
      transports: ['websocket'],
      extraHeaders: { ...(c === undefined ? {} : { cookie: c }), origin: url.origin, ...headers },
      reconnection: false,
      forceNew: true,
    });
    s.once('connect', () => {
      s.close();
      resolve('connected');
    });
    s.once('connect_error', (err) => {
      s.close();
      resolve(err.message);
    });
  });

describe('nothing a client sends takes the server down', () => {
  it('refuses malformed cookies one socket at a time and keeps serving', async () => {
    for (const bad of [
      'mc_session=%zz',
      'mc_session=%',
      'mc_session=%E0%A4%A',
      `mc_session=${'%zz'.repeat(3000)}`,
      'mc_session',
      '=;;=;',
      'mc_session="unterminated',
    ]) {
      expect(await refusal(bad), bad).toBe('unauthenticated');
    }
    expect(await refusal(undefined)).toBe('unauthenticated');
    await expectAlive();
  });

  it('refuses odd headers without crashing', async () => {
    expect(await refusal(cookie, { origin: '%%%' })).toBe('websocket error');
    expect(await refusal(cookie, { 'x-forwarded-host': '%zz, ,,', 'x-forwarded-proto': '%%, ;' })).toBe('connected');
    const odd: Record<string, string>[] = [{ origin: 'null' }, { 'sec-fetch-site': '%zz' }, { cookie: 'a=%zz' }];
    for (const headers of odd) await send('GET', headers);
    await expectAlive();
  });

  it('answers malformed and unknown events with an error ack or silence, never a crash', async () => {
    const s = await connectSocket(url.origin, cookie);
    const emit = s.emit.bind(s) as unknown as (...args: unknown[]) => void;
    const acks: unknown[] = [];
    const payloads: unknown[] = [
      null,
      undefined,
      42,
      'x',
      [],
      { code: null },
      { code: '%zz' },
      { code: 'a'.repeat(10_000) },
      { __proto__: { code: 'x' } },
      { code: 'AAAAAAAAAAAAAAAAAAAAAA', chatAfter: {} },
    ];
    for (const event of ['room:join', 'room:leave', 'room:admit', 'room:finalize', 'signal', 'call:connected', 'media:state', 'chat:send']) {
      for (const p of payloads) emit(event, p, (r: unknown) => acks.push(r));
      emit(event); // no payload, no ack
      emit(event, { code: 'AAAAAAAAAAAAAAAAAAAAAA' }, 'not a function');
    }
    for (const event of ['unknown', '__proto__', 'constructor', 'toString']) emit(event, { x: 1 });
    await new Promise((r) => setTimeout(r, 500));
    // What socket.io-client refuses to send, sent raw over long-polling: reserved event names,
    // broken packets, binary placeholders without attachments.
    const open = await send('GET', {});
    const sid = (JSON.parse(open.body.slice(1)) as { sid: string }).sid;
    expect((await send('POST', { origin: url.origin }, sid)).status).toBe(200); // "40": join the namespace
    for (const packet of [
      '42["disconnect"]',
      '42["error",{}]',
      '42["connect"]',
      '42["newListener","x"]',
      '42[',
      '42{}',
      '42[1,2]',
      '451-["signal",{"_placeholder":true,"num":9}]',
      '49',
      '4',
      '2probe',
      '42["room:join",{"code":{"toString":1}}]',
    ]) {
      await send('POST', { origin: url.origin }, sid, packet);
    }
    expect(acks.length).toBeGreaterThan(0);
    // Only leaving a room one is not in is harmless enough to answer ok; everything else is refused.
    for (const a of acks) {
      if ((a as { ok: boolean }).ok) expect(a).toEqual({ ok: true, data: null });
      else expect(a).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect(acks.filter((a) => (a as { ok: boolean }).ok).length).toBeLessThanOrEqual(2);
    s.close();
    await expectAlive();
  });
});

describe('a feature whose socket code fails', () => {
  it("ends that one socket when a feature's per-socket setup throws, and keeps serving everyone else", async () => {
    const unlucky = await createDoctor(t.db);
    t.app.realtime.onConnection((socket) => {
      if (socket.data.user.id === unlucky.id) throw new Error('setup failed');
    });
    const s = io(url.origin, {
      transports: ['websocket'],
      extraHeaders: { cookie: await login(t, unlucky), origin: url.origin },
      reconnection: false,
      forceNew: true,
    });
    const fatal = new Promise<unknown>((resolve) => s.once('error:fatal', resolve));
    const reason = new Promise<string>((resolve) => s.once('disconnect', resolve));
    expect(await fatal).toMatchObject({ code: 'internal_error' });
    expect(await reason).toBe('io server disconnect');
    s.close();
    await expectAlive();
  });
});

describe('what a connection keeps', () => {
  it("lets go of the WebSocket upgrade request once connected (Engine.IO would keep it for the connection's life)", async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    let upgrade: WeakRef<http.IncomingMessage> | undefined;
    const onUpgrade = (req: http.IncomingMessage) => {
      upgrade = new WeakRef(req);
    };
    const own = await login(t, await createDoctor(t.db));
    t.app.server.prependListener('upgrade', onUpgrade);
    const s = await connectSocket(url.origin, own);
    t.app.server.off('upgrade', onUpgrade);
    try {
      expect(upgrade?.deref()?.headers.upgrade).toBe('websocket');
      // A WeakRef holds its target until the end of the turn that read it.
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
      expect(upgrade?.deref()).toBeUndefined();
      expect(s.connected).toBe(true);
      expect(await request(s, 'room:join', { code: 'NOPE-NOPE' })).toMatchObject({ ok: false });
    } finally {
      s.close();
    }
  });
});
