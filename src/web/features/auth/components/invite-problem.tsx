import { Clock, Link2Off, RefreshCw, UserCheck, WifiOff } from 'lucide-react';
import { Button } from '../../../components/ui/button';
import { ButtonLink } from '../../../components/ui/button-link';
import './invite-problem.css';

export type InviteProblemKind = 'invalid' | 'expired' | 'used' | 'unavailable';

const CONTENT = {
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
} as const;

/** Why an invite cannot be used, in plain words, and what to do next. */
export function InviteProblem({ kind, onRetry }: { kind: InviteProblemKind; onRetry?: () => void }) {
  const { icon: Icon, title, text } = CONTENT[kind];
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
        <ButtonLink to="/entrar" variant={kind === 'used' ? 'primary' : 'secondary'}>
          Ir para a página de entrada
        </ButtonLink>
      )}
    </div>
  );
}
