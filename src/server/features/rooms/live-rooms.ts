import type { FastifyBaseLogger } from 'fastify';
import type { PresenceState, RoomClosedReason } from '#shared/realtime/events.ts';
import { nowIso } from '#server/db/database.ts';
import type { RoomRow } from '#server/db/types.ts';
import { AppError } from '#server/errors.ts';
import type { Realtime } from '#server/plugins/realtime.ts';
import type { RealtimeSocket } from '#server/plugins/socket-events.ts';
import { PresenceRegistry } from './presence';
import { LocalRoomState, type RoomState } from './room-state';
import { type WaitingEntry, patientWaits } from './waiting-patients';

/** The sockets of one member of one room: signals and media state go only there. */
export const memberRoom = (code: string, userId: string) => `room:${code}:member:${userId}`;

/** What one socket did in the rooms: who it is (as at connection) and which rooms it joined. */
export type RoomMember = {
  user: RealtimeSocket['data']['user'];
  joined: Set<string>;
  /** Rooms whose join this socket already answered (a retried join tells nobody anything new). */
  answeredJoins: Set<string>;
};

/** Messages between the nodes about rooms (multi-node mode; absent on one node). */
export type RoomPeers = {
  broadcast: (event: 'rooms:admitted' | 'rooms:closed', code: string, at: string) => void;
  /** The database was reset: every other node closes the rooms it serves. */
  reset: () => void;
};

/**
 * The rooms live on this node: the open rooms in use (a cache of their rows), this node's sockets
 * in them (the presence registry) and each socket's joins. What must agree across nodes (merged
 * presence, the last presence announced, waiting patients, media-connected claims) is in
 * `state`: this node's memory on one node, Redis in multi-node mode. The signaling handlers share it.
 */
export class LiveRooms {
  readonly rooms = new Map<string, RoomRow>();
  readonly names = new Map<string, string>();
  readonly presence: PresenceRegistry;
  readonly state: RoomState;
  private readonly members = new WeakMap<RealtimeSocket, RoomMember>();

  constructor(
    private readonly realtime: Pick<Realtime, 'io' | 'notify'>,
    reconnectGraceMs: number,
    private readonly log: Pick<FastifyBaseLogger, 'error'>,
    /** Multi-node mode: the shared state over this node's registry, and the other nodes. */
    shared?: { state: (registry: PresenceRegistry) => RoomState; peers: RoomPeers },
  ) {
    this.presence = new PresenceRegistry(reconnectGraceMs, (code, userId) => {
      const room = this.rooms.get(code);
      this.background(this.state.publish(code, userId).then(() => room && this.announce(code, room, userId)));
    });
    this.state = shared ? shared.state(this.presence) : new LocalRoomState(this.presence);
    this.peers = shared?.peers;
  }

  readonly peers: RoomPeers | undefined;

