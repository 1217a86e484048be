import type { FastifyInstance } from 'fastify';
import type { RoomClosedReason } from '../../../shared/realtime/events';
import type { Realtime } from '../../plugins/realtime';
import { finalizeRoom } from './rooms.service';
import { LiveRooms } from './live-rooms';
import { roomEventHandlers } from './room-events';
import { findAbandonedRooms, touchRooms } from './rooms.repository';
import type { PresenceRegistry } from './presence';
import type { WaitingEntry } from './waiting-patients';

export type RoomsRealtime = {
  presence: PresenceRegistry;
  isOnline: (code: string, userId: string) => boolean;
  /** Tells everyone in the room it closed, and forgets it. */
  closeEverywhere: (code: string, reason: RoomClosedReason) => void;
  /** Codes of the rooms with a live call or someone in them (on this node). */
  activeCodes: () => string[];
  /** Finalizes abandoned calls; main runs it on a timer, tests call it directly. */
  sweep: () => Promise<void>;
  /** The patients waiting for this doctor now, in the doctor's rooms on this node. */
  waitingFor: (doctorId: string) => WaitingEntry[];
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
 * schemas and sends errors back in the ack, never to the other peer.
 */
export function registerRoomSignaling(app: FastifyInstance, realtime: Realtime): RoomsRealtime {
  const { db, config } = app;
  const live = new LiveRooms(realtime, config.rooms.reconnectGraceMs);

  realtime.handle(...roomEventHandlers({ db, config, io: realtime.io, live }));
  realtime.onConnection((socket) => {
    const { user } = live.member(socket);
    live.names.set(user.id, user.name);
    socket.on('disconnect', () => {
      // A throw here would escape into Socket.IO's internals: log it and carry on.
      try {
        live.dropSocket(socket);
      } catch (err) {
        app.log.error({ err }, 'socket disconnect handling failed');
      }
    });
  });

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
      if (closedNow) live.closeEverywhere(room.code, 'auto');
    }
  }

  return {
    presence: live.presence,
    isOnline: (code, userId) => live.presence.isOnline(code, userId),
    closeEverywhere: (code, reason) => live.closeEverywhere(code, reason),
    activeCodes: () => live.activeCodes(),
    sweep,
    waitingFor: (doctorId) => live.waiting.forDoctor(doctorId),
  };
}
