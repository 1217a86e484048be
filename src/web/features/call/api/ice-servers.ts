import type { IceServers } from '#shared/schemas/rooms.ts';
import { apiFetch } from '#web/lib/api-client.ts';

let cache: { servers: RTCIceServer[]; until: number } | null = null;

/**
 * STUN, and TURN with time-limited credentials when the clinic configured it. Reused until half
 * of the credentials' lifetime has passed, so every new peer connection gets valid ones.
 */
export async function getIceServers(): Promise<RTCIceServer[]> {
  if (cache && cache.until > Date.now()) return cache.servers;
  const data = await apiFetch<IceServers>('/api/rtc/ice-servers');
  const servers: RTCIceServer[] = data.iceServers.map((s) => ({
    urls: s.urls,
    ...(s.username ? { username: s.username } : {}),
    ...(s.credential ? { credential: s.credential } : {}),
  }));
  cache = { servers, until: Date.now() + Math.max(30, data.ttlSeconds / 2) * 1000 };
  return servers;
}