  /** Work started outside a handler (timers, disconnects): a failure is logged, never thrown. */
  background(work: Promise<unknown>): void {
    work.catch((err: unknown) => this.log.error({ err }, 'room state update failed'));
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

  roleIn(room: Pick<RoomRow, 'doctor_id'>, userId: string): 'doctor' | 'patient' {
    return room.doctor_id === userId ? 'doctor' : 'patient';
  }

  peerOf(room: RoomRow, userId: string): string {
    return room.doctor_id === userId ? room.patient_id : room.doctor_id;
  }

  /** Tells the room the person's state (across nodes), when it is news. */
  async announce(code: string, room: RoomRow, userId: string): Promise<void> {
    const state = await this.state.presence(code, userId);
    if (await this.state.announceOnce(code, userId, state)) {
      this.realtime.io.to(`room:${code}`).emit('presence', { code, userId, role: this.roleIn(room, userId), name: this.names.get(userId) ?? '', state });
    }
    await this.reviewWaiting(code, room);
  }

  /** After any presence change in a room: tell the doctor, on whatever page, when their patient starts or stops waiting. */
  async reviewWaiting(code: string, room: Pick<RoomRow, 'doctor_id' | 'patient_id'>): Promise<void> {
    const { state } = this;
    const [patient, doctor, was] = await Promise.all([state.presence(code, room.patient_id), state.presence(code, room.doctor_id), state.isWaiting(code)]);
    const now = patientWaits(patient, doctor, was);
    const patientName = this.names.get(room.patient_id) ?? '';
    if (await state.setWaiting(code, now, { doctorId: room.doctor_id, patientId: room.patient_id, patientName }, nowIso())) {
      this.realtime.notify({ userId: room.doctor_id }, 'waiting:changed', { code, patientId: room.patient_id, patientName, waiting: now });
    }
  }

  /** A socket's own state changed in the registry: publish it, then announce it. */
  async changed(code: string, room: RoomRow, userId: string): Promise<void> {
    await this.state.publish(code, userId);
    await this.announce(code, room, userId);
  }

  /** Both in the call: the one who was there first offers, the newcomer answers (MACHINE-NOTES). */
  async startCallIfBoth(code: string, room: RoomRow, newcomer: string): Promise<void> {
    const other = this.peerOf(room, newcomer);
    const [o, n] = await Promise.all([this.state.presence(code, other), this.state.presence(code, newcomer)]);
    if (o !== 'in_call' || n !== 'in_call') return;
    this.realtime.io.to(memberRoom(code, newcomer)).emit('call:start', { code, initiator: false });
    this.realtime.io.to(memberRoom(code, other)).emit('call:start', { code, initiator: true });
  }

  /**
   * The doctor let the patient in (on this node or, in multi-node mode, another): the patient's
   * sockets here move from the waiting room into the call. True when that changed anything here.
   */
  async admitted(code: string, admittedAt: string): Promise<boolean> {
    const room = this.rooms.get(code);
    if (!room) return false;
    const updated = { ...room, admitted_at: room.admitted_at ?? admittedAt };
    this.rooms.set(code, updated);
    if (this.presence.state(code, room.patient_id) !== 'waiting') return false;
    this.presence.setState(code, room.patient_id, 'in_call');
    await this.changed(code, updated, room.patient_id);
    return true;
  }

  /** Tells everyone in the room it closed, and forgets it (on every node). */
  async closeEverywhere(code: string, reason: RoomClosedReason): Promise<void> {
    const { io } = this.realtime;
    io.to(`room:${code}`).emit('room:closed', { code, reason });
    const room = this.rooms.get(code);
    io.in(`room:${code}`).socketsLeave([`room:${code}`, ...(room ? [memberRoom(code, room.doctor_id), memberRoom(code, room.patient_id)] : [])]);
    this.dropHere(code);
    this.peers?.broadcast('rooms:closed', code, nowIso());
    const [left] = await Promise.all([this.state.dropWaiting(code), this.state.closed(code)]);
    if (left)
      this.realtime.notify({ userId: left.doctorId }, 'waiting:changed', { code, patientId: left.patientId, patientName: left.patientName, waiting: false });
  }

  /**
   * The database was reset, so every room is gone, on every node: each node tells its own
   * sockets (once each) and forgets its rooms; `closeAllHere` on this node, the others through `peers`.
   */
  async closeAllEverywhere(): Promise<void> {
    const here = this.closeAllHere('reset');
    this.peers?.reset();
    await here;
  }

  /**
   * Closes every room this node knows, for its own sockets only: a room with a member on each node
   * is closed by both, so a broadcast would tell each member twice. The notices go out at once
   * (before anything is awaited), so they reach the sockets before a disconnect sent right after.
   */
  async closeAllHere(reason: RoomClosedReason): Promise<void> {
    const local = this.realtime.io.local;
    const codes = new Set([...this.rooms.keys(), ...[...this.presence.entries()].map((e) => e.code)]);
    for (const code of codes) {
      const room = this.rooms.get(code);
      local.to(`room:${code}`).emit('room:closed', { code, reason });
      local.in(`room:${code}`).socketsLeave([`room:${code}`, ...(room ? [memberRoom(code, room.doctor_id), memberRoom(code, room.patient_id)] : [])]);
      this.dropHere(code);
    }
    // What is shared goes too, including the waiting patients of a node that died meanwhile.
    const waiting = new Set([...codes, ...(await this.state.waiting()).map((e) => e.code)]);
    await inChunks([...waiting], (code) => Promise.all([this.state.dropWaiting(code), this.state.closed(code)]));
  }

  /** Another node closed the room: forget it here. */
  dropHere(code: string): void {
    this.presence.drop(code);
    this.rooms.delete(code);
  }

  /** Drops a room from this node's memory (it is reloaded from the database on the next join). */
  forget(code: string): void {
    this.rooms.delete(code);
    this.background(this.state.forget(code));
  }

  /** The patients waiting for this doctor now (on any node), those still waiting by everyone's presence. */
  async waitingFor(doctorId: string): Promise<WaitingEntry[]> {
    const entries = await this.state.waiting(doctorId);
    const still = await Promise.all(
      entries.map(async (e) => patientWaits(await this.state.presence(e.code, e.patientId), await this.state.presence(e.code, e.doctorId), true)),
    );
    return entries.filter((_, i) => still[i]);
  }

  /**
   * Multi-node mode, every few seconds: push this node's views forward while its sockets live,
   * then look again at the rooms this node serves and at every waiting patient, so what a dead
   * node left behind ages out ("reconnecting", then "offline", and no longer waiting) and is
   * announced, once across nodes.
   */
  async heartbeat(): Promise<void> {
    const mine = [...this.presence.entries()];
    await inChunks(
      mine.filter((e) => e.sockets > 0),
      (e) => this.state.publish(e.code, e.userId),
    );
    const active = this.presence.activeCodes();
    await inChunks(active, async (code) => {
      const room = this.rooms.get(code);
      if (room) await this.review(code, room, true);
    });
    const served = new Set(active);
    const elsewhere = (await this.state.waiting()).filter((e) => !served.has(e.code));
    await inChunks(elsewhere, (e) => this.review(e.code, { doctor_id: e.doctorId, patient_id: e.patientId }, false));
  }

  /**
   * The heartbeat's look at one room: both members' presence and whether the patient waits, read
   * once and together (one round trip, node-redis pipelines what is sent in the same tick), then
   * each member announced when it is news (`announce`ing them would read everything again), then
   * the waiting entry changed only when it must (an `HSETNX` of an entry there or an `HDEL` of one
   * that is not would answer 0 and tell nobody anything).
   */
  private async review(code: string, room: Pick<RoomRow, 'doctor_id' | 'patient_id'>, announce: boolean): Promise<void> {
    const { state } = this;
    const [doctor, patient, was] = await Promise.all([state.presence(code, room.doctor_id), state.presence(code, room.patient_id), state.isWaiting(code)]);
    if (announce) {
      const [doctorNews, patientNews] = await Promise.all([
        state.announceOnce(code, room.doctor_id, doctor),
        state.announceOnce(code, room.patient_id, patient),
      ]);
      const emit = (userId: string, s: PresenceState) =>
        this.realtime.io.to(`room:${code}`).emit('presence', { code, userId, role: this.roleIn(room, userId), name: this.names.get(userId) ?? '', state: s });
      if (doctorNews) emit(room.doctor_id, doctor);
      if (patientNews) emit(room.patient_id, patient);
    }
    const now = patientWaits(patient, doctor, was);
    if (now === was) return;
    const patientName = this.names.get(room.patient_id) ?? '';
    if (await state.setWaiting(code, now, { doctorId: room.doctor_id, patientId: room.patient_id, patientName }, nowIso())) {
      this.realtime.notify({ userId: room.doctor_id }, 'waiting:changed', { code, patientId: room.patient_id, patientName, waiting: now });
    }
  }

  /** A socket went away: it leaves every room it joined (the others see it reconnecting, then offline). */
  async dropSocket(socket: RealtimeSocket): Promise<void> {
    const member = this.member(socket);
    for (const code of member.joined) {
      const room = this.rooms.get(code);
      await this.state.unclaimConnected(code, member.user.id);
      const state: PresenceState | null = this.presence.leave(code, member.user.id, socket.id, true);
      if (room && state) await this.changed(code, room, member.user.id);
    }
  }
}

/** Runs `work` over `items`, 100 at a time: a heartbeat over thousands of rooms neither waits on each round trip in turn nor sends them all at once. */
async function inChunks<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += 100) await Promise.all(items.slice(i, i + 100).map(work));
}
