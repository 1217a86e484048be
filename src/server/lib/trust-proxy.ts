import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/**
 * Which hops in front of us may speak for the client (X-Forwarded-For/-Proto/-Host):
 * none, the nearest `hops` addresses, or only peers whose address is in a list.
 */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

export type TrustFn = (addr: string, hop: number) => boolean;

/**
 * The trust function Fastify and our socket handshake both use. A hop count trusts the nearest
 * hops whatever their address, so it is safe only when nothing but the proxy can reach the port;
 * an address list also checks who the peer is. Never `true`: that would take the left-most,
 * client-chosen X-Forwarded-For entry.
 */
export function trustFn(trust: TrustProxy): TrustFn | false {
  if (trust === false) return false;
  if ('hops' in trust) {
    const hops = trust.hops;
    return (_addr, hop) => hop < hops;
  }
  return proxyAddr.compile(trust.addresses);
}

/** Throws when an entry of an address list is neither an IP, a CIDR nor a proxy-addr keyword. */
export function checkAddresses(addresses: string[]): void {
  proxyAddr.compile(addresses);
}

function lastEntry(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value.join(',') : value;
  if (!v) return undefined;
  return v.slice(v.lastIndexOf(',') + 1).trim() || undefined;
}

/**
 * The protocol and host a raw request was made to, as Fastify computes `request.protocol` and
 * `request.host`: forwarded headers count only when the direct peer is a trusted proxy.
 */
export function originOf(req: IncomingMessage, trust: TrustFn | false, https: boolean): string {
  const peerTrusted = trust !== false && req.socket.remoteAddress !== undefined && trust(req.socket.remoteAddress, 0);
  const proto = (peerTrusted && lastEntry(req.headers['x-forwarded-proto'])) || (https ? 'https' : 'http');
  const host = (peerTrusted && lastEntry(req.headers['x-forwarded-host'])) || req.headers.host;
  return `${proto}://${String(host)}`;
}
