import { type IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import type { ServerToClientEvents } from '#shared/realtime/events.ts';
import type { ErrorCode } from '#shared/error-codes.ts';
import type { Role } from '#shared/permissions.ts';
import type { Redis } from '#server/lib/redis.ts';
import { hashToken } from '#server/lib/tokens.ts';
import { originOf, trustFn } from '#server/lib/trust-proxy.ts';
import { eventTurns } from './event-turns';
import { SlowRefusals } from './slow-refusals';
import { LocalRealtimeLimits, type RealtimeLimits, RedisRealtimeLimits } from './realtime-limits';
import { SESSION_COOKIE, type SessionStore } from './session';
import type { RealtimeServer, RealtimeSocket, SocketData, SocketEventHandler } from './socket-events';

/** What the rest of the app may ask of the realtime layer. */
export type Realtime = {
  io: RealtimeServer;
  /** Closes every socket of one session (logout, a session replaced by an invite's). */
  endSession: (sessionId: string) => void;
  /** Closes every socket of a person, except those of one session (deactivation, password change). */
  endUserSessions: (userId: string, exceptSessionId?: string) => void;
  /** Re-checks every connected session now; main and tests call it, a timer calls it too. */
  revalidateSessions: () => Promise<void>;
  /** Disconnects every socket except those of one session (a database reset): each is told its session ended. */
  endAllSessionsExcept: (sessionId: string) => void;
  /** An app-wide notice to every open page of one person, or of everyone with a role. */
  notify: <E extends NoticeEvent>(to: { userId: string } | { role: Role }, event: E, ...payload: Parameters<ServerToClientEvents[E]>) => void;
  /** Features register their event handlers at start-up (app.ts); every new socket gets them. */
  handle: (...handlers: SocketEventHandler[]) => void;
  /** Runs for every socket that passed the handshake, after the handlers are on (a feature's per-socket setup). */
  onConnection: (setup: (socket: RealtimeSocket) => void) => void;
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The realtime layer (attached in app.ts). */
    realtime: Realtime;
  }
}

/** The events that are notices (not part of a call), sent to people rather than to rooms. */
type NoticeEvent = 'payment:changed' | 'waiting:changed';

/** A session is looked up again before an event once this much time passed since the last look. */
const SESSION_RECHECK_MS = 5_000;
/** Sockets that send nothing still have their session checked this often. */
const SESSION_SWEEP_MS = 30_000;
/** Multi-node mode: how often this node re-counts its sockets in Redis (they expire after 30 s). */
const LIMITS_UPKEEP_MS = 10_000;
/** New sockets one session may open per 10 s (a page reconnects every few seconds at most). */
const HANDSHAKES_PER_10S = 20;
/** How long a session that flooded is refused new connections: doubled on each repeat within ten minutes, up to five minutes. */
const FLOOD_BENCH = { baseMs: 10_000, maxMs: 300_000, memoryMs: 600_000 };
/** How long an ended session is remembered, to refuse a handshake that raced the ending. */
const ENDED_MEMORY_MS = 60_000;
/** A refused handshake is answered this late (plugins/slow-refusals.ts), at most this many at once. */
const REFUSAL_DELAY_MS = 1_000;
const REFUSALS_HELD = 2_000;

const SESSION_ENDED: { code: ErrorCode; message: string } = { code: 'session_ended', message: 'Sua sessão terminou. Entre de novo para continuar.' };

/**
 * The two connections Socket.IO's Redis adapter needs: the node's own for publishing, and a
 * second one (a subscriber can do nothing else), opened now and closed with the app.
 */
export async function realtimeRedis(app: FastifyInstance, redis: Redis): Promise<{ pub: Redis; sub: Redis }> {
  const sub = redis.duplicate();
  // Without a listener an 'error' would end the process; the node's own connection logs outages.
  sub.on('error', () => undefined);
  await sub.connect();
  app.addHook('onClose', async () => {
    if (sub.isOpen) await sub.close();
    else sub.destroy();
  });
  return { pub: redis, sub };
}

