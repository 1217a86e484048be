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
 * The screen's HTML with the answers the person's session gets, or undefined when the session
 * is not valid (no answer for /api/auth/me): that browser gets the build's page, whose own
 * requests lead it to the login page as before. An answer other than 200 is left out, and the
 * app asks for it itself.
 */
export async function htmlWithFirstData(app: FastifyInstance, request: FastifyRequest, screen: DataScreen): Promise<string | undefined> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const answers = await Promise.all(
    screen.urls.map((url) => app.inject({ method: 'GET', url, headers, remoteAddress: request.socket.remoteAddress ?? request.ip })),
  );
  const data: Record<string, unknown> = {};
  screen.urls.forEach((url, i) => {
    const answer = answers[i]!;
    if (answer.statusCode !== 200 || !String(answer.headers['content-type']).startsWith('application/json')) return;
    try {
      data[url] = answer.json();
    } catch {
      // Not JSON after all: the app asks for it itself.
    }
  });
  if (screen.urls.includes(SESSION_URL) && !(SESSION_URL in data)) return undefined;
  const script = `<script type="application/json" id="first-data">${scriptSafeJson(data)}</script>`;
  return screen.html.replace('</head>', `    ${script}\n  </head>`);
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
