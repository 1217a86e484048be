import { ArrowRight } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { UserSummary } from '#shared/schemas/users.ts';
import { PersonRow } from '#web/components/person-row.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import '#web/components/person-list.css';
import './dashboard.css';

interface RecentPeopleCardProps {
  title: string;
  people: readonly UserSummary[];
  linkTo: (user: UserSummary) => string;
  meta?: (user: UserSummary) => { title: ReactNode; detail?: ReactNode };
  allTo: string;
  allLabel: string;
  empty: { icon: ReactNode; title: string; description: string };
}

/** The latest people registered, with a link to the full list. */
export function RecentPeopleCard({ title, people, linkTo, meta, allTo, allLabel, empty }: RecentPeopleCardProps) {
  return (
    <Card flush as="section" aria-labelledby="recent-people-title">
      <CardHeader
        id="recent-people-title"
        title={title}
        actions={
          people.length > 0 ? (
            <Link to={allTo} className="dashboard-link">
              {allLabel}
              <ArrowRight aria-hidden="true" />
            </Link>
          ) : undefined
        }
      />
      {people.length === 0 ? (
        <EmptyState icon={empty.icon} title={empty.title} description={empty.description} level={3} />
      ) : (
        <ul className="person-list">
          {people.map((user) => (
            <PersonRow key={user.id} user={user} to={linkTo(user)} meta={meta?.(user)} />
          ))}
        </ul>
      )}
    </Card>
  );
}
