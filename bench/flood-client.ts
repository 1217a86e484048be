import readline from 'node:readline';
import { type ClientSocket, connectSocket } from '../tests/helpers/sockets';

/**
 * The flooding patients of `bench/signaling.ts`, in a process of their own. Reads one JSON line
 * `{urls, sockets, flooders:[{cookie, code}]}` from stdin, floods until stdin says "stop" (or
 * closes), then prints `{sent, disconnects, refused, cpu_ms, seconds, per_node:[{sent, disconnects, refused}]}`
 * (per_node in the order of `urls`) and exits. With several nodes, each flooder's sockets go to
 * different nodes (flooder i's socket j to node (i + j) % nodes), as a load balancer would spread
 * one person's tabs, so only the limits counted across nodes (Redis) can hold the person back.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One person flooding from every socket their session may open: joins, media state and chat as
 * fast as the client can send, reconnecting at once whenever the server closes a socket.
 */
type Counts = { sent: number; disconnects: number; refused: number };

function flood(urls: string[], first: number, cookie: string, code: string, sockets: number): { stop: () => Counts[] } {
  const counts: Counts[] = urls.map(() => ({ sent: 0, disconnects: 0, refused: 0 }));
  let sent = 0;
  let stopped = false;
  const open = new Set<ClientSocket>();
  const run = async (node: number): Promise<void> => {
    const url = urls[node]!;
    const count = counts[node]!;
    while (!stopped) {
      const s = await connectSocket(url, cookie).catch(() => null);
      if (!s) {
        count.refused += 1;
        await sleep(50);
        continue;
      }
      open.add(s);
      const emit = s.emit.bind(s) as (e: string, p: unknown) => void;
      await new Promise<void>((resolve) => {
        s.once('disconnect', () => {
          count.disconnects += 1;
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
            count.sent += 1;
          }
          setImmediate(burst);
        };
        burst();
      });
      if (!stopped) await sleep(20);
    }
  };
  for (let i = 0; i < sockets; i += 1) void run((first + i) % urls.length);
  return {
    stop: () => {
      stopped = true;
      for (const s of open) s.close();
      return counts;
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
  const setup = JSON.parse(line) as { urls: string[]; sockets: number; flooders: { cookie: string; code: string }[] };
  floods = setup.flooders.map((f, i) => flood(setup.urls, i, f.cookie, f.code, setup.sockets));
});
lines.on('close', () => {
  const stats = floods.map((f) => f.stop());
  const perNode =
    stats[0]?.map((_, n) => {
      const sum = (k: keyof Counts) => stats.reduce((a, s) => a + s[n]![k], 0);
      return { sent: sum('sent'), disconnects: sum('disconnects'), refused: sum('refused') };
    }) ?? [];
  const sum = (k: keyof Counts) => perNode.reduce((a, s) => a + s[k], 0);
  const { user, system } = process.cpuUsage(cpuAtStart);
  const figures = {
    sent: sum('sent'),
    disconnects: sum('disconnects'),
    refused: sum('refused'),
    cpu_ms: Math.round((user + system) / 1000),
    seconds: (performance.now() - startedAt) / 1000,
    per_node: perNode,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`, () => process.exit(0));
});
