import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { RoomClosedReason } from '#shared/realtime/events.ts';
import type { Redis } from '#server/lib/redis.ts';
import type { Realtime } from '#server/plugins/realtime.ts';
import { finalizeRoom } from './rooms.service';
import { LiveRooms } from './live-rooms';
import { NodeLiveness } from './node-liveness';
import { PRESENCE_HEARTBEAT_MS, RedisRoomState } from './redis-room-state';
import { roomEventHandlers } from './room-events';
import { findAbandonedRooms, touchRooms } from './rooms.repository';
import type { PresenceRegistry } from './presence';
import type { WaitingEntry } from './waiting-patients';

export type RoomsRealtime = {
  /** This node's sockets in the rooms. */
  presence: PresenceRegistry;
  /** Whether the person has a socket in the room on this node. */
  isOnline: (code: string, userId: string) => boolean;
  /** Whether the person has a socket in the room on any node. */
  isOnlineAnywhere: (code: string, userId: string) => Promise<boolean>;
  /** Tells everyone in the room it closed, and forgets it (on every node); failures are logged. */
  closeEverywhere: (code: string, reason: RoomClosedReason) => void;
  /** The database was reset: closes every room on every node, telling its sockets; failures are logged. */
  closeAllEverywhere: () => void;
  /** Finalizes abandoned calls; main runs it on a timer, tests call it directly. */
  sweep: () => Promise<void>;
  /** The patients waiting for this doctor now, on any node. */
  waitingFor: (doctorId: string) => Promise<WaitingEntry[]>;
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The rooms live on this node (registered by `registerRoomSignaling` in app.ts). */
    rooms: RoomsRealtime;
  }
}

/**
 * Room signaling: membership-checked joins, the waiting room, relay of WebRTC signals between
 * the two members, presence, chat, and the consultation's start and end. The handlers
 * (room-events.ts) go into the realtime layer, which parses every payload with the shared
 * schemas and sends errors back in the ack, never to the other peer. With `redis` (multi-node
 * mode) presence, waiting patients and media claims are shared through it, and the nodes tell
 * each other when a room's patient is admitted or a room closes.
 */
export function registerRoomSignaling(app: FastifyInstance, realtime: Realtime, redis?: Redis): RoomsRealtime {
  const { db, config } = app;
  const { io } = realtime;
  const liveness = redis && new NodeLiveness(redis, randomUUID());
  const live = new LiveRooms(
    realtime,
    config.rooms.reconnectGraceMs,
    app.log,
    redis && liveness
      ? {
          state: (registry) => new RedisRoomState(redis, registry, liveness, config.rooms.reconnectGraceMs),
          peers: {
            broadcast: (event, code, at) => io.serverSideEmit(event, code, at),
            reset: () => io.serverSideEmit('rooms:reset'),
          },
        }
      : undefined,
  );

  realtime.handle(...roomEventHandlers({ db, config, io, live }));
  realtime.onConnection((socket) => {
    const { user } = live.member(socket);
    live.names.set(user.id, user.name);
    socket.on('disconnect', () => {
      // A throw here would escape into Socket.IO's internals: log it and carry on.
      try {
        live.background(live.dropSocket(socket));
      } catch (err) {
        app.log.error({ err }, 'socket disconnect handling failed');
      }
    });
  });

  if (redis && liveness) {
    io.on('rooms:admitted', (code: string, at: string) => {
      live.background(
        live.admitted(code, at).then(async (changed) => {
          const room = live.rooms.get(code);
          if (changed && room) await live.startCallIfBoth(code, room, room.patient_id);
        }),
      );
    });
    io.on('rooms:closed', (code: string) => live.dropHere(code));
    // Runs as the message arrives, so its notices go out before the disconnects sent after it.
    io.on('rooms:reset', () => live.background(live.closeAllHere('reset')));
    // Alive from the start, not from the first tick: a node killed early is then known dead too.
    live.background(liveness.beat());
    let beating = false;
    const heartbeat = setInterval(() => {
      // On every tick, even while the last pass over the rooms still runs: a long pass must not get
      // this node counted dead. Sent before this tick's pass, whose merges then use what it read.
      live.background(liveness.beat());
      if (beating) return;
      beating = true;
      live.background(live.heartbeat().finally(() => (beating = false)));
    }, PRESENCE_HEARTBEAT_MS);
    heartbeat.unref();
    app.addHook('onClose', async () => {
      clearInterval(heartbeat);
      // The other nodes stop counting this node's views at once (its sockets are going too).
      await liveness.leave().catch((err: unknown) => app.log.warn({ err }, 'could not mark this node as gone in Redis'));
    });
  }

  async function sweep(): Promise<void> {
    const now = Date.now();
    const active = live.presence.activeCodes();
    await touchRooms(db, active, new Date(now).toISOString());
    // Rooms nobody is connected to are reloaded from the database on the next join; without this
    // an open room that was never used would stay cached for the life of the process.
    const activeSet = new Set(active);
    for (const code of live.rooms.keys()) if (!activeSet.has(code)) live.forget(code);
    for (const room of await findAbandonedRooms(db, new Date(now - config.rooms.idleMs).toISOString())) {
      const { closedNow } = await finalizeRoom(db, room, 'auto');
      if (closedNow) await live.closeEverywhere(room.code, 'auto');
    }
  }

  return {
    presence: live.presence,
    isOnline: (code, userId) => live.presence.isOnline(code, userId),
    isOnlineAnywhere: (code, userId) => live.state.isOnline(code, userId),
    closeEverywhere: (code, reason) => live.background(live.closeEverywhere(code, reason)),
    closeAllEverywhere: () => live.background(live.closeAllEverywhere()),
    sweep,
    waitingFor: (doctorId) => live.waitingFor(doctorId),
  };
}
