import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { InviteLink } from '#shared/schemas/auth.ts';
import type { DbOrTrx } from '#server/db/database.ts';
import type { TokenLinksTable } from '#server/db/types.ts';
import type { AppError } from '#server/errors.ts';
import { hashToken, newToken } from '#server/lib/tokens.ts';
import { type TokenLinkTable, insertTokenLink, revokeOpenTokenLinks } from './token-links.repository';

/** What invites and password resets share: a single-use link that lets a person set a password. */
export type TokenLinkRow = Selectable<TokenLinksTable>;

/** One kind of link: the page its URL opens and the table that holds it. */
export type TokenLinkKind = { path: string; table: TokenLinkTable };

/**
 * A fresh link of this kind for a person, valid for `validMs`; their earlier open links of the
 * kind stop working, so only the last one sent works. Only the token's hash is stored.
 */
export async function createTokenLink(
  trx: DbOrTrx,
  kind: TokenLinkKind,
  link: { userId: string; createdBy: string | null; validMs: number; baseUrl: string },
): Promise<InviteLink> {
  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + link.validMs).toISOString();
  await revokeOpenTokenLinks(trx, kind.table, link.userId, now.toISOString());
  await insertTokenLink(trx, kind.table, {
    id: randomUUID(),
    token_hash: hashToken(token),
    user_id: link.userId,
    created_by: link.createdBy,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
    revoked_at: null,
  });
  return { url: `${link.baseUrl}${kind.path}/${token}`, expiresAt };
}

/** The link if it can still be used; otherwise the kind's own error for unknown or revoked, used, or expired. */
export function usableTokenLink<T extends TokenLinkRow>(
  row: T | undefined,
  errors: { invalid: () => AppError; used: () => AppError; expired: () => AppError },
): T {
  if (!row || row.revoked_at) throw errors.invalid();
  if (row.used_at) throw errors.used();
  if (Date.parse(row.expires_at) <= Date.now()) throw errors.expired();
  return row;
}
