import { vi } from 'vitest';
import type { SessionPeer, SignalingSocket } from '#web/features/call/session/signaling-types.ts';

type Handler = (...args: never[]) => void;

/** A Socket.IO client stand-in: records what the call emits and lets a test play the server. */
export class FakeSocket {
  connected = true;
  active = true;
  readonly emitted: { event: string; payload: unknown; ack?: (reply: unknown) => void }[] = [];
  private readonly handlers = new Map<string, Handler[]>();

  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  off(event: string, handler: Handler): this {
    this.handlers.set(
      event,
      (this.handlers.get(event) ?? []).filter((h) => h !== handler),
    );
    return this;
  }

  emit(event: string, payload: unknown, ack?: (reply: unknown) => void): this {
    this.emitted.push({ event, payload, ...(ack ? { ack } : {}) });
    return this;
  }

  /** The server sends an event to this client. */
  serverSends(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) (handler as (...a: unknown[]) => void)(...args);
  }

  /** The server answers the last `event` this client emitted. */
  reply(event: string, reply: unknown): void {
    const sent = this.emitted.filter((e) => e.event === event).at(-1);
    if (!sent?.ack) throw new Error(`no ${event} waiting for an answer`);
    sent.ack(reply);
  }

  /** What was emitted for an event, payloads only. */
  sent(event: string): unknown[] {
    return this.emitted.filter((e) => e.event === event).map((e) => e.payload);
  }

  listeners(event: string): number {
    return this.handlers.get(event)?.length ?? 0;
  }

  get asSocket(): SignalingSocket {
    return this as unknown as SignalingSocket;
  }
}

/** A CallPeer stand-in whose every command is a mock. */
export function fakePeer(): SessionPeer & { state: string } {
  return {
    state: 'idle',
    start: vi.fn(),
    signal: vi.fn(),
    pause: vi.fn(),
    hangUp: vi.fn(),
    destroy: vi.fn(),
    replaceTrack: vi.fn(async () => undefined),
    getStats: vi.fn(async () => null),
  } as unknown as SessionPeer & { state: string };
}
