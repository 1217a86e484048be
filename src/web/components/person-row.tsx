import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { UserSummary } from '#shared/schemas/users.ts';
import { formatDate } from '#web/lib/format-date.ts';
import { Avatar } from './ui/avatar';
import { UserStatusBadge } from './user-status-badge';
import './person-list.css';

interface PersonRowProps {
  user: UserSummary;
  to: string;
  /** Middle column (hidden on phones): e.g. role and CRM, or phone and age. */
  meta?: { title: ReactNode; detail?: ReactNode };
  /** A short line under the e-mail, shown on every screen size (e.g. the last consultation). */
  note?: ReactNode;
}

/** One person in a list: avatar, name (the link, covering the row) and e-mail, details, status, date. */
export function PersonRow({ user, to, meta, note }: PersonRowProps) {
  return (
    <li className={meta ? 'person-row' : 'person-row person-row-no-meta'}>
      <Avatar name={user.name} photoUrl={user.photoUrl} size="md" />
      <div className="person-row-main">
        <Link to={to} className="person-row-name">
          {user.name}
        </Link>
        <span className="person-row-sub">{user.email}</span>
        {note ? <span className="person-row-note">{note}</span> : null}
      </div>
      {meta ? (
        <div className="person-row-meta">
          <strong>{meta.title}</strong>
          {meta.detail ? <span>{meta.detail}</span> : null}
        </div>
      ) : null}
      <div className="person-row-status">
        <UserStatusBadge user={user} />
      </div>
      <span className="person-row-date">
        <span className="sr-only">Cadastrado em </span>
        {formatDate(user.createdAt)}
      </span>
    </li>
  );
}