/**
 * The adapter publishes every broadcast without waiting for Redis's answer, so a publish that
 * fails (Redis away, or already closed while the node shuts down) would be an unhandled rejection
 * and end the process. Through this wrapper it is logged instead (once a minute at most): while
 * Redis is away a broadcast reaches this node's sockets only, and calls keep their media.
 */
function forgivingPublisher(client: Redis, log: FastifyInstance['log']): Redis {
  let lastLog = 0;
  const publish = (...args: unknown[]) =>
    (client.publish as (...a: unknown[]) => Promise<number>)(...args).catch((err: unknown) => {
      const now = Date.now();
      if (now - lastLog > 60_000) {
        lastLog = now;
        log.warn({ err }, 'realtime: a broadcast could not reach the other nodes (Redis unavailable)');
      }
      return 0;
    });
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'publish') return publish;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A refusal the client reads in `connect_error`: `message` is the code, `data` the words. */
function refusal(code: ErrorCode, message: string): Error & { data: { code: ErrorCode; message: string } } {
  return Object.assign(new Error(code), { data: { code, message } });
}

/**
 * Socket.IO on the same server and port, authenticated at the handshake with the same session
 * cookie as HTTP, only from our own origin, at most `SOCKETS_PER_SESSION` sockets per session,
 * events rate-limited per person across all their sockets, and the session re-checked while the
 * socket lives. Nothing a client sends can throw out of this layer: a failure refuses or closes
 * that one socket.
 *
 * With `redis` (multi-node mode), Socket.IO's Redis adapter carries every room broadcast, notice
 * and forced disconnect to the sockets on the other nodes, and the limits count per person and
 * session across nodes (realtime-limits.ts).
 */
