import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { type Ack, type AckError, type JoinResult, type PresenceState, type RoomClosedReason, clientPayloads } from '../../../shared/realtime/events';
import type { ChatMessage } from '../../../shared/schemas/rooms';
import { nowIso } from '../../db/database';
import type { RoomRow } from '../../db/types';
import { AppError } from '../../errors';
import type { RealtimeServer, RealtimeSocket } from '../../plugins/realtime';
import { getConsentStatus } from '../consent/consent.service';
import { finalizeRoom, startConsultation } from '../consultations/consultations.service';
import { PresenceRegistry } from './presence';
import { insertChatMessageWithinQuota, listChatMessages } from './chat.repository';
import { findAbandonedRooms, markAdmitted, touchRooms } from './rooms.repository';
import { roomForMember } from './rooms.service';
import { type WaitingEntry, WaitingPatients, patientWaits } from './waiting-patients';

/** Messages sent back on a join; a rejoin sends only what came after the client's newest. */
const CHAT_HISTORY = 200;

/** The sockets of one member of one room: signals and media state go only there. */
const memberRoom = (code: string, userId: string) => `room:${code}:member:${userId}`;

type Events = typeof clientPayloads;
type Handler<E extends keyof Events, T> = (payload: z.output<Events[E]>) => Promise<T>;

const closedError = () => new AppError('room_closed', 410, 'A consulta foi encerrada. Se precisar, peça uma nova sala ao seu médico.');
const notInCall = () => new AppError('not_in_call', 409, 'Entre na consulta antes de fazer isso.');

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

/**
 * Room signaling: membership-checked joins, the waiting room, relay of WebRTC signals between
 * the two members, presence, chat, and the consultation's start and end. Every payload is parsed
 * with the shared schemas; errors go back in the ack and never reach the other peer.
 */
