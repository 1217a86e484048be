import type { InviteLink } from '#shared/schemas/auth.ts';
import type { UserRow } from '#server/db/types.ts';

/** Emails an invite link (set up from SMTP_URL by the invites feature); absent when there is no mail. */
export type InviteMailer = (to: { email: string; name: string }, invite: InviteLink) => void;

/**
 * Who acts, from where, the base of links we hand out, and how invites are emailed (if at all).
 * Every feature's service takes one; `plugins/actor.ts` builds it from the request.
 */
export type Actor = { user: UserRow; ip: string | null; baseUrl: string; mailInvite?: InviteMailer | undefined; userAgent?: string | null | undefined };
