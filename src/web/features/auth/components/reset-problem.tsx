import { Clock, Link2Off, UserCheck, WifiOff } from 'lucide-react';
import { Link } from 'react-router';
import { ApiError } from '#web/lib/api-error.ts';
import { LinkProblem, type LinkProblemContent, type LinkProblemKind } from './link-problem';

export type ResetProblemKind = LinkProblemKind;

const CONTENT: LinkProblemContent = {
  invalid: {
    icon: Link2Off,
    title: 'Este link para nova senha não é válido',
    text: 'Confira se o endereço foi copiado inteiro. Só o link mais recente funciona: se você pediu mais de um, use o último.',
  },
  expired: {
    icon: Clock,
    title: 'Este link venceu',
    text: 'Por segurança, o link vale por pouco tempo. Peça um novo em “Esqueci minha senha” ou à clínica.',
  },
  used: {
    icon: UserCheck,
    title: 'Este link já foi usado',
    text: 'Sua nova senha já foi criada com este link. Entre com seu e-mail e a senha nova.',
  },
  unavailable: {
    icon: WifiOff,
    title: 'Não foi possível abrir o link',
    text: 'Pode ser um problema de conexão. Tente de novo em instantes.',
  },
};

export function resetProblemOf(error: unknown): ResetProblemKind {
  if (error instanceof ApiError) {
    if (error.code === 'reset_expired') return 'expired';
    if (error.code === 'reset_used') return 'used';
    if (error.status === 404 || error.status === 400) return 'invalid';
  }
  return 'unavailable';
}

/** Why a new-password link cannot be used, in plain words, and what to do next. */
export function ResetProblem({ kind, onRetry }: { kind: ResetProblemKind; onRetry?: () => void }) {
  return <LinkProblem content={CONTENT} kind={kind} onRetry={onRetry} more={<Link to="/esqueci-senha">Pedir um novo link</Link>} />;
}
