import type { InviteLink, PasswordResetInfo } from '#shared/schemas/auth.ts';
import type { Actor } from '#server/core/actor.ts';
import { recordAudit } from '#server/core/audit.repository.ts';
import { isDoctorOfPatient } from '#server/core/care-links.repository.ts';
import { createTokenLink, usableTokenLink } from '#server/core/token-links.ts';
import { markTokenLinkUsed, revokeOpenTokenLinks } from '#server/core/token-links.repository.ts';
import type { Db, DbOrTrx } from '#server/db/database.ts';
import { nowIso } from '#server/db/database.ts';
import type { UserRow } from '#server/db/types.ts';
import { AppError, conflict, notFound } from '#server/errors.ts';
import type { MailMessage } from '#server/lib/mail.ts';
import { hashPassword } from '#server/lib/passwords.ts';
import { hashToken } from '#server/lib/tokens.ts';
import { clear, hit } from '#server/features/auth/auth.service.ts';
import { endUserSessions } from '#server/features/auth/session.service.ts';
import { revokeInvites } from '#server/features/invites/invites.service.ts';
import { findUserByEmail, findUserById, updateUser } from '#server/features/users/users.service.ts';
import { findPasswordResetByTokenHash } from './password-resets.repository';

/** A link asked for by e-mail: whoever reads the mailbox has it, so it lives briefly. */
export const RESET_BY_EMAIL_MS = 60 * 60_000;
/** A link the clinic generates and sends by WhatsApp: the person may read it later in the day. */
export const RESET_GENERATED_MS = 24 * 60 * 60_000;
/** "Esqueci minha senha" requests per typed e-mail per hour, and per IP per hour. */
export const FORGOT_PER_EMAIL_PER_HOUR = 3;
export const FORGOT_PER_IP_PER_HOUR = 10;

const HOUR_MS = 60 * 60_000;

const invalid = () => new AppError('reset_invalid', 404, 'Este link para nova senha não é válido. Peça um novo link.');
const used = () => new AppError('reset_used', 410, 'Este link já foi usado. Entre com sua senha nova, ou peça outro link.');
const expired = () => new AppError('reset_expired', 410, 'Este link venceu. Peça um novo link para criar sua senha.');
const tooMany = () => new AppError('too_many_attempts', 429, 'Muitos pedidos de nova senha. Por segurança, aguarde uma hora e tente de novo.');

const resets = { path: '/nova-senha', table: 'password_resets' } as const;

async function createResetLink(trx: DbOrTrx, userId: string, createdBy: string | null, validMs: number, baseUrl: string): Promise<InviteLink> {
  return createTokenLink(trx, resets, { userId, createdBy, validMs, baseUrl });
}

/**
 * "Esqueci minha senha", step one: counted per IP and per typed e-mail *before* anything else,
 * so a flood costs two small writes and the lock says nothing about whether the e-mail exists.
 * The caller answers at once and runs the returned work afterwards, so known and unknown e-mails
 * get the same answer in the same time (no enumeration by timing).
 */
export async function throttleForgotPassword(db: Db, email: string, ip: string | null): Promise<void> {
  const now = new Date();
  const byIp = await hit(db, `forgot-ip:${ip ?? 'unknown'}`, HOUR_MS, now);
  if (byIp.count > FORGOT_PER_IP_PER_HOUR) throw tooMany();
  const byEmail = await hit(db, `forgot:${email.toLowerCase()}`, HOUR_MS, now);
  if (byEmail.count > FORGOT_PER_EMAIL_PER_HOUR) throw tooMany();
}

/** Step two, after the answer: an active account gets a one-hour link by e-mail; anything else gets nothing. */
export async function mailPasswordReset(
  db: Db,
  email: string,
  ip: string | null,
  baseUrl: string,
  send: (message: MailMessage) => Promise<void>,
): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user || user.status !== 'active') return;
  const link = await db.transaction().execute(async (trx) => {
    const created = await createResetLink(trx, user.id, null, RESET_BY_EMAIL_MS, baseUrl);
    await recordAudit(trx, { actorId: null, action: 'password_reset.requested', entityType: 'user', entityId: user.id, ip });
    return created;
  });
  await send({
    to: { email: user.email, name: user.name },
    subject: 'Sua nova senha no MedConnect',
    text: `Olá, ${user.name}!\n\nRecebemos um pedido para criar uma nova senha na sua conta do MedConnect. Para criar a senha, abra o link abaixo (vale por 1 hora e uma vez só):\n\n${link.url}\n\nSe não foi você, ignore este e-mail: sua senha continua a mesma.`,
  });
}

/**
 * "Gerar link para nova senha": the admin for any active person but themselves, a doctor for
 * their own patients only. Someone else's patient gets the same 404 as an unknown id.
 */
export async function generatePasswordResetLink(db: Db, actor: Actor, userId: string): Promise<InviteLink> {
  return db.transaction().execute(async (trx) => {
    const target = await findUserById(trx, userId);
    const allowed =
      target !== undefined &&
      target.id !== actor.user.id &&
      (actor.user.role === 'admin' || (actor.user.role === 'doctor' && target.role === 'patient' && (await isDoctorOfPatient(trx, actor.user.id, target.id))));
    if (!target || !allowed) throw notFound('Pessoa não encontrada.');
    if (target.status !== 'active') throw conflict('inactive', 'Esta conta está desativada. Reative a conta antes de gerar um link.');
    const link = await createResetLink(trx, target.id, actor.user.id, RESET_GENERATED_MS, actor.baseUrl);
    await recordAudit(trx, { actorId: actor.user.id, action: 'password_reset.generated', entityType: 'user', entityId: target.id, ip: actor.ip });
    return link;
  });
}

async function openReset(db: DbOrTrx, token: string) {
  const reset = usableTokenLink(await findPasswordResetByTokenHash(db, hashToken(token)), { invalid, used, expired });
  const user = await findUserById(db, reset.user_id);
  if (!user || user.status !== 'active') throw invalid();
  return { reset, user };
}

/** Whose link this is, so the page can greet them. */
export async function getPasswordResetInfo(db: Db, token: string): Promise<PasswordResetInfo> {
  const { user } = await openReset(db, token);
  return { name: user.name, email: user.email };
}

/**
 * Sets the new password through the link, once even under races. Every session of the person
 * ends (the caller also closes their sockets), open links and invites stop working, and the
 * login lock on the account is lifted: the person just proved they own it.
 */
export async function completePasswordReset(db: Db, token: string, password: string, ip: string | null): Promise<UserRow> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const { reset, user } = await openReset(trx, token);
    const at = nowIso();
    if (!(await markTokenLinkUsed(trx, 'password_resets', reset.id, at))) throw used();
    await updateUser(trx, user.id, { password_hash: passwordHash, updated_at: at });
    await revokeOpenTokenLinks(trx, 'password_resets', user.id, at);
    await revokeInvites(trx, user.id, at);
    await endUserSessions(trx, user.id);
    await clear(trx, `account:${user.email.toLowerCase()}`);
    await recordAudit(trx, {
      actorId: user.id,
      action: 'password_reset.completed',
      entityType: 'user',
      entityId: user.id,
      details: { by: reset.created_by ? 'generated' : 'email' },
      ip,
    });
    return { ...user, password_hash: passwordHash, updated_at: at };
  });
}
