import { type ChildProcessByStdio, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SERVER_NODE_FLAGS, buildServer } from '../scripts/build-server';
import { createDb } from '#server/db/database.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { type ClientSocket, connectSocket, request } from '../tests/helpers/sockets';
import { memoryOf, resetPeak } from './bench-kit';
import type { MemoryFigures, SeededPair } from './signaling-server';

/**
 * `npm run bench:signaling`: WebRTC signaling relay under load. The real app runs in a child
 * process (bench/signaling-server.ts, SQLite in a temp DATA_DIR) so its memory and CPU are its
 * own; this process seeds N doctor/patient pairs, opens 2·N socket.io-client websockets with
 * their session cookies, joins every pair to its room, then plays a negotiation per pair: the
 * doctor sends an offer, the patient answers when it arrives, and each side trickles ICE
 * candidates. Pairs start spread over --spread-ms (default 60 s, every call of the hour starting
 * in the same minute), as calls do, rather than all in one tick.
 *
 * Measures relay latency (send → the peer's receipt, one clock since both ends live here),
 * messages lost, ack errors and the server's RSS growth per connected-and-joined socket (read after
 * a full GC once the RSS settled; `node_growth_mb` splits it per node into objects, unused heap,
 * Buffers and the rest), and the peak RSS while they connect and join (VmHWM) per socket.
 * BENCH_HEAP_SNAPSHOTS=<dir> writes every node's heap snapshot before and after (ADR 025).
 *
 * Then the same round again while --flooders patients (default 5) each flood from as many
 * sockets as their session may open, reconnecting whenever the server cuts them off: media
 * state, chat and joins as fast as the client can send. The other pairs' p99 must stay under
 * twice the quiet figure; /healthz is timed every 250 ms in both rounds.
 * Options: --pairs=1000 --candidates=20 --batch=100 --spread-ms=60000 --trickle-ms=25
 * --sdp-bytes=4000 --settle-ms=15000 --flooders=5 --flood-sockets=4. Progress goes to stderr;
 * the last stdout line is one JSON object.
 *
 * `--nodes 2` (issue 14): that many server processes in multi-node mode on a fresh PostgreSQL
 * database (made on BENCH_PG_URL's server, default the machine's, dropped afterwards) and Redis
 * (BENCH_REDIS_URL, default 127.0.0.1:6379); each pair's doctor connects to one node and its
 * patient to the next, so every relayed message crosses nodes through Redis. RSS per socket is
 * the sum over the nodes; server CPU is the sum too; /healthz is timed on the first node. Each
 * flooder's sockets are spread over the nodes, so the limits counted across nodes in Redis are
 * what holds them back; `flood.flooder_per_node` says what each node received and cut off.
 */

const TARGET = { p99Ms: 50, lost: 0, kbPerSocket: 60, floodP99Ratio: 2 };

function option(name: string, fallback: number): number {
  // --name=value, or --name value.
  const at = process.argv.indexOf(`--${name}`);
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? (at >= 0 ? process.argv[at + 1] : undefined);
  const value = arg !== undefined ? Number(arg) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  return value;
}

const opts = {
  pairs: option('pairs', 1000),
  candidates: option('candidates', 20),
  batch: Math.max(1, option('batch', 100)),
  // 1,000 calls starting within one minute: a "top of the hour" burst far above steady state.
  spreadMs: option('spread-ms', 60_000),
  trickleMs: option('trickle-ms', 25),
  sdpBytes: option('sdp-bytes', 4000),
  settleMs: option('settle-ms', 15000),
  flooders: option('flooders', 5),
  floodSockets: Math.max(1, option('flood-sockets', 4)),
  nodes: Math.max(1, option('nodes', 1)),
};

const log = (...args: unknown[]) => console.error('[bench]', ...args);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Server = {
  child: ChildProcessByStdio<Writable, Readable, null>;
  url: string;
  ask: <T>(cmd: Record<string, unknown>) => Promise<T>;
};

/**
 * Starts bench/signaling-server.ts, compiled and run with the node flags `npm start` uses
 * (scripts/build-server.ts, ADR 016), and talks to it one JSON line at a time.
 */
