import readline from 'node:readline';
import { type ClientSocket, connectSocket } from '../tests/helpers/sockets';

/**
 * The flooding patients of `bench/signaling.ts`, in a process of their own. Reads one JSON line
 * `{url, sockets, flooders:[{cookie, code}]}` from stdin, floods until stdin says "stop" (or
 * closes), then prints `{sent, disconnects, refused, cpu_ms, seconds}` and exits.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One person flooding from every socket their session may open: joins, media state and chat as
 * fast as the client can send, reconnecting at once whenever the server closes a socket.
 */
function flood(url: string, cookie: string, code: string, sockets: number): { stop: () => { sent: number; disconnects: number; refused: number } } {
  let sent = 0;
  let disconnects = 0;
  let refused = 0;
  let stopped = false;
  const open = new Set<ClientSocket>();
  const run = async (): Promise<void> => {
    while (!stopped) {
      const s = await connectSocket(url, cookie).catch(() => null);
      if (!s) {
        refused += 1;
        await sleep(50);
        continue;
      }
      open.add(s);
      const emit = s.emit.bind(s) as (e: string, p: unknown) => void;
      await new Promise<void>((resolve) => {
        s.once('disconnect', () => {
          disconnects += 1;
          open.delete(s);
          resolve();
        });
        const burst = () => {
          if (stopped || !s.connected) return;
          for (let i = 0; i < 20; i += 1) {
            const kind = i % 10;
            if (kind === 0) emit('room:join', { code });
            else if (kind < 6) emit('media:state', { code, audio: i % 2 === 0, video: true, screen: false });
            else emit('chat:send', { code, text: `flood ${sent}` });
            sent += 1;
          }
          setImmediate(burst);
        };
        burst();
      });
      if (!stopped) await sleep(20);
    }
  };
  for (let i = 0; i < sockets; i += 1) void run();
  return {
    stop: () => {
      stopped = true;
      for (const s of open) s.close();
      return { sent, disconnects, refused };
    },
  };
}

const lines = readline.createInterface({ input: process.stdin });
let floods: ReturnType<typeof flood>[] = [];
let cpuAtStart = process.cpuUsage();
let startedAt = performance.now();
lines.once('line', (line) => {
  cpuAtStart = process.cpuUsage();
  startedAt = performance.now();
  const setup = JSON.parse(line) as { url: string; sockets: number; flooders: { cookie: string; code: string }[] };
  floods = setup.flooders.map((f) => flood(setup.url, f.cookie, f.code, setup.sockets));
});
lines.on('close', () => {
  const stats = floods.map((f) => f.stop());
  const sum = (k: 'sent' | 'disconnects' | 'refused') => stats.reduce((a, s) => a + s[k], 0);
  const { user, system } = process.cpuUsage(cpuAtStart);
  const figures = {
    sent: sum('sent'),
    disconnects: sum('disconnects'),
    refused: sum('refused'),
    cpu_ms: Math.round((user + system) / 1000),
    seconds: (performance.now() - startedAt) / 1000,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`, () => process.exit(0));
});
