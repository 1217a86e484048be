import { useCallback, useMemo } from 'react';
import type { CursorPage } from '#shared/schemas/cursor.ts';

/** What this needs of a TanStack infinite query over cursor pages. */
interface PagedQuery<T> {
  data?: { pages: CursorPage<T>[] } | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: (options?: { cancelRefetch?: boolean }) => Promise<unknown>;
}

/** The loaded items of a paged list, in order, and the props of its `LoadMore`. */
export function usePagedList<T>(query: PagedQuery<T>) {
  const { data, fetchNextPage } = query;
  // The observer and the button may both ask at once: join the request under way instead of restarting it.
  const onLoadMore = useCallback(() => void fetchNextPage({ cancelRefetch: false }), [fetchNextPage]);
  const items = useMemo(() => data?.pages.flatMap((p) => p.items) ?? [], [data]);
  return { items, loadMore: { hasMore: query.hasNextPage, loading: query.isFetchingNextPage, failed: query.isFetchNextPageError, onLoadMore } };
}