export function attachRealtime(app: FastifyInstance, sessions: SessionStore, redis?: { pub: Redis; sub: Redis }): Realtime {
  const { config, log } = app;
  const trust = trustFn(config.trustProxy);

  function originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    const allowed = new Set([originOf(req, trust, config.https)]);
    if (config.publicUrl) allowed.add(new URL(config.publicUrl).origin);
    if (typeof origin === 'string') return allowed.has(origin);
    // Browsers leave Origin off same-origin GETs (the long-polling transport). A GET changes
    // nothing and a cross-site page cannot read its answer; every POST and WebSocket upgrade
    // from a browser carries an Origin. Fetch metadata, when sent, must say same-origin.
    const site = req.headers['sec-fetch-site'];
    return req.method === 'GET' && !req.headers.upgrade && (site === undefined || site === 'same-origin');
  }

  // Handshakes per session: a client that reconnects in a loop (or floods, is cut off and comes
  // back at once) is refused at the door. A session whose socket was cut off for flooding may not
  // connect again for a while (the bench): its new handshakes are refused at the door instead of
  // each paying for a session lookup and a join. Events per person and sockets per session too.
  const settings = {
    eventsPer10s: config.socket.eventsPer10s,
    handshakesPer10s: HANDSHAKES_PER_10S,
    socketsPerSession: config.socket.perSession,
    bench: FLOOD_BENCH,
  };
  const limits: RealtimeLimits = redis ? new RedisRealtimeLimits(redis.pub, settings, log) : new LocalRealtimeLimits(settings);

  const refusals = new SlowRefusals(REFUSAL_DELAY_MS, REFUSALS_HELD);
  const io: RealtimeServer = new Server(app.server, {
    // Big enough for an SDP with many codecs; anything larger is refused and that socket closed.
    maxHttpBufferSize: 200_000,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    // The handshake: refused with 403 from another origin, or when its session opened too many
    // connections lately (counted on the token's hash, before the database or even the
    // WebSocket upgrade: a client reconnecting in a loop costs next to nothing), answered a second
    // late so that such a loop slows down (SlowRefusals).
    allowRequest: (req, callback) => {
      void (async () => {
        const token = app.parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
        const session = token ? hashToken(token) : undefined;
        if (!originAllowed(req)) return false;
        if (session === undefined) return true;
        return !(await limits.isBenched(session)) && (await limits.takeHandshake(session));
      })().then(
        (ok) => (ok ? callback(null, true) : refusals.refuse(() => callback(null, false))),
        (err: unknown) => {
          log.warn({ err }, 'socket handshake refused');
          callback('bad request', false);
        },
      );
    },
  });
  if (redis) io.adapter(createAdapter(forgivingPublisher(redis.pub, log), redis.sub));

  // Every later request of a session (long-polling GETs and POSTs, the upgrade): the same check,
  // so a page on another site cannot post events into a session whose id it learned.
  io.engine.use((req: IncomingMessage & { _query?: Record<string, string> }, res: { req?: unknown }, next: (err?: Error) => void) => {
    let ok = false;
    try {
      ok = !req._query?.sid || originAllowed(req);
    } catch {
      ok = false;
    }
    // On a WebSocket upgrade, `res` is Engine.IO's stand-in response, which a listener on the TCP
    // socket keeps for the connection's life, and with it the upgrade request: nothing reads it
    // after the middlewares (ours is the only one), so it lets go of it (ADR 025).
    if (req.headers.upgrade && !(res instanceof ServerResponse)) res.req = undefined;
    next(ok ? undefined : new Error('bad_origin'));
  });

  // Sessions and people ended in the last minute: a handshake that was already past its database
  // check when the session ended must not slip in after the disconnect went out.
  const endedSessions = new Map<string, number>();
  const endedUsers = new Map<string, { at: number; except: string | undefined }>();
  /** A database reset: every session opened until then, but one, is ended. */
  let endedAll: { at: number; except: string } | undefined;
  function wasEnded(data: Pick<SocketData, 'sessionId' | 'sessionCreatedAt' | 'user'>): boolean {
    if (endedSessions.has(data.sessionId)) return true;
    if (endedAll && endedAll.except !== data.sessionId && Date.parse(data.sessionCreatedAt) <= endedAll.at) return true;
    const user = endedUsers.get(data.user.id);
    return user !== undefined && user.except !== data.sessionId && Date.parse(data.sessionCreatedAt) <= user.at;
  }
  function forgetOldEnds(now: number): void {
    for (const [id, at] of endedSessions) if (now - at > ENDED_MEMORY_MS) endedSessions.delete(id);
    for (const [id, e] of endedUsers) if (now - e.at > ENDED_MEMORY_MS) endedUsers.delete(id);
    if (endedAll && now - endedAll.at > ENDED_MEMORY_MS) endedAll = undefined;
  }
  const handlers: SocketEventHandler[] = [];
  /** What each event costs of the person's budget (a join reads the room, presence and chat history); unknown events cost 1. */
  const eventCost = new Map<string, number>();
  const connectionSetups: ((socket: RealtimeSocket) => void)[] = [];

  io.use((socket, next) => {
    // Any exception here (a malformed cookie, a database error) refuses this socket only.
    void (async () => {
      const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '');
      const token = cookies[SESSION_COOKIE];
      if (!token) throw refusal('unauthenticated', SESSION_ENDED.message);
      const auth = await sessions.resolve(token);
      if (!auth || wasEnded(auth)) throw refusal('unauthenticated', SESSION_ENDED.message);
      // The connection may have gone while the session was looked up; then there is nothing to count.
      if (socket.conn.readyState !== 'open') throw refusal('unauthenticated', SESSION_ENDED.message);
      // Counted now, not at "connection", so handshakes racing each other cannot pass together.
      if (!(await limits.openSocket(auth.sessionId, socket.id))) {
        throw refusal('too_many_connections', 'O MedConnect está aberto em muitas abas ou aparelhos com esta conta. Feche uma delas e tente de novo.');
      }
      if (socket.conn.readyState !== 'open') {
        limits.closeSocket(auth.sessionId, socket.id);
        throw refusal('unauthenticated', SESSION_ENDED.message);
      }
      socket.conn.once('close', () => limits.closeSocket(auth.sessionId, socket.id));
      const origin = socket.handshake.headers.origin ?? '';
      socket.data = {
        user: auth.user,
        sessionId: auth.sessionId,
        sessionCreatedAt: auth.sessionCreatedAt,
        token,
        baseUrl: config.publicUrl ?? origin,
        checkedAt: Date.now(),
      };
    })().then(
      () => next(),
      (err: unknown) => {
        if (err instanceof Error && 'data' in err) return next(err);
        log.error({ err }, 'socket authentication failed');
        next(refusal('internal_error', 'Algo deu errado do nosso lado. Tente de novo.'));
      },
    );
  });

  function endSocket(socket: RealtimeSocket, reason: { code: ErrorCode; message: string }): void {
    socket.emit('error:fatal', reason);
    socket.disconnect(true);
  }

  /** Resolves true when the socket's session is still valid (looked up at most every few seconds). */
  const pendingChecks = new WeakMap<RealtimeSocket, Promise<boolean>>();
  function sessionStillValid(socket: RealtimeSocket): true | Promise<boolean> {
    const pending = pendingChecks.get(socket);
    if (pending) return pending;
    if (Date.now() - socket.data.checkedAt < SESSION_RECHECK_MS) return true;
    const check = sessions.resolve(socket.data.token).then(
      (auth) => {
        pendingChecks.delete(socket);
        if (!auth) {
          endSocket(socket, SESSION_ENDED);
          return false;
        }
        socket.data.user = auth.user;
        socket.data.checkedAt = Date.now();
        return true;
      },
      (err: unknown) => {
        pendingChecks.delete(socket);
        log.error({ err }, 'socket session check failed');
        return false;
      },
    );
    pendingChecks.set(socket, check);
    return check;
  }

  io.on('connection', (socket) => {
    // Engine.IO keeps the connection's first HTTP request (for a WebSocket, the upgrade: headers,
    // raw headers, stream state) for the connection's life. The middleware above read what we need
    // from it into socket.data, so it goes: Socket.IO's own advice ("Memory usage"), ADR 025.
    (socket.conn as { request: IncomingMessage | null }).request = null;
    // Without a listener, an "error" on a socket would be thrown as an uncaught exception.
    socket.on('error', (err) => log.warn({ err, userId: socket.data.user.id }, 'socket error'));
    // Ended between the handshake's check and now, before this socket joined the rooms that end reaches.
    if (wasEnded(socket.data)) return endSocket(socket, SESSION_ENDED);
    void socket.join([`user:${socket.data.user.id}`, `session:${socket.data.sessionId}`, `role:${socket.data.user.role}`]);
    const flooded = () => {
      if (!socket.connected) return;
      log.warn({ userId: socket.data.user.id }, 'socket flood: disconnecting');
      limits.strike(socket.data.sessionId);
      // At once: whatever else this connection already sent is then dropped by the transport
      // without being decoded, which is what keeps a flood cheap for everyone else.
      endSocket(socket, { code: 'rate_limited', message: 'Mensagens demais em pouco tempo. A conexão foi encerrada.' });
    };
    const takeTurn = eventTurns(() => socket.connected);
    const proceed = (next: (err?: Error) => void) => {
      // Events stay in order: while a check is pending, later events wait on the same promise.
      const valid = sessionStillValid(socket);
      if (valid === true) takeTurn(next);
      else void valid.then((ok) => ok && takeTurn(next));
    };
    socket.use((packet, next) => {
      // Counted before anything costly, for the person across all their sockets (and nodes: then
      // the answer comes from Redis, in order, since one connection answers in order).
      const event = typeof packet[0] === 'string' ? packet[0] : '';
      const allowed = limits.takeEvent(socket.data.user.id, eventCost.get(event) ?? 1);
      if (allowed === true) return proceed(next);
      if (allowed === false) return flooded();
      void allowed.then((ok) => (ok ? proceed(next) : flooded()));
    });
    for (const handler of handlers) socket.on(handler.event, handler.listener(socket, log));
    // A feature's setup that throws would escape into Socket.IO: it ends this socket instead.
    try {
      for (const setup of connectionSetups) setup(socket);
    } catch (err) {
      log.error({ err }, 'socket setup failed');
      endSocket(socket, { code: 'internal_error', message: 'Algo deu errado do nosso lado. Tente de novo.' });
    }
  });

  async function revalidateSessions(): Promise<void> {
    const sockets = [...io.of('/').sockets.values()];
    if (sockets.length === 0) return;
    const live = await sessions.findLive([...new Set(sockets.map((s) => s.data.sessionId))]);
    for (const socket of sockets) if (!live.has(socket.data.sessionId)) endSocket(socket, SESSION_ENDED);
    // Media flows peer to peer, so a long, quiet consultation sends no event; being in a room is
    // use, or an idle expiry shorter than the call would end it mid-sentence.
    const inCall = sockets.filter((s) => live.has(s.data.sessionId) && [...s.rooms].some((r) => r.startsWith('room:')));
    await sessions.touch([...new Set(inCall.map((s) => s.data.sessionId))]);
    forgetOldEnds(Date.now());
  }
  const sweep = setInterval(() => {
    revalidateSessions().catch((err: unknown) => log.error({ err }, 'socket session sweep failed'));
  }, SESSION_SWEEP_MS);
  sweep.unref();
  const openSockets = () => [...io.of('/').sockets.values()].map((s) => ({ sessionId: s.data.sessionId, socketId: s.id }));
  const upkeep = setInterval(
    () => {
      limits.maintain(openSockets()).catch((err: unknown) => log.error({ err }, 'socket limits upkeep failed'));
    },
    redis ? LIMITS_UPKEEP_MS : SESSION_SWEEP_MS,
  );
  upkeep.unref();

  // Open websockets would keep the HTTP server from closing. Closing the transports (rather than
  // sending a "disconnect") lets browsers treat it as a network drop and reconnect by themselves
  // to the restarted server. Fastify closes the HTTP server itself.
  app.addHook('preClose', async () => {
    clearInterval(sweep);
    clearInterval(upkeep);
    io.engine.close();
  });

  const ended = (target: ReturnType<RealtimeServer['in']>) => {
    target.emit('error:fatal', SESSION_ENDED);
    target.disconnectSockets(true);
  };
  // Multi-node mode: the other nodes remember an end too, so a handshake racing it there is refused.
  const rememberSession = (sessionId: string) => endedSessions.set(sessionId, Date.now());
  const rememberUser = (userId: string, exceptSessionId: string, at: string) =>
    endedUsers.set(userId, { at: Number(at), except: exceptSessionId || undefined });
  const rememberAll = (exceptSessionId: string, at: string) => (endedAll = { at: Number(at), except: exceptSessionId });
  if (redis) {
    io.on('realtime:session-ended', rememberSession);
    io.on('realtime:user-ended', rememberUser);
    io.on('realtime:all-ended', rememberAll);
  }
  return {
    io,
    endSession: (sessionId) => {
      rememberSession(sessionId);
      if (redis) io.serverSideEmit('realtime:session-ended', sessionId);
      ended(io.in(`session:${sessionId}`));
    },
    endUserSessions: (userId, exceptSessionId) => {
      const at = String(Date.now());
      rememberUser(userId, exceptSessionId ?? '', at);
      if (redis) io.serverSideEmit('realtime:user-ended', userId, exceptSessionId ?? '', at);
      const target = io.in(`user:${userId}`);
      ended(exceptSessionId ? target.except(`session:${exceptSessionId}`) : target);
    },
    revalidateSessions,
    endAllSessionsExcept: (sessionId) => {
      // Every session but this one is erased by the reset; until then none may start a socket, on any node.
      const at = String(Date.now());
      rememberAll(sessionId, at);
      if (redis) io.serverSideEmit('realtime:all-ended', sessionId, at);
      ended(io.except(`session:${sessionId}`));
    },
    notify: (to, event, ...payload) => {
      io.to('userId' in to ? `user:${to.userId}` : `role:${to.role}`).emit(event, ...payload);
    },
    handle: (...added) => {
      for (const handler of added) {
        handlers.push(handler);
        eventCost.set(handler.event, handler.cost);
      }
    },
    onConnection: (setup) => {
      connectionSetups.push(setup);
    },
  };
}
