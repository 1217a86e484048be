import type { UserSummary } from '../../shared/schemas/users';
import { Badge } from './ui/badge';

/** "Ativo", "Inativo" or "Convite pendente" (active but has not set a password yet). */
export function UserStatusBadge({ user }: { user: Pick<UserSummary, 'status' | 'activated'> }) {
  if (user.status === 'inactive') return <Badge tone="neutral">Inativo</Badge>;
  if (!user.activated) return <Badge tone="warning">Convite pendente</Badge>;
  return <Badge tone="success">Ativo</Badge>;
}
