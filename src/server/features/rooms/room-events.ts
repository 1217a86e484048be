import { randomUUID } from 'node:crypto';
import type { ChatMessage } from '#shared/schemas/rooms.ts';
import type { Config } from '#server/config.ts';
import { type Db, nowIso } from '#server/db/database.ts';
import { AppError } from '#server/errors.ts';
import { type RealtimeServer, type SocketEventHandler, socketEvent } from '#server/plugins/socket-events.ts';
import { getConsentStatus } from '#server/features/consent/consent.service.ts';
import { startConsultation } from '#server/features/consultations/consultations.service.ts';
import { insertChatMessageWithinQuota, listChatMessages } from './chat.repository';
import { type LiveRooms, memberRoom } from './live-rooms';
import { findConsultationStart, findMemberName, markAdmitted, touchRooms } from './rooms.repository';
import { finalizeRoom, roomForMember } from './rooms.service';

/** What the room event handlers work with. */
export type RoomEventDeps = { db: Db; config: Config; io: RealtimeServer; live: LiveRooms };

/** Messages sent back on a join; a rejoin sends only what came after the client's newest. */
const CHAT_HISTORY = 200;
/** A join reads the room, presence and chat history: it counts as this many events against the person's rate. */
const JOIN_COST = 10;

const closedError = () => new AppError('room_closed', 410, 'A consulta foi encerrada. Se precisar, peça uma nova sala ao seu médico.');
const notInCall = () => new AppError('not_in_call', 409, 'Entre na consulta antes de fazer isso.');

/** Membership-checked join: the doctor goes straight in, the patient waits until admitted (ADR 005). */
export const joinRoom = ({ db, live }: RoomEventDeps) =>
  socketEvent(
    'room:join',
    async (socket, { code, chatAfter }) => {
      const { user, joined, answeredJoins } = live.member(socket);
      const room = await roomForMember(db, code, user);
      if (room.status !== 'open') throw closedError();
      const role = live.roleIn(room, user.id);
      if (role === 'patient' && (await getConsentStatus(db, user.id)).required) {
        throw new AppError('consent_required', 403, 'Antes da primeira consulta, leia e aceite o termo de consentimento.');
      }
      live.rooms.set(code, room);
      // The same socket joining again after a join that succeeded (a retry whose first answer was
      // lost): answer it, but tell nobody anything new.
      const again = answeredJoins.has(code);
      joined.add(code);
      await socket.join([`room:${code}`, memberRoom(code, user.id)]);
      const admitted = role === 'doctor' || room.admitted_at !== null;
      if (live.presence.join(code, user.id, socket.id, admitted ? 'in_call' : 'waiting')) await live.changed(code, room, user.id);
      else await live.state.publish(code, user.id);
      const peerId = live.peerOf(room, user.id);
      const [peerName, chat, consultationStartedAt, peerState] = await Promise.all([
        findMemberName(db, peerId),
        listChatMessages(db, room.id, CHAT_HISTORY, chatAfter),
        findConsultationStart(db, room.id),
        live.state.presence(code, peerId),
        touchRooms(db, [code], nowIso()),
      ]);
      live.names.set(peerId, peerName);
      // Reply first, then tell both sides to start: the joiner must know its role before the call begins.
      if (!again) setImmediate(() => live.background(live.startCallIfBoth(code, room, user.id)));
      answeredJoins.add(code);
      return {
        role,
        admitted,
        peer: { userId: peerId, name: peerName, state: peerState },
        consultationStartedAt,
        chat: chat.map((m) => ({ id: m.id, roomCode: code, fromUserId: m.from_user_id, fromName: m.name, text: m.text, sentAt: m.sent_at })),
      };
    },
    { cost: JOIN_COST },
  );

/** The doctor lets the waiting patient in. */
export const admitPatient = ({ db, io, live }: RoomEventDeps) =>
  socketEvent('room:admit', async (socket, { code }) => {
    const { user } = live.member(socket);
    const room = live.joinedRoom(socket, code);
    if (room.doctor_id !== user.id) throw new AppError('forbidden', 403, 'Só o médico pode deixar o paciente entrar.');
    const at = nowIso();
    await markAdmitted(db, room.id, at);
    const changedHere = await live.admitted(code, at);
    const updated = live.rooms.get(code) ?? room;
    io.to(`room:${code}`).emit('room:admitted', { code });
    // Multi-node: the patient's node moves them into the call and starts it (once, where it changed).
    live.peers?.broadcast('rooms:admitted', code, at);
    if (!live.peers || changedHere) setImmediate(() => live.background(live.startCallIfBoth(code, updated, room.patient_id)));
    return null;
  });