async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const script = await buildServer(path.join(path.dirname(fileURLToPath(import.meta.url)), 'signaling-server.ts'), 'dist/bench/signaling-server.mjs');
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof", profiles the server alone.
  const extra = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--expose-gc', ...extra, script], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const waiting: ((line: string) => void)[] = [];
  const early: string[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    // Node's own diagnostics (--trace-gc and the like) also print to stdout: pass them on.
    if (!line.startsWith('{')) return void console.error(`[server] ${line}`);
    const next = waiting.shift();
    if (next) next(line);
    else early.push(line);
  });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const queued = early.shift();
      if (queued !== undefined) return resolve(queued);
      const onExit = (code: number | null) => reject(new Error(`server exited (${code}) before answering`));
      child.once('exit', onExit);
      waiting.push((line) => {
        child.off('exit', onExit);
        resolve(line);
      });
    });
  const parse = <T>(line: string): T => {
    const o = JSON.parse(line) as T & { error?: string };
    if (o.error) throw new Error(`server: ${o.error}`);
    return o;
  };
  const { url } = parse<{ url: string }>(await nextLine());
  return {
    child,
    url,
    ask: async <T>(cmd: Record<string, unknown>) => {
      const answer = nextLine();
      child.stdin.write(`${JSON.stringify(cmd)}\n`);
      return parse<T>(await answer);
    },
  };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.stdin.end(`${JSON.stringify({ cmd: 'exit' })}\n`);
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Runs `fn` over `items`, `size` at a time. */
async function inBatches<T, R>(items: T[], size: number, fn: (item: T, index: number) => Promise<R>, label: string): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)))));
    if ((i / size) % 5 === 4 || i + size >= items.length) log(`${label}: ${Math.min(i + size, items.length)}/${items.length}`);
  }
  return out;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

type Live = SeededPair & { doctor: ClientSocket; patient: ClientSocket };

type RoundFigures = {
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  lost: number;
  misrouted: number;
  unexpected: number;
  ack_errors: number;
  signaling_ms: number;
  msgs_per_s: number;
  server_cpu_pct: number;
  client_cpu_pct: number;
  server_loop_delay_p99_ms: number;
  client_loop_delay_p99_ms: number;
  healthz_p95_ms: number;
};

/** Times GET /healthz every 250 ms until stopped. */
function sampleHealth(url: string): () => number {
  const times: number[] = [];
  let stopped = false;
  void (async () => {
    while (!stopped) {
      const t = performance.now();
      await fetch(new URL('/healthz', url))
        .then((r) => r.arrayBuffer())
        .catch(() => undefined);
      times.push(performance.now() - t);
      await sleep(250);
    }
  })();
  return () => {
    stopped = true;
    return percentile(Float64Array.from(times).sort(), 95);
  };
}

type FloodCounts = { sent: number; disconnects: number; refused: number };
type FloodStats = FloodCounts & { cpu_ms: number; seconds: number; per_node: FloodCounts[] };
type Flood = { child: ChildProcessByStdio<Writable, Readable, null>; stop: () => Promise<FloodStats> };

/**
 * The flooding patients run in their own process (bench/flood-client.ts), as they would on their
 * own machines: their sending must not slow the event loop of the clients being measured. On
 * their own machines they would also burn their own CPU: here, on the benchmark's cores, an
 * unbounded sender takes a whole core from the server and the measuring client and the ratio
 * would measure the machine, not the server's defences. So the flooders run at the lowest
 * scheduling priority (nice 19): they send with every cycle the server and the clients leave
 * idle, and the result reports the rate they reached and the CPU they used.
 */
function startFlood(urls: string[], flooders: SeededPair[]): Flood {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'flood-client.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  if (child.pid) os.setPriority(child.pid, 19);
  child.stdin.write(`${JSON.stringify({ urls, sockets: opts.floodSockets, flooders: flooders.map((f) => ({ cookie: f.patientCookie, code: f.code })) })}\n`);
  const answer = new Promise<string>((resolve) => readline.createInterface({ input: child.stdout }).once('line', resolve));
  return {
    child,
    stop: async () => {
      child.stdin.end('stop\n');
      return JSON.parse(await answer) as FloodStats;
    },
  };
}

