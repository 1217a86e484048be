import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '#server/app.ts';
import { type Config, loadConfig } from '#server/config.ts';
import { type Db, createDb } from '#server/db/database.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { type Redis, closeRedis, connectRedis } from '#server/lib/redis.ts';
import { REDIS_SERVER_PATH, TEST_POSTGRES_URL } from './requirements';

/**
 * Several app nodes on one PostgreSQL database (and Redis), in this process: each with its own
 * pool and Redis connection, as separate servers would have.
 */

/** A new, empty PostgreSQL database on the test server; `migrate` runs the migrations. */
export async function createPgDatabase(o: { migrate?: boolean } = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `mc_nodes_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  if (o.migrate) {
    const db = createDb({ kind: 'postgres', url: url.toString() });
    await migrateToLatest(db);
    await db.destroy();
  }
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export type TestNode = {
  app: FastifyInstance;
  db: Db;
  redis: Redis | undefined;
  config: Config;
  /** Set once `listen` ran. */
  url: string | undefined;
  listen: () => Promise<string>;
  close: () => Promise<void>;
};

/** One node on `databaseUrl` (already migrated), in multi-node mode when `redisUrl` is given. */
export async function startNode(databaseUrl: string, redisUrl: string | undefined, env: Record<string, string> = {}): Promise<TestNode> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: 'dist/web',
    DATA_DIR: '/tmp/mc-unused',
    DATABASE_URL: databaseUrl,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    ...env,
  });
  const redis = redisUrl ? await connectRedis(redisUrl) : undefined;
  const db = createDb(config.database);
  const app = await buildApp(config, { db, redis, logger: false });
  await app.ready();
  const node: TestNode = {
    app,
    db,
    redis,
    config,
    url: undefined,
    listen: async () => {
      node.url = await app.listen({ port: 0, host: '127.0.0.1' });
      return node.url;
    },
    close: async () => {
      await app.close();
      await db.destroy();
      if (redis) await closeRedis(redis);
    },
  };
  return node;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A Redis of the test's own (Debian's redis-server on a free port, keeping nothing on disk),
 * to stop and start again: the machine's Redis on 6379 is never touched.
 */
export async function throwawayRedis(): Promise<{ url: string; start: () => Promise<void>; stop: () => Promise<void> }> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const proc = spawn(REDIS_SERVER_PATH, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    child = proc;
    for (let i = 0; i < 100; i += 1) {
      if (proc.exitCode !== null) throw new Error(`redis-server on port ${port} exited with ${proc.exitCode}`);
      const up = await new Promise<boolean>((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => {
          s.end();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      });
      if (up) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not start on port ${port}`);
  };
  const stop = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop };
}

export type ServerProcess = {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  out: () => string;
  exit: Promise<number | null>;
  /** Kills it if still running and removes its DATA_DIR. */
  stop: () => Promise<void>;
};

/**
 * `node src/server/main.ts` as a separate process, as `npm start` would run a node: in a DATA_DIR
 * of its own, on a free port, on SQLite without Redis unless `env` says otherwise.
 */
export function spawnServer(env: Record<string, string>, dataDirPrefix = 'mc-node-'): ServerProcess {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), dataDirPrefix));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      REDIS_URL: '',
      ADMIN_PASSWORD: 'senha-de-teste-123',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { child, out: () => out, exit, stop };
}

/** The address a spawned server prints once it listens; throws with its output if it exits or takes too long. */
export async function addressOf(server: ServerProcess, timeoutMs = 60_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const match = /MedConnect is running at (http:\/\/\S+)/.exec(server.out());
    if (match) return match[1]!.replace('localhost', '127.0.0.1');
    if (server.child.exitCode !== null) throw new Error(`server exited with ${server.child.exitCode}:\n${server.out()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`server did not start:\n${server.out()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A load balancer's stand-in: each new TCP connection goes to the first of `ports()` that accepts
 * it (asked per connection, so a test can list nodes started later). `close` cuts the connections
 * still open (browsers keep theirs) and stops listening.
 */
export async function tcpFrontDoor(ports: () => number[]): Promise<{ url: string; close: () => Promise<void> }> {
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.pause();
    const tryNext = (left: number[]) => {
      const [port, ...rest] = left;
      if (port === undefined) return void client.destroy();
      const upstream = net.connect(port, '127.0.0.1');
      upstream.once('error', () => tryNext(rest));
      upstream.once('connect', () => {
        upstream.removeAllListeners('error');
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    tryNext(ports());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const close = () => {
    for (const socket of open) socket.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url: `http://127.0.0.1:${port}`, close };
}
