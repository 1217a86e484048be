import type { UserSummary } from '#shared/schemas/users.ts';
import { Badge } from './ui/badge';

/**
 * "Ativo", "Inativo", "Convite pendente" (no password yet, an invite still works) or "Convite
 * expirado" (no password and no working invite: send a new one). The dashboard counts the same.
 */
export function UserStatusBadge({ user }: { user: Pick<UserSummary, 'status' | 'activated' | 'inviteExpired'> }) {
  if (user.status === 'inactive') return <Badge tone="neutral">Inativo</Badge>;
  if (!user.activated) return user.inviteExpired ? <Badge tone="danger">Convite expirado</Badge> : <Badge tone="warning">Convite pendente</Badge>;
  return <Badge tone="success">Ativo</Badge>;
}
