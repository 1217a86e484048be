import { Card } from '#web/components/ui/card.tsx';
import { Skeleton } from '#web/components/ui/skeleton.tsx';
import './dashboard.css';

/** Grey placeholders in the shape of a dashboard while its figures load. */
export function DashboardSkeleton({ cards = 4 }: { cards?: number }) {
  return (
    <div className="dashboard" role="status">
      <span className="sr-only">Carregando o painel…</span>
      <div className="dashboard-skeleton-stats">
        {Array.from({ length: cards }, (_, i) => (
          <Card key={i}>
            <Skeleton width="55%" height="0.875rem" />
            <Skeleton width="35%" height="2.25rem" className="skeleton-gap" />
          </Card>
        ))}
      </div>
      <Card>
        <Skeleton width="30%" height="1rem" />
        <Skeleton height="3rem" className="skeleton-gap" />
        <Skeleton height="3rem" className="skeleton-gap" />
      </Card>
    </div>
  );
}
