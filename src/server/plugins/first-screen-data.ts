import { promisify } from 'node:util';
import zlib from 'node:zlib';
import negotiate from '@fastify/accept-negotiator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * A first screen's HTML with the signed-in person's first API answers written into it
 * (docs/decisions/027-first-answers-in-the-html.md). The build's copy of the page asks for them
 * with `<link rel="preload" as="fetch">` (scripts/first-screen-html.ts); here the server asks its
 * own routes instead, through `inject` with the browser's cookie (the same guards, schemas and
 * limits as the browser's own request), and puts the answers in a `<script type="application/json">`
 * that the app reads before it fetches (web/lib/first-data.ts). On a phone that is six round trips
 * less before the home draws its cards.
 */

/** One of the build's API preloads, as scripts/first-screen-html.ts writes it. */
const API_PRELOAD = /\s*<link rel="preload" as="fetch" crossorigin="anonymous" href="(\/api\/[^"]+)">/g;
const SESSION_URL = '/api/auth/me';
/**
 * The request headers the API reads, passed on as they came, with the same peer address: the
 * answers see the same person, IP, protocol and host (invite links, per-IP limits, TRUST_PROXY's
 * forwarded headers) as the browser's own request would.
 */
const FORWARDED_HEADERS = ['cookie', 'user-agent', 'accept-language', 'host', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host'] as const;

export type DataScreen = {
  /** The page without its API preloads: the answers come in it instead. */
  html: string;
  /** What the preloads asked for, exactly as the app will ask (`&amp;` read back as `&`). */
  urls: string[];
};

/** The parts of a first screen's HTML that this fills in, or undefined when it preloads no API answer. */
export function dataScreenOf(html: string): DataScreen | undefined {
  const urls = [...html.matchAll(API_PRELOAD)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  if (urls.length === 0 || !html.includes('</head>')) return undefined;
  return { html: html.replace(API_PRELOAD, ''), urls };
}

/**
 * JSON that cannot end the <script> it sits in: `<`, `>` and `&` (and the two line separators
 * old parsers choke on) as \u escapes, which JSON.parse reads back as the same characters.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * How long the page waits for its answers before it goes without them (the build's page, whose
 * preloads ask for them): a slow database makes the first screen no slower than before.
 */
export const FIRST_DATA_BUDGET_MS = 1_500;

/**
 * The screen's HTML with the answers the person's session gets, or undefined when it goes out as
 * the build made it: the session is not valid (no 200 for /api/auth/me; that browser's own
 * requests lead it to the login page as before), the answers took longer than the budget, or
 * the server's own requests could not say the address the browser used (see below). The session
 * is asked first and alone, so a forged cookie costs one lookup, not one per answer. An answer
 * other than 200 is left out, and the app asks for it itself.
 */
export async function htmlWithFirstData(app: FastifyInstance, request: FastifyRequest, screen: DataScreen): Promise<string | undefined> {
  // Serving HTTPS itself with no PUBLIC_URL, links in answers are made from the request's own
  // protocol, which an injected request cannot have (it is never TLS): `http://` links would go
  // in the page. That page goes without its answers.
  if (app.config.https && !app.config.publicUrl) return undefined;
  if (!screen.urls.includes(SESSION_URL)) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, FIRST_DATA_BUDGET_MS, undefined)));
  try {
    return await Promise.race([answersPage(app, request, screen), budget]);
  } finally {
    clearTimeout(timer);
  }
}

async function answersPage(app: FastifyInstance, request: FastifyRequest, screen: DataScreen): Promise<string | undefined> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const ask = async (url: string): Promise<[string, unknown] | undefined> => {
    const answer = await app.inject({ method: 'GET', url, headers, remoteAddress: request.socket.remoteAddress ?? request.ip });
    if (answer.statusCode !== 200 || !String(answer.headers['content-type']).startsWith('application/json')) return undefined;
    try {
      return [url, answer.json()];
    } catch {
      return undefined; // Not JSON after all: the app asks for it itself.
    }
  };
  const session = await ask(SESSION_URL);
  if (!session) return undefined;
  const rest = await Promise.all(screen.urls.filter((url) => url !== SESSION_URL).map(ask));
  const data = Object.fromEntries([session, ...rest].filter((entry) => entry !== undefined));
  const script = `<script type="application/json" id="first-data">${scriptSafeJson(data)}</script>`;
  // A function, not a string: `$&`, `$'` and the like in someone's text are not replacement patterns.
  return screen.html.replace('</head>', () => `    ${script}\n  </head>`);
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Sends a page made for one person: never stored by a browser or proxy (it holds their data),
 * compressed as the browser accepts, at a level quick enough to do per request.
 */
export async function sendPersonalHtml(request: FastifyRequest, reply: FastifyReply, html: string): Promise<FastifyReply> {
  const encoding = negotiate(String(request.headers['accept-encoding'] ?? ''), ['br', 'gzip']);
  const body =
    encoding === 'br'
      ? await brotli(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(html) } })
      : encoding === 'gzip'
        ? await gzip(html, { level: 6 })
        : html;
  if (encoding) reply.header('Content-Encoding', encoding);
  return reply.header('Cache-Control', 'no-store').header('Vary', 'accept-encoding, cookie').type('text/html; charset=utf-8').send(body);
}
