import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppConnection, SOCKET_OPTIONS } from './app-connection';
import type { AppSocket } from './app-socket';

/** Just enough of a Socket.IO client socket: the test plays the server by firing its events. */
class FakeSocket {
  handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  active = true;
  connects = 0;
  disconnected = false;
  on(event: string, fn: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  off() {
    this.handlers.clear();
    return this;
  }
  connect() {
    this.connects += 1;
    this.active = true;
    return this;
  }
  disconnect() {
    this.disconnected = true;
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
}

function setup(sessionEnded = true) {
  const sockets: FakeSocket[] = [];
  const io = vi.fn((opts: unknown) => {
    expect(opts).toEqual(SOCKET_OPTIONS);
    const s = new FakeSocket();
    sockets.push(s);
    return s as unknown as AppSocket;
  });
  const connection = new AppConnection(
    async () => io,
    () => 0.5,
  );
  const hooks = { onSessionEnded: vi.fn(), sessionEnded: vi.fn(async () => sessionEnded) };
  return { connection, hooks, sockets, io };
}

const loaded = () => vi.advanceTimersByTimeAsync(0);

describe('the app-wide connection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens one socket after sign-in, says when it is online, and closes on sign-out', async () => {
    const { connection, hooks, sockets } = setup();
    const seen: string[] = [];
    connection.subscribe(() => seen.push(connection.getStatus().kind));
    connection.start(hooks);
    connection.start(hooks); // a second page asking again: still one socket
    await loaded();
    expect(sockets).toHaveLength(1);
    expect(connection.getSocket()).toBe(sockets[0]);
    sockets[0]!.fire('connect');
    expect(connection.getStatus()).toEqual({ kind: 'online' });
    connection.stop();
    expect(sockets[0]!.disconnected).toBe(true);
    expect(connection.getSocket()).toBeNull();
    expect(seen).toEqual(['connecting', 'online', 'idle']);
  });

  it('a sign-out before socket.io-client has loaded opens nothing', async () => {
    const { connection, hooks, sockets } = setup();
    connection.start(hooks);
    connection.stop();
    await loaded();
    expect(sockets).toHaveLength(0);
    expect(connection.getStatus()).toEqual({ kind: 'idle' });
  });

  it('leaves network drops to Socket.IO, which retries by itself', async () => {
    const { connection, hooks, sockets } = setup();
    connection.start(hooks);
    await loaded();
    const s = sockets[0]!;
    s.fire('connect');
    s.fire('disconnect', 'transport close');
    expect(connection.getStatus()).toEqual({ kind: 'offline' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.connects).toBe(0);
    s.fire('connect');
    expect(connection.getStatus()).toEqual({ kind: 'online' });
  });

  it('after the session ended on the server (and HTTP agrees): no reconnection, and the app goes to sign-in', async () => {
    const { connection, hooks, sockets } = setup();
    connection.start(hooks);
    await loaded();
    const s = sockets[0]!;
    s.fire('connect');
    s.fire('error:fatal', { code: 'session_ended', message: 'Sua sessão terminou.' });
    s.fire('disconnect', 'io server disconnect');
    await loaded();
    expect(hooks.sessionEnded).toHaveBeenCalledOnce();
    expect(connection.getStatus()).toEqual({ kind: 'ended' });
    expect(hooks.onSessionEnded).toHaveBeenCalledOnce();
    expect(connection.getSocket()).toBeNull();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(s.connects).toBe(0);
    expect(sockets).toHaveLength(1);
  });

  it('a session replaced by a new one (an invite accepted in this tab) connects again', async () => {
    const { connection, hooks, sockets } = setup(false);
    connection.start(hooks);
    await loaded();
    const s = sockets[0]!;
    s.fire('connect');
    s.fire('error:fatal', { code: 'session_ended', message: 'Sua sessão terminou.' });
    s.fire('disconnect', 'io server disconnect');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(hooks.onSessionEnded).not.toHaveBeenCalled();
    expect(s.connects).toBe(1);
  });

  it('cut off for flooding: waits out the server bench before trying again', async () => {
    const { connection, hooks, sockets } = setup();
    connection.start(hooks);
    await loaded();
    const s = sockets[0]!;
    s.fire('connect');
    s.fire('error:fatal', { code: 'rate_limited', message: 'Mensagens demais.' });
    s.fire('disconnect', 'io server disconnect');
    expect(connection.getStatus()).toMatchObject({ kind: 'refused', error: { code: 'rate_limited' } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.connects).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.connects).toBe(1);
  });

  it('refused at the handshake for too many tabs: says so in the server words and retries with growing waits', async () => {
    const { connection, hooks, sockets } = setup();
    connection.start(hooks);
    await loaded();
    const s = sockets[0]!;
    const refuse = () => {
      s.active = false;
      s.fire('connect_error', Object.assign(new Error('too_many_connections'), { data: { code: 'too_many_connections', message: 'Muitas abas.' } }));
    };
    refuse();
    expect(connection.getStatus()).toEqual({ kind: 'refused', error: { code: 'too_many_connections', message: 'Muitas abas.' } });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(s.connects).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.connects).toBe(1);
    // Later refusals wait longer (doubled each time, at least 5 s here), up to 30 s.
    for (let i = 0; i < 6; i += 1) refuse();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(s.connects).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.connects).toBe(2);
    s.fire('connect');
    expect(connection.getStatus()).toEqual({ kind: 'online' });
  });

  it('"unauthenticated" at the handshake: asks the server; a live session is retried, an ended one goes to sign-in', async () => {
    const live = setup(false);
    live.connection.start(live.hooks);
    await loaded();
    const unauthenticated = Object.assign(new Error('unauthenticated'), { data: { code: 'unauthenticated', message: 'Sua sessão terminou.' } });
    live.sockets[0]!.active = false;
    live.sockets[0]!.fire('connect_error', unauthenticated);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(live.sockets[0]!.connects).toBe(1);
    expect(live.hooks.onSessionEnded).not.toHaveBeenCalled();

    const over = setup(true);
    over.connection.start(over.hooks);
    await loaded();
    over.sockets[0]!.active = false;
    over.sockets[0]!.fire('connect_error', unauthenticated);
    await loaded();
    expect(over.hooks.onSessionEnded).toHaveBeenCalledOnce();
    expect(over.connection.getStatus()).toEqual({ kind: 'ended' });
    // Signing in again opens a new connection.
    over.connection.start(over.hooks);
    await loaded();
    expect(over.sockets).toHaveLength(2);
  });

  it('a transport error while Socket.IO is still trying changes only the status', async () => {
    const { connection, hooks, sockets } = setup();
    connection.start(hooks);
    await loaded();
    sockets[0]!.fire('connect_error', new Error('xhr poll error'));
    expect(connection.getStatus()).toEqual({ kind: 'offline' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets[0]!.connects).toBe(0);
  });

  it('socket.io-client failing to load is tried again later', async () => {
    let fail = true;
    const s = new FakeSocket();
    const connection = new AppConnection(
      async () => {
        if (fail) throw new Error('chunk');
        return (() => s) as never;
      },
      () => 0.5,
    );
    connection.start({ onSessionEnded: vi.fn(), sessionEnded: vi.fn(async () => false) });
    await loaded();
    expect(connection.getSocket()).toBeNull();
    fail = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(connection.getSocket()).toBe(s);
  });
});
