import type { FastifyInstance } from 'fastify';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/realtime/events';
import { SESSION_COOKIE, resolveSession } from '../features/auth/session.service';
import type { UserRow } from '../db/types';

export type SocketData = { user: UserRow; baseUrl: string };
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * Socket.IO on the same server and port, authenticated at the handshake with the same session
 * cookie as HTTP, and only from our own origin (a cross-site page cannot open a socket as the user).
 */
export function attachRealtime(app: FastifyInstance): RealtimeServer {
  const io: RealtimeServer = new Server(app.server, {
    // Big enough for an SDP with many codecs; anything larger is refused and that socket closed.
    maxHttpBufferSize: 200_000,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const proto = app.config.trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0] || (app.config.https ? 'https' : 'http') : app.config.https ? 'https' : 'http';
      const host = (app.config.trustProxy ? req.headers['x-forwarded-host'] : undefined) ?? req.headers.host;
      const allowed = new Set([`${proto}://${String(host)}`]);
      if (app.config.publicUrl) allowed.add(new URL(app.config.publicUrl).origin);
      if (typeof origin === 'string') return callback(null, allowed.has(origin));
      // Browsers leave Origin off same-origin GETs (the long-polling transport). A GET changes
      // nothing and a cross-site page cannot read its answer; every POST and WebSocket upgrade
      // carries an Origin and is checked above. Fetch metadata, when sent, must say same-origin.
      const site = req.headers['sec-fetch-site'];
      callback(null, req.method === 'GET' && !req.headers.upgrade && (site === undefined || site === 'same-origin'));
    },
  });

  io.use((socket, next) => {
    const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    if (!token) return next(new Error('unauthenticated'));
    resolveSession(app.db, app.config, token)
      .then((auth) => {
        if (!auth) return next(new Error('unauthenticated'));
        const origin = socket.handshake.headers.origin ?? '';
        socket.data = { user: auth.user, baseUrl: app.config.publicUrl ?? origin };
        return next();
      })
      .catch((err: unknown) => {
        app.log.error({ err }, 'socket authentication failed');
        next(new Error('internal_error'));
      });
  });

  io.on('connection', (socket) => {
    void socket.join(`user:${socket.data.user.id}`);
  });

  // Open websockets would keep the HTTP server from closing. Closing the transports (rather than
  // sending a "disconnect") lets browsers treat it as a network drop and reconnect by themselves
  // to the restarted server. Fastify closes the HTTP server itself.
  app.addHook('preClose', async () => {
    io.engine.close();
  });
  return io;
}
