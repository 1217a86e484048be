import { useEffect, useRef } from 'react';
import { Button } from './button';
import './load-more.css';

interface Props {
  /** False once the last page is shown: nothing renders then. */
  hasMore: boolean;
  loading: boolean;
  /** The last attempt failed: the button stays, automatic loading stops until it is pressed. */
  failed?: boolean;
  onLoadMore: () => void;
  /** What the button says, e.g. "Carregar mais consultas". */
  label?: string;
}

/**
 * The end of a paged list. Scrolling near it loads the next page (an IntersectionObserver on this
 * block); the button does the same for keyboards, screen readers and browsers without the observer.
 */
export function LoadMore({ hasMore, loading, failed = false, onLoadMore, label = 'Carregar mais' }: Props) {
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore || loading || failed || typeof IntersectionObserver === 'undefined') return;
    // 400 px ahead, so the next page is usually there before the reader gets to the end.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) onLoadMore();
      },
      { rootMargin: '0px 0px 400px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore, loading, failed, onLoadMore]);

  if (!hasMore) return null;
  return (
    <div className="load-more" ref={sentinel}>
      {failed ? (
        <p className="load-more-error" role="alert">
          Não foi possível carregar mais agora.
        </p>
      ) : null}
      <Button variant="secondary" size="sm" loading={loading} onClick={onLoadMore}>
        {loading ? 'Carregando…' : failed ? 'Tentar de novo' : label}
      </Button>
    </div>
  );
}
