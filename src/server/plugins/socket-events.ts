import type { FastifyBaseLogger } from 'fastify';
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type { ErrorCode } from '#shared/error-codes.ts';
import { type Ack, type AckFn, type ClientToServerEvents, type ServerToClientEvents, clientPayloads } from '#shared/realtime/events.ts';
import type { UserRow } from '#server/db/types.ts';
import { AppError } from '#server/errors.ts';

export type SocketData = {
  user: UserRow;
  sessionId: string;
  /** When the session began: an end of all the person's sessions reaches only those begun before it. */
  sessionCreatedAt: string;
  /** The cookie token, kept in memory only, to re-check the session while the socket lives. */
  token: string;
  baseUrl: string;
  /** When the session was last found valid. */
  checkedAt: number;
};
/** Messages between nodes in multi-node mode (`io.serverSideEmit`): a feature's event name and string arguments. */
export type InterServerEvents = Record<`${string}:${string}`, (...args: string[]) => void>;
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** The events a client may send. */
export type ClientEvent = keyof ClientToServerEvents;
/** An event's payload once parsed with its shared schema. */
export type ClientEventPayload<E extends ClientEvent> = z.output<(typeof clientPayloads)[E]>;
/** What an event's ack carries when it succeeds, from the shared event map. */
export type ClientEventResult<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[1] extends AckFn<infer T> | undefined ? T : never;

/**
 * One client event's handler, registered with the realtime layer at start-up (`Realtime.handle`).
 * The realtime layer counts `cost` against the person's rate budget before anything else runs.
 */
export type SocketEventHandler = {
  readonly event: ClientEvent;
  readonly cost: number;
  /** This socket's listener: parses, runs and replies; never throws. */
  listener: (socket: RealtimeSocket, log: FastifyBaseLogger) => (payload: unknown, ack?: unknown) => void;
};

const INTERNAL: { code: ErrorCode; message: string } = { code: 'internal_error', message: 'Algo deu errado do nosso lado. Tente de novo.' };

/**
 * The one shape of every socket event (socket.io's handler factories): the payload is parsed with
 * the event's shared zod schema, `run` does the work, and the ack gets `{ok:true,data}` or the
 * shared `{ok:false,error:{code,message}}`. An AppError's code and words reach the client; any
 * other failure is logged and answered as `internal_error`. Even a synchronous throw in `run`
 * becomes an error ack, never an exception in Socket.IO.
 */
export function socketEvent<E extends ClientEvent>(
  event: E,
  run: (socket: RealtimeSocket, payload: ClientEventPayload<E>) => Promise<ClientEventResult<E>>,
  options: { cost?: number } = {},
): SocketEventHandler {
  const schema = clientPayloads[event];
  return {
    event,
    cost: options.cost ?? 1,
    listener: (socket, log) => (raw, maybeAck) => {
      const ack: AckFn<ClientEventResult<E>> = typeof maybeAck === 'function' ? (maybeAck as AckFn<ClientEventResult<E>>) : () => undefined;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        ack({ ok: false, error: { code: 'invalid_payload' satisfies ErrorCode, message: parsed.error.issues[0]?.message ?? 'Dados inválidos.' } });
        return;
      }
      Promise.resolve(parsed.data as ClientEventPayload<E>)
        .then((payload) => run(socket, payload))
        .then(
          (data) => ack({ ok: true, data } satisfies Ack<ClientEventResult<E>>),
          (error: unknown) => {
            if (error instanceof AppError) return ack({ ok: false, error: { code: error.code, message: error.message } });
            log.error({ err: error, event }, 'socket handler failed');
            ack({ ok: false, error: INTERNAL });
          },
        );
    },
  };
}
