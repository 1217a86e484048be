import type { Ack, AckError } from '#shared/realtime/events.ts';

/** Turns an ack into a promise that rejects with the server's `{code,message}`. */
export function ackPromise<T>(send: (ack: (reply: Ack<T>) => void) => void, timeoutMs = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject({ code: 'timeout', message: 'O servidor demorou para responder. Tente de novo.' } satisfies AckError), timeoutMs);
    send((reply) => {
      clearTimeout(timer);
      if (reply.ok) resolve(reply.data);
      else reject(reply.error);
    });
  });
}

/** Opens once the socket is connected and has (re)joined the room. */
interface Gate {
  promise: Promise<void>;
  open: () => void;
  isOpen: boolean;
}

function gate(): Gate {
  const g = { isOpen: false } as Gate;
  g.promise = new Promise<void>((resolve) => {
    g.open = () => {
      g.isOpen = true;
      resolve();
    };
  });
  return g;
}

/**
 * "Joined the room" for one call page: a new gate closes on each disconnect and each new signaling
 * client, so a chat message written meanwhile is sent once the room is rejoined.
 */
export class JoinGate {
  private current = gate();

  get isOpen(): boolean {
    return this.current.isOpen;
  }

  open(): void {
    this.current.open();
  }

  /** A fresh, closed gate (whoever waits on the old one keeps waiting until their timeout). */
  close(): void {
    this.current = gate();
  }

  /** Resolves when the current gate opens; rejects with `error` after `ms`. */
  async wait(ms: number, error: AckError): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(error), ms);
    });
    await Promise.race([this.current.promise, timeout]).finally(() => clearTimeout(timer));
  }
}