/** One negotiation per pair (offer, answer, trickled candidates), pairs spread over --spread-ms. */
async function signalingRound(servers: Server[], live: Live[], label: string): Promise<{ messages: number; figures: RoundFigures }> {
  const server = servers[0]!;
  const cpuOf = async () => {
    const all = await Promise.all(servers.map((s) => s.ask<{ cpuMs: number; loopDelayP99Ms: number }>({ cmd: 'cpu' })));
    return { cpuMs: all.reduce((sum, a) => sum + a.cpuMs, 0), loopDelayP99Ms: Math.max(...all.map((a) => a.loopDelayP99Ms)) };
  };
  const perPair = 2 + 2 * opts.candidates;
  const expected = live.length * perPair;
  const sentAt = new Map<string, number>();
  const latencies = new Float64Array(expected);
  let received = 0;
  let duplicates = 0;
  let misrouted = 0;
  let ackErrors = 0;
  let lastSend = 0;
  // Ids carry the round, so a late message of an earlier round is never taken for this one's.
  const tag = `${label}-`;
  const padding = 'a=x-bench-padding:'.padEnd(Math.max(0, opts.sdpBytes - 120), 'x');
  const sdp = (type: string, id: string) => `v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=x-bench:${id}\r\n${padding}\r\n${type}`;
  const idOf = (p: { description?: { sdp?: string }; candidate?: { candidate: string } | null }): string | undefined =>
    p.description?.sdp ? /a=x-bench:(\S+)/.exec(p.description.sdp)?.[1] : p.candidate ? /^candidate:(\S+)/.exec(p.candidate.candidate)?.[1] : undefined;
  const onAck = (r: { ok: boolean }) => {
    if (!r.ok) ackErrors += 1;
  };
  const send = (s: ClientSocket, payload: Record<string, unknown>, id: string) => {
    sentAt.set(id, performance.now());
    lastSend = performance.now();
    (s.emit as (e: string, p: unknown, ack: (r: { ok: boolean }) => void) => void)('signal', payload, onAck);
  };
  const trickle = (s: ClientSocket, pairIndex: number, side: 'd' | 'p', code: string) => {
    let n = 0;
    const next = () => {
      const id = `${tag}${pairIndex}.${side}.${n}`;
      send(
        s,
        {
          code,
          candidate: { candidate: `candidate:${id} 1 udp 2122260223 10.0.${pairIndex % 250}.${n} ${50_000 + n} typ host`, sdpMid: '0', sdpMLineIndex: 0 },
        },
        id,
      );
      n += 1;
      if (n < opts.candidates) setTimeout(next, opts.trickleMs);
    };
    if (opts.candidates > 0) setTimeout(next, opts.trickleMs);
  };
  let done: () => void = () => undefined;
  const allReceived = new Promise<void>((resolve) => {
    done = resolve;
  });
  const receiver = (pairIndex: number, side: 'd' | 'p', s: ClientSocket, onOffer?: () => void) => {
    s.on('signal', (payload) => {
      const now = performance.now();
      const id = idOf(payload);
      const t = id === undefined ? undefined : sentAt.get(id);
      if (id === undefined || t === undefined) {
        duplicates += 1;
        return;
      }
      sentAt.delete(id);
      if (!id.startsWith(`${tag}${pairIndex}.`) || id.split('.')[1] === side) misrouted += 1;
      latencies[received] = now - t;
      received += 1;
      if (payload.description?.type === 'offer') onOffer?.();
      if (received === expected) done();
    });
  };

  const monitor = monitorEventLoopDelay({ resolution: 10 });
  monitor.enable();
  const stopHealth = sampleHealth(server.url);
  const serverCpu0 = (await cpuOf()).cpuMs;
  const clientCpu0 = process.cpuUsage();
  const t2 = performance.now();
  live.forEach((p, i) => {
    receiver(i, 'd', p.doctor);
    receiver(i, 'p', p.patient, () => {
      send(p.patient, { code: p.code, description: { type: 'answer', sdp: sdp('answer', `${tag}${i}.p.answer`) } }, `${tag}${i}.p.answer`);
      trickle(p.patient, i, 'p', p.code);
    });
    setTimeout(
      () => {
        send(p.doctor, { code: p.code, description: { type: 'offer', sdp: sdp('offer', `${tag}${i}.d.offer`) } }, `${tag}${i}.d.offer`);
        trickle(p.doctor, i, 'd', p.code);
      },
      live.length > 1 ? (i * opts.spreadMs) / (live.length - 1) : 0,
    );
  });
  const progress = setInterval(() => log(`${label}: relayed ${received}/${expected}`), 2000);
  const minimum = opts.spreadMs + (opts.candidates + 2) * opts.trickleMs;
  await Promise.race([
    allReceived,
    (async () => {
      await sleep(minimum);
      // Then wait until nothing has been sent for --settle-ms.
      while (performance.now() - lastSend < opts.settleMs) await sleep(250);
    })(),
  ]);
  clearInterval(progress);
  monitor.disable();
  const signalMs = performance.now() - t2;
  const serverAfter = await cpuOf();
  const serverCpuMs = serverAfter.cpuMs - serverCpu0;
  const clientCpu = process.cpuUsage(clientCpu0);
  const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000;
  const healthP95 = stopHealth();
  for (const p of live) {
    p.doctor.off('signal');
    p.patient.off('signal');
  }

  // p99 per tenth of the run (in order of arrival): shows warm-up and neighbours' noise.
  const tenths = Array.from({ length: 10 }, (_, k) => {
    const part = latencies.slice(Math.floor((k * received) / 10), Math.floor(((k + 1) * received) / 10)).sort();
    return round(percentile(part, 99), 1);
  });
  log(`${label}: p99 by tenth of the run (ms): ${tenths.join(' ')}`);
  const sorted = latencies.slice(0, received).sort();
  const figures: RoundFigures = {
    p50_ms: round(percentile(sorted, 50)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(percentile(sorted, 100)),
    lost: expected - received,
    misrouted,
    unexpected: duplicates,
    ack_errors: ackErrors,
    signaling_ms: Math.round(signalMs),
    msgs_per_s: Math.round(received / (signalMs / 1000)),
    server_cpu_pct: Math.round((100 * serverCpuMs) / signalMs),
    client_cpu_pct: Math.round((100 * clientCpuMs) / signalMs),
    server_loop_delay_p99_ms: round(serverAfter.loopDelayP99Ms),
    client_loop_delay_p99_ms: round(monitor.percentile(99) / 1e6),
    healthz_p95_ms: round(healthP95),
  };
  log(
    `${label}: ${received}/${expected} relayed in ${figures.signaling_ms} ms; p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, max ${figures.max_ms} ms; /healthz p95 ${figures.healthz_p95_ms} ms`,
  );
  return { messages: expected, figures };
}

async function main(): Promise<void> {
  const started = performance.now();
  log(`starting ${opts.nodes} server(s); ${opts.pairs} pairs, ${opts.candidates} candidates per side, spread ${opts.spreadMs} ms, ${opts.flooders} flooders`);
  const multi = opts.nodes > 1 ? await multiNodeDatabase() : undefined;
  const servers: Server[] = [];
  for (let n = 0; n < opts.nodes; n += 1) servers.push(await startServer(multi?.env));
  const server = servers[0]!;
  const rssOf = async () => {
    const all = await Promise.all(servers.map((s) => s.ask<MemoryFigures>({ cmd: 'rss' })));
    return { rss: all.reduce((sum, a) => sum + a.rss, 0), heapUsed: all.reduce((sum, a) => sum + a.heapUsed, 0), nodes: all };
  };
  // BENCH_HEAP_SNAPSHOTS=<dir>: every node writes a heap snapshot before the sockets connect and once they joined, to
  // compare by constructor. Writing one leaves the process ~140 MB larger: the RSS figures of such a run mean nothing.
  const snapshots = process.env.BENCH_HEAP_SNAPSHOTS;
  const snapshot = async (label: string) => {
    if (!snapshots) return;
    const files = await Promise.all(
      servers.map((s, n) => s.ask<{ file: string }>({ cmd: 'snapshot', file: path.join(snapshots, `node${n + 1}-${label}.heapsnapshot`) })),
    );
    log(`heap snapshots: ${files.map((f) => f.file).join(', ')}`);
  };
  const sockets: ClientSocket[] = [];
  try {
    const { pairs: all } = await server.ask<{ pairs: SeededPair[] }>({ cmd: 'seed', pairs: opts.pairs + opts.flooders });
    const seeded = all.slice(0, opts.pairs);
    const floodPairs = all.slice(opts.pairs);
    log(`seeded ${all.length} pairs at ${server.url}`);
    const before = await rssOf();
    await snapshot('before');
    // The peak while sockets connect and join (VmHWM), from here: what a node must have room for during a burst.
    for (const s of servers) resetPeak(s.child.pid!);

    // Connect every socket, a batch at a time, as 2·N browsers with their session cookies.
    const t0 = performance.now();
    // With several nodes, a pair's doctor and patient are on different nodes.
    const people = seeded.flatMap((p, i) => [
      { cookie: p.doctorCookie, url: servers[i % servers.length]!.url },
      { cookie: p.patientCookie, url: servers[(i + 1) % servers.length]!.url },
    ]);
    const connected = await inBatches(
      people,
      opts.batch,
      async ({ cookie, url }) => {
        const s = await connectSocket(url, cookie);
        sockets.push(s);
        return s;
      },
      'connected',
    );
    const connectMs = performance.now() - t0;
    const live: Live[] = seeded.map((p, i) => ({ ...p, doctor: connected[2 * i]!, patient: connected[2 * i + 1]! }));
    // A socket the server drops (ping timeout under load, flood limit) loses its messages: count them.
    let disconnects = 0;
    let closing = false;
    for (const s of sockets) s.once('disconnect', () => void (closing || (disconnects += 1)));

    // Join: doctors first, then patients (already admitted, so both get call:start).
    const t1 = performance.now();
    let joinErrors = 0;
    const join = async (s: ClientSocket, code: string) => {
      const r = await request(s, 'room:join', { code });
      if (!r.ok) joinErrors += 1;
    };
    await inBatches(live, opts.batch, (p) => join(p.doctor, p.code), 'doctors joined');
    await inBatches(live, opts.batch, (p) => join(p.patient, p.code), 'patients joined');
    const joinMs = performance.now() - t1;
    if (joinErrors) log(`WARNING: ${joinErrors} joins refused`);
    await sleep(500);
    const peakMb = servers.reduce((sum, s) => sum + memoryOf(s.child.pid!).hwm, 0);
    const afterJoin = await rssOf();
    const socketCount = sockets.length;
    const kbPerSocket = (afterJoin.rss - before.rss) / 1024 / socketCount;
    log(
      `server RSS ${round(before.rss / 2 ** 20, 1)} MB → ${round(afterJoin.rss / 2 ** 20, 1)} MB with ${socketCount} sockets joined: ${round(kbPerSocket, 1)} KB/socket (heap ${round((afterJoin.heapUsed - before.heapUsed) / 1024 / socketCount, 1)} KB/socket)`,
    );
    // Where each node's growth went: objects (heap used), V8's heap pages beyond them, Buffers and the rest (allocator, native).
    const growth = afterJoin.nodes.map((a, n) => {
      const b = before.nodes[n]!;
      const mb = (x: number) => round(x / 2 ** 20, 1);
      return {
        rss: mb(a.rss - b.rss),
        heap_used: mb(a.heapUsed - b.heapUsed),
        heap_unused: mb(a.heapTotal - a.heapUsed - (b.heapTotal - b.heapUsed)),
        external: mb(a.external - b.external),
        other: mb(a.rss - a.heapTotal - a.external - (b.rss - b.heapTotal - b.external)),
      };
    });
    growth.forEach((g, n) => log(`node ${n + 1} grew (MB): ${JSON.stringify(g)}`));
    const peakKbPerSocket = (peakMb * 2 ** 20 - before.rss) / 1024 / socketCount;
    log(`peak RSS while connecting and joining ${round(peakMb, 1)} MB: ${round(peakKbPerSocket, 1)} KB/socket above the idle servers`);
    await snapshot('joined');

    const quiet = await signalingRound(servers, live, 'quiet');
    let flood = null;
    if (floodPairs.length > 0) {
      // With several nodes each flooder's sockets are spread over them (flood-client.ts).
      const flooders = startFlood(
        servers.map((s) => s.url),
        floodPairs,
      );
      await sleep(2000);
      const round2 = await signalingRound(servers, live, 'flood');
      const stats = await flooders.stop();
      flood = {
        flooders: floodPairs.length,
        sockets_per_flooder: opts.floodSockets,
        events_sent: stats.sent,
        events_per_s: Math.round(stats.sent / stats.seconds),
        flooder_cpu_pct: Math.round((100 * stats.cpu_ms) / (1000 * stats.seconds)),
        flooder_disconnects: stats.disconnects,
        flooder_refused_connects: stats.refused,
        // Per node, in the order of --nodes: the flooders' events sent there, and how often that node cut them off or refused them.
        flooder_per_node: stats.per_node.map((n) => ({ events_sent: n.sent, disconnects: n.disconnects, refused_connects: n.refused })),
        ...round2.figures,
        p99_ratio: round(round2.figures.p99_ms / quiet.figures.p99_ms),
      };
    }
    const afterSignal = await rssOf();
    const result = {
      nodes: opts.nodes,
      pairs: opts.pairs,
      sockets: socketCount,
      messages: quiet.messages,
      ...quiet.figures,
      join_errors: joinErrors,
      disconnects,
      kb_per_socket: round(kbPerSocket, 1),
      peak_kb_per_socket: round(peakKbPerSocket, 1),
      node_growth_mb: growth,
      server_rss_mb: {
        before: round(before.rss / 2 ** 20, 1),
        peak_joining: round(peakMb, 1),
        joined: round(afterJoin.rss / 2 ** 20, 1),
        after_signaling: round(afterSignal.rss / 2 ** 20, 1),
      },
      connect_ms: Math.round(connectMs),
      join_ms: Math.round(joinMs),
      flood,
    };
    const misses = [
      result.p99_ms < TARGET.p99Ms ? null : `p99 ${result.p99_ms} ms ≥ ${TARGET.p99Ms}`,
      result.lost === TARGET.lost ? null : `lost ${result.lost}`,
      result.kb_per_socket < TARGET.kbPerSocket ? null : `${result.kb_per_socket} KB/socket ≥ ${TARGET.kbPerSocket}`,
      result.misrouted + result.ack_errors + result.join_errors + result.disconnects === 0 ? null : 'errors',
      !flood || (flood.p99_ratio < TARGET.floodP99Ratio && flood.lost === 0 && flood.misrouted + flood.ack_errors === 0)
        ? null
        : `under flood: p99 ×${flood.p99_ratio}, lost ${flood.lost}, errors ${flood.misrouted + flood.ack_errors}`,
    ].filter(Boolean);
    log(
      misses.length
        ? `MISSED TARGETS: ${misses.join('; ')}`
        : `all targets met (p99 < ${TARGET.p99Ms} ms, lost 0, < ${TARGET.kbPerSocket} KB/socket, p99 under flood < ${TARGET.floodP99Ratio}× quiet) in ${Math.round((performance.now() - started) / 1000)} s`,
    );
    process.exitCode = misses.length ? 1 : 0;
    closing = true;
    for (const s of sockets) s.close();
    for (const s of servers) await stopServer(s);
    console.info(JSON.stringify(result));
  } finally {
    for (const s of sockets) s.close();
    for (const s of servers) await stopServer(s);
    await multi?.drop();
  }
}

/** `--nodes N`: a fresh, migrated PostgreSQL database for the nodes, and the environment that puts them in multi-node mode. */
async function multiNodeDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `mc_bench_signaling_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = createDb({ kind: 'postgres', url: url.toString() });
  await migrateToLatest(db);
  await db.destroy();
  log(`multi-node: PostgreSQL database ${name}, Redis ${process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'}`);
  return {
    env: { BENCH_DATABASE_URL: url.toString(), BENCH_REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