export function registerRoomSignaling(app: FastifyInstance, io: RealtimeServer): RoomsRealtime {
  const { db, config } = app;
  const rooms = new Map<string, RoomRow>();
  /** Per room, who reported media connected and when (the consultation keeps both times as evidence). */
  const connected = new Map<string, Map<string, string>>();

  const presence = new PresenceRegistry(config.rooms.reconnectGraceMs, (code, userId) => {
    const room = rooms.get(code);
    if (room) announce(code, room, userId, 'offline');
  });

  function roleIn(room: RoomRow, userId: string): 'doctor' | 'patient' {
    return room.doctor_id === userId ? 'doctor' : 'patient';
  }
  function peerOf(room: RoomRow, userId: string): string {
    return room.doctor_id === userId ? room.patient_id : room.doctor_id;
  }
  const names = new Map<string, string>();
  const waiting = new WaitingPatients();

  function announce(code: string, room: RoomRow, userId: string, state: PresenceState): void {
    io.to(`room:${code}`).emit('presence', { code, userId, role: roleIn(room, userId), name: names.get(userId) ?? '', state });
    reviewWaiting(code, room);
  }

  /** After any presence change in a room: tell the doctor, on whatever page, when their patient starts or stops waiting. */
  function reviewWaiting(code: string, room: RoomRow): void {
    const now = patientWaits(presence.state(code, room.patient_id), presence.state(code, room.doctor_id), waiting.has(code));
    const patientName = names.get(room.patient_id) ?? '';
    if (waiting.set(code, now, { doctorId: room.doctor_id, patientId: room.patient_id, patientName }, nowIso())) {
      app.realtime.notify({ userId: room.doctor_id }, 'waiting:changed', { code, patientId: room.patient_id, patientName, waiting: now });
    }
  }

  /** Both in the call: the one who was there first offers, the newcomer answers (MACHINE-NOTES). */
  function startCallIfBoth(code: string, room: RoomRow, newcomer: string): void {
    const other = peerOf(room, newcomer);
    if (presence.state(code, other) !== 'in_call' || presence.state(code, newcomer) !== 'in_call') return;
    io.to(memberRoom(code, newcomer)).emit('call:start', { code, initiator: false });
    io.to(memberRoom(code, other)).emit('call:start', { code, initiator: true });
  }

  function closeEverywhere(code: string, reason: RoomClosedReason): void {
    io.to(`room:${code}`).emit('room:closed', { code, reason });
    const room = rooms.get(code);
    io.in(`room:${code}`).socketsLeave([`room:${code}`, ...(room ? [memberRoom(code, room.doctor_id), memberRoom(code, room.patient_id)] : [])]);
    presence.drop(code);
    const left = waiting.drop(code);
    if (left) app.realtime.notify({ userId: left.doctorId }, 'waiting:changed', { code, patientId: left.patientId, patientName: left.patientName, waiting: false });
    rooms.delete(code);
    connected.delete(code);
  }

  async function sweep(): Promise<void> {
    const now = Date.now();
    const active = presence.activeCodes();
    await touchRooms(db, active, new Date(now).toISOString());
    // Rooms nobody is connected to are reloaded from the database on the next join; without this
    // an open room that was never used would stay cached for the life of the process.
    const activeSet = new Set(active);
    for (const code of rooms.keys()) {
      if (!activeSet.has(code)) {
        rooms.delete(code);
        connected.delete(code);
      }
    }
    for (const room of await findAbandonedRooms(db, new Date(now - config.rooms.idleMs).toISOString())) {
      const { closedNow } = await finalizeRoom(db, room, 'auto');
      if (closedNow) closeEverywhere(room.code, 'auto');
    }
  }

  io.on('connection', (socket: RealtimeSocket) => {
    const user = socket.data.user;
    names.set(user.id, user.name);
    const joined = new Set<string>();
    const answeredJoins = new Set<string>();

    /** The room this socket joined, still open and known; otherwise an error for the ack. */
    function joinedRoom(code: string): RoomRow {
      const room = rooms.get(code);
      if (!joined.has(code) || !room) throw new AppError('not_joined', 403, 'Entre na sala antes de fazer isso.');
      return room;
    }

    function on<E extends keyof Events, T>(event: E, handler: Handler<E, T>): void {
      (socket as unknown as { on: (e: string, l: (...args: unknown[]) => void) => void }).on(event, (raw: unknown, maybeAck: unknown) => {
        const ack = typeof maybeAck === 'function' ? (maybeAck as (r: Ack<T>) => void) : () => undefined;
        const parsed = clientPayloads[event].safeParse(raw);
        if (!parsed.success) {
          ack({ ok: false, error: { code: 'invalid_payload', message: parsed.error.issues[0]?.message ?? 'Dados inválidos.' } });
          return;
        }
        // Run inside a promise: even a synchronous throw becomes an error ack, never a crash.
        Promise.resolve(parsed.data as z.output<Events[E]>).then(handler).then(
          (data) => ack({ ok: true, data }),
          (error: unknown) => {
            let body: AckError = { code: 'internal_error', message: 'Algo deu errado do nosso lado. Tente de novo.' };
            if (error instanceof AppError) body = { code: error.code, message: error.message };
            else app.log.error({ err: error, event }, 'socket handler failed');
            ack({ ok: false, error: body });
          },
        );
      });
    }

    on('room:join', async ({ code, chatAfter }): Promise<JoinResult> => {
      const room = await roomForMember(db, code, user);
      if (room.status !== 'open') throw closedError();
      const role = roleIn(room, user.id);
      if (role === 'patient' && (await getConsentStatus(db, user.id)).required) {
        throw new AppError('consent_required', 403, 'Antes da primeira consulta, leia e aceite o termo de consentimento.');
      }
      rooms.set(code, room);
      // The same socket joining again after a join that succeeded (a retry whose first answer was
      // lost): answer it, but tell nobody anything new.
      const again = answeredJoins.has(code);
      joined.add(code);
      await socket.join([`room:${code}`, memberRoom(code, user.id)]);
      const admitted = role === 'doctor' || room.admitted_at !== null;
      if (presence.join(code, user.id, socket.id, admitted ? 'in_call' : 'waiting')) announce(code, room, user.id, presence.state(code, user.id));
      const peerId = peerOf(room, user.id);
      const [peerRow, chat, consultation] = await Promise.all([
        db.selectFrom('users').select('name').where('id', '=', peerId).executeTakeFirstOrThrow(),
        listChatMessages(db, room.id, CHAT_HISTORY, chatAfter),
        db.selectFrom('consultations').select('started_at').where('room_id', '=', room.id).executeTakeFirst(),
        touchRooms(db, [code], nowIso()),
      ]);
      names.set(peerId, peerRow.name);
      // Reply first, then tell both sides to start: the joiner must know its role before the call begins.
      if (!again) setImmediate(() => startCallIfBoth(code, room, user.id));
      answeredJoins.add(code);
      return {
        role,
        admitted,
        peer: { userId: peerId, name: peerRow.name, state: presence.state(code, peerId) },
        consultationStartedAt: consultation?.started_at ?? null,
        chat: chat.map((m) => ({ id: m.id, roomCode: code, fromUserId: m.from_user_id, fromName: m.name, text: m.text, sentAt: m.sent_at })),
      };
    });

    on('room:admit', async ({ code }) => {
      const room = joinedRoom(code);
      if (room.doctor_id !== user.id) throw new AppError('forbidden', 403, 'Só o médico pode deixar o paciente entrar.');
      const at = nowIso();
      await markAdmitted(db, room.id, at);
      const updated = { ...room, admitted_at: room.admitted_at ?? at };
      rooms.set(code, updated);
      if (presence.state(code, room.patient_id) === 'waiting') {
        presence.setState(code, room.patient_id, 'in_call');
        announce(code, updated, room.patient_id, 'in_call');
      }
      io.to(`room:${code}`).emit('room:admitted', { code });
      setImmediate(() => startCallIfBoth(code, updated, room.patient_id));
      return null;
    });

    on('signal', async ({ code, description, candidate }) => {
      const room = joinedRoom(code);
      if (presence.state(code, user.id) !== 'in_call') throw notInCall();
      io.to(memberRoom(code, peerOf(room, user.id))).emit('signal', { code, from: user.id, ...(description ? { description } : {}), ...(candidate !== undefined ? { candidate } : {}) });
      return null;
    });

    on('media:state', async ({ code, audio, video, screen }) => {
      const room = joinedRoom(code);
      // A patient still in the waiting room has no call to describe (ADR 005).
      if (presence.state(code, user.id) !== 'in_call') throw notInCall();
      io.to(memberRoom(code, peerOf(room, user.id))).emit('media:state', { code, userId: user.id, audio, video, screen });
      return null;
    });

    on('call:connected', async ({ code }) => {
      const room = joinedRoom(code);
      if (presence.state(code, user.id) !== 'in_call') throw notInCall();
      let claims = connected.get(code);
      if (!claims) {
        claims = new Map();
        connected.set(code, claims);
      }
      claims.set(user.id, nowIso());
      const doctorAt = claims.get(room.doctor_id);
      const patientAt = claims.get(room.patient_id);
      if (!doctorAt || !patientAt) return { startedAt: null };
      const consultation = await startConsultation(db, room, { doctorConnectedAt: doctorAt, patientConnectedAt: patientAt });
      io.to(`room:${code}`).emit('consultation:started', { code, startedAt: consultation.started_at });
      return { startedAt: consultation.started_at };
    });

    on('chat:send', async ({ code, text }): Promise<ChatMessage> => {
      const room = joinedRoom(code);
      // Waiting patients may write too (ADR 005), within the same per-person quota.
      const message = { id: randomUUID(), room_id: room.id, from_user_id: user.id, text, sent_at: nowIso() };
      if (!(await insertChatMessageWithinQuota(db, message, config.socket.chatPerRoom))) {
        throw new AppError('chat_quota', 429, 'Você já enviou o máximo de mensagens nesta consulta. Continue pela conversa em vídeo.');
      }
      const out: ChatMessage = { id: message.id, roomCode: code, fromUserId: user.id, fromName: user.name, text, sentAt: message.sent_at };
      socket.to(`room:${code}`).emit('chat:message', out);
      return out;
    });

    on('room:finalize', async ({ code }) => {
      // Membership first: an outsider must get the same no_access as for an unknown code, whether
      // or not the room is live on this node.
      const known = rooms.get(code);
      const room = known && (known.doctor_id === user.id || known.patient_id === user.id) ? known : await roomForMember(db, code, user);
      if (room.doctor_id !== user.id) throw new AppError('forbidden', 403, 'Só o médico pode finalizar a consulta.');
      const { consultation } = await finalizeRoom(db, room, 'doctor');
      closeEverywhere(code, 'finalized');
      return { durationSeconds: consultation?.duration_seconds ?? null };
    });

    on('room:leave', async ({ code }) => {
      const room = rooms.get(code);
      answeredJoins.delete(code);
      if (!joined.delete(code) || !room) return null;
      await Promise.all([socket.leave(`room:${code}`), socket.leave(memberRoom(code, user.id))]);
      connected.get(code)?.delete(user.id);
      const state = presence.leave(code, user.id, socket.id, false);
      if (state) announce(code, room, user.id, state);
      return null;
    });

    socket.on('disconnect', () => {
      // A throw here would escape into Socket.IO's internals: log it and carry on.
      try {
        for (const code of joined) {
          const room = rooms.get(code);
          connected.get(code)?.delete(user.id);
          const state = presence.leave(code, user.id, socket.id, true);
          if (room && state) announce(code, room, user.id, state);
        }
      } catch (err) {
        app.log.error({ err }, 'socket disconnect handling failed');
      }
    });
  });

  return {
    presence,
    isOnline: (code, userId) => presence.isOnline(code, userId),
    closeEverywhere,
    activeCodes: () => [...new Set([...rooms.keys(), ...presence.activeCodes()])],
    sweep,
    waitingFor: (doctorId) => waiting.forDoctor(doctorId),
  };
}

