import type { InviteInfo, InviteLink } from '#shared/schemas/auth.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import { createTokenLink, usableTokenLink } from '#server/core/token-links.ts';
import { markTokenLinkUsed, revokeOpenTokenLinks } from '#server/core/token-links.repository.ts';
import type { Db, DbOrTrx } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import type { UserRow } from '#server/db/types.ts';
import { AppError } from '#server/errors.ts';
import { hashPassword } from '#server/lib/passwords.ts';
import { hashToken } from '#server/lib/tokens.ts';
import { findUserById, updateUser } from '#server/features/users/users.service.ts';
import { findInviteByTokenHash, findUserIdsWithPendingInvite, hasPendingInvite as hasPendingInviteAt } from './invites.repository';

export const INVITE_VALID_MS = 7 * 86_400_000;

const invalid = () => new AppError('invite_invalid', 404, 'Este link de convite não é válido. Peça um novo link à clínica.');
const used = () => new AppError('invite_used', 410, 'Este convite já foi usado. Entre com seu e-mail e senha, ou peça um novo link à clínica.');
const expired = () => new AppError('invite_expired', 410, 'Este convite venceu. Peça um novo link à clínica.');

const invites = { path: '/convite', table: 'invites' } as const;

/** Creates a single-use invite link valid for 7 days, revoking earlier ones. */
export async function createInvite(trx: DbOrTrx, userId: string, createdBy: string | null, baseUrl: string): Promise<InviteLink> {
  return createTokenLink(trx, invites, { userId, createdBy, validMs: INVITE_VALID_MS, baseUrl });
}

async function openInvite(db: DbOrTrx, token: string) {
  const invite = usableTokenLink(await findInviteByTokenHash(db, hashToken(token)), { invalid, used, expired });
  const user = await findUserById(db, invite.user_id);
  if (!user || user.status !== 'active') throw invalid();
  return { invite, user };
}

/** Who the invite is for, so the page can greet them. */
export async function getInviteInfo(db: Db, token: string): Promise<InviteInfo> {
  const { user } = await openInvite(db, token);
  return { name: user.name, email: user.email, role: user.role };
}

/** Sets the person's password through their invite; the invite works once, even under races. */
export async function acceptInvite(db: Db, token: string, password: string, ip: string | null): Promise<UserRow> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const { invite, user } = await openInvite(trx, token);
    const at = nowIso();
    if (!(await markTokenLinkUsed(trx, 'invites', invite.id, at))) throw used();
    await updateUser(trx, user.id, { password_hash: passwordHash, updated_at: at });
    await recordAudit(trx, { actorId: user.id, action: 'invite.accepted', entityType: 'user', entityId: user.id, ip });
    return { ...user, password_hash: passwordHash, updated_at: at };
  });
}

/** Who among these people (those without a password) still has an invite that works: one query per page. */
export async function pendingInvitesOf(db: DbOrTrx, users: Pick<UserRow, 'id' | 'password_hash'>[]): Promise<Set<string>> {
  return findUserIdsWithPendingInvite(
    db,
    users.filter((u) => u.password_hash === null).map((u) => u.id),
    nowIso(),
  );
}

/** Whether this person has an unused, unexpired invite now. */
export async function hasPendingInvite(db: DbOrTrx, userId: string): Promise<boolean> {
  return hasPendingInviteAt(db, userId, nowIso());
}

/** Stops the person's open invites working (a password set another way makes them pointless). */
export async function revokeInvites(db: DbOrTrx, userId: string, at: string): Promise<void> {
  await revokeOpenTokenLinks(db, 'invites', userId, at);
}
