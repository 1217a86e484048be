import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { RefreshCw } from 'lucide-react';
import { Button } from '#web/components/ui/button.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import './invite-problem.css';

export type LinkProblemKind = 'invalid' | 'expired' | 'used' | 'unavailable';

export type LinkProblemContent = Record<LinkProblemKind, { icon: LucideIcon; title: string; text: string }>;

/**
 * Why a single-use link (an invite, a new-password link) cannot be used, in plain words, and what
 * to do next: try again when the network failed, otherwise go to sign in (the primary step once
 * the link was used), plus `more` (e.g. "Pedir um novo link") when it is not.
 */
export function LinkProblem({
  content,
  kind,
  onRetry,
  more,
}: {
  content: LinkProblemContent;
  kind: LinkProblemKind;
  onRetry?: (() => void) | undefined;
  more?: ReactNode;
}) {
  const { icon: Icon, title, text } = content[kind];
  return (
    <div className="invite-problem">
      <span className={`invite-problem-icon invite-problem-${kind}`} aria-hidden="true">
        <Icon />
      </span>
      <h1>{title}</h1>
      <p>{text}</p>
      {kind === 'unavailable' && onRetry ? (
        <Button onClick={onRetry} icon={<RefreshCw aria-hidden="true" />}>
          Tentar de novo
        </Button>
      ) : (
        <>
          <ButtonLink to="/entrar" variant={kind === 'used' ? 'primary' : 'secondary'}>
            Ir para a página de entrada
          </ButtonLink>
          {kind === 'used' ? null : more}
        </>
      )}
    </div>
  );
}
