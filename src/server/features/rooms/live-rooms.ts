import type { PresenceState, RoomClosedReason } from '../../../shared/realtime/events';
import { nowIso } from '../../db/database';
import type { RoomRow } from '../../db/types';
import { AppError } from '../../errors';
import type { Realtime } from '../../plugins/realtime';
import type { RealtimeSocket } from '../../plugins/socket-events';
import { PresenceRegistry } from './presence';
import { WaitingPatients, patientWaits } from './waiting-patients';

/** The sockets of one member of one room: signals and media state go only there. */
export const memberRoom = (code: string, userId: string) => `room:${code}:member:${userId}`;

/** What one socket did in the rooms: who it is (as at connection) and which rooms it joined. */
export type RoomMember = {
  user: RealtimeSocket['data']['user'];
  joined: Set<string>;
  /** Rooms whose join this socket already answered (a retried join tells nobody anything new). */
  answeredJoins: Set<string>;
};

/**
 * The rooms live on this node: the open rooms in use, who is present, who reported media
 * connected, who waits for which doctor, and each socket's joins. The signaling handlers share it.
 */
export class LiveRooms {
  readonly rooms = new Map<string, RoomRow>();
  /** Per room, who reported media connected and when (the consultation keeps both times as evidence). */
  readonly connected = new Map<string, Map<string, string>>();
  readonly names = new Map<string, string>();
  readonly waiting = new WaitingPatients();
  readonly presence: PresenceRegistry;
  private readonly members = new WeakMap<RealtimeSocket, RoomMember>();

  constructor(
    private readonly realtime: Pick<Realtime, 'io' | 'notify'>,
    reconnectGraceMs: number,
  ) {
    this.presence = new PresenceRegistry(reconnectGraceMs, (code, userId) => {
      const room = this.rooms.get(code);
      if (room) this.announce(code, room, userId, 'offline');
    });
  }

  /** This socket's joins; set up when it connects. */
  member(socket: RealtimeSocket): RoomMember {
    let member = this.members.get(socket);
    if (!member) {
      member = { user: socket.data.user, joined: new Set(), answeredJoins: new Set() };
      this.members.set(socket, member);
    }
    return member;
  }

  /** The room this socket joined, still open and known; otherwise an error for the ack. */
  joinedRoom(socket: RealtimeSocket, code: string): RoomRow {
    const room = this.rooms.get(code);
    if (!this.member(socket).joined.has(code) || !room) throw new AppError('not_joined', 403, 'Entre na sala antes de fazer isso.');
    return room;
  }

  roleIn(room: RoomRow, userId: string): 'doctor' | 'patient' {
    return room.doctor_id === userId ? 'doctor' : 'patient';
  }

  peerOf(room: RoomRow, userId: string): string {
    return room.doctor_id === userId ? room.patient_id : room.doctor_id;
  }

  announce(code: string, room: RoomRow, userId: string, state: PresenceState): void {
    this.realtime.io.to(`room:${code}`).emit('presence', { code, userId, role: this.roleIn(room, userId), name: this.names.get(userId) ?? '', state });
    this.reviewWaiting(code, room);
  }

  /** After any presence change in a room: tell the doctor, on whatever page, when their patient starts or stops waiting. */
  private reviewWaiting(code: string, room: RoomRow): void {
    const { presence, waiting } = this;
    const now = patientWaits(presence.state(code, room.patient_id), presence.state(code, room.doctor_id), waiting.has(code));
    const patientName = this.names.get(room.patient_id) ?? '';
    if (waiting.set(code, now, { doctorId: room.doctor_id, patientId: room.patient_id, patientName }, nowIso())) {
      this.realtime.notify({ userId: room.doctor_id }, 'waiting:changed', { code, patientId: room.patient_id, patientName, waiting: now });
    }
  }

  /** Both in the call: the one who was there first offers, the newcomer answers (MACHINE-NOTES). */
  startCallIfBoth(code: string, room: RoomRow, newcomer: string): void {
    const other = this.peerOf(room, newcomer);
    if (this.presence.state(code, other) !== 'in_call' || this.presence.state(code, newcomer) !== 'in_call') return;
    this.realtime.io.to(memberRoom(code, newcomer)).emit('call:start', { code, initiator: false });
    this.realtime.io.to(memberRoom(code, other)).emit('call:start', { code, initiator: true });
  }

  /** Tells everyone in the room it closed, and forgets it. */
  closeEverywhere(code: string, reason: RoomClosedReason): void {
    const { io } = this.realtime;
    io.to(`room:${code}`).emit('room:closed', { code, reason });
    const room = this.rooms.get(code);
    io.in(`room:${code}`).socketsLeave([`room:${code}`, ...(room ? [memberRoom(code, room.doctor_id), memberRoom(code, room.patient_id)] : [])]);
    this.presence.drop(code);
    const left = this.waiting.drop(code);
    if (left) this.realtime.notify({ userId: left.doctorId }, 'waiting:changed', { code, patientId: left.patientId, patientName: left.patientName, waiting: false });
    this.forget(code);
  }

  /** Drops a room from memory (it is reloaded from the database on the next join). */
  forget(code: string): void {
    this.rooms.delete(code);
    this.connected.delete(code);
  }

  /** Codes of the rooms with a live call or someone in them (on this node). */
  activeCodes(): string[] {
    return [...new Set([...this.rooms.keys(), ...this.presence.activeCodes()])];
  }

  /** A socket went away: it leaves every room it joined (the others see it reconnecting, then offline). */
  dropSocket(socket: RealtimeSocket): void {
    const member = this.member(socket);
    for (const code of member.joined) {
      const room = this.rooms.get(code);
      this.connected.get(code)?.delete(member.user.id);
      const state = this.presence.leave(code, member.user.id, socket.id, true);
      if (room && state) this.announce(code, room, member.user.id, state);
    }
  }
}
