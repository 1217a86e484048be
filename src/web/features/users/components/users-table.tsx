import { Link } from 'react-router';
import type { UserSummary } from '#shared/schemas/users.ts';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { UserStatusBadge } from '#web/components/user-status-badge.tsx';
import { formatDate } from '#web/lib/format-date.ts';
import { ROLE_LABELS } from '#web/lib/role-labels.ts';
import './users-table.css';

/**
 * The admin's list of people as a real table, so each column has a header that screen readers
 * announce with every cell. On phones the rows become small cards (the headers stay for them).
 */
export function UsersTable({ users, busy, updating }: { users: UserSummary[]; busy: boolean; updating: boolean }) {
  return (
    <table className={updating ? 'users-table list-updating' : 'users-table'} aria-busy={busy}>
      <caption className="sr-only">Usuários da clínica</caption>
      <thead>
        <tr>
          <th scope="col">Nome</th>
          <th scope="col">Perfil</th>
          <th scope="col">Situação</th>
          <th scope="col" className="users-table-date">
            Cadastrado em
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id}>
            <td>
              {/* The flex box sits inside the cell: a flex <td> stops being a table cell. */}
              <div className="users-table-person">
                <Avatar name={user.name} photoUrl={user.photoUrl} size="md" />
                <div>
                  <Link to={`/admin/usuarios/${user.id}`} className="users-table-name">
                    {user.name}
                  </Link>
                  <span className="users-table-sub">{user.email}</span>
                </div>
              </div>
            </td>
            <td className="users-table-role">
              <strong>{ROLE_LABELS[user.role]}</strong>
              {user.subtitle ? <span>{user.subtitle}</span> : null}
            </td>
            <td className="users-table-status">
              <UserStatusBadge user={user} />
            </td>
            <td className="users-table-date">{formatDate(user.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
