import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { SERVER_NODE_FLAGS, buildServer } from '../scripts/build-server';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/database.ts';
import type { Database } from '#server/db/types.ts';

/*
 * Pieces the benchmarks of a big clinic share (bench:billing, bench:closing-export): a fixed-seed
 * generator and names to seed with, bulk inserts, a throwaway database, the server in a child
 * process and its memory as /proc sees it, and a GET read to its end.
 */

/** `--name=value` from the command line. */
export function option(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export const log = (...args: unknown[]) => console.error('[bench]', ...args);

/** A fixed-seed generator (mulberry32), so every run seeds the same clinic. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FIRST_NAMES = [
  'Maria',
  'José',
  'João',
  'Ana',
  'Antônio',
  'Francisco',
  'Carlos',
  'Paulo',
  'Pedro',
  'Lucas',
  'Marcos',
  'Luís',
  'Gabriel',
  'Rafael',
  'Márcia',
  'Fátima',
  'Juliana',
  'Patrícia',
  'Letícia',
  'Cecília',
  'Júlia',
  'Beatriz',
  'Camila',
  'Amanda',
  'Bruna',
  'Fernanda',
  'André',
  'Fábio',
  'Vinícius',
  'Thaís',
];
export const LAST_NAMES = [
  'Silva',
  'Santos',
  'Oliveira',
  'Souza',
  'Rodrigues',
  'Ferreira',
  'Alves',
  'Pereira',
  'Lima',
  'Gomes',
  'Costa',
  'Ribeiro',
  'Martins',
  'Carvalho',
  'Araújo',
  'Gonçalves',
  'Rocha',
  'Melo',
  'Barbosa',
  'Cardoso',
  'Nascimento',
  'Moreira',
  'Teixeira',
  'Correia',
  'Mendes',
  'Nogueira',
];

/** A valid CPF (check digits) for a sequence number, so each person has a distinct one. */
export function cpfOf(n: number): string {
  const base = String(100_000_000 + n).slice(-9);
  const digit = (s: string) => {
    let sum = 0;
    for (let i = 0; i < s.length; i += 1) sum += Number(s[i]) * (s.length + 1 - i);
    const r = (sum * 10) % 11;
    return String(r === 10 ? 0 : r);
  };
  const d1 = digit(base);
  return base + d1 + digit(base + d1);
}

export type Row = Record<string, unknown>;

/** Multi-row inserts of `rows` in statements of `perStatement` (SQLite allows 32,766 parameters a statement). */
export async function insertRows(db: Db, table: keyof Database, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.floor(30_000 / Object.keys(rows[0]!).length);
  // Rows are built to match the table; Kysely cannot check a table chosen at run time.
  for (let i = 0; i < rows.length; i += perStatement)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
}

/** {@link insertRows} in one transaction. */
export async function insertAll(db: Db, table: keyof Database, rows: Row[]): Promise<void> {
  await db.transaction().execute(async (trx) => insertRows(trx as unknown as Db, table, rows));
}

/**
 * A throwaway database of the given engine; `drop` removes it. PostgreSQL: a fresh database on the
 * server of `pgUrl`, named after `prefix`, the process and the time.
 */
export async function throwaway(
  engine: 'sqlite' | 'postgres',
  prefix: string,
  pgUrl: string,
): Promise<{ database: Config['database']; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mc-${prefix.replace(/_/g, '-')}-`));
    return { database: { kind: 'sqlite', file: path.join(dir, 'bench.sqlite') }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `mc_${prefix}_${process.pid}_${Date.now()}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return { database: { kind: 'postgres', url: url.toString() }, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * The server in its own process, on an already seeded database: bench/billing-server.ts compiled
 * the way `npm run build` compiles the app (scripts/build-server.ts), and run with plain node as
 * `npm start` runs it (same node flags), so its memory is the production server's.
 */
export async function startServer(database: Config['database']): Promise<{ child: ChildProcess; url: string; stop: () => Promise<void> }> {
  const entry = await buildServer(path.join(import.meta.dirname, 'billing-server.ts'), 'dist/bench/billing-server.mjs');
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, entry], {
    env: { ...process.env, BENCH_DATABASE: JSON.stringify(database) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
    readline.createInterface({ input: child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return {
    child,
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** VmRSS and VmHWM (peak since start or since the last {@link resetPeak}) of a process, in MB. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kb('VmRSS') / 102.4) / 10, hwm: Math.round(kb('VmHWM') / 102.4) / 10 };
}

/** Starts a process's VmHWM again from its current RSS. */
export function resetPeak(pid: number): void {
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Closes the kept-alive connection, so the process can end. */
export function closeAgent(): void {
  agent.destroy();
}

export type Fetched = { status: number; bytes: number; lines: number; body: string };

/**
 * One request read to its end. The body is kept only when asked, or written to `toFile` (an
 * export is counted and dropped, or saved to look at).
 */
export function request(
  base: string,
  url: string,
  cookie: string,
  opts: { method?: 'GET' | 'POST'; json?: unknown; keepBody?: boolean; toFile?: string } = {},
): Promise<Fetched> {
  const { method = 'GET', json, keepBody = true, toFile } = opts;
  return new Promise((resolve, reject) => {
    const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    const headers: http.OutgoingHttpHeaders = { cookie, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) };
    // The server checks Origin on writes, as a browser on the same site sends it.
    if (method !== 'GET') headers.origin = new URL(base).origin;
    const req = http.request(new URL(url, base), { method, agent, headers }, (res) => {
      let bytes = 0;
      let lines = 0;
      const chunks: Buffer[] = [];
      const file = toFile ? fs.createWriteStream(toFile) : undefined;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
        if (keepBody && !file) chunks.push(chunk);
        if (file && !file.write(chunk)) {
          res.pause();
          file.once('drain', () => res.resume());
        }
      });
      res.on('end', () => {
        const done = () => resolve({ status: res.statusCode ?? 0, bytes, lines, body: keepBody && !file ? Buffer.concat(chunks).toString('utf8') : '' });
        if (file) file.end(done);
        else done();
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** A GET read to its end; the body is kept only when asked. */
export function get(base: string, url: string, cookie: string, keepBody = true): Promise<Fetched> {
  return request(base, url, cookie, { keepBody });
}
