import { createHmac } from 'node:crypto';
import type { IceServers } from '#shared/schemas/rooms.ts';
import type { Config } from '#server/config.ts';

/**
 * ICE servers for one person: STUN, plus TURN with time-limited credentials in coturn's REST API
 * scheme (use-auth-secret): username `expiry:userId`, password base64(HMAC-SHA1(secret, username)).
 * A leaked credential stops working at `expiry`, and the secret never leaves the server.
 */
export function iceServersFor(rtc: Config['rtc'], userId: string, now = Date.now()): IceServers {
  const iceServers: IceServers['iceServers'] = [];
  if (rtc.stunUrls.length) iceServers.push({ urls: rtc.stunUrls });
  if (rtc.turnUrls.length && rtc.turnSecret) {
    const username = `${Math.floor(now / 1000) + rtc.turnTtlSeconds}:${userId}`;
    const credential = createHmac('sha1', rtc.turnSecret).update(username).digest('base64');
    iceServers.push({ urls: rtc.turnUrls, username, credential });
  }
  return { iceServers, ttlSeconds: rtc.turnTtlSeconds };
}
