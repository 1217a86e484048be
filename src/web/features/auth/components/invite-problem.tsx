import { Clock, Link2Off, UserCheck, WifiOff } from 'lucide-react';
import { LinkProblem, type LinkProblemContent, type LinkProblemKind } from './link-problem';

export type InviteProblemKind = LinkProblemKind;

const CONTENT: LinkProblemContent = {
  invalid: {
    icon: Link2Off,
    title: 'Este link de convite não é válido',
    text: 'Confira se o endereço foi copiado inteiro. Se o problema continuar, peça um novo link à clínica.',
  },
  expired: {
    icon: Clock,
    title: 'Este convite expirou',
    text: 'Por segurança, cada convite vale por 7 dias. Peça um novo link à clínica ou ao seu médico.',
  },
  used: {
    icon: UserCheck,
    title: 'Este convite já foi usado',
    text: 'Sua senha já foi criada com este link. Entre com seu e-mail e senha. Se esqueceu a senha, toque em “Esqueci minha senha” na página de entrada.',
  },
  unavailable: {
    icon: WifiOff,
    title: 'Não foi possível abrir o convite',
    text: 'Pode ser um problema de conexão. Tente de novo em instantes.',
  },
};

/** Why an invite cannot be used, in plain words, and what to do next. */
export function InviteProblem({ kind, onRetry }: { kind: InviteProblemKind; onRetry?: () => void }) {
  return <LinkProblem content={CONTENT} kind={kind} onRetry={onRetry} />;
}