/** A WebRTC description or candidate, relayed to the other member's sockets only. */
export const relaySignal = ({ io, live }: RoomEventDeps) =>
  socketEvent('signal', async (socket, { code, description, candidate }) => {
    const { user } = live.member(socket);
    const room = live.joinedRoom(socket, code);
    // This socket's own person: their sockets here tell (a socket is on one node).
    if (live.presence.state(code, user.id) !== 'in_call') throw notInCall();
    io.to(memberRoom(code, live.peerOf(room, user.id))).emit('signal', {
      code,
      from: user.id,
      ...(description ? { description } : {}),
      ...(candidate !== undefined ? { candidate } : {}),
    });
    return null;
  });

/** Microphone, camera and screen on or off, for the other member. */
export const relayMediaState = ({ io, live }: RoomEventDeps) =>
  socketEvent('media:state', async (socket, { code, audio, video, screen }) => {
    const { user } = live.member(socket);
    const room = live.joinedRoom(socket, code);
    // A patient still in the waiting room has no call to describe (ADR 005).
    if (live.presence.state(code, user.id) !== 'in_call') throw notInCall();
    io.to(memberRoom(code, live.peerOf(room, user.id))).emit('media:state', { code, userId: user.id, audio, video, screen });
    return null;
  });

/** Media flows for this member; once both said so, the consultation starts (both times kept as evidence). */
export const mediaConnected = ({ db, io, live }: RoomEventDeps) =>
  socketEvent('call:connected', async (socket, { code }) => {
    const { user } = live.member(socket);
    const room = live.joinedRoom(socket, code);
    if (live.presence.state(code, user.id) !== 'in_call') throw notInCall();
    const claims = await live.state.claimConnected(code, user.id, nowIso());
    const doctorAt = claims.get(room.doctor_id);
    const patientAt = claims.get(room.patient_id);
    if (!doctorAt || !patientAt) return { startedAt: null };
    const consultation = await startConsultation(db, room, { doctorConnectedAt: doctorAt, patientConnectedAt: patientAt });
    io.to(`room:${code}`).emit('consultation:started', { code, startedAt: consultation.started_at });
    return { startedAt: consultation.started_at };
  });

/** A chat message, kept within the per-person quota of the room and sent to the others in it. */
export const sendChat = ({ db, config, live }: RoomEventDeps) =>
  socketEvent('chat:send', async (socket, { code, text }) => {
    const { user } = live.member(socket);
    const room = live.joinedRoom(socket, code);
    // Waiting patients may write too (ADR 005), within the same per-person quota.
    const message = { id: randomUUID(), room_id: room.id, from_user_id: user.id, text, sent_at: nowIso() };
    if (!(await insertChatMessageWithinQuota(db, message, config.socket.chatPerRoom))) {
      throw new AppError('chat_quota', 429, 'Você já enviou o máximo de mensagens nesta consulta. Continue pela conversa em vídeo.');
    }
    const out: ChatMessage = { id: message.id, roomCode: code, fromUserId: user.id, fromName: user.name, text, sentAt: message.sent_at };
    socket.to(`room:${code}`).emit('chat:message', out);
    return out;
  });

/** The doctor ends the consultation: the room closes for everyone in it. */
export const finalizeCall = ({ db, live }: RoomEventDeps) =>
  socketEvent('room:finalize', async (socket, { code }) => {
    const { user } = live.member(socket);
    // Membership first: an outsider must get the same no_access as for an unknown code, whether
    // or not the room is live on this node.
    const known = live.rooms.get(code);
    const room = known && (known.doctor_id === user.id || known.patient_id === user.id) ? known : await roomForMember(db, code, user);
    if (room.doctor_id !== user.id) throw new AppError('forbidden', 403, 'Só o médico pode finalizar a consulta.');
    const { consultation } = await finalizeRoom(db, room, 'doctor');
    await live.closeEverywhere(code, 'finalized');
    return { durationSeconds: consultation?.duration_seconds ?? null };
  });

/** This socket leaves the room (the page closed the call); the other member sees it. */
export const leaveRoom = ({ live }: RoomEventDeps) =>
  socketEvent('room:leave', async (socket, { code }) => {
    const { user, joined, answeredJoins } = live.member(socket);
    const room = live.rooms.get(code);
    answeredJoins.delete(code);
    if (!joined.delete(code) || !room) return null;
    await Promise.all([socket.leave(`room:${code}`), socket.leave(memberRoom(code, user.id))]);
    await live.state.unclaimConnected(code, user.id);
    if (live.presence.leave(code, user.id, socket.id, false)) await live.changed(code, room, user.id);
    return null;
  });

/** Every room event, built with its dependencies. */
export function roomEventHandlers(deps: RoomEventDeps): SocketEventHandler[] {
  return [joinRoom, leaveRoom, admitPatient, finalizeCall, relaySignal, mediaConnected, relayMediaState, sendChat].map((make) => make(deps));
}
