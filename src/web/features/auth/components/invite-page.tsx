import { useParams } from 'react-router';
import { inviteTokenParamSchema } from '#shared/schemas/auth.ts';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { ApiError } from '#web/lib/api-error.ts';
import { useDocumentTitle } from '#web/lib/use-document-title.ts';
import { useInvite } from '#web/features/auth/api/get-invite.ts';
import { AcceptInviteForm } from './accept-invite-form';
import { AuthLayout } from './auth-layout';
import { InviteProblem } from './invite-problem';
import type { InviteProblemKind } from './invite-problem';

function problemOf(error: unknown): InviteProblemKind {
  if (error instanceof ApiError) {
    if (error.code === 'invite_expired') return 'expired';
    if (error.code === 'invite_used') return 'used';
    if (error.code === 'invite_invalid' || error.status === 404 || error.status === 400) return 'invalid';
  }
  return 'unavailable';
}

/** /convite/:token: the invited person chooses their password and is signed in. */
export function InvitePage() {
  useDocumentTitle('Criar sua senha');
  const { token = '' } = useParams();
  const wellFormed = inviteTokenParamSchema.safeParse({ token }).success;
  const invite = useInvite(token, wellFormed);

  let content;
  if (!wellFormed) content = <InviteProblem kind="invalid" />;
  else if (invite.isPending) content = <LoadingState label="Abrindo seu convite…" />;
  else if (invite.isError) content = <InviteProblem kind={problemOf(invite.error)} onRetry={() => void invite.refetch()} />;
  else content = <AcceptInviteForm token={token} invite={invite.data} />;

  return <AuthLayout>{content}</AuthLayout>;
}
