import type { AckError } from '#shared/realtime/events.ts';
import type { AppSocket } from '#web/lib/app-socket.ts';
import type { SessionAction } from '#web/features/call/model/session-reducer.ts';
import type { JoinGate } from './ack';
import { callLog as log } from './call-log';
import type { SessionHooks, SessionPeer, SignalingSocket } from './signaling-types';

export interface RoomEventContext {
  socket: SignalingSocket;
  code: string;
  dispatch: (action: SessionAction) => void;
  peer: SessionPeer;
  hooks: () => SessionHooks;
  joined: JoinGate;
  /** Joins the room (again): on every connect. */
  join: () => void;
  sendMediaState: () => void;
}

/**
 * What the server tells the call, turned into session actions and peer commands. Adds its
 * listeners to the tab's socket and returns the function that removes them all (and only them).
 */
export function listenToRoom(ctx: RoomEventContext): () => void {
  const { socket, code, dispatch, peer, hooks, joined } = ctx;
  const offs: (() => void)[] = [];
  const listen = ((event: string, fn: (...args: never[]) => void) => {
    socket.on(event as never, fn as never);
    offs.push(() => socket.off(event as never, fn as never));
    return socket;
  }) as AppSocket['on'];
  const me = () => hooks().myUserId;
  listen('connect', () => {
    dispatch({ type: 'online', online: true });
    ctx.join();
  });
  listen('disconnect', () => {
    dispatch({ type: 'online', online: false });
    if (joined.isOpen) joined.close();
    // Media keeps flowing; signaling comes back with the socket (the app's connection
    // reconnects by itself, also after the server closed it on purpose).
    peer.pause();
  });
  listen('connect_error', (error: Error & { data?: Partial<AckError> }) => {
    log('connect error', error.message);
    if (socket.active) return;
    // The server refused this connection (session over, too many tabs): say which, in its words.
    const refusal = error.data?.code && error.data.message ? { code: error.data.code, message: error.data.message } : null;
    dispatch({
      type: 'join-failed',
      error:
        refusal && refusal.code !== 'unauthenticated'
          ? refusal
          : { code: 'unauthenticated', message: 'Sua sessão terminou. Entre de novo para voltar à consulta.' },
    });
  });
  listen('presence', (p) => {
    if (p.code !== code || p.userId === me()) return;
    log(`presence ${p.role} ${p.state}`);
    dispatch({ type: 'presence', userId: p.userId, name: p.name, state: p.state });
    // "left" is on purpose: hang up. "offline" (grace period over) keeps media that still flows.
    if (p.state === 'left' || (p.state === 'offline' && peer.state !== 'connected')) peer.hangUp();
    else if (p.state === 'reconnecting' || p.state === 'offline') peer.pause();
    if (p.state === 'waiting' && p.role === 'patient') hooks().onPatientWaiting?.(p.name);
  });
  listen('room:admitted', (p) => {
    if (p.code === code) dispatch({ type: 'admitted' });
  });
  listen('call:start', (p) => {
    if (p.code !== code) return;
    log('call:start', p);
    peer.start(p.initiator);
    ctx.sendMediaState();
  });
  listen('signal', (p) => {
    if (p.code !== code) return;
    peer.signal({
      ...(p.description ? { description: p.description as RTCSessionDescriptionInit } : {}),
      ...(p.candidate ? { candidate: p.candidate as RTCIceCandidateInit } : {}),
    });
  });
  listen('media:state', (p) => {
    if (p.code === code && p.userId !== me()) dispatch({ type: 'remote-media', media: { audio: p.audio, video: p.video, screen: p.screen } });
  });
  listen('chat:message', (m) => {
    if (m.roomCode !== code) return;
    dispatch({ type: 'message', message: m });
    hooks().onMessage?.(m);
  });
  listen('consultation:started', (p) => {
    if (p.code === code) dispatch({ type: 'started', startedAt: p.startedAt });
  });
  listen('room:closed', (p) => {
    if (p.code !== code) return;
    peer.destroy();
    dispatch({ type: 'closed', reason: p.reason });
    hooks().onClosed?.();
  });
  listen('error:fatal', (e) => dispatch({ type: 'notice', notice: e.message }));
  return () => {
    for (const off of offs) off();
  };
}
