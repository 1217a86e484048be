import type { ReactNode } from 'react';
import type { UserSummary } from '#shared/schemas/users.ts';
import { formatDate } from '#web/lib/format-date.ts';
import { ROLE_LABELS } from '#web/lib/role-labels.ts';
import { Avatar } from './ui/avatar';
import { Card } from './ui/card';
import { UserStatusBadge } from './user-status-badge';
import './person-card.css';

/** A person at a glance (side card on detail pages): photo, name, status, facts, actions. */
export function PersonCard({ user, facts = [], children }: { user: UserSummary; facts?: readonly [string, ReactNode][]; children?: ReactNode }) {
  return (
    <Card className="person-card" as="section" aria-label="Resumo da conta">
      <div className="person-card-top">
        <Avatar name={user.name} photoUrl={user.photoUrl} size="xl" />
        <h2>{user.name}</h2>
        <p>{user.subtitle ?? ROLE_LABELS[user.role]}</p>
        <UserStatusBadge user={user} />
      </div>
      <dl className="person-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>Cadastrado em</dt>
          <dd>{formatDate(user.createdAt)}</dd>
        </div>
      </dl>
      {children ? <div className="person-card-actions">{children}</div> : null}
    </Card>
  );
}
