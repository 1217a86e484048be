import path from 'node:path';
import { z } from 'zod';
import type { SmtpSettings } from './lib/mail';
import { type TrustProxy, checkAddresses } from './lib/trust-proxy';

const bool = z.enum(['1', '0', 'true', 'false', 'yes', 'no', '']).transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Every environment variable the server reads; the README documents each one. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset to use SQLite)')
    .optional(),
  /** With DATABASE_URL: several identical nodes share PostgreSQL and this Redis (issue 14). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must have at least 10 characters').optional(),
  ADMIN_NAME: z.string().min(3).default('Administrador'),
  HTTPS: bool.default(false),
  TRUST_PROXY: z.string().default('0'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(60 * 12),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(3).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_IP_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must look like smtp://user:pass@host:587')
    .optional(),
  SMTP_FROM: z.string().min(3).default('MedConnect <nao-responda@medconnect.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST_DIR: z.string().min(1).default('dist/web'),
  STUN_URLS: z.string().default('stun:stun.l.google.com:19302'),
  TURN_URLS: z.string().optional(),
  TURN_SECRET: z.string().min(16, 'must have at least 16 characters (the static-auth-secret of coturn)').optional(),
  TURN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  ROOM_IDLE_MINUTES: z.coerce
    .number()
    .min(0.05)
    .max(24 * 60)
    .default(30),
  /** How long a dropped member shows as "reconnecting" before "offline". */
  ROOM_RECONNECT_GRACE_SECONDS: z.coerce.number().min(0.1).max(600).default(20),
  /** Realtime events one person may send per 10 s, all their connections together. */
  SOCKET_EVENTS_PER_10S: z.coerce.number().int().min(10).max(10_000).default(300),
  /** Open realtime connections (tabs) per signed-in session. */
  SOCKETS_PER_SESSION: z.coerce.number().int().min(1).max(50).default(4),
  /** Chat messages one person may send in one room. */
  CHAT_MESSAGES_PER_ROOM: z.coerce.number().int().min(10).max(100_000).default(500),
  /** Printed on prescriptions and evolutions. */
  CLINIC_NAME: z.string().trim().min(2).max(120).default('MedConnect'),
  CLINIC_ADDRESS: z.string().trim().max(300).optional(),
  /** Receiver city on the PIX codes of doctors who have not given theirs. */
  CLINIC_CITY: z.string().trim().regex(/\p{L}/u, 'must name a city').max(60).default('SAO PAULO'),
  /** Where backups are written; DATA_DIR/backups when unset. */
  BACKUP_DIR: z.string().min(1).optional(),
  /** A backup every 24 hours (and at start when the last one is older). */
  BACKUP_DAILY: bool.default(false),
  /** Daily backups kept; older daily ones are deleted. Manual and pre-reset backups are kept. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(14),
  /** false hides and refuses the admin's database reset, for deployments that must never offer it. */
  RESET_ENABLED: bool.default(true),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** Multi-node mode: set with PostgreSQL only. */
  redis: { url: string } | undefined;
  publicUrl: string | undefined;
  admin: { email: string | undefined; password: string | undefined; name: string };
  https: boolean;
  trustProxy: TrustProxy;
  session: { idleMs: number; maxMs: number };
  login: { maxFailures: number; lockMs: number; ipLimitPerMinute: number };
  smtp: SmtpSettings | undefined;
  logLevel: string;
  webDistDir: string;
  rtc: { stunUrls: string[]; turnUrls: string[]; turnSecret: string | undefined; turnTtlSeconds: number };
  rooms: { idleMs: number; reconnectGraceMs: number };
  socket: { eventsPer10s: number; perSession: number; chatPerRoom: number };
  clinic: { name: string; address: string | null; city: string };
  backups: { dir: string; daily: boolean; keep: number };
  resetEnabled: boolean;
};

function splitList(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

/**
 * TRUST_PROXY: `0` (default) trusts no proxy; `1` (or `true`) or a number N trusts that many hops
 * in front of us; otherwise a comma-separated list of the proxies' addresses or CIDRs (or
 * `loopback`, `uniquelocal`, `linklocal`), which is safer: a client reaching the port directly
 * cannot forge X-Forwarded-For.
 */
function parseTrustProxy(value: string): TrustProxy {
  const v = value.trim().toLowerCase();
  if (['', '0', 'false', 'no'].includes(v)) return false;
  if (['true', 'yes'].includes(v)) return { hops: 1 };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) throw new ConfigError('Invalid environment variable TRUST_PROXY: at most 10 hops');
    return { hops };
  }
  const addresses = splitList(value);
  try {
    checkAddresses(addresses);
  } catch {
    throw new ConfigError('Invalid environment variable TRUST_PROXY: use 0, a hop count, or proxy addresses/CIDRs such as 10.0.0.1,192.168.0.0/16');
  }
  return { addresses };
}

/** A configuration problem, reported as one line naming the variable. */
export class ConfigError extends Error {}

/** Reads and checks the environment; throws ConfigError with a one-line message on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  if (e.TURN_URLS && !e.TURN_SECRET) throw new ConfigError('Invalid environment variable TURN_SECRET: required when TURN_URLS is set');
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid environment variable REDIS_URL: several nodes need PostgreSQL, so set DATABASE_URL too (or unset REDIS_URL to run one node on SQLite)',
    );
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', file: path.join(dataDir, 'medconnect.sqlite') },
    redis: e.REDIS_URL ? { url: e.REDIS_URL } : undefined,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    admin: { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD, name: e.ADMIN_NAME },
    https: e.HTTPS,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    session: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, maxMs: e.SESSION_MAX_DAYS * 86_400_000 },
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockMs: e.LOGIN_LOCK_MINUTES * 60_000, ipLimitPerMinute: e.LOGIN_IP_LIMIT_PER_MINUTE },
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : undefined,
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    rtc: { stunUrls: splitList(e.STUN_URLS), turnUrls: splitList(e.TURN_URLS ?? ''), turnSecret: e.TURN_SECRET, turnTtlSeconds: e.TURN_TTL_SECONDS },
    rooms: { idleMs: Math.round(e.ROOM_IDLE_MINUTES * 60_000), reconnectGraceMs: Math.round(e.ROOM_RECONNECT_GRACE_SECONDS * 1000) },
    socket: { eventsPer10s: e.SOCKET_EVENTS_PER_10S, perSession: e.SOCKETS_PER_SESSION, chatPerRoom: e.CHAT_MESSAGES_PER_ROOM },
    clinic: { name: e.CLINIC_NAME, address: e.CLINIC_ADDRESS || null, city: e.CLINIC_CITY },
    backups: { dir: path.resolve(e.BACKUP_DIR ?? path.join(dataDir, 'backups')), daily: e.BACKUP_DAILY, keep: e.BACKUP_KEEP },
    resetEnabled: e.RESET_ENABLED,
  };
}
