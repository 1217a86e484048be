import { createHash, randomBytes } from 'node:crypto';

/** A random 256-bit token, URL-safe, for session cookies and invite links. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What we store instead of a token: a leaked database does not reveal live sessions or invites. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
