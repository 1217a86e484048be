import type { AckError, ClientToServerEvents, JoinResult } from '#shared/realtime/events.ts';
import type { ChatMessage } from '#shared/schemas/rooms.ts';
import { getIceServers as fetchIceServers } from '#web/features/call/api/ice-servers.ts';
import { CallPeer } from '#web/features/call/media/call-peer.ts';
import type { CallPeerOptions, LocalTracks } from '#web/features/call/media/call-peer-types.ts';
import type { SessionAction } from '#web/features/call/model/session-reducer.ts';
import { ackPromise } from './ack';
import type { JoinGate } from './ack';
import { callLog as log } from './call-log';
import { listenToRoom } from './room-events';
import type { SessionHooks, SessionPeer, SignalingSocket } from './signaling-types';

export interface CallSignalingOptions {
  socket: SignalingSocket;
  code: string;
  role: 'doctor' | 'patient';
  dispatch: (action: SessionAction) => void;
  hooks: () => SessionHooks;
  /** Opened on each (re)join; shared by the page's successive clients. */
  joined: JoinGate;
  /** The newest chat message shown: a rejoin asks only for newer ones. */
  newestChat: () => string | undefined;
  getIceServers?: () => Promise<RTCIceServer[]>;
  /** Tests pass a fake; the page gets a real CallPeer. */
  createPeer?: (options: CallPeerOptions) => SessionPeer;
}

/**
 * The room's realtime side, without React: Socket.IO signaling (join on every connect, presence,
 * admit, chat, finalize) turned into session actions, and the CallPeer that carries the media.
 * `start()` adds its listeners to the tab's connection; `stop()` removes them and leaves the room,
 * but never closes the connection (the app owns it).
 */
export class CallSignaling {
  readonly peer: SessionPeer;
  private closed = false;
  private unlisten: (() => void) | null = null;

  constructor(private readonly o: CallSignalingOptions) {
    const { socket, code, dispatch } = o;
    const getIceServers = o.getIceServers ?? fetchIceServers;
    // Warm the ICE server cache, so the first peer connection does not wait for it.
    getIceServers().catch(() => undefined);
    this.peer = (o.createPeer ?? ((options) => new CallPeer(options)))({
      polite: o.role === 'patient',
      getIceServers,
      sendSignal: (message) => {
        if (!socket.connected) return;
        socket.emit('signal', { code, ...message } as Parameters<ClientToServerEvents['signal']>[0], (reply) => {
          if (reply && !reply.ok) log('signal refused', reply.error);
        });
      },
      localTracks: () => o.hooks().localTracks(),
      onRemoteStream: (stream) => dispatch({ type: 'remote-stream', stream }),
      onLinkState: (link) => dispatch({ type: 'link', link }),
      onConnected: () => {
        socket.emit('call:connected', { code }, (reply) => {
          if (reply?.ok && reply.data.startedAt) dispatch({ type: 'started', startedAt: reply.data.startedAt });
        });
      },
      log,
    });
  }

  /** Listens to the room's events and joins it (now, or when the connection comes up). */
  start(): void {
    const { socket, dispatch } = this.o;
    this.unlisten = listenToRoom({
      ...this.o,
      peer: this.peer,
      join: () => this.join(),
      sendMediaState: () => this.sendMediaState(),
    });
    // Already connected (the usual case: the app's connection opened on an earlier page).
    if (socket.connected) {
      dispatch({ type: 'online', online: true });
      this.join();
    }
  }

  /** Leaves the room (the other side sees "left" at once) and removes every listener added here. */
  stop(): void {
    const { socket, code } = this.o;
    this.closed = true;
    this.o.joined.close();
    this.peer.destroy();
    if (socket.connected) socket.emit('room:leave', { code });
    this.unlisten?.();
  }

  admit(): Promise<null> {
    const { socket, code } = this.o;
    return ackPromise<null>((ack) => socket.emit('room:admit', { code }, ack));
  }

  /** Sends a chat message now (the caller waited for the room to be joined). */
  async sendChat(text: string): Promise<ChatMessage> {
    const { socket, code } = this.o;
    if (!socket.connected) throw { code: 'offline', message: 'Sem conexão com o servidor. A mensagem não foi enviada.' } satisfies AckError;
    const message = await ackPromise<ChatMessage>((ack) => socket.emit('chat:send', { code, text }, ack));
    this.o.dispatch({ type: 'message', message });
    return message;
  }

  async finalize(): Promise<{ durationSeconds: number | null }> {
    const { socket, code } = this.o;
    if (!socket.connected) throw { code: 'offline', message: 'Sem conexão com o servidor. Tente de novo em instantes.' } satisfies AckError;
    return ackPromise<{ durationSeconds: number | null }>((ack) => socket.emit('room:finalize', { code }, ack));
  }

  /** Our microphone, camera or screen changed: swap the sent track and tell the other side. */
  publishMedia(tracks: LocalTracks): void {
    void this.peer.replaceTrack('audio', tracks.audio).catch((e: unknown) => log('replace audio failed', e));
    void this.peer.replaceTrack('video', tracks.video).catch((e: unknown) => log('replace video failed', e));
    this.sendMediaState();
  }

  private sendMediaState(): void {
    const { socket, code } = this.o;
    if (socket.connected) socket.emit('media:state', { code, ...this.o.hooks().mediaState() });
  }

  private join(): void {
    const { socket, code, dispatch } = this.o;
    const chatAfter = this.o.newestChat();
    ackPromise<JoinResult>((ack) => socket.emit('room:join', { code, ...(chatAfter ? { chatAfter } : {}) }, ack)).then(
      (result) => {
        if (this.closed) return;
        log('joined', { admitted: result.admitted, peer: result.peer.state });
        dispatch({ type: 'joined', result });
        this.o.joined.open();
        this.sendMediaState();
        if (result.role === 'doctor' && result.peer.state === 'waiting') this.o.hooks().onPatientWaiting?.(result.peer.name);
      },
      (error: AckError) => {
        if (this.closed) return;
        log('join failed', error);
        if (error.code === 'timeout' && socket.connected) {
          setTimeout(() => {
            if (!this.closed && socket.connected) this.join();
          }, 2000);
          return;
        }
        if (error.code === 'room_closed') {
          this.peer.destroy();
          this.o.hooks().onClosed?.();
        }
        if (error.code === 'consent_required') this.o.hooks().onConsentRequired?.();
        dispatch({ type: 'join-failed', error });
      },
    );
  }
}
