import { Skeleton } from './ui/skeleton';
import './person-list.css';

/** Grey rows with the shape of the list while it loads. */
export function PersonListSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div role="status">
      <span className="sr-only">Carregando a lista…</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="person-list-skeleton">
          <Skeleton width="2.5rem" height="2.5rem" className="skeleton-round" />
          <div>
            <Skeleton width="40%" height="0.875rem" />
            <Skeleton width="60%" height="0.75rem" />
          </div>
        </div>
      ))}
    </div>
  );
}
